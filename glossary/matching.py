"""Finding glossary terms in text: résumés, questions, guidance.

Rules: case-insensitive; whole words only ("Go" is not found in "Google", "Java" not in
"JavaScript"); names with punctuation work ("C#", ".NET", "Node.js", "CI/CD"); every alias maps to
its term; where matches overlap the longest wins, so "Django REST framework" is one term, not also
"Django" (which still counts where it appears on its own).

The multi-pattern search is pyahocorasick's automaton; this module adds the word rules. One matcher
is built per process from all terms and rebuilt when the glossary changes: saving or deleting a
term or an area moves ``GlossaryRevision`` in the same transaction (see ``glossary.apps``), and
every process compares it with the revision its matcher was built at, once per request.
"""

import re
import threading
from dataclasses import dataclass

import ahocorasick
from django.utils.html import escape
from django.utils.safestring import SafeString


@dataclass(frozen=True)
class Match:
    """One occurrence of a term: ``text[start:end]`` is how it was written."""

    start: int
    end: int
    term_id: int


def _is_word_char(char: str) -> bool:
    return char.isalnum()


_SPACES = re.compile(r"\s+")


def _fold(text: str) -> str:
    """Lower-case ``text`` without changing its length (so offsets stay valid)."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


def _normalise(text: str) -> tuple[str, list[int]]:
    """Fold case and turn every run of white space into one space (a résumé wraps its lines).

    Returns:
        The normalised text and, for each of its characters, the index of the character it came
        from in ``text`` (plus one final entry, ``len(text)``).
    """
    folded = _fold(text)
    pieces, origin, position = [], [], 0
    for run in _SPACES.finditer(folded):
        pieces.append(folded[position : run.start()])
        origin.extend(range(position, run.start()))
        pieces.append(" ")
        origin.append(run.start())
        position = run.end()
    pieces.append(folded[position:])
    origin.extend(range(position, len(folded)))
    origin.append(len(text))
    return "".join(pieces), origin


class TermMatcher:
    """Finds terms in text.

    Args:
        spellings: each term's id with its name and aliases, as ``{term_id: [spelling, ...]}``.
            A spelling shared by two terms belongs to the first one given.
    """

    revision = ""  # the glossary revision it was built from (set by ``current``)

    def __init__(self, spellings: dict[int, list[str]]):
        self.automaton = ahocorasick.Automaton()
        seen: set[str] = set()
        for term_id, words in spellings.items():
            for word in words:
                folded = _normalise(word.strip())[0]
                if folded and folded not in seen:
                    seen.add(folded)
                    self.automaton.add_word(folded, (len(folded), term_id))
        self.empty = not seen
        if not self.empty:
            self.automaton.make_automaton()

    def find(self, text: str) -> list[Match]:
        """Every term in ``text``, in order, without overlaps (the longest match wins).

        Args:
            text: any text; offsets in the result index into it.

        Returns:
            The matches, sorted by position.
        """
        if self.empty or not text:
            return []
        folded, origin = _normalise(text)
        candidates = []
        for last, (length, term_id) in self.automaton.iter(folded):
            start, end = last - length + 1, last + 1
            if _word_bounded(folded, start, end):
                candidates.append((start, -(end - start), end, term_id))
        chosen: list[Match] = []
        reach = 0
        for start, _negative_length, end, term_id in sorted(candidates):
            if start >= reach:
                chosen.append(Match(origin[start], origin[end - 1] + 1, term_id))
                reach = end
        return chosen


def _word_bounded(text: str, start: int, end: int) -> bool:
    """True if ``text[start:end]`` is not part of a longer word.

    A spelling that starts (ends) with a letter or digit must not touch another letter or digit
    on that side; one that starts (ends) with punctuation, like ".NET" or "C#", may.
    """
    if _is_word_char(text[start]) and start > 0 and _is_word_char(text[start - 1]):
        return False
    return not (_is_word_char(text[end - 1]) and end < len(text) and _is_word_char(text[end]))


# --- The shared matcher -----------------------------------------------------------------------

_lock = threading.Lock()
_built: dict[str, object] = {"revision": None, "matcher": None, "terms": {}}
# Per thread: whether the revision was already compared during the current request.
_checked = threading.local()


def glossary_changed(**kwargs: object) -> None:
    """Signal receiver: a term or area changed, so move the revision (in its transaction)."""
    from .models import GlossaryRevision

    GlossaryRevision.bump()
    _checked.done = False


def new_request(**kwargs: object) -> None:
    """Signal receiver (``request_started``): compare the revision again in this request."""
    _checked.done = False


def current() -> tuple[TermMatcher, dict[int, object]]:
    """The matcher for all terms and the terms by id, rebuilt if the glossary changed.

    The revision is read from the database at most once per request (one small query); outside
    requests (commands, tests), once per thread and again after every local change.

    Returns:
        ``(matcher, terms)``; ``terms`` maps a term id to its ``Term`` (with its area).
    """
    from .models import GlossaryRevision, Term

    with _lock:
        if _built["matcher"] is None or not getattr(_checked, "done", False):
            revision = GlossaryRevision.current()
            if _built["revision"] != revision or _built["matcher"] is None:
                terms = {t.pk: t for t in Term.objects.select_related("area").order_by("pk")}
                spellings = {pk: [t.name, *t.aliases] for pk, t in terms.items()}
                matcher = TermMatcher(spellings)
                matcher.revision = revision
                _built.update(revision=revision, matcher=matcher, terms=terms)
            _checked.done = True
        return _built["matcher"], _built["terms"]


def find_terms(text: str) -> list[tuple[Match, object]]:
    """The terms in ``text`` with their ``Term`` objects, in order."""
    matcher, terms = current()
    return [(m, terms[m.term_id]) for m in matcher.find(text) if m.term_id in terms]


_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


class MarkedText(SafeString):
    """Safe HTML of a text with its terms marked; ``marked`` and ``unmarked`` count mentions."""

    marked: int = 0
    unmarked: int = 0


def annotate(
    text: str, render, *, once_per_paragraph: bool = False, limit: int | None = None
) -> MarkedText:
    """``text``, HTML-escaped, with term occurrences replaced by ``render(written, term)``.

    Args:
        text: plain text.
        render: returns safe HTML for one occurrence, given the text as written and the term.
        once_per_paragraph: mark only a term's first occurrence in each paragraph (paragraphs
            are separated by blank lines); later ones stay plain text.
        limit: mark at most this many occurrences in all; the rest stay plain text.

    Returns:
        Safe HTML, with how many occurrences were marked and left plain.
    """
    breaks = [m.start() for m in _PARAGRAPH_BREAK.finditer(text)] if once_per_paragraph else []
    seen: set[tuple[int, int]] = set()
    pieces, position, marked, unmarked, paragraph = [], 0, 0, 0, 0
    for match, term in find_terms(text):
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
