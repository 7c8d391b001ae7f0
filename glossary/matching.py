"""Finding technology terms in text: résumés, questions, guidance.

Rules, everywhere:

- Case-insensitive, unless a term is ``case_sensitive`` ("Black" the formatter, not "black").
- Whole words only: "Go" is not found in "Google", "Java" not in "JavaScript". A word character
  is a letter or digit of an alphabetic script; Chinese, Japanese and Korean characters are not,
  so "Python" is found in "我喜欢Python的框架". A name inside a dotted name is not found either
  ("js" in "d3.js"), unless the name itself starts with a dot (".NET"; but not written in small
  letters after a word, as a domain name ends: "ada.net").
- Names with punctuation work ("C#", ".NET", "Node.js", "CI/CD"); every alias maps to its term.
- A name of several words is also found with hyphens or run together ("React-Router",
  "GitLabCI"); a name run together in camel case also written apart with its capitals ("Angular
  JS", not "no SQL").
- Where matches overlap the longest wins: "Django REST framework" is one term, not also "Django";
  "SQL Server" is not also "SQL" (when the vocabulary knows "SQL Server").

And in a résumé (``find(text, resume=True)``):

- Links and e-mail addresses are links, never technologies: "https://" is not HTTP and
  "github.com/ada" is not a mention of GitHub. :func:`find_links` lists them.
- A term whose name is also an everyday word (``needs_context``: Black, Celery, Slack) counts
  only with a technical neighbour: followed by a version number ("Poetry 1.8"); alone in an item
  of a list whose next or previous item is a technology ("Tools: Black, Ruff"; Chinese,
  Japanese or Korean text glued to a name is no part of it: "Navicat、PostMan等工具"), or with a
  technology on its line or the line before or after (a skills list laid out one line per
  group: "Docker - Compose, Swarm" above "Jenkins - Pipelines"), or in a list a heading
  introduces ("Methodologies: Scrum, Shape-up", or the heading on the line above); or, in a
  sentence, written as the name is written (capitals and all) with another glossary term or a
  technology that is no everyday word in the same sentence (the recognised vocabulary's words
  need the latter: "Oracle of Delphi" is no technology), and
  not glued to a capitalised word that is no technology ("with Celery and RabbitMQ" counts;
  "Black Friday", "in the scrum", "bootstrap the team" do not). A recognised name written as
  no everyday word is (camel case, or with ``.#+``: "ESLint", "Vue.js") needs no neighbour.
  Also neighbours: a technical noun right after the name ("Lua code", "Go language", "a Samba
  server", "React-based", "Go 语言"); capitals for emphasis count as the name written ("LUA",
  "HAML"); a line's first verb is no longer proper name ("Leveraged Micrometer"); a link to the
  name's own site ("[React](https://react.dev)").
- A ``case_sensitive`` name written in other capitals counts only as a whole item of a list
  whose next or previous item is a technology, or followed by a version number: "babel,
  eslint", "Gradle, nuget, npm" (a list of technologies names technologies however they are
  written), never in a sentence ("a swift reply"). An exactly written match wins over it.
- A product's parts listed right after it are the products they name: "Spring (Boot, Data)" and
  "Spring - Boot, Data" are Spring Boot and Spring Data.
- Names in a list of technologies that nothing above covers are returned apart, as
  "unrecognised" (:func:`unrecognised`), so that nothing a résumé lists is silently skipped.

The multi-pattern search is pyahocorasick's automaton; misspellings are suggested, never counted,
with rapidfuzz, and never for an ordinary word of a résumé language (pyspellchecker's word lists;
see :meth:`TermMatcher.probable`). One matcher is built per process from all
terms and the recognised vocabulary, and rebuilt when the glossary changes: saving or deleting a
term or an area moves ``GlossaryRevision`` in the same transaction (see ``glossary.apps``), and
every process compares it with the revision its matcher was built at, once per request.
"""

import bisect
import functools
import heapq
import itertools
import re
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from importlib import metadata
from typing import NamedTuple

import ahocorasick
from django.core.cache import cache
from django.utils.html import escape
from django.utils.safestring import SafeString
from rapidfuzz import process
from rapidfuzz.distance import Levenshtein
from spellchecker import SpellChecker


class Match(NamedTuple):
    """One occurrence of a term: ``text[start:end]`` is how it was written (a named tuple: a
    long résumé has a hundred thousand of them, hashed and compared as tuples are, in C)."""

    start: int
    end: int
    term_id: int


@dataclass(frozen=True)
class Rules:
    """How a term's spellings may match (see the module's rules)."""

    case_sensitive: bool = False
    needs_context: bool = False


@dataclass(frozen=True)
class Link:
    """A web address or e-mail address in a résumé, and what it is."""

    start: int
    end: int
    url: str
    kind: str  # "GitHub", "GitLab", "LinkedIn", "Stack Overflow", "e-mail" or "website"


@dataclass(frozen=True)
class Probable:
    """A word that is probably a misspelt term ("Cerely" for Celery): suggested, not counted."""

    start: int
    end: int
    written: str
    term_id: int


_CJK = (
    (0x2E80, 0x2FDF),  # radicals
    (0x3000, 0x30FF),  # CJK punctuation, kana
    (0x3100, 0x31FF),  # bopomofo, kana extensions
    (0x3400, 0x4DBF),  # ideographs, extension A
    (0x4E00, 0x9FFF),  # ideographs
    (0xA960, 0xA97F),  # Hangul
    (0xAC00, 0xD7AF),  # Hangul syllables
    (0xF900, 0xFAFF),  # compatibility ideographs
    (0xFF00, 0xFFEF),  # full-width forms
    (0x20000, 0x3134F),  # ideographs, extensions B and beyond
)


_NON_ASCII = re.compile(r"[^\x00-\x7f]+")
# bytes.translate table: an ASCII letter or digit becomes 1, anything else 0
_ASCII_WORD = bytes(1 if chr(code).isalnum() else 0 for code in range(128)) + bytes(128)


@functools.lru_cache(maxsize=4096)
def _is_word_char(char: str) -> bool:
    """A letter or digit of an alphabetic script (CJK characters are not word characters)."""
    if not char.isalnum():
        return False
    code = ord(char)
    return code < 0x2E80 or not any(low <= code <= high for low, high in _CJK)


def _as_ascii_word(run: re.Match) -> str:
    return "".join("a" if _is_word_char(char) else " " for char in run.group())


def _word_mask(text: str) -> bytes:
    """One byte per character of ``text``: 1 for a letter or digit of an alphabetic script, 0
    for anything else (CJK characters are not word characters). ASCII is classified by one
    ``bytes.translate``, so a 2 MB résumé costs milliseconds, not a Python call per character;
    other characters one by one (remembered)."""
    return _NON_ASCII.sub(_as_ascii_word, text).encode("ascii").translate(_ASCII_WORD)


# White space that normalising changes: a run of two or more, or one that is not a space.
_ODD_SPACE = re.compile(r"\s{2,}|[^\S ]")


