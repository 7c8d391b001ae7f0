"""Read one résumé file into text, in a process of its own with memory and CPU limits.

Run by ``glossary.resumes.read_resume`` as ``python -I resume_reader.py SUFFIX MEMORY CPU`` with
the file's bytes on standard input; prints one JSON object: ``{"text": "..."}`` or
``{"error": "a message for the person who sent the file"}``. A file that still gets past the
checks below is stopped by the limits (the process is killed) and the parent says so: a web
worker never parses an untrusted file itself.

Deliberately standalone (no Django, nothing from this project): it runs with ``-I``, so only
the standard library and installed packages are importable.
"""

import datetime
import html.parser
import io
import json
import re
import resource
import sys
import zipfile

MB = 1024 * 1024
MAX_CHARS = 2_100_000  # characters of text a file may give (a 2 MB text file, and some)
MAX_PDF_PAGES = 50
MAX_PDF_STREAM = 5 * MB  # bytes one PDF stream may unpack to
MAX_DOCX_UNPACKED = 20 * MB  # bytes all parts of a Word file may unpack to
MAX_DOCX_PARTS = 500
MAX_DOCX_PARAGRAPHS = 20_000
MAX_DOCX_ROWS = 5_000
MAX_YAML_NODES = 100_000  # scalars, lists and mappings a YAML résumé may hold


class Refused(Exception):
    """The file is refused; the message says why, for the person who sent it."""


def _text_of_pdf(data: bytes) -> str:
    import pypdf
    from pypdf.errors import LimitReachedError, PyPdfError

    pypdf.overwrite_configuration(
        zlib_maximum_output_length=MAX_PDF_STREAM,
        lzw_maximum_output_length=MAX_PDF_STREAM,
        run_length_maximum_output_length=MAX_PDF_STREAM,
        array_based_stream_maximum_output_length=MAX_PDF_STREAM,
        stream_decoding_work_maximum_length=4 * MAX_PDF_STREAM,
        stream_parsing_work_maximum_count=500_000,
    )
    try:
        reader = pypdf.PdfReader(io.BytesIO(data))
        # The page count the file declares, read before pypdf walks every page.
        declared = reader.trailer["/Root"]["/Pages"].get("/Count", 0)
        pages = int(declared) if isinstance(declared, int) else 0
        pages = pages if pages > MAX_PDF_PAGES else len(reader.pages)
        if pages > MAX_PDF_PAGES:
            raise Refused(
                f"This PDF has {pages:,} pages; the decoder reads résumés of up to "
                f"{MAX_PDF_PAGES} pages. Paste the text instead."
            )
        parts, size = [], 0
        for page in reader.pages:
            text = page.extract_text() or ""
            size += len(text)
            if size > MAX_CHARS:
                raise Refused(_too_much_text())
            parts.append(text)
    except LimitReachedError as exc:
        raise Refused(
            "This PDF could not be read: it holds more data than a résumé would (too much "
            "text or too many parts). Paste the text instead."
        ) from exc
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, OSError) as exc:
        raise Refused(
            "This PDF could not be read: it may be damaged or password-protected."
        ) from exc
    text = "\n".join(parts)
    if not text.strip():
        raise Refused(
            "This PDF has no text layer (it may be a scanned image). Paste the text instead."
        )
    return text


def _count_tags(xml: bytes, tag: bytes) -> int:
    return sum(xml.count(b"<" + tag + end) for end in (b">", b" ", b"/"))


