"""Decoding a résumé: what it names, by area, what a recruiter should notice, and how senior.

What it names comes from :func:`glossary.matching.scan_resume`: glossary terms, technologies
recognised without a glossary entry yet, links, and words that are probably misspelt terms.
What to notice comes from the terms' ``tags`` (see ``glossary.models.TAGS``), not from lists in
code: an outdated term is pointed out only when none of its ``successors`` is named too; terms
tagged ``senior`` are pointed out; a résumé naming no term tagged ``testing`` is pointed out.
How senior is estimated from the years the résumé's jobs cover, its job titles and what it says
the person did, and shown with that evidence (:func:`estimate_seniority`).
"""

import datetime
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property

from .matching import PROBABLE_CHARS, Link, scan_resume
from .models import Term
from .vocabulary import RecognisedTerm


@dataclass
class FoundTerm:
    """A term the résumé mentions, and how many times."""

    term: Term
    count: int


@dataclass
class Signal:
    """Something a recruiter should notice, with the terms behind it."""

    kind: str
    title: str
    text: str
    terms: list[Term] = field(default_factory=list)


@dataclass
class Seniority:
    """How senior the résumé reads: ``level`` is "junior", "mid" or "senior"."""

    level: str
    years: float | None
    evidence: list[str]
    leading: bool = False  # says they led, mentored or hired

    @property
    def label(self) -> str:
        """The level as the bank names it ("Mid-level" for "mid")."""
        return {"junior": "Junior", "mid": "Mid-level", "senior": "Senior"}[self.level]


@dataclass
class DecodedResume:
    """The result of :func:`decode`."""

    text: str
    found: list[FoundTerm]
    signals: list[Signal]
    recognised: list[tuple[RecognisedTerm, int]] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    probable: list[tuple[str, object]] = field(default_factory=list)
    # Names in its lists of technologies that nothing recognises (see matching.unrecognised).
    unrecognised: list[str] = field(default_factory=list)
    seniority: Seniority | None = None
    # Every glossary and recognised mention, as (match, term): the page marks these up.
    mentions: list[tuple] = field(default_factory=list, repr=False)

    @property
    def technologies(self) -> list[FoundTerm]:
        """The glossary terms found that are technologies (not general ideas)."""
        return [item for item in self.found if item.term.kind != "concept"]

    @property
    def concepts(self) -> list[FoundTerm]:
        """The general ideas and practices found (caching, code review), most mentioned first."""
        concepts = [item for item in self.found if item.term.kind == "concept"]
        return sorted(concepts, key=lambda i: (-i.count, i.term.name.casefold()))

    @property
    def technology_total(self) -> int:
        """How many technologies it names: glossary technologies and recognised terms."""
        return len(self.technologies) + len(self.recognised)

    @property
    def by_area(self) -> list[tuple[object, list[FoundTerm]]]:
        """The technologies found grouped by area (in area order), most mentioned first."""
        groups: dict[object, list[FoundTerm]] = {}
        for item in self.technologies:
            groups.setdefault(item.term.area, []).append(item)
        return [
            (area, sorted(items, key=lambda i: (-i.count, i.term.name.casefold())))
            for area, items in sorted(groups.items(), key=lambda pair: pair[0].order)
        ]

    def counts(self) -> dict[int, int]:
        """Mentions per glossary term id."""
        return {item.term.pk: item.count for item in self.found}

    def area_weights(self) -> dict[int, int]:
        """Mentions per area id: where the résumé is heavy."""
        weights: Counter[int] = Counter()
        for item in self.found:
            weights[item.term.area_id] += item.count
        return dict(weights)

    @cached_property
    def profiles(self) -> list[Link]:
        """The candidate's own pages, one per address: GitHub, GitLab, LinkedIn and Stack
        Overflow accounts, personal sites (a bare domain), then e-mail addresses."""
        return [link for link in self._unique_links if _is_profile(link)]

    @cached_property
    def other_links(self) -> list[Link]:
        """Every other link, one per address: repositories, posts, package pages."""
        return [link for link in self._unique_links if not _is_profile(link)]

    @cached_property
    def _unique_links(self) -> list[Link]:
        unique = {link.url.rstrip("/").lower(): link for link in self.links}
        return sorted(unique.values(), key=lambda link: (_LINK_ORDER.get(link.kind, 5), link.url))