def _fold(text: str) -> str:
    """Lower-case ``text`` without changing its length (so offsets stay valid)."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


class _Origin:
    """For each character of a normalised text, the index of the character it came from in
    the original (``origin[i]``; ``origin[len(normalised)]`` is ``len(original)``).

    Kept as the white-space runs that normalising shortened, not one entry per character, so a
    long text costs one entry per line break rather than one per character.
    """

    def __init__(self, runs: list[tuple[int, int]]):
        self.starts: list[int] = []  # where each shortened run's one space is, normalised
        self.before: list[int] = []  # characters removed before that run
        removed = 0
        for start, end in runs:
            self.starts.append(start - removed)
            self.before.append(removed)
            removed += end - start - 1
        self.after = [*self.before[1:], removed]  # characters removed up to each run's end

    def __getitem__(self, index: int) -> int:
        run = bisect.bisect_right(self.starts, index) - 1
        if run < 0:
            return index
        if index == self.starts[run]:
            return index + self.before[run]
        return index + self.after[run]


def _normalise(text: str, fold: bool = True) -> tuple[str, _Origin]:
    """Fold case and turn every run of white space into one space (a résumé wraps its lines).

    Returns:
        The normalised text and its :class:`_Origin`, which maps each of its offsets back to
        ``text``.
    """
    folded = _fold(text) if fold else text
    runs = [found.span() for found in _ODD_SPACE.finditer(folded)]
    return _ODD_SPACE.sub(" ", folded), _Origin(runs)


# --- Links ---------------------------------------------------------------------------------

_LINK = re.compile(
    r"""(?ix)
    (?:https?://|ftp://|www\.)[^\s<>"'()\[\]]+        # a URL, or www.…
    | [\w.+-]+@[\w-]+(?:\.[\w-]+)+                    # an e-mail address
    | (?<![\w@.])(?:[a-z0-9-]+\.)+[a-z]{2,24}/[^\s<>"'()\[\]]*   # a domain with a path
    """
)
_LINK_KINDS = (
    ("github.com", "GitHub"),
    ("gitlab.com", "GitLab"),
    ("linkedin.com", "LinkedIn"),
    ("stackoverflow.com", "Stack Overflow"),
)


def find_links(text: str) -> list[Link]:
    """The web and e-mail addresses in ``text``, with what each is (GitHub profile, e-mail…).

    A domain counts as a link with a scheme, with "www." or with a path ("github.com/ada"), so
    names such as "Socket.io" or "Next.js" stay names. The last few texts' links are kept, as
    one scan of a résumé asks three times.
    """
    return list(_links(text))


_ASCII_SPACES = " \t\n\r\f\v"


def _positions(text: str, needle: str) -> Iterator[int]:
    """Every index at which ``needle`` stands in ``text``."""
    index = text.find(needle)
    while index >= 0:
        yield index
        index = text.find(needle, index + 1)


def _link_regions(text: str) -> list[tuple[int, int]]:
    """The stretches of ``text``, between white space, that could hold a link: those with an
    "@", a "/" or "www." in them. No link crosses white space, so scanning only these finds
    what scanning the whole text finds, at a fraction of the cost on a long text."""
    folded = _fold(text)
    hits = sorted(index for needle in ("@", "/", "www.") for index in _positions(folded, needle))
    regions: list[tuple[int, int]] = []
    for index in hits:
        if regions and index < regions[-1][1]:
            continue
        regions.append((_space_before(text, index) + 1, _space_after(text, index)))
    return regions


_NEAR_SPACE = 1024  # where white space is looked for first, either side of an index


def _space_before(text: str, index: int) -> int:
    """The index of the last ASCII white space before ``index``, or -1."""
    low = max(0, index - _NEAR_SPACE)
    found = max(text.rfind(space, low, index) for space in _ASCII_SPACES)
    if found < 0 and low > 0:
        found = max(text.rfind(space, 0, index) for space in _ASCII_SPACES)
    return found


def _space_after(text: str, index: int) -> int:
    """The index of the first ASCII white space after ``index``, or ``len(text)``."""
    for high in (index + _NEAR_SPACE, len(text)):
        found = [at for space in _ASCII_SPACES if (at := text.find(space, index, high)) >= 0]
        if found:
            return min(found)
    return len(text)


@functools.lru_cache(maxsize=4)
def _links(text: str) -> tuple[Link, ...]:
    links = []
    for start, end in _link_regions(text):
        for found in _LINK.finditer(text, start, end):
            url = found.group(0).rstrip(".,;:!?")
            lowered = url.lower()
            if "@" in url and "/" not in url:
                kind = "e-mail"
            else:
                kind = next((k for host, k in _LINK_KINDS if host in lowered), "website")
            links.append(Link(found.start(), found.start() + len(url), url, kind))
    return tuple(links)


# --- Lists: the items of a skills list, and their neighbours ----------------------------------

# What separates the items of a list: commas, semicolons, bars, slashes between spaces, bullets,
# brackets, colons (Chinese and Japanese ones too: 、，；：), line breaks, and "and"/"&" between
# items.
_SEPARATOR = re.compile(r"[,;|•·()\[\]{}\n:、，；：（）]|\s(?:[/&+-]|and|or|et|e|y|und)\s|\t")
_FIRST_BULLET = re.compile(r"\s*[-*]\s")  # a bullet opening the text also separates
_VERSION = re.compile(r"\s*v?\d+(?:\.\d+|\.x)*\+?\s*$", re.IGNORECASE)
# A version right after a name ("Poetry 1.8"), not a year ("Render 2019-2021" is a date).
_AFTER_VERSION = re.compile(r"\s*v?(?!(?:19|20)\d\d\b)\d+(?:\.\d+)*\b", re.IGNORECASE)
# What may stand around a name that is a whole list item: spaces, quotes and marks, and Chinese,
# Japanese or Korean text, in which a Latin name is a word of its own ("熟练使用PostMan等工具").
_LIST_FILLER = re.compile(
    r"[\s\"'`*_.\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uff00-\uffef-]*"
)
_SENTENCE_END = re.compile(r"[.!?](?:\s|$)|\n\s*\n|\n\s*[-*•]")
_COUNTED = re.compile(r"\d[\d,.]*\s*[kKmM]?\+?\s+$")
_COMPOUND = re.compile(r"-(?!(?:based|powered)\b)[^\W\d_]")  # "React-based" is no compound
MAX_PROBABLE_CHECKS = 2_000  # list items looked at for misspellings (a long résumé stays fast)
# Ordinary words are never suggested as misspelt names ("sharing" is no Sharding, "grande" no
# Gradle): this many of the most frequent words of each language résumés here are written in,
# from pyspellchecker's word-frequency lists; English's the most, as most résumés are English.
ORDINARY_WORDS = {
    "en": 50_000, "fr": 20_000, "de": 20_000, "es": 20_000, "pt": 20_000, "it": 20_000,
}  # fmt: skip
_LETTER_RUN = re.compile(r"[^\W\d_]+")
_NEAR = 80  # characters either side in which a sentence's other technology counts
_CAPITALISED_BEFORE = re.compile(r"([A-Z][\w'-]*)\s+$")
_CAPITALISED_AFTER = re.compile(r"^\s+(?:of\s+)?([A-Z][\w'-]*)")
# Parts of a product listed right after it, in brackets ("Spring (Boot, Data)") or after a dash
# or a colon to the end of the line ("Spring - Boot, Data"): each item a word or two.
_BRACKETED = re.compile(r"[^\S\n]*(?:\(([^()\n]{1,160})\)|[-–:][^\S\n]*([^\n]{1,160}))")
_PART = re.compile(r"[^\W\d_][\w.+#-]*(?: [^\W\d_][\w.+#-]*)?")
_STARTS_AFTER = re.compile(r"(?:^|[.!?:;•·*(\[\n]|\s[-–—])\s*$")  # a line, sentence, item
# Nouns that make the name before them a technology: "Lua code", "bash scripts", "Samba server",
# "sass preprocessor", "angular front end", "Ruby gem".
# Lower-case names count before the first group only ("a poetry app" is a poem app).
_TECHNICAL_NOUN = re.compile(
    r"[ -](?:(scripts?|scripting|bots?|servers?|plugins?|framework|librar(?:y|ies)|APIs?|SDK|CLI"
    r"|clusters?|preprocessors?|front[- ]?ends?|gems?)|code|codebase|apps?|application|backend"
    r"|(?:programming )?language|based|powered)\b"
    # the same nouns in Chinese, glued to the name: "Go 语言", "gin服务器框架", "sourcetree工具"
    r"|[ ]?(?:语言|框架|服务器|服务端|工具|库|插件|脚本|编程|开发|协议|数据库)"
)


@functools.lru_cache(maxsize=4)  # asked three times in each scan of a résumé (scan_resume)
def _segments(text: str) -> tuple[tuple[int, int], ...]:
    """The text split into list items: (start, end) of each stretch between separators."""
    bullet = None if _SEPARATOR.match(text) else _FIRST_BULLET.match(text)
    spans = [bullet.span()] if bullet else []
    spans += [found.span() for found in _SEPARATOR.finditer(text, bullet.end() if bullet else 0)]
    starts = [0, *(end for _, end in spans)]
    ends = [*(start for start, _ in spans), len(text)]
    return tuple(
        (a, b) for a, b in zip(starts, ends, strict=True) if not text[a:b].isspace() and a < b
    )


def _without(text: str, start: int, end: int, spans: Sequence[tuple[int, int]]) -> str:
    """``text[start:end]`` with the given spans inside it taken out."""
    parts, position = [], start
    for low, high in sorted(spans):
        parts.append(text[position:low])
        position = max(position, high)
    parts.append(text[position:end])
    return " ".join(parts)


def _bracketed_notes(
    text: str, segments: Sequence[tuple[int, int]], named: set[int]
) -> frozenset[int]:
    """The list items that are a bracketed note on the item before them, naming nothing: the
    level or years in "Java (Excellent)", "Go [3 years]"."""
    return frozenset(
        index
        for index, (start, end) in enumerate(segments)
        if index not in named
        and text[start - 1 : start] in ("(", "[")
        and text[end : end + 1] in (")", "]")
        and index > 0
        and segments[index - 1][1] >= start - 2  # right after an item: "Java (", "Java("
    )


def _segment_of(segments: Sequence[tuple[int, int]], matches: list[Match]) -> dict[Match, int]:
    """The index of the segment each match starts in (``len(segments)`` if none)."""
    ends = [end for _, end in segments]
    return {m: bisect.bisect_right(ends, m.start) for m in matches}


def _alone(text: str, segment: tuple[int, int], match: Match) -> bool:
    """Whether ``match`` is the whole of its list item (give or take a version number)."""
    before = text[segment[0] : match.start]
    after = text[match.end : segment[1]]
    return bool(
        _LIST_FILLER.fullmatch(before)
        and (_LIST_FILLER.fullmatch(after) or _VERSION.fullmatch(after))
    )


_NEXT_LINE_NOT_BLANK = re.compile(r"\n(?=[^\S\n]*\S)")


def _line_ranks(text: str, offsets: list[int]) -> list[int]:
    """For each offset, the rank of its line among the text's non-blank lines (0, 1, 2…), so
    that lines next to each other, blank lines between them or not, have ranks one apart."""
    starts = [found.end() for found in _NEXT_LINE_NOT_BLANK.finditer(text)]
    return [bisect.bisect_right(starts, offset) for offset in offsets]


# --- The matcher -------------------------------------------------------------------------------


class TermMatcher:
    """Finds terms in text.

    Args:
        spellings: each term's id with its name and aliases, as ``{term_id: [spelling, ...]}``.
            A spelling shared by two terms belongs to the first one given.
        rules: each term's matching rules (default: case-insensitive, no context needed).
        other_meanings: per term, phrases in which its name means something else ("royal
            python"): a match inside one of them is no match.
    """

    revision = ""  # the glossary revision it was built from (set by ``current``)

    def __init__(
        self,
        spellings: dict[int, list[str]],
        rules: dict[int, Rules] | None = None,
        other_meanings: dict[int, list[str]] | None = None,
    ):
        self.rules = rules or {}
        # terms whose names are everyday words: found only with a technical neighbour
        self.everyday = frozenset(pk for pk, rule in self.rules.items() if rule.needs_context)
        self.phrases = ahocorasick.Automaton()
        for term_id, phrases in (other_meanings or {}).items():
            for phrase in phrases:
                folded = _normalise(phrase.strip())[0]
                if folded:
                    self.phrases.add_word(folded, (len(folded), term_id))
        self.has_phrases = len(self.phrases) > 0
        self.longest_phrase = max((length for length, _ in self.phrases.values()), default=0)
        if self.has_phrases:
            self.phrases.make_automaton()
        self.automaton = ahocorasick.Automaton()
        self.exact: dict[int, set[str]] = {}  # case-sensitive terms: their spellings as written
        self.written: dict[int, set[str]] = {}  # everyday-word terms: the same, for sentences
        self.choices: dict[str, int] = {}  # folded spelling → term, for misspelling suggestions
        # the same spellings by first letter and length, for each letter and window asked about
        self.near_spellings: dict[tuple[str, int, int], list[str]] = {}
        self.letters: dict[str, tuple[int, int]] = {}  # one-letter spellings, as the automaton's
        seen: set[str] = set()
        every_written: list[tuple[int, str]] = []
        for term_id, words in spellings.items():
            for word in words:
                written = _normalise(word.strip(), fold=False)[0]
                folded = _fold(written)
                every_written.append((term_id, written))
                if not folded or self.choices.get(folded, term_id) != term_id:
                    continue  # another term's spelling
                if self._rules(term_id).case_sensitive:
                    self.exact.setdefault(term_id, set()).add(written)
                if self._rules(term_id).needs_context:
                    self.written.setdefault(term_id, set()).update(_as_written(written))
                if folded not in seen:
                    seen.add(folded)
                    if len(folded) == 1 and folded.isascii() and folded.isalnum():
                        self.letters[folded] = (1, term_id)
                    else:
                        self.automaton.add_word(folded, (len(folded), term_id))
                    self.choices[folded] = term_id
        # Other ways of writing the same names, after every term's own spellings (which win):
        # "GitLab-CI" and "GitLabCI" for "GitLab CI", "Angular JS" for "AngularJS" (the two
        # words written with their capitals, so that "no SQL" is never NoSQL).
        self.cased: dict[str, str] = {}
        for term_id, written in every_written:
            for variant, cased in _variants(written):
                folded = _fold(variant)
                if folded in seen:
                    continue
                seen.add(folded)
                self.automaton.add_word(folded, (len(folded), term_id))
                if cased:
                    self.cased[folded] = variant
                rules = self._rules(term_id)
                if rules.case_sensitive:
                    self.exact.setdefault(term_id, set()).add(variant)
                if rules.needs_context:
                    self.written.setdefault(term_id, set()).update(_as_written(variant))
        self.empty = not seen
        if len(self.automaton):
            self.automaton.make_automaton()
        # One-letter names ("C", "R") are found by a regular expression that skips the letter
        # inside words, rather than by the automaton, which reports every "c" of the text.
        self.letter_pattern = (
            re.compile(f"(?<![a-z0-9])[{''.join(self.letters)}](?![a-z0-9])")
            if self.letters
            else None
        )

    def _rules(self, term_id: int) -> Rules:
        return self.rules.get(term_id, NO_RULES)

    def find(self, text: str, *, resume: bool = False) -> list[Match]:
        """Every term in ``text``, in order, without overlaps (the longest match wins).

        Args:
            text: any text; offsets in the result index into it.
            resume: apply the résumé rules too (links are not terms; everyday-word terms need a
                technical neighbour).

        Returns:
            The matches, sorted by position.
        """
        if self.empty or not text:
            return []
        written, origin = _normalise(text, fold=False)
        folded = _fold(written)  # folding keeps lengths and white space: the same offsets
        word = _word_mask(folded)
        candidates = []
        size = len(folded)
        hits = self.automaton.iter(folded) if len(self.automaton) else iter(())
        if self.letter_pattern:
            letters = (
                (found.start(), self.letters[found.group()])
                for found in self.letter_pattern.finditer(folded)
            )
            hits = itertools.chain(hits, letters)
        recased = []  # case-sensitive names in other capitals: list items at best (resume)
        for last, (length, term_id) in hits:
            start, end = last - length + 1, last + 1
            if (end < size and word[end] and word[last] and not folded[end].isdigit()) or (
                start and word[start - 1] and word[start] and not folded[start - 1].isdigit()
            ):
                continue  # inside a longer word: the usual case, decided here without a call
            if not _word_bounded(folded, word, start, end):
                continue
            if start and folded[start] == "." and word[start - 1] and written[start:end].islower():
                continue  # "lucaschmid.net": a domain name's ending, not .NET
            if (
                term_id in self.exact
                and written[start:end] not in self.exact[term_id]
                and not (term_id in self.everyday and _emphasised(written[start:end]))
            ):
                if resume:
                    recased.append((start, -(end - start), end, term_id))
                continue  # an everyday-word name in capitals ("LUA") still needs a neighbour
            if (
                self.cased
                and self.cased.get(folded[start:end], written[start:end]) != written[start:end]
            ):
                continue  # "Angular JS" is AngularJS written apart; "no SQL" is no NoSQL
            candidates.append((start, -(end - start), end, term_id))
        if self.has_phrases:
            # Each term's other-meaning phrases found, by term: a candidate is looked up only
            # among its own term's (all of them for every candidate was 2 s of a 2 MB résumé).
            other: dict[int, _Spans] = {}
            for term_id, spans in itertools.groupby(
                sorted(
                    (term_id, last - length + 1, last + 1)
                    for last, (length, term_id) in self.phrases.iter(folded)
                ),
                key=lambda found: found[0],
            ):
                other[term_id] = _Spans([(start, end) for _, start, end in spans])
            candidates = [
                c
                for c in candidates
                if c[3] not in other or not other[c[3]].inside(c[0], c[2], self.longest_phrase)
            ]
        chosen: list[Match] = []
        reach = 0
        for start, _negative_length, end, term_id in sorted(candidates):
            if start >= reach:
                chosen.append(Match(origin[start], origin[end - 1] + 1, term_id))
                reach = end
        if resume:
            chosen = self._parts(text, chosen)  # from names written right only
            others = self._recased(text, recased, chosen, origin)
            if others:
                chosen = sorted([*chosen, *others])
            chosen = self._in_context(text, _outside_links(text, chosen), frozenset(others))
        return chosen

    @staticmethod
    def _recased(text: str, recased: list[tuple], chosen: list[Match], origin) -> list[Match]:
        """The case-sensitive names written in other capitals that are a whole list item or
        followed by a version number and overlap no match written right, longest first
        (``_in_context`` then keeps those next to a technology)."""
        if not recased:
            return []
        taken = _Spans([(m.start, m.end) for m in chosen])
        candidates = [
            Match(origin[start], origin[end - 1] + 1, term_id)
            for start, _negative_length, end, term_id in sorted(recased)
        ]
        segments = _segments(text)
        where = _segment_of(segments, candidates)
        others: list[Match] = []
        reach = 0
        for match in candidates:
            if match.start < reach:
                continue
            segment = where[match]
            listed = segment < len(segments) and _alone(text, segments[segment], match)
            versioned = _AFTER_VERSION.match(text, match.end) is not None
            if (listed or versioned) and not taken.overlapping(match.start, match.end):
                others.append(match)
                reach = match.end
        return others

    def _parts(self, text: str, matches: list[Match]) -> list[Match]:
        """A product's parts listed right after it, as the products they name: "Spring (Boot,
        Data)" and "Spring - Boot, Data" are Spring Boot and Spring Data, "MongoDB (Atlas)"
        MongoDB Atlas. An item that names no such product keeps what was found in it ("Python
        (Django)")."""
        parts: list[Match] = []
        for match in matches:
            brackets = _BRACKETED.match(text, match.end)
            if brackets is None:
                continue
            parent = " ".join(text[match.start : match.end].split())
            listed = 1 if brackets.group(1) is not None else 2
            for item in _PART.finditer(text, brackets.start(listed), brackets.end(listed)):
                key = _normalise(f"{parent} {item.group()}")[0]
                term_id = self.choices.get(key)
                if term_id is not None and term_id != match.term_id:
                    parts.append(Match(item.start(), item.end(), term_id))
        if not parts:
            return matches
        taken = _Spans([(part.start, part.end) for part in parts])
        kept = [m for m in matches if not taken.overlapping(m.start, m.end)]
        return sorted([*kept, *parts])

    def _plausible(self, text: str, match: Match, matches: "_Spans") -> bool:
        """Rule 3's first half: written as the name is (or in capitals), and standing alone
        (see :func:`_stands_alone`)."""
        written = " ".join(text[match.start : match.end].split())
        if written not in self.written.get(match.term_id, ()) and not written.isupper():
            return False
        return _stands_alone(text, match, matches)

    def _headed(self, text: str, match: Match, matches: "_Spans") -> bool:
        """Rule 3's other neighbour: a technical noun right after the name ("Lua code", "bash
        scripts", "a Samba server", "with Go language"), the name written as it is (a glossary
        name of four letters or more also in small letters before a script, bot, server and the
        like), no capitalised word glued to it."""
        noun = _TECHNICAL_NOUN.match(text, match.end)
        if noun is None:
            return False
        written = " ".join(text[match.start : match.end].split())
        small = match.term_id > 0 and noun.group(1) and len(written) >= 4 and written.islower()
        if not small and written not in self.written.get(match.term_id, ()):
            return False
        return _stands_alone(text, match, matches)

    @staticmethod
    def _sentence(text: str, match: Match) -> tuple[int, int]:
        """The stretch of ``match``'s sentence within ``_NEAR`` characters of it."""
        low, high = max(0, match.start - _NEAR), min(len(text), match.end + _NEAR)
        for end in _SENTENCE_END.finditer(text, low, match.start):
            low = end.end()
        stop = _SENTENCE_END.search(text, match.end, high)
        return low, stop.start() if stop else high

    def _in_context(
        self, text: str, matches: list[Match], recased: frozenset[Match] = frozenset()
    ) -> list[Match]:
        """Keep everyday-word matches only where they have a technical neighbour, and
        ``recased`` ones (case-sensitive names written in other capitals) only as list items
        next to a technology or before a version number."""
        # A glossary term whose name is an everyday word, written in a way no everyday word is
        # ("Twitter Bootstrap", "Less.js"), stands on its own; only its bare word needs a
        # neighbour. The recognised vocabulary, unreviewed, does too unless its one word is
        # written as no word of a language is ("ESLint", "NuGet", "Vue.js").
        waiting = [
            m
            for m in matches
            if m in recased
            or (
                m.term_id in self.everyday
                and (
                    _one_word(text, m.start, m.end)
                    if m.term_id > 0
                    else not _distinctive(text[m.start : m.end])
                )
            )
        ]
        if not waiting:
            return matches
        unsure = set(waiting)
        segments = _segments(text)
        where = _segment_of(segments, matches)
        anchors = [m for m in matches if m not in unsure]
        anchored = {where[m] for m in anchors}
        every = _Spans([(m.start, m.end) for m in matches])
        plausible = [
            m
            for m in waiting
            if (m not in recased or _emphasised(text[m.start : m.end]))
            and self._plausible(text, m, every)
        ]
        # Rule 3: in a sentence with a technology that is no everyday word; a glossary term may
        # also stand by another glossary term ("a Ruby gem for a Rails app"), but the recognised
        # vocabulary, unreviewed, needs the former ("Oracle of Delphi" is no technology).
        near = _Spans([(m.start, m.end) for m in anchors])
        reviewed = _Spans([(m.start, m.end) for m in [*anchors, *plausible] if m.term_id > 0])
        kept = {m for m in waiting if m not in recased and self._headed(text, m, every)}
        kept.update(_linked_to_own_site(text, waiting))
        for match in plausible:
            low, high = self._sentence(text, match)
            if near.count_within(low, high) or (
                match.term_id > 0 and reviewed.count_within(low, high) > 1  # itself, another
            ):
                kept.add(match)
        anchored |= {where[m] for m in kept}
        rank = dict(zip(matches, _line_ranks(text, [m.start for m in matches]), strict=True))
        lines = {rank[m] for m in [*anchors, *kept]}
        # An item's neighbours are the items beside it, past any bracketed note on an item
        # ("Java (Excellent), GO (Familiar)": Java is GO's neighbour, not "Excellent").
        notes = _bracketed_notes(text, segments, set(where.values()))
        changed = True
        while changed:  # a chain of everyday-word terms in one list anchors itself link by link
            changed = False
            for match in waiting:
                if match in kept or where[match] >= len(segments):
                    continue
                segment, line = where[match], rank[match]
                before, after = segment - 1, segment + 1
                while before in notes:
                    before -= 1
                while after in notes:
                    after += 1
                versioned = _AFTER_VERSION.match(text, match.end) is not None
                listed = _alone(text, segments[segment], match) and (
                    before in anchored
                    or after in anchored
                    or (match not in recased and not lines.isdisjoint({line - 1, line, line + 1}))
                    or (match not in recased and _under_a_heading(text, match.start))
                )
                if versioned or listed:
                    kept.add(match)
                    anchored.add(segment)
                    lines.add(line)
                    changed = True
        return [m for m in matches if m not in unsure or m in kept]

    def probable(self, text: str, matches: list[Match]) -> list[Probable]:
        """Words in a list of technologies that are probably misspelt terms.

        A list item of one or two words, not itself a term, within a small edit distance of a
        term's name or alias (see :meth:`_nearest`), with a technology
        in the next or previous item: "Django, Cerely, Redis" suggests Celery. An item whose
        every word is an ordinary word (:func:`is_ordinary`) is never suggested: "Django,
        sharing, Redis" suggests no Sharding. Suggestions are shown as "probably", never counted.
        """
        if self.empty:
            return []
        segments = _segments(text)
        where = _segment_of(segments, matches)
        with_terms, covered = set(), set()
        inside: dict[int, set[int]] = {}
        spans: dict[int, list[tuple[int, int]]] = {}  # where those terms are
        for match in matches:
            index = where[match]
            if index >= len(segments):
                continue
            start, end = segments[index]
            with_terms.add(index)
            inside.setdefault(index, set()).add(match.term_id)
            spans.setdefault(index, []).append((match.start, match.end))
            rest = text[start : match.start] + text[match.end : end]
            if not any(c.isalpha() for c in rest):
                covered.add(index)  # the item is this term (and maybe a version)
        links = _Spans([(link.start, link.end) for link in find_links(text)])
        # part of a longer name found ("OIDC" in "OpenID Connect (OIDC)"): no misspelling
        named = _Spans([(m.start, m.end) for m in matches])
        longest = max((m.end - m.start for m in matches), default=0)
        suggestions = []
        examined = 0
        nearest: dict[str, int | None] = {}  # a word written twice is looked up once
        for index, (start, end) in enumerate(segments):
            if index in covered or not ({index - 1, index + 1} & with_terms):
                continue
            examined += 1
            if examined > MAX_PROBABLE_CHECKS:
                break
            written = text[start:end].strip().strip("\"'`*_.-")
            folded = " ".join(written.casefold().split())
            if not 4 <= len(folded) <= 40 or len(folded.split()) > 2 or folded[0].isdigit():
                continue
            offset = text.index(written, start)
            part_of_a_name = named.inside(offset, offset + len(written), longest)
            if part_of_a_name or links.covering(offset) or _CJK_TEXT.search(written):
                continue  # a name glued to Chinese or Japanese text is the matcher's to find
            if folded not in nearest:
                near = self._nearest(folded)
                nearest[folded] = None if near is None or is_ordinary(folded) else near
            term_id = nearest[folded]
            if term_id is None or term_id in inside.get(index, ()):
                continue
            rest = _without(text, start, end, spans.get(index, ()))
            if rest != text[start:end] and is_ordinary(" ".join(rest.casefold().split())):
                continue  # a name found and an ordinary word: "CSS Animation", "AWS cloud"
            suggestions.append(Probable(offset, offset + len(written), written, term_id))
        return suggestions

    def _nearest(self, folded: str) -> int | None:
        """The term ``folded`` is probably a misspelling of, or None.

        A candidate is a spelling within the allowed edit distance of ``folded`` (see
        :func:`_allowed_edits`; two for a word written with a spelling's letters in another
        order, "Cerely" for Celery), that ``_could_be_a_typo`` allows. There is no suggestion
        when a spelling differs from ``folded`` only in symbols ("ASPNet" is ASP.NET written
        without its dot: a farther name would be wrong), nor when the nearest candidates belong
        to two terms ("SDLC" is as near sqlc as SDL's "sdl2"). Only spellings that start with
        the same letter and whose length is within that distance are compared."""
        allowed = max(_allowed_edits(folded), ANAGRAM_EDITS)
        key = (folded[:1], len(folded) - allowed, len(folded) + allowed)
        near = self.near_spellings.get(key)
        if near is None:
            near = [c for c in self.choices if c[:1] == key[0] and key[1] <= len(c) <= key[2]]
            self.near_spellings[key] = near
        found = process.extract(
            folded, near, scorer=Levenshtein.distance, score_cutoff=allowed, limit=None
        )
        bare = _NOT_ALNUM.sub("", folded)
        if any(distance and _NOT_ALNUM.sub("", c) == bare for c, distance, _ in found):
            return None
        found = [
            (spelling, distance)
            for spelling, distance, _ in found
            if distance
            and _within_allowance(folded, spelling, distance)
            and _typo_per_word(folded, spelling)
            and self._could_be_a_typo(folded, spelling)
        ]
        if not found:
            return None
        best = min(distance for _, distance in found)
        terms = {self.choices[spelling] for spelling, distance in found if distance == best}
        return terms.pop() if len(terms) == 1 else None

    def _could_be_a_typo(self, written: str, spelling: str) -> bool:
        """Whether ``written`` (folded) could be a typo of ``spelling`` rather than another
        word: not when they start with different letters (typists rarely miss the first:
        "cloud" is no typo of "gcloud"), nor when a word of five letters or fewer is one edit
        from the name of an everyday-word term ("boot" and "Boost": short everyday words lie
        one letter apart), nor when every edit is a changed letter, two or more, in a word that
        is no reordering of the spelling ("Zambia" and Zabbix, "México" and Maximo: two letters
        changed make another word; "Cerely" and Celery have the same letters)."""
        if written[:1] != spelling[:1]:
            return False
        if len(written) <= 5 and self.choices[spelling] in self.everyday:
            return False
        edits = Levenshtein.editops(written, spelling)
        changed_only = len(edits) >= 2 and all(edit.tag == "replace" for edit in edits)
        return not changed_only or sorted(written) == sorted(spelling)


_ordinary_words: frozenset[str] | None = None  # this process's copy (see ordinary_words)


def ordinary_words() -> frozenset[str]:
    """The most frequent words of each language of ``ORDINARY_WORDS`` (as many as it says, lower
    case): about 140,000 words, 16 MB. Read once per process: from the cache (Redis or the
    file cache, tens of milliseconds), or else from pyspellchecker's word-frequency lists (about
    two seconds) and then stored in the cache for every other process, under a key that names
    pyspellchecker's version and the counts."""
    global _ordinary_words
    if _ordinary_words is None:
        key = ordinary_words_key()
        words = cache.get(key)
        if words is None:
            words = read_ordinary_words()
            cache.set(key, words, timeout=None)
        _ordinary_words = words
    return _ordinary_words


def read_ordinary_words() -> frozenset[str]:
    """Read :func:`ordinary_words` from pyspellchecker's word-frequency lists (about two seconds
    of CPU; use :func:`ordinary_words`, which keeps them)."""
    found: set[str] = set()
    for language, count in ORDINARY_WORDS.items():
        frequency = SpellChecker(language=language).word_frequency.dictionary
        found.update(word for word, _ in heapq.nlargest(count, frequency.items(), key=_count))
    return frozenset(found)


def ordinary_words_key() -> str:
    """The cache key of :func:`ordinary_words`: it names pyspellchecker's version and the
    counts, so a new version of either is read afresh."""
    counts = "-".join(f"{language}{count}" for language, count in ORDINARY_WORDS.items())
    return f"glossary:ordinary-words:{metadata.version('pyspellchecker')}:{counts}"


def _count(item: tuple[str, int]) -> int:
    return item[1]


def is_ordinary(folded: str) -> bool:
    """Whether every word of ``folded`` (a lower-case list item) is an ordinary word of one of
    the résumé languages (see :func:`ordinary_words`), or the plural of one: "media content"
    and "frameworks" are, "restframwork" and "Cerely" are not. Returns False for an item
    without letters."""
    words = _LETTER_RUN.findall(folded)
    common = ordinary_words()
    return bool(words) and all(
        word in common or (word.endswith("s") and word[:-1] in common) for word in words
    )


ANAGRAM_EDITS = 2  # edits allowed to a word written with a spelling's letters in another order


def _allowed_edits(word: str) -> int:
    """How many edits a misspelling of ``word`` may have: 1 up to 7 letters, 2 up to 12, 3."""
    return 1 if len(word) <= 7 else 2 if len(word) <= 12 else 3


def _within_allowance(written: str, spelling: str, distance: int) -> bool:
    """Whether ``distance`` edits are few enough for ``written`` to be a typo of ``spelling``:
    :func:`_allowed_edits`, or two for the same letters in another order ("cerely")."""
    if distance <= _allowed_edits(written):
        return True
    return distance <= ANAGRAM_EDITS and sorted(written) == sorted(spelling)


def _typo_per_word(written: str, spelling: str) -> bool:
    """Whether ``written`` is ``spelling`` with typos in its words, each word within its own
    allowance: "django restframwork" is, "cloud architecture" is no "clean architecture" (five
    letters, three edits). Spellings of different word counts are compared whole."""
    words, names = written.split(), spelling.split()
    if len(words) != len(names):
        return True
    return all(
        _within_allowance(a, b, Levenshtein.distance(a, b))
        for a, b in zip(words, names, strict=True)
    )


NO_RULES = Rules()


class _Spans:
    """Sorted (start, end) spans, to ask quickly which one covers a position or which lie
    inside a stretch of text."""

    def __init__(self, spans: list[tuple[int, int]]):
        self.spans = sorted(spans)
        self.starts = [start for start, _ in self.spans]

    def covering(self, offset: int) -> bool:
        """Whether a span covers ``offset`` (spans do not overlap)."""
        index = bisect.bisect_right(self.starts, offset) - 1
        return index >= 0 and self.spans[index][0] <= offset < self.spans[index][1]

    def inside(self, low: int, high: int, longest: int) -> bool:
        """Whether ``[low, high)`` lies wholly inside one of the spans, none longer than
        ``longest`` (here they may overlap: phrases of different lengths)."""
        first = bisect.bisect_left(self.starts, low - longest)
        last = bisect.bisect_right(self.starts, low)
        return any(end >= high for _, end in self.spans[first:last])

    def overlapping(self, low: int, high: int) -> bool:
        """Whether a span overlaps ``[low, high)`` (spans do not overlap each other)."""
        index = bisect.bisect_left(self.starts, high) - 1
        return index >= 0 and self.spans[index][1] > low

    def count_within(self, low: int, high: int) -> int:
        """How many spans lie wholly inside ``[low, high)``."""
        first = bisect.bisect_left(self.starts, low)
        return sum(
            1 for _, end in self.spans[first : bisect.bisect_left(self.starts, high)] if end <= high
        )


_LETTERS = re.compile(r"^[^\W\d_]+$")


def _distinctive(written: str) -> bool:
    """Whether a one-word name is written as no everyday word is: in camel case, a capital after
    its first letter and a small letter somewhere ("ESLint", "NuGet", "iOS"), or with ``.``,
    ``#`` or ``+`` in it ("Vue.js", "C#"). Digits do not count ("4D" is also a cinema)."""
    if " " in written or any(char.isdigit() for char in written):
        return False
    if any(char in ".#+" for char in written):
        return True
    return bool(
        _LETTERS.match(written)
        and any(char.isupper() for char in written[1:])
        and any(char.islower() for char in written)
    )


_VARIANT_GAP = re.compile(r"[ -]")
_PLAIN_WORD = re.compile(r"[^\W_]+")
_CAMEL_PART = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])|\d+")


def _variants(spelling: str) -> list[tuple[str, bool]]:
    """Other ways of writing ``spelling``, each with whether it counts only as written.

    A name of two to four plain words separated by spaces or hyphens is also written with
    hyphens, with spaces, and (its words of two letters or more) run together: "React Router",
    "React-Router", "ReactRouter". A name of two words run together in camel case, the first of
    three letters or more, is also written apart with its capitals: "Angular JS", "Angular-JS"
    (not "No SQL", which is an everyday phrase first)."""
    words = _VARIANT_GAP.split(spelling)
    if len(words) == 1:
        parts = _CAMEL_PART.findall(spelling)
        if len(parts) != 2 or "".join(parts) != spelling or len(parts[0]) < 3:
            return []
        if len(parts[1]) < 2 or not parts[0][0].isupper():
            return []
        return [(" ".join(parts), True), ("-".join(parts), True)]
    if not 2 <= len(words) <= 4 or not all(_PLAIN_WORD.fullmatch(word) for word in words):
        return []
    forms = ["-".join(words), " ".join(words)]
    if all(len(word) >= 2 for word in words):
        forms.append("".join(words))
    return [(form, False) for form in forms if form != spelling]


def _stands_alone(text: str, match: Match, matches: "_Spans") -> bool:
    """Whether an everyday-word match is not part of something else: no quantity before it, no
    everyday compound or longer proper name around it (a neighbouring technology excepted)."""
    if _COUNTED.search(text[max(0, match.start - 12) : match.start]):
        return False  # "9k requests", "40 containers": a quantity of things
    if _COMPOUND.match(text, match.end):
        return False  # "Black-box", "Go-to": part of an everyday compound
    base = max(0, match.start - 40)
    before = _CAPITALISED_BEFORE.search(text[base : match.start])
    after = _CAPITALISED_AFTER.search(text[match.end : match.end + 40])
    if before and _past_tense(before.group(1)) and (before.start(1) or not base):
        first = _STARTS_AFTER.search(text[base : base + before.start(1)])
        before = None if first else before  # "Leveraged Micrometer": a verb, not a name
    glued = [base + before.start(1)] if before else []
    glued += [match.end + after.start(1)] if after else []
    return all(matches.covering(offset) for offset in glued)


def _past_tense(word: str) -> bool:
    """Whether a capitalised word reads as a verb in the past tense ("Leveraged", "Deployed"):
    five letters or more, small letters after the first, ending in "ed". A résumé line opens
    with one ("Leveraged Micrometer"), capitalised for being first, not for being part of a
    longer name ("Tungsten Fabric" is one)."""
    return len(word) >= 5 and word.endswith("ed") and word[0].isupper() and word[1:].islower()


def _emphasised(written: str) -> bool:
    """Whether a name is written in capitals for emphasis ("LUA", "HAML"): three letters or
    more, all capitals."""
    return written.isupper() and sum(char.isalpha() for char in written) >= 3


def _one_word(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is a single word of letters (as an everyday word is)."""
    return text[start:end].isalpha()


def _as_written(spelling: str) -> set[str]:
    """How a spelling may be written in a sentence: as it is, and a name of several words also
    with a small first letter ("load testing" for "Load testing"; "bootstrap" is not
    "Bootstrap")."""
    forms = {spelling}
    if " " in spelling and spelling[0].isupper():
        forms.add(spelling[0].lower() + spelling[1:])
    return forms


_GLUED_VERSION = re.compile(r"\d{1,2}(?:\.\d+)*(?!\w)")


def _glued_year(text: str, word: bytes, start: int) -> bool:
    """Whether the four characters before ``start`` are a year (1900-2099) standing alone."""
    year = text[max(0, start - 4) : start]
    return (
        len(year) == 4
        and year.isascii()
        and year.isdigit()
        and year[:2] in ("19", "20")
        and (start == 4 or not word[start - 5])
    )


def _word_bounded(text: str, word: bytes, start: int, end: int) -> bool:
    """True if ``text[start:end]`` is not part of a longer word or a dotted name.

    A spelling that starts (ends) with a letter or digit must not touch another letter or digit
    on that side, nor a dot joined to one ("js" in "d3.js", "node" in "node.config"); one that
    starts (ends) with punctuation, like ".NET" or "C#", may. ``word`` is ``text``'s
    :func:`_word_mask`.

    Two things glued to a name do not make it part of a longer word: a year before it, as text
    taken from a PDF or a LaTeX table often has ("2005Java", "2011GitHub"), and a version number
    after it ("Qt5", "Java8", "Vue3": one or two digits, and a point release, then no letter).
    """
    dotted_before = start > 1 and text[start - 1] == "." and word[start - 2]
    glued_year = _glued_year(text, word, start)
    if start > 0 and word[start] and (word[start - 1] or dotted_before) and not glued_year:
        return False
    if end < len(text) and word[end - 1]:
        glued_version = (
            end - start > 1
            and text[end - 1].isalpha()
            and _GLUED_VERSION.match(text, end) is not None
        )
        if word[end] and not glued_version:
            return False
        if text[end] == "." and end + 1 < len(text) and text[end + 1].isalpha():
            return False  # "node" in "node.config"; a version ("Python 3.11") is no name
    return True


# "CodePen: https://…", "[CodePen](https://…", a label on the line above ("GitHub\nhttps://…",
# "GitHub Portfolio\nhttps://…")
_LABEL_GAP = re.compile(
    r"[^\S\n]*(?:(?i:portfolio|profile|page|account)[^\S\n]*)?(?:[:：]|\n)\s*|\]\("
)
_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*://|^www\.")
_NOT_ALNUM = re.compile(r"[^a-z0-9]+")


def _labels_a_profile(text: str, match: Match, link: Link | None) -> bool:
    """Whether ``match`` is the label of the link right after it ("CodePen: codepen.io/ada",
    "[CodePen](https://codepen.io/ada)") and that link leads to someone's page on the site the
    label names: the name is in the link's host and the link has a path. A link to a product's
    own home page ("[React](https://react.dev)") leaves the name a skill.

    Args:
        text: the résumé's text.
        match: a name found in it.
        link: the first link of ``text`` that starts at or after the match's end, if any.
    """
    if link is None:
        return False
    gap = _LABEL_GAP.fullmatch(text, match.end, link.start)
    if gap is None or (gap.group(0) == "](" and text[match.start - 1 : match.start] != "["):
        return False
    host, _, path = _SCHEME.sub("", link.url.lower()).partition("/")
    name = _NOT_ALNUM.sub("", text[match.start : match.end].casefold())
    return bool(name and path.strip("/") and name in _NOT_ALNUM.sub("", host))


_MARKDOWN_LINK_MIDDLE = re.compile(r"\]\(<?")  # "[React](https://react.dev)": text, then address


def _linked_to_own_site(text: str, matches: list[Match]) -> list[Match]:
    """The matches that are the text of a link to the named thing's own site: "[React](https://
    facebook.github.io/react/)" in Markdown, or an HTML link as the reader writes it, address
    then text ("https://elm-lang.org Elm"). The address holds the name's letters and digits
    (after its scheme), so a list of linked names needs no other neighbour; "[Black Engineers
    Society](https://nsbe.org)" is no link to Black's site."""
    if not matches:
        return []
    links = find_links(text)
    starts = [link.start for link in links]
    found = []
    for match in matches:
        name = _NOT_ALNUM.sub("", text[match.start : match.end].casefold())
        if not name:
            continue
        after = bisect.bisect_left(starts, match.end)
        candidates = []
        if after < len(links):  # Markdown: "[name](address)"
            link = links[after]
            if (
                match.start
                and text[match.start - 1] == "["
                and _MARKDOWN_LINK_MIDDLE.fullmatch(text, match.end, link.start)
            ):
                candidates.append(link)
        if after:  # HTML, as read: "address name"
            link = links[after - 1]
            if link.end < match.start and text[link.end : match.start].isspace():
                candidates.append(link)
        for link in candidates:
            if name in _NOT_ALNUM.sub("", _SCHEME.sub("", link.url.casefold())):
                found.append(match)
                break
    return found


def _outside_links(text: str, matches: list[Match]) -> list[Match]:
    """The matches that are neither part of a web or e-mail address nor the label of a profile
    link on its line ("GitHub: https://github.com/ada", "[GitHub](https://github.com/ada)",
    "https://github.com/ada GitHub")."""
    links = find_links(text)
    if not links:
        return matches
    spans = _Spans([(k.start, k.end) for k in links])
    ordered = sorted(links, key=lambda k: k.start)
    starts = [k.start for k in ordered]
    kinds = {k.kind.casefold() for k in links}
    kept = []
    for match in matches:
        if spans.covering(match.start) or spans.covering(match.end - 1):
            continue
        written = text[match.start : match.end].casefold()
        after = bisect.bisect_left(starts, match.end)
        if _labels_a_profile(text, match, ordered[after] if after < len(ordered) else None):
            continue
        if not any(kind in written for kind in kinds):
            kept.append(match)  # it does not name a kind of link: no profile's label
            continue
        line_start = text.rfind("\n", 0, match.start) + 1
        line_end = text.find("\n", match.end)
        line_end = len(text) if line_end < 0 else line_end
        low, high = max(line_start, match.start - 60), min(line_end, match.end + 60)
        first = max(0, bisect.bisect_left(starts, low) - 1)
        nearby = ordered[first : bisect.bisect_right(starts, high)]
        if not any(
            k.kind.casefold() in written
            and (low <= k.end <= match.start or match.end <= k.start <= high)
            for k in nearby
        ):
            kept.append(match)
    return kept


# --- The shared matcher -----------------------------------------------------------------------

_lock = threading.Lock()
_built: dict[str, object] = {"revision": None, "matcher": None, "terms": {}}
# Per thread: whether the revision was already compared during the current request.
_checked = threading.local()


def glossary_changed(**kwargs: object) -> None:
    """Signal receiver: a term or area changed, so move the revision (in its transaction)."""
    from .models import GlossaryRevision

    if getattr(_checked, "batch", False):
        _checked.batch_changed = True
        return
    GlossaryRevision.bump()
    _checked.done = False


@contextmanager
def one_revision() -> Iterator[None]:
    """Move the glossary revision once for all the changes made inside (an import of many
    terms), not once per saved row. Use inside the changes' transaction."""
    _checked.batch, _checked.batch_changed = True, False
    try:
        yield
    finally:
        _checked.batch = False
    if _checked.batch_changed:
        glossary_changed()


def new_request(**kwargs: object) -> None:
    """Signal receiver (``request_started``): compare the revision again in this request."""
    _checked.done = False


def current() -> tuple[TermMatcher, dict[int, object]]:
    """The matcher for all terms and the recognised vocabulary, rebuilt if the glossary changed.

    The revision is read from the database at most once per request (one small query); outside
    requests (commands, tests), once per thread and again after every local change.

    Returns:
        ``(matcher, terms)``; ``terms`` maps an id to its ``Term`` (with its area), or, for a
        negative id, to its :class:`~glossary.vocabulary.RecognisedTerm`.
    """
    from .models import GlossaryRevision, Term
    from .vocabulary import recognised

    with _lock:
        if _built["matcher"] is None or not getattr(_checked, "done", False):
            revision = GlossaryRevision.current()
            if _built["revision"] != revision or _built["matcher"] is None:
                terms = {t.pk: t for t in Term.objects.select_related("area").order_by("pk")}
                # A recognised term the glossary already explains (Linguist's JavaScript) is
                # left out with its aliases ("node", an interpreter's name, is no JavaScript).
                explained = {s.casefold() for t in terms.values() for s in [t.name, *t.aliases]}
                terms.update(
                    {r.pk: r for r in recognised() if r.name.casefold() not in explained}
                )  # after: where a spelling is both, the glossary's wins
                spellings = {pk: [t.name, *t.aliases] for pk, t in terms.items()}
                rules = {
                    pk: Rules(t.case_sensitive, t.needs_context)
                    for pk, t in terms.items()
                    if t.case_sensitive or t.needs_context
                }
                meanings = {pk: t.other_meanings for pk, t in terms.items() if pk > 0}
                matcher = TermMatcher(spellings, rules, meanings)
                matcher.revision = revision
                _built.update(revision=revision, matcher=matcher, terms=terms)
            _checked.done = True
        return _built["matcher"], _built["terms"]


def find_terms(text: str) -> list[tuple[Match, object]]:
    """The glossary terms in ``text`` with their ``Term`` objects, in order (questions,
    guidance: no résumé rules, no recognised vocabulary).

    A term whose name is also an everyday word (``needs_context``) is found only written as its
    name, capitals and all: "the Requests library" links, "failing API requests" does not.
    """
    matcher, terms = current()
    found = []
    for match in matcher.find(text):
        if match.term_id <= 0:
            continue
        term = terms[match.term_id]
        written = " ".join(text[match.start : match.end].split())
        if matcher._rules(match.term_id).needs_context and written != term.name:
            continue
        found.append((match, term))
    return found


@dataclass
class Scan:
    """What a résumé names: terms (glossary and recognised), links, probable misspellings, and
    the names in its lists of technologies that none of these covers (``unrecognised``)."""

    terms: list[tuple[Match, object]]
    links: list[Link]
    probable: list[tuple[Probable, object]]
    unrecognised: list[str]


PROBABLE_CHARS = 200_000  # misspellings are looked for in a résumé's first 200,000 characters


def scan_resume(text: str) -> Scan:
    """Find everything a résumé names, with the résumé rules (see the module's docstring).

    Probable misspellings are looked for in the first ``PROBABLE_CHARS`` characters only: a
    résumé is far shorter, and a 2 MB upload stays fast.
    """
    _segments.cache_clear()  # list items worked out once in this scan, none kept from another
    matcher, terms = current()
    matches = [m for m in matcher.find(text, resume=True) if m.term_id in terms]
    head = text[:PROBABLE_CHARS]
    in_head = [m for m in matches if m.end <= len(head)]
    probable = [(p, terms[p.term_id]) for p in matcher.probable(head, in_head)]
    technologies = [m for m in in_head if terms[m.term_id].kind != "concept"]
    unknown = unrecognised(head, technologies, [*in_head, *(p for p, _ in probable)])
    return Scan([(m, terms[m.term_id]) for m in matches], find_links(text), probable, unknown)


# A name nothing recognises, as lists write one: a letter first, at most three words, and
# written as a name is (a capital, a digit or one of . # + inside), which plain words are not.
_NAME_LIKE = re.compile(r"[^\W\d_][\w.#+'’-]*(?:[^\S\n][\w.#+'’-]+){0,2}")
_NAME_MARK = re.compile(r"[A-Z0-9.#+]")
_CJK_TEXT = re.compile(r"[\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")
_LINE = re.compile(r"[^\n]+")
# Words that make an item an organisation's name or a job title, not a technology's name.
_NOT_A_TECHNOLOGY = re.compile(
    r"\b(?:academy|agency|bank|bootcamp|college|company|corp|council|department|foundation|gmbh|"
    r"group|hospital|inc|institute|ltd|ministry|school|society|university|universit[éà]|"
    r"universidade|universidad|école|escola|escuela|"
    r"engineer|developer|architect|consultant|analyst|manager|intern|desenvolvedor|"
    r"desarrollador|développeur|ingénieur|entwickler|ingenieur)\b",
    re.IGNORECASE,
)
# A list's heading written as an item ("Tools", "Lenguajes"): a kind of thing, not a name.
_HEADING = re.compile(
    r"(?:tools?|tooling|servers?|cloud|applications?|apps|languages?|frameworks?|librar(?:y|ies)|"
    r"databases?|platforms?|others?|misc|technolog(?:y|ies)|skills?|software|hardware|systems?|"
    r"methodolog(?:y|ies)|méthodologies?|metodolog[íi]as?|methods?|méthodes|métodos|methoden|"
    r"practices|pratiques|prácticas|práticas|front[- ]?end|back[- ]?end|web|mobile|testing|"
    r"legacy|vanilla|"
    r"lenguajes|linguagens|langages|sprachen|herramientas|ferramentas|outils|werkzeuge|nube|"
    r"nuvem|tecnologías|tecnologias|technologien|compétences|habilidades|"
    r"conhecimentos|kenntnisse)",
    re.IGNORECASE,
)
# A heading that introduces a list of technologies: "Methodologies: Scrum, Kanban", or alone on
# the line above ("## Tools", "**Méthodes**"); a few words at most.
_HEADING_LABEL = re.compile(
    r"[^\S\n]*(?:[-*•#>]+[^\S\n]*)*[*_]*([^\n:：*_]{2,40}?)[*_]*[^\S\n]*[:：]?[^\S\n]*"
)


_HEADING_QUALIFIERS = frozenset({
    "and", "or", "of", "the", "my", "main", "key", "other", "technical", "programming",
    "development", "working", "operating", "de", "des", "du", "la", "le", "et", "e", "y", "und",
    "von",
})  # fmt: skip


def _is_heading(label: re.Match | None) -> bool:
    """Whether a heading's words are kinds of things (``_HEADING``: "Tools", "Languages and
    Frameworks", "Méthodologies"), with at most a few plain words between, and nothing else
    ("Senior Software Engineer" is a job)."""
    if label is None:
        return False
    words = [w.casefold() for w in re.findall(r"[^\W\d_]+", label.group(1))]
    kinds = [w for w in words if _HEADING.fullmatch(w)]
    return (
        bool(kinds)
        and len(words) <= 4
        and all(w in _HEADING_QUALIFIERS or _HEADING.fullmatch(w) for w in words)
    )


def _under_a_heading(text: str, start: int) -> bool:
    """Whether the list item at ``start`` is in a list a heading introduces: the heading before a
    colon on its line ("Methodologies: Scrum, Shape-up"), or alone on the line above it
    ("Methodologies" over "Scrum, Shape-up"). A heading names a kind of thing (:data:`_HEADING`:
    tools, languages, methodologies, skills...), in a few words."""
    line_start = text.rfind("\n", 0, start) + 1
    colon = max(text.rfind(":", line_start, start), text.rfind("：", line_start, start))
    if colon >= 0:
        return _is_heading(_HEADING_LABEL.fullmatch(text, line_start, colon + 1))
    end = line_start - 1
    while end > 0 and text[end - 1] in "\n \t":
        end -= 1
    if end <= 0:
        return False
    return _is_heading(_HEADING_LABEL.fullmatch(text, text.rfind("\n", 0, end) + 1, end))


UNRECOGNISED_LIMIT = 40  # names listed at most: a longer list says nothing more


def unrecognised(text: str, technologies: list[Match], covered: list) -> list[str]:
    """The names in ``text``'s lists of technologies that nothing found covers.

    A line is a list of technologies when at least two of its items (between commas, bars,
    brackets, bullets...) are each a technology found, and those are more than half of its
    items. Its other items that look like names (see ``_NAME_LIKE``; several words only with a
    capital first), that are no organisation, job title or list heading, and that overlap
    nothing in ``covered`` are returned; a label before a colon ("Tools:") is not an item.

    Args:
        text: the résumé's text (its head, as the misspellings are looked for).
        technologies: matches of technologies (not ideas) in ``text``, in order.
        covered: every match and probable misspelling (anything with ``start``, ``end``).

    Returns:
        The names as written, first occurrence first, without repeats (ignoring case), at most
        ``UNRECOGNISED_LIMIT``.
    """
    names: dict[str, str] = {}
    spans = _Spans(sorted((c.start, c.end) for c in covered))
    starts = [m.start for m in technologies]
    segments = _segments(text)  # a line break separates items, so none spans two lines
    segment_starts = [start for start, _ in segments]
    for line in _LINE.finditer(text):
        low, high = line.span()
        first, last = bisect.bisect_left(starts, low), bisect.bisect_left(starts, high)
        if last - first < 2:
            continue
        items = segments[
            bisect.bisect_left(segment_starts, low) : bisect.bisect_left(segment_starts, high)
        ]
        items = [(a, b) for a, b in items if not text.startswith(":", b)]  # not a label
        in_item = _segment_of(items, technologies[first:last])
        listed = {
            in_item[m] for m in technologies[first:last]
            if in_item[m] < len(items) and _alone(text, items[in_item[m]], m)
        }  # fmt: skip
        if len(listed) < 2 or 2 * len(listed) <= len(items):
            continue
        for index, (a, b) in enumerate(items):
            name = text[a:b].strip(" \t\"'`*_-").rstrip(".")
            if (
                index not in listed
                and _NAME_LIKE.fullmatch(name)
                and _NAME_MARK.search(name)
                and not _NOT_A_TECHNOLOGY.search(name)
                and not _HEADING.fullmatch(name)
                and (name[0].isupper() or " " not in name)
                and ". " not in name  # two sentences' ends, not one name
                and not _CJK_TEXT.search(name)  # Chinese or Japanese words, not a name
                and not spans.overlapping(a, b)
            ):
                names.setdefault(name.casefold(), name)
    return list(names.values())[:UNRECOGNISED_LIMIT]


_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


class MarkedText(SafeString):
    """Safe HTML of a text with its terms marked; ``marked`` and ``unmarked`` count mentions."""

    marked: int = 0
    unmarked: int = 0


def annotate(
    text: str,
    render,
    *,
    once_per_paragraph: bool = False,
    limit: int | None = None,
    resume: bool = False,
    mentions: list | None = None,
) -> MarkedText:
    """``text``, HTML-escaped, with term occurrences replaced by ``render(written, term)``.

    Args:
        text: plain text.
        render: returns safe HTML for one occurrence, given the text as written and the term.
        once_per_paragraph: mark only a term's first occurrence in each paragraph (paragraphs
            are separated by blank lines); later ones stay plain text.
        limit: mark at most this many occurrences in all; the rest stay plain text.
        resume: find terms with the résumé rules (see the module's docstring), as the
            decoder counts them.
        mentions: the ``(match, term)`` pairs already found in ``text`` (or in a longer text
            it begins), to mark without scanning again; glossary terms only are marked.

    Returns:
        Safe HTML, with how many occurrences were marked and left plain.
    """
    breaks = [m.start() for m in _PARAGRAPH_BREAK.finditer(text)] if once_per_paragraph else []
    seen: set[tuple[int, int]] = set()
    pieces, position, marked, unmarked, paragraph = [], 0, 0, 0, 0
    if mentions is not None:
        found = [(m, t) for m, t in mentions if m.term_id > 0 and m.end <= len(text)]
    elif resume:
        found = [(m, t) for m, t in scan_resume(text).terms if m.term_id > 0]
    else:
        found = find_terms(text)
    for match, term in found:
        while paragraph < len(breaks) and breaks[paragraph] < match.start:
            paragraph += 1
        key = (paragraph, term.pk)
        if (once_per_paragraph and key in seen) or (limit is not None and marked >= limit):
            unmarked += 1
            continue
        seen.add(key)
        pieces.append(escape(text[position : match.start]))
        pieces.append(render(text[match.start : match.end], term))
        position = match.end
        marked += 1
    pieces.append(escape(text[position:]))
    html = MarkedText("".join(pieces))  # every piece is escaped or rendered safe
    html.marked, html.unmarked = marked, unmarked
    return html