def _archive_part(data: bytes, name: str, what: str, advice: str) -> bytes:
    """One part of a zip archive (Word, OpenDocument), after refusing an archive that unpacks
    to too much; ``what`` names the file and ``advice`` ends the refusal."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            parts = archive.infolist()
            unpacked = sum(part.file_size for part in parts)
            if len(parts) > MAX_DOCX_PARTS or unpacked > MAX_DOCX_UNPACKED:
                raise Refused(
                    f"{what} unpacks to {unpacked / MB:,.0f} MB in {len(parts)} parts; the "
                    f"decoder reads files that unpack to at most {MAX_DOCX_UNPACKED // MB} MB. "
                    f"{advice}"
                )
            return archive.read(name)
    except (zipfile.BadZipFile, KeyError, OSError) as exc:
        raise Refused(f"{what} could not be read: it may be damaged.") from exc


def _text_of_docx(data: bytes) -> str:
    import docx
    from docx.opc.exceptions import PackageNotFoundError
    from lxml.etree import LxmlError

    what = "This Word file"
    damaged = f"{what} could not be read: it may be damaged."
    body = _archive_part(
        data, "word/document.xml", what, "Save it again from Word, or paste the text."
    )
    paragraphs, rows = _count_tags(body, b"w:p"), _count_tags(body, b"w:tr")
    if rows > MAX_DOCX_ROWS:
        raise Refused(
            f"This Word file has {rows:,} table rows; the decoder reads up to "
            f"{MAX_DOCX_ROWS:,}. Paste the text instead."
        )
    if paragraphs > MAX_DOCX_PARAGRAPHS:
        raise Refused(
            f"This Word file has {paragraphs:,} paragraphs; the decoder reads up to "
            f"{MAX_DOCX_PARAGRAPHS:,}. Paste the text instead."
        )
    try:
        document = docx.Document(io.BytesIO(data))
        lines = [paragraph.text for paragraph in document.paragraphs]
        for table in document.tables:
            for row in table.rows:
                lines.append("  ".join(cell.text for cell in row.cells))
    except (PackageNotFoundError, LxmlError, KeyError, ValueError, AttributeError) as exc:
        raise Refused(damaged) from exc
    return "\n".join(lines)


def _strings(value: object) -> list[str]:
    """The text in a JSON value that should be text or a list of texts (anything else: none)."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, int | float) and not isinstance(value, bool):
        return [str(value)]
    if isinstance(value, list):
        return [item for entry in value if not isinstance(entry, list) for item in _strings(entry)]
    return []