_LINK_ORDER = {"GitHub": 0, "GitLab": 1, "LinkedIn": 2, "Stack Overflow": 3, "website": 4}


def _is_profile(link: Link) -> bool:
    """An account page (github.com/ada, linkedin.com/in/ada), a site's home page or an e-mail."""
    if link.kind == "e-mail":
        return True
    address = re.sub(r"^[a-z][a-z0-9+.-]*://", "", link.url.lower()).split("?")[0].split("#")[0]
    path = [part for part in address.split("/")[1:] if part]
    if link.kind in {"GitHub", "GitLab"}:
        return len(path) == 1
    if link.kind == "LinkedIn":
        return len(path) == 2 and path[0] == "in"
    if link.kind == "Stack Overflow":
        return len(path) >= 2 and path[0] == "users"
    return not path


def decode(text: str, *, today: datetime.date | None = None) -> DecodedResume:
    """Find what ``text`` names, what it signals and how senior it reads.

    Args:
        text: the résumé as plain text.
        today: the date "present" means in date ranges (default: today).

    Returns:
        The glossary terms (with counts), recognised terms, links, probable misspellings,
        signals and the seniority estimate (from the first ``PROBABLE_CHARS`` characters, as
        the misspellings are; every term is counted in the whole text). Reads the database
        only for the successors of outdated terms found and to list the terms tagged
        ``testing`` when none was found.
    """
    scan = scan_resume(text)
    counts = Counter(term.pk for _, term in scan.terms)
    terms = {term.pk: term for _, term in scan.terms}
    found = [FoundTerm(terms[pk], n) for pk, n in counts.items() if pk > 0]
    recognised = sorted(
        ((terms[pk], n) for pk, n in counts.items() if pk < 0),
        key=lambda pair: pair[0].name.casefold(),
    )
    present = [item.term for item in found]
    probable, seen = [], set(counts)
    for guess, term in scan.probable:
        if term.pk not in seen:
            seen.add(term.pk)
            probable.append((guess.written, term))
    return DecodedResume(
        text=text,
        found=found,
        signals=_signals(present),
        recognised=recognised,
        links=scan.links,
        probable=probable,
        unrecognised=scan.unrecognised,
        # A résumé's history is at its start; a 2 MB upload is not read to its end for dates.
        seniority=estimate_seniority(text[:PROBABLE_CHARS], today=today),
        mentions=scan.terms,
    )


def _signals(present: list[Term]) -> list[Signal]:
    """What to notice in the terms found (see the module's docstring)."""
    signals = []
    ids = {t.pk for t in present}
    outdated = [t for t in present if "outdated" in t.tags]
    if outdated:
        moved_on = set(
            Term.successors.through.objects.filter(
                from_term__in=[t.pk for t in outdated], to_term__in=ids
            ).values_list("from_term", flat=True)
        )
        outdated = [t for t in outdated if t.pk not in moved_on]
    if outdated:
        signals.append(
            Signal(
                "outdated",
                "Possibly out-of-date experience",
                " ".join(t.signals for t in outdated),
                outdated,
            )
        )
    senior = [t for t in present if "senior" in t.tags]
    if senior:
        names = ", ".join(t.name for t in senior)
        signals.append(
            Signal(
                "senior",
                "Senior-level work",
                f"Mentions {names}. Ask what they built or ran themselves, and at what scale.",
                senior,
            )
        )
    if not any("testing" in t.tags for t in present):
        examples = _testing_names()
        signals.append(
            Signal(
                "testing",
                "No testing tools mentioned",
                f"The résumé names no testing tool (such as {', '.join(examples)}). "
                "Ask how they check that their code works before it ships.",
            )
        )
    return signals


