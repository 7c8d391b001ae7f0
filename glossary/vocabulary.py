"""The recognised vocabulary: technologies the decoder names without a glossary entry yet.

The curated glossary explains the terms recruiters meet most. Under it, this broad vocabulary,
built from well-kept public datasets shipped on npm, lets the decoder say "recognised, not in the
glossary yet: Haskell (programming language)" instead of silently skipping a name:

- GitHub Linguist's list of programming, markup and data languages (``linguist-languages``, MIT);
- Devicon's list of developer technologies: frameworks, libraries, databases, tools, platforms
  (``devicon``, MIT), each with its kind taken from Devicon's tags;
- Simple Icons' brand titles and aliases (``simple-icons``, CC0), used only to spell a Devicon
  entry the way its makers do ("Visual Studio Code", not Devicon's key "vscode").

The data lives in ``glossary/data/recognised.json`` with each source's version and licence;
``make vocabulary`` rebuilds it (``manage.py update_vocabulary``). Glossary terms win: a spelling
the glossary already has is never a recognised term.
"""

import datetime
import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

DATA = Path(__file__).with_name("data") / "recognised.json"

KINDS = {
    "programming": "programming language",
    "markup": "markup language",
    "data": "data format",
    "prose": "document format",
}
# Linguist's data and prose entries are mostly kinds of files (Git Config, Hosts File, Public
# Key); these are the ones a résumé names as a skill.
DATA_KEPT = {
    "AsciiDoc", "Avro IDL", "CSV", "Caddyfile", "FlatBuffers", "GraphQL", "Graphviz (DOT)",
    "HAProxy", "HOCON", "JSON", "JSON5", "JSONLD", "Kusto", "Markdown", "Nginx", "PlantUML",
    "Prisma", "Protocol Buffer", "RMarkdown", "SPARQL", "SQL", "SVG", "TOML", "TSV", "Textile",
    "Turtle", "XML", "YAML", "reStructuredText", "Gradle", "Maven POM",
}  # fmt: skip
# Language names that are everyday English words and almost never mean the language on a
# full-stack résumé ("Clean code", "Red team", "Just in time"): left out, not guessed at.
EVERYDAY_EXCLUDED = {
    "Alloy", "Arc", "Beef", "Berry", "Blueprint", "Boo", "Carbon", "Charity", "Clean", "Click",
    "Clue", "Cool", "Curry", "Edge", "Factor", "Fancy", "Forth", "Grace", "Just", "Kit", "Mask",
    "Max", "Metal", "Mint", "Monkey", "Move", "Pan", "Pic", "Polar", "Processing", "Reason",
    "Red", "Ring", "Sage", "Sail", "Scenic", "Self", "Slice", "Tape", "Tea", "Verse", "Volt",
    "Answer Set Programming", "Linear Programming", "Mathematical Programming System",
    "Module Management System", "Text", "Formatted", "Fluent",
    # Devicon keys and Simple Icons titles that are everyday words or not technologies.
    "Apex", "Canva", "Clarity", "Codeac", "Express", "Fiber", "Foundation", "Fusion", "Gazebo",
    "Ghost", "Glitch", "Harbor", "Harvester", "Jeet", "Maya", "Nano", "Norg", "Polygon", "Reach",
    "Realm", "Rect", "Sema", "Spack", "Turbo", "Waku", "Gardener", "Teleport", "Reflex", "Sanity",
    "Swiper", "Zustand", "Nimble", "Discloud", "Ory", "Sketch", "Pulsar", "Remix", "Astro",
    "Bun", "Qwik", "Moleculer", "Ballerina", "Atom", "Knockout", "Karma",
}  # fmt: skip
_EVERYDAY = {name.casefold() for name in EVERYDAY_EXCLUDED}
# Devicon tags that mark a website, company or community rather than a technology, and entries
# that are not skills (Devicon itself, browsers' old versions, social networks).
DEVICON_SKIPPED_TAGS = {"social", "company", "community", "brand", "iconset"}
DEVICON_SKIPPED = {
    "devicon", "google", "apple", "facebook", "twitter", "linkedin", "behance", "stackoverflow",
    "leetcode", "thealgorithms", "codepen", "ie10", "windows8", "windows11", "gitter",
}  # fmt: skip
# Devicon tags to a kind the recruiter reads, first match wins.
DEVICON_KINDS = (
    ({"language"}, "programming language"),
    ({"framework", "micro-framework"}, "framework"),
    ({"library"}, "library"),
    ({"editor", "ide", "IDE", "text editor"}, "editor"),
    ({"os", "operating-system", "operating system", "distribution"}, "operating system"),
    ({"cloud", "hosting", "platform", "serverless", "cdn", "cloud hosting"}, "platform"),
    ({"database", "db", "nosql", "key-value", "warehouse", "relational"}, "database"),
    ({"testing", "test-runner"}, "testing tool"),
)