def _dicts(value: object) -> list[dict]:
    return [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []


def _text_of_json_resume(data: bytes) -> str:
    """The text of a JSON Resume (jsonresume.org): summary, work, projects, skills and keywords.

    Values of the wrong type (a number where a list should be) are read where they make sense
    and skipped otherwise. Other JSON gives all its texts; JSON that does not parse (a comma
    missing, as hand-edited files have) is read as text.
    """
    text = _decoded(data, "This JSON is not UTF-8 text.")
    try:
        resume = json.loads(text)
    except json.JSONDecodeError:
        return text
    except RecursionError as exc:
        raise Refused("This JSON is nested too deeply to be a résumé.") from exc
    except ValueError as exc:
        raise Refused(f"This JSON could not be read: {exc}.") from exc
    if not isinstance(resume, dict) or not any(
        key in resume for key in ("basics", "work", "skills", "projects")
    ):
        lines: list[str] = []
        _yaml_strings(resume, lines, [0])
        return "\n".join(line for line in lines if line.strip())
    return _json_resume_lines(resume)


def _json_resume_lines(resume: dict) -> str:
    """The text of a JSON Resume already parsed (from JSON or YAML)."""
    lines: list[str] = []
    basics = resume.get("basics")
    if isinstance(basics, dict):
        for key in ("name", "label", "summary", "url", "website", "email"):
            lines += _strings(basics.get(key))
        lines += [_profile_line(profile) for profile in _dicts(basics.get("profiles"))]
    count = [0]  # the nodes read outside the schema, against MAX_YAML_NODES
    for section in ("work", "volunteer", "projects", "education", "awards", "publications"):
        lines += _strings(resume.get(section))
        for entry in _dicts(resume.get(section)):
            # as a résumé is laid out: the entry's title, its dates, then what it was
            for key in _ENTRY_TITLES:
                lines += _strings(entry.get(key))
            start = " ".join(_strings(entry.get("startDate")))
            if start:
                end = " ".join(_strings(entry.get("endDate"))) or "present"
                lines.append(f"{start} – {end}")
            for key in ("summary", "description", "highlights", "courses"):
                lines += _strings(entry.get(key))
            lines.append(", ".join(_strings(entry.get("keywords"))))  # names: one list
            _other_fields(entry, lines, count, _ENTRY_READ)
    for section in ("skills", "interests"):
        for entry in _dicts(resume.get(section)):
            name = " ".join(_strings(entry.get("name")))
            keywords = ", ".join(_strings(entry.get("keywords")))
            lines.append(f"{name}: {keywords}".strip(": "))
            _other_fields(entry, lines, count, _SKILL_READ)
    # Sections outside the schema ("experience" for "work", say): their texts, not nothing.
    for section, value in resume.items():
        if section not in _JSON_RESUME_READ and str(section).lower() not in _YAML_SKIPPED:
            _yaml_strings(value, lines, [0], str(section))
    return "\n".join(line for line in lines if line.strip())


# Where a profile on a well-known network lives, from its user name: RenderCV's
# ``social_networks`` and JSON Resume's ``profiles`` often give only the name.
_PROFILE_ADDRESSES = {
    "github": "https://github.com/{}",
    "gitlab": "https://gitlab.com/{}",
    "bitbucket": "https://bitbucket.org/{}",
    "linkedin": "https://www.linkedin.com/in/{}",
    "x": "https://x.com/{}",
    "twitter": "https://x.com/{}",
    "codeberg": "https://codeberg.org/{}",
}


def _profile_line(profile: dict) -> str:
    """A profile (``network`` and ``url`` or ``username``) as "Network: address", the address
    made from the user name on a well-known network ("GitHub: https://github.com/ada"), so that
    the page shows it as a link and the network's name is no skill."""
    network = " ".join(_strings(profile.get("network")))
    address = " ".join(_strings(profile.get("url")))
    username = " ".join(_strings(profile.get("username"))).strip().lstrip("@")
    pattern = _PROFILE_ADDRESSES.get(network.strip().casefold())
    if not address and username:
        simple = re.fullmatch(r"[\w.-]+", username) is not None
        address = pattern.format(username) if pattern and simple else username
    return f"{network}: {address}".strip(": ")


# An entry's title, in the order a reader meets it (the schema's names and its older ones: an
# employer was "company", a school "institution").
_ENTRY_TITLES = ("position", "company", "name", "institution", "area", "studyType")
# An entry's fields that are no text of the résumé, or read above.
_ENTRY_READ = {
    *_ENTRY_TITLES, "summary", "description", "startDate", "endDate", "highlights", "courses",
    "keywords", "url", "website", "image", "logo", "date", "releaseDate", "location", "score",
}  # fmt: skip


_SKILL_READ = {"name", "keywords", "url", "image", "logo"}


def _other_fields(entry: dict, lines: list[str], count: list[int], read: set[str]) -> None:
    """The texts of an entry's fields not ``read`` already ("technologies", a skill's
    "summary"), so that a résumé's own fields are read, not skipped."""
    rest = {
        key: value
        for key, value in entry.items()
        if key not in read and str(key).lower() not in _YAML_SKIPPED
    }
    if rest:
        _yaml_strings(rest, lines, count)


_JSON_RESUME_READ = {
    "basics", "work", "volunteer", "projects", "education", "awards", "publications", "skills",
    "interests", "$schema", "languages", "references",
}  # fmt: skip


def _too_much_text() -> str:
    return (
        f"This file holds too much text for a résumé (over {MAX_CHARS:,} characters). "
        "Paste the part that matters instead."
    )


# --- YAML: a JSON Resume or RenderCV file, or any YAML; invalid YAML is read as text -----------

# Keys whose values are layout, not résumé (RenderCV's design and locale, themes, photos).
_YAML_SKIPPED = {
    "design", "locale", "locale_catalog", "rendercv_settings", "theme", "photo", "image",
    "picture", "meta", "settings", "font", "fonts", "colors", "colours",
}  # fmt: skip


def _text_of_yaml(data: bytes) -> str:
    import yaml

    text = _decoded(data, "This YAML file is not UTF-8 text.")
    try:
        loaded = yaml.safe_load(text)
    except yaml.YAMLError:
        return text  # not valid YAML: its text is still the résumé
    except RecursionError as exc:
        raise Refused("This YAML is nested too deeply to be a résumé.") from exc
    if isinstance(loaded, dict) and isinstance(loaded.get("basics"), dict):
        return _json_resume_lines(loaded)  # JSON Resume written as YAML
    # Any other shape (RenderCV, a site's _data/resume.yml, one's own): every text in it.
    if not isinstance(loaded, dict | list):
        return text
    lines: list[str] = []
    _yaml_strings(loaded, lines, [0])
    return "\n".join(line for line in lines if line.strip())


def _yaml_strings(value: object, lines: list[str], count: list[int], key: str = "") -> None:
    """Every text in a YAML value, in order, a list's short items joined on one line."""
    count[0] += 1
    if count[0] > MAX_YAML_NODES:
        raise Refused("This YAML file holds more than a résumé would. Paste the text instead.")
    if isinstance(value, dict):
        if isinstance(value.get("network"), str) and ("username" in value or "url" in value):
            lines.append(_profile_line(value))  # RenderCV's social_networks
            value = {k: v for k, v in value.items() if k not in ("network", "username", "url")}
        start = value.get("start_date", value.get("startDate"))
        if isinstance(start, str | int | datetime.date) and not isinstance(start, bool):
            # RenderCV's (and JSON Resume's) period, written as a range the seniority reads
            end = value.get("end_date", value.get("endDate")) or "present"
            lines.append(f"{_month_of(start)} – {_month_of(end)}")
        for name, item in value.items():
            if str(name).lower() not in _YAML_SKIPPED:
                _yaml_strings(item, lines, count, str(name))
    elif isinstance(value, list):
        named = _entry_names(value)
        if value and all(isinstance(item, str) and len(item) < 60 for item in value):
            lines.append(f"{key}: {', '.join(value)}" if key else ", ".join(value))
        elif named:
            # Entries named one per item (a skill, its link, its years): the names as one list.
            field, names = named
            lines.append(f"{key}: {', '.join(names)}" if key else ", ".join(names))
            for item in value:
                _yaml_strings({k: v for k, v in item.items() if k != field}, lines, count, key)
        else:
            for item in value:
                _yaml_strings(item, lines, count, key)
    elif isinstance(value, str | int | float) and not isinstance(value, bool):
        lines.append(f"{key}: {value}" if key and not isinstance(value, str) else str(value))


_NAME_KEYS = ("name", "label", "title", "skill", "keyword")


def _entry_names(value: list) -> tuple[str, list[str]] | None:
    """If every item of ``value`` is a mapping with a short name under one same key (``name``,
    ``label``...) and no list (a group's items), that key and the names; else None."""
    if len(value) < 2 or not all(isinstance(item, dict) for item in value):
        return None
    if any(isinstance(v, list) for item in value for v in item.values()):
        return None  # groups ("Languages" with its keywords): their names are headings
    for field in _NAME_KEYS:
        names = [item.get(field) for item in value]
        if all(isinstance(name, str) and 0 < len(name) < 40 for name in names):
            return field, names
    return None


def _month_of(value: object) -> str:
    """A YAML date as year and month ("2019-01"); other values as written."""
    if isinstance(value, datetime.date):
        return f"{value.year}-{value.month:02d}"
    return str(value)


def _decoded(data: bytes, message: str) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise Refused(message) from exc


# --- LaTeX: the document's body, commands and comments stripped ---------------------------------

_TEX_COMMENT = re.compile(r"(?<!\\)%.*")


def _text_of_tex(data: bytes) -> str:
    text = _decoded(data, "This LaTeX file is not UTF-8 text.")
    text = _TEX_COMMENT.sub("", text)
    begin = text.find("\\begin{document}")
    if begin >= 0:
        text = text[begin + len("\\begin{document}") :]
    text = text.split("\\end{document}", 1)[0]
    try:
        plain = _latex_to_text(text)
    except (ValueError, IndexError, KeyError, TypeError, AttributeError):
        # A macro used in a way pylatexenc does not expect (an \href without its text, say):
        # strip the commands and keep what is between the braces.
        plain = _stripped_tex(text)
    except RecursionError as exc:
        raise Refused("This LaTeX file is nested too deeply to read. Paste the text.") from exc
    return re.sub(r"[ \t]+", " ", plain)


# Text macros pylatexenc drops with their text (technologies are often written \texttt{Django}).
_TEX_TEXT_MACROS = ("texttt", "textsf", "textup", "textmd", "textnormal", "underline", "mbox")


def _latex_to_text(latex: str) -> str:
    """The text of a LaTeX body, by pylatexenc, keeping every text macro's text and reading a
    macro it does not know (a résumé class's ``\\slashsep``) as a space between words."""
    from pylatexenc import latexwalker
    from pylatexenc.latex2text import (
        LatexNodes2Text,
        MacroTextSpec,
        get_default_latex_context_db,
    )
    from pylatexenc.macrospec import MacroSpec

    class ResumeText(LatexNodes2Text):
        def macro_node_to_text(self, node: object) -> str:
            if self.latex_context.get_macro_spec(node.macroname) is None:
                return " "
            return super().macro_node_to_text(node)

        def nodelist_to_text(self, nodelist: list) -> str:
            # The arguments of a macro the parser does not know (a résumé class's
            # \cvitem{Languages}{Python}) are groups side by side: each is a field, an item
            # of its own ("Languages | Python"), not "LanguagesPython".
            runs: list[list] = [[]]
            for node in nodelist:
                previous = runs[-1][-1] if runs[-1] else None
                if (
                    previous is not None
                    and previous.isNodeType(latexwalker.LatexGroupNode)
                    and node is not None
                    and node.isNodeType(latexwalker.LatexGroupNode)
                ):
                    runs.append([])
                runs[-1].append(node)
            return " | ".join(super(ResumeText, self).nodelist_to_text(run) for run in runs)

    context = get_default_latex_context_db().filter_context()
    macros = [MacroTextSpec(m, discard=False) for m in _TEX_TEXT_MACROS]
    macros.append(MacroTextSpec("includegraphics", discard=True))  # not "< g r a p h i c s >"
    macros += [MacroTextSpec("newline", "\n"), MacroTextSpec("linebreak", "\n")]
    macros += [MacroTextSpec(name, f"{name} ") for name in ("LaTeX", "TeX", "LaTeXe", "XeTeX")]
    context.add_context_category("resume", prepend=True, macros=macros)
    converter = ResumeText(latex_context=context, math_mode="verbatim", strict_latex_spaces=True)
    # hyperref's \\href and \\url take arguments the parser's defaults do not know of.
    parsing = latexwalker.get_default_latex_context_db().filter_context()
    parsing.add_context_category(
        "hyperref", prepend=True, macros=[MacroSpec("href", "{{"), MacroSpec("url", "{")]
    )
    nodes, _, _ = latexwalker.LatexWalker(latex, latex_context=parsing).get_latex_nodes()
    return converter.nodelist_to_text(nodes)


_TEX_ESCAPES = {"\\#": "#", "\\&": "&", "\\%": "%", "\\_": "_", "\\$": "$", "~": " "}
_TEX_COMMAND = re.compile(r"\\[A-Za-z@]+\*?(?:\[[^\]]*\])?")


def _stripped_tex(text: str) -> str:
    """LaTeX with its commands removed and their braced arguments kept, escapes undone."""
    text = text.replace("\\\\", "\n")
    for escaped, plain in _TEX_ESCAPES.items():
        text = text.replace(escaped, plain)
    text = _TEX_COMMAND.sub(" ", text)
    return text.replace("{", " ").replace("}", " ")


# --- HTML: the visible text, with link addresses -------------------------------------------------


class _HTMLText(html.parser.HTMLParser):
    """Collects the text a browser would show (no scripts, styles or head), and link targets."""

    HIDDEN = {"script", "style", "head", "template", "noscript", "svg"}
    BLOCKS = {"p", "div", "li", "br", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "section",
              "article", "header", "footer", "dt", "dd", "ul", "ol", "table"}  # fmt: skip

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden = 0
        self.closed = False  # an element just ended, with no text since

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if self.closed:
            # Elements side by side are items side by side: a skills list of badges
            # (<span>PHP</span><span>Symfony</span>) is "PHP Symfony", not "PHPSymfony".
            self.parts.append(" ")
        if tag in self.HIDDEN:
            self.hidden += 1
        elif tag in self.BLOCKS:
            self.parts.append("\n")
        if tag == "a":
            href = dict(attrs).get("href") or ""
            if href.startswith(("http://", "https://", "mailto:")):
                self.parts.append(f" {href.removeprefix('mailto:')} ")

    def handle_endtag(self, tag: str) -> None:
        if tag in self.HIDDEN:
            self.hidden = max(0, self.hidden - 1)
        elif tag in self.BLOCKS:
            self.parts.append("\n")
        self.closed = True

    def handle_data(self, data: str) -> None:
        self.closed = False
        if not self.hidden:
            self.parts.append(data)


def _text_of_html(data: bytes) -> str:
    parser = _HTMLText()
    parser.feed(data.decode("utf-8", errors="replace"))
    parser.close()
    return re.sub(r"\n\s*\n+", "\n\n", re.sub(r"[ \t]+", " ", "".join(parser.parts)))


# --- RTF and OpenDocument text -------------------------------------------------------------------


def _text_of_rtf(data: bytes) -> str:
    from striprtf.striprtf import rtf_to_text

    try:
        return rtf_to_text(data.decode("latin-1"), errors="ignore")
    except (ValueError, IndexError) as exc:
        raise Refused("This RTF file could not be read. Paste the text instead.") from exc


def _text_of_odt(data: bytes) -> str:
    from lxml import etree

    what = "This OpenDocument file"
    damaged = f"{what} could not be read: it may be damaged."
    content = _archive_part(data, "content.xml", what, "Paste the text instead.")
    if _count_tags(content, b"text:p") + _count_tags(content, b"text:h") > MAX_DOCX_PARAGRAPHS:
        raise Refused(
            f"This file has over {MAX_DOCX_PARAGRAPHS:,} paragraphs. Paste the text instead."
        )
    try:
        parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
        root = etree.fromstring(content, parser)
    except etree.LxmlError as exc:
        raise Refused(damaged) from exc
    names = {"{urn:oasis:names:tc:opendocument:xmlns:text:1.0}" + tag for tag in ("p", "h")}
    return "\n".join("".join(node.itertext()) for node in root.iter() if node.tag in names)


READERS = {
    ".pdf": _text_of_pdf,
    ".docx": _text_of_docx,
    ".json": _text_of_json_resume,
    ".yaml": _text_of_yaml,
    ".yml": _text_of_yaml,
    ".tex": _text_of_tex,
    ".html": _text_of_html,
    ".htm": _text_of_html,
    ".rtf": _text_of_rtf,
    ".odt": _text_of_odt,
}


def main() -> None:
    """Apply the limits, read standard input as the file, print the JSON answer."""
    suffix, memory, cpu = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 1))
    sys.setrecursionlimit(2000)
    data = sys.stdin.buffer.read()
    try:
        text = READERS[suffix](data)
        answer = {"text": text} if len(text) <= MAX_CHARS else {"error": _too_much_text()}
    except Refused as exc:
        answer = {"error": str(exc)}
    except MemoryError:
        answer = {
            "error": "This file needs more memory to read than a résumé should. "
            "Paste the text instead."
        }
    except RecursionError:
        answer = {"error": "This file is nested too deeply to be a résumé. Paste the text."}
    sys.stdout.write(json.dumps(answer))


if __name__ == "__main__":
    main()