# Named first when the résumé names no testing tool: the ones a Python team most often uses.
_TESTING_EXAMPLES = ("pytest", "unittest", "Playwright", "Selenium")


def _testing_names() -> list[str]:
    """Four names of testing tools, for the "no testing tools" signal (one small query): the
    usual Python ones first when the glossary has them, then others alphabetically."""
    names = [t.name for t in Term.objects.only("name", "tags") if "testing" in t.tags]
    first = [name for name in _TESTING_EXAMPLES if name in names]
    return (first + sorted(set(names) - set(first), key=str.casefold))[:4]


# --- Seniority -----------------------------------------------------------------------------------

_MONTHS = {
    name: number
    for number, names in enumerate(
        [
            "jan janv janvier janeiro enero januar",
            "feb fev fév févr février fevereiro febrero februar",
            "mar mars março marzo märz",
            "apr avr avril abril",
            "may mai maio mayo",
            "jun juin junho junio juni",
            "jul juil juillet julho julio juli",
            "aug aout août agosto",
            "sep sept septembre setembro septiembre",
            "oct octobre outubro octubre okt oktober",
            "nov novembre novembro noviembre",
            "dec déc décembre dezembro diciembre dez dezember",
        ],
        start=1,
    )
    for name in names.split()
} | {
    full: number
    for number, full in enumerate(
        ["january", "february", "march", "april", "may", "june", "july", "august",
         "september", "october", "november", "december"],
        start=1,
    )
}  # fmt: skip
_NOW_WORDS = (
    r"present|current|currently|now|today|ongoing|date|présent|aujourd'hui|actuel|"
    r"atual|atualmente|presente|actualidad|actual|heute|jetzt|至今|现在|今"
)
_DATE = (
    r"(?:(?P<{p}m>[A-Za-zÀ-ÿ]{{3,9}})\.?[^\S\n]+|(?P<{p}n>\d{{1,2}})[/.-])?"
    r"(?P<{p}y>(?:19[89]|20[0-4])\d)(?:[-/.](?P<{p}n2>\d{{1,2}})(?:[-/.]\d{{1,2}}\b)?)?"
)
_RANGE = re.compile(
    _DATE.format(p="a")
    + r"\s*(?:[-–—~]|to|à|a|até|bis|au|until|–|至)\s*"
    + rf"(?:(?P<now>{_NOW_WORDS})|"
    + _DATE.format(p="b")
    + ")",
    re.IGNORECASE,
)
_YEARS_STATED = re.compile(
    r"(?P<n>\d{1,2})\+?\s*(?:years?|yrs?|ans|anos|años|jahre)\b(?:\s+of)?(?:\s+\w+){0,3}?"
    r"\s+(?:experience|expérience|experiência|experiencia|erfahrung)",
    re.IGNORECASE,
)


def _whole_words(alternatives: str) -> re.Pattern[str]:
    """A pattern finding any of ``alternatives`` (a regex alternation) as whole words, any case."""
    return re.compile(rf"\b(?:{alternatives})\b", re.IGNORECASE)


_SENIOR_TITLE = _whole_words(
    r"senior|sr\.?|lead|principal|staff|architect|head of|chief|cto|vp|director|"
    r"tech(?:nical)? lead|engineering manager|sênior|sénior|responsable"
)
_JUNIOR_TITLE = _whole_words(
    r"junior|jr\.?|intern|internship|trainee|apprentice|graduate|student|bootcamp|"
    r"stagiaire|stage|estagiário|estágio|becario|praktikant|实习"
)
_LEADING = _whole_words(
    r"mentor(?:ed|ing|s)?|coach(?:ed|ing)|led|lead(?:ing)? (?:a|the) team|managed a team|"
    r"hired|hiring|architected|designed the architecture|tech lead|encadr\w+|lider\w*"
)


