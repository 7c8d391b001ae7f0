"""Decoding a résumé: which glossary terms it mentions, by area, and what a recruiter should notice.

What to notice comes from the terms' ``tags`` (see ``glossary.models.TAGS``), not from lists in
code: terms tagged ``outdated`` or ``senior`` are pointed out with their own "what it signals"
text, and a résumé that names no term tagged ``testing`` is pointed out too.
"""

from collections import Counter
from dataclasses import dataclass, field

from .matching import find_terms
from .models import Term


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
class DecodedResume:
    """The result of :func:`decode`."""

    text: str
    found: list[FoundTerm]
    signals: list[Signal]

    @property
    def by_area(self) -> list[tuple[object, list[FoundTerm]]]:
        """The found terms grouped by area (in area order), most mentioned first."""
        groups: dict[object, list[FoundTerm]] = {}
        for item in self.found:
            groups.setdefault(item.term.area, []).append(item)
        return [
            (area, sorted(items, key=lambda i: (-i.count, i.term.name.casefold())))
            for area, items in sorted(groups.items(), key=lambda pair: pair[0].order)
        ]

    def counts(self) -> dict[int, int]:
        """Mentions per term id."""
        return {item.term.pk: item.count for item in self.found}


def decode(text: str) -> DecodedResume:
    """Find the glossary terms in ``text`` and what they signal.

    Args:
        text: the résumé as plain text.

    Returns:
        The terms found (with counts) and the signals. Reads the database only to list the
        terms tagged ``testing`` when none was found.
    """
    matches = find_terms(text)
    counts = Counter(term.pk for _, term in matches)
    terms = {term.pk: term for _, term in matches}
    found = [FoundTerm(terms[pk], count) for pk, count in counts.items()]
    present = list(terms.values())

    signals = []
    outdated = [t for t in present if "outdated" in t.tags]
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
    return DecodedResume(text=text, found=found, signals=signals)


def _testing_names() -> list[str]:
    """A few names of testing tools, for the "no testing tools" signal (one small query)."""
    return sorted(
        (t.name for t in Term.objects.only("name", "tags") if "testing" in t.tags),
        key=str.casefold,
    )[:4]