@dataclass(frozen=True)
class RecognisedTerm:
    """A technology the decoder recognises without a glossary entry.

    ``pk`` is negative, so it never collides with a glossary term's id in the matcher. Every
    recognised term needs a technical neighbour (a broad, unreviewed list); names spelt the way
    their makers write them are found only as written (``case_sensitive``), Devicon's lower-case
    keys ("bash", "heroku") in any case.
    """

    pk: int
    name: str
    aliases: tuple[str, ...]
    kind: str
    case_sensitive: bool = True

    needs_context = True
    other_meanings = ()


@cache
def recognised() -> tuple[RecognisedTerm, ...]:
    """The recognised vocabulary, read once per process from ``glossary/data/recognised.json``
    (a lower-case alias also spelt with a capital, see ``_with_capitals``)."""
    data = json.loads(DATA.read_text(encoding="utf-8"))
    return tuple(
        RecognisedTerm(
            -index,
            item["name"],
            _with_capitals(item["aliases"]),
            item["kind"],
            item.get("case_sensitive", True),
        )
        for index, item in enumerate(data["terms"], start=1)
    )


def _with_capitals(aliases: list[str]) -> tuple[str, ...]:
    """``aliases`` and, for each written as a lower-case word (Linguist's keys: "lisp"), the
    word with a capital as prose writes it ("Lisp"); matching is by case for these terms."""
    capitals = [a.capitalize() for a in aliases if a.isalpha() and a.islower()]
    return tuple(dict.fromkeys([*aliases, *capitals]))


def sources() -> list[dict]:
    """Where the vocabulary comes from: each package with its version, use and licence."""
    return json.loads(DATA.read_text(encoding="utf-8"))["sources"]


def _squash(name: str) -> str:
    """A name as a key: lower case, ``+``/``#``/``.`` spelt out, other punctuation dropped."""
    name = name.lower().replace("+", "plus").replace("#", "sharp").replace(".", "dot")
    return re.sub(r"[^a-z0-9]", "", name)


def _languages(package: dict) -> list[dict]:
    terms = []
    for language in package["languages"]:
        name, kind = language["name"], language["type"]
        short = len(name) <= 2 and not set(name) & set("#+")  # "Io", "J" are guesses; "F#" no
        if short or name in EVERYDAY_EXCLUDED or kind not in KINDS:
            continue
        if kind in {"data", "prose"} and name not in DATA_KEPT:
            continue
        aliases = sorted(
            {a for a in language.get("aliases") or [] if len(a) >= 4 and a.lower() != name.lower()}
        )
        terms.append({"name": name, "aliases": aliases, "kind": KINDS[kind]})
    return terms


def _devicon_kind(tags: set[str]) -> str:
    return next((kind for wanted, kind in DEVICON_KINDS if tags & wanted), "tool")