def _month(match: re.Match, prefix: str) -> int:
    name = (match.group(f"{prefix}m") or "").lower().rstrip(".")
    number = match.group(f"{prefix}n") or match.group(f"{prefix}n2")
    if number and 1 <= int(number) <= 12:
        return int(number)
    return _MONTHS.get(name, _MONTHS.get(name[:3], 1))


# What a period of study names: a degree or a school, in the résumé languages.
_EDUCATION = _whole_words(
    r"abitur|bachelor'?s?|(?<!scrum )(?<!web )master'?s?|b\.?\s?sc|m\.?\s?sc|b\.?\s?eng|"
    r"m\.?\s?eng|ph\.?\s?d|mba|bsc|msc|licence|licenciatura|grado|mestrado|graduação|"
    r"bacharelado|diplom|diploma|degree|(?:high ?)?schools?|gymnasium|lycée|baccalauréat|bac|"
    r"matura|student|étudiant|estudiante|estudante|ensino|secundári[oa]|secundaria|secondaire|"
    r"associates? (?:of|in|degree)|associate's|"
    r"bachillerato|"
    r"universit(?:y|ät|é|à|ies)|universidad|universidade|hochschule|fachhochschule|college|"
    r"schule|escuela|école|ecole|faculdade|facultad|studium|studies|bootcamp"
)
_EDUCATION_CJK = re.compile(r"大学|本科|硕士|博士|学士|学院|中学|高中|大學|大学院")
# What a period of work names: a job, in the résumé languages (a working student's job counts).
_WORK = _whole_words(
    r"developer|engineer|programmer|analyst|consultant|researcher|scientist|assistant|"
    r"administrator|architect|manager|lead|intern|internship|freelance\w*|founder|"
    r"werkstudent|praktikant|entwickler|ingenieur|ingénieur|développeur|desarrollador|"
    r"desenvolvedor|engenheiro|programador|analista|stagiaire|stage|estagiário|becario|tutor|"
    r"asistente|assistente|"
    r"teacher|lecturer"
)
_WORK_CJK = re.compile(r"工程师|开发|实习|程序员|架构师")
_NEIGHBOUR_LINE = 80  # a line beside a period counts as its heading or field only if this short


def _studying(text: str, match: re.Match) -> bool:
    """Whether the date range ``match`` dates a period of study: a degree or a school on its line
    or on a short line right before or after it (a heading, an entry's field: "B.Sc., University
    of Ada" above "2015 – 2019"), and no job named first ("Werkstudent", "Teaching assistant" on
    its line; a job on a line beside it when its own line names neither)."""
    start = text.rfind("\n", 0, match.start()) + 1
    end = text.find("\n", match.end())
    end = len(text) if end < 0 else end
    own = text[start:end]
    before, after = _line_before(text, start), _line_after(text, end)

    def names(pattern: re.Pattern[str], cjk: re.Pattern[str], line: str) -> bool:
        return bool(pattern.search(line) or cjk.search(line))

    # Its own line decides first; then the lines beside it, a job before a school ("Universidad
    # del Valle" above the dates, "Desarrollador web" below them, is a job at a university).
    if names(_WORK, _WORK_CJK, own):
        return False
    if names(_EDUCATION, _EDUCATION_CJK, own):
        return True
    if any(names(_WORK, _WORK_CJK, line) for line in (before, after)):
        return False
    short = [line for line in (before, after) if len(line.strip()) <= _NEIGHBOUR_LINE]
    return any(names(_EDUCATION, _EDUCATION_CJK, line) for line in short)


def _line_before(text: str, start: int) -> str:
    """The last line with text before the line that starts at ``start`` ("" if none)."""
    end = start - 1  # the line break that ends the line before
    while end > 0 and text[end - 1] == "\n":
        end -= 1
    return text[text.rfind("\n", 0, end) + 1 : end] if end > 0 else ""


def _line_after(text: str, end: int) -> str:
    """The first line with text after the line that ends at ``end`` ("" if none)."""
    begin = end + 1
    while begin < len(text) and text[begin] == "\n":
        begin += 1
    stop = text.find("\n", begin)
    return text[begin : len(text) if stop < 0 else stop]