def _technologies(devicon: list[dict], simple_icons: list[dict], taken: set[str]) -> list[dict]:
    titles: dict[str, dict] = {}
    for icon in simple_icons:
        titles.setdefault(icon.get("slug") or _squash(icon["title"]), icon)
    terms = []
    for entry in devicon:
        tags = set(entry.get("tags") or [])
        if entry["name"] in DEVICON_SKIPPED or tags & DEVICON_SKIPPED_TAGS:
            continue
        altnames = entry.get("altnames") or []
        keys = [entry["name"], entry["name"].removesuffix("js") + "dotjs"]
        keys += [_squash(a) for a in altnames]
        icon = next((titles[key] for key in keys if key in titles), None)
        if icon:
            aka = (icon.get("aliases") or {}).get("aka") or []
            name, spellings, case_sensitive = icon["title"], [*aka, *altnames], True
        else:
            # No brand title: the first alternative name written like a name ("Cloud Run"),
            # else Devicon's key with a capital ("Heroku"), found in any case.
            written = [a for a in altnames if " " in a or not a.islower()]
            name = written[0] if written else entry["name"].capitalize()
            spellings, case_sensitive = altnames, False
        if len(name) <= 2 or name.casefold() in _EVERYDAY or _squash(name) in taken:
            continue
        if tags & {"javascript", "js"} and " " not in name and not name.lower().endswith("js"):
            spellings = [*spellings, f"{name}JS", f"{name}.js"]  # "MeteorJS", "Meteor.js"
        aliases = sorted(
            {
                a
                for a in spellings
                if len(a) >= 4
                and a.lower() != name.lower()
                and a.casefold() not in _EVERYDAY
                and (" " in a or not a.islower() or any(c in a for c in ".#+-"))
            }
        )
        terms.append(
            {
                "name": name,
                "aliases": aliases,
                "kind": _devicon_kind(tags),
                "case_sensitive": case_sensitive,
            }
        )
        taken.add(_squash(name))
    return terms


def build(
    languages: dict,
    devicon: dict,
    simple_icons: dict,
    *,
    today: datetime.date | None = None,
) -> dict:
    """Turn the three packages' data into the vocabulary file's content.

    Args:
        languages: ``{"name", "version", "license", "languages": [{"name", "type", "aliases"}]}``
            as ``make vocabulary`` dumps it from ``linguist-languages``.
        devicon: ``{"name", "version", "license", "icons": [...]}``: Devicon's ``devicon.json``
            (each entry ``{"name", "altnames", "tags"}``) with its package's name and version.
        simple_icons: ``{"name", "version", "license", "icons": [...]}``: Simple Icons'
            ``data/simple-icons.json`` (each ``{"title", "slug"?, "aliases"?}``) likewise.
        today: the build date to record (default: today).

    Returns:
        The JSON-ready vocabulary: its ``sources`` and its ``terms`` (name, aliases, kind and,
        for Devicon keys without a brand title, ``case_sensitive: false``), sorted by name.
        Left out: one- and two-character names but those with "#" or "+" ("F#"); Linguist's
        data and prose entries not in ``DATA_KEPT``; names in ``EVERYDAY_EXCLUDED``; Devicon's
        websites, companies and social networks; a Devicon entry already named by a language;
        aliases shorter than four characters (file extensions and abbreviations such as "py").

    Raises:
        KeyError: a package lacks one of the keys above.
    """
    terms = _languages(languages)
    taken = {_squash(term["name"]) for term in terms}
    terms += _technologies(devicon["icons"], simple_icons["icons"], taken)
    terms.sort(key=lambda term: term["name"].casefold())
    return {
        "sources": [
            {
                "package": f"{package['name']} {package['version']} (npm)",
                "used_for": used_for,
                "licence": package["license"],
            }
            for package, used_for in (
                (languages, "programming, markup and data languages (GitHub Linguist)"),
                (devicon, "developer technologies and their kinds"),
                (simple_icons, "how Devicon's technologies are spelt (brand titles)"),
            )
        ],
        "built": (today or datetime.date.today()).isoformat(),
        "terms": terms,
    }