def _periods(text: str, today: datetime.date) -> list[tuple[float, float, str]]:
    """Date ranges of work in ``text`` as (start, end) in fractional years, with how they were
    written; ranges that date a period of study (see :func:`_studying`) are left out."""
    periods = []
    for match in _RANGE.finditer(text):
        if _studying(text, match):
            continue
        start = int(match.group("ay")) + (_month(match, "a") - 1) / 12
        if match.group("now"):
            end = today.year + (today.month - 1) / 12
        elif match.group("by"):
            end = int(match.group("by")) + _month(match, "b") / 12
        else:
            continue
        if start <= end <= today.year + 1 and end - start <= 30:
            periods.append((start, end, match.group(0).strip()))
    return periods


def _covered_years(periods: list[tuple[float, float, str]]) -> float:
    """The years the periods cover, overlaps counted once."""
    total, reach = 0.0, None
    for start, end, _ in sorted(periods):
        if reach is None or start > reach:
            total += end - start
            reach = end
        elif end > reach:
            total += end - reach
            reach = end
    return total


def estimate_seniority(text: str, *, today: datetime.date | None = None) -> Seniority:
    """How senior a résumé reads, with the evidence, for choosing questions at that level.

    Years: the span its date ranges of work cover ("2018 – present", "03/2016 - 12/2019"),
    overlaps counted once and periods of study left out ("2011–2019 | Abitur", a university's
    degree), or the years of experience it states, whichever is larger. Titles: senior
    ("Senior", "Lead", "Principal", "Staff", "Architect") or junior ("Junior", "Intern",
    "Student"). Leading: mentoring, leading a team, hiring, architecture. Senior: 6 years or
    more, or 4 with a senior title or leading; mid: 2½ years or more; junior otherwise. With
    no dates: a senior title or leading means senior, a junior title junior, else mid.

    Args:
        text: the résumé as plain text.
        today: the date "present" means (default: today).

    Returns:
        The level, the years (None when the résumé gives none) and the evidence, as sentences.
    """
    today = today or datetime.date.today()
    periods = _periods(text, today)
    years = _covered_years(periods) if periods else 0.0
    stated = [int(m.group("n")) for m in _YEARS_STATED.finditer(text) if int(m.group("n")) <= 45]
    evidence = []
    if periods:
        first = min(p[0] for p in periods)
        evidence.append(
            f"Its dates cover about {years:.0f} year{'s' if round(years) != 1 else ''} of work "
            f"since {int(first)} ({len(periods)} period{'s' if len(periods) != 1 else ''})."
        )
    if stated and max(stated) > years:
        years = float(max(stated))
        evidence.append(f"It states {max(stated)} years of experience.")
    senior_titles = sorted({m.group(0).strip() for m in _SENIOR_TITLE.finditer(text)})
    junior_titles = sorted({m.group(0).strip() for m in _JUNIOR_TITLE.finditer(text)})
    leading = sorted({m.group(0).strip().lower() for m in _LEADING.finditer(text)})
    if senior_titles:
        evidence.append(f"Senior titles or words: {', '.join(senior_titles[:4])}.")
    if leading:
        evidence.append(f"Says they led or taught others: {', '.join(leading[:4])}.")
    if junior_titles:
        evidence.append(f"Early-career words: {', '.join(junior_titles[:4])}.")
    has_years = bool(periods or stated)
    if has_years:
        if years >= 6 or (years >= 4 and (senior_titles or leading)):
            level = "senior"
        elif years >= 2.5:
            level = "mid"
        else:
            level = "junior"
    elif senior_titles or leading:
        level = "senior"
    elif junior_titles:
        level = "junior"
    else:
        level = "mid"
        evidence.append("No dates or titles to go by: assumed mid-level.")
    return Seniority(level, round(years, 1) if has_years else None, evidence, bool(leading))
