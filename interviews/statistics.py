"""Question statistics for bank admins: how each bank question behaves in real screenings.

For each question: times asked, the spread of ratings, the skip rate, agreement between raters
(co-rated screenings), and how well it separates candidates the hiring manager advanced from
those declined. Figures resting on fewer than ``settings.QUESTION_STATS_MIN`` screenings are
hidden, with the reason. Agreement is also given per area and per pair of raters.

Only submitted screenings count; each asking of a question is one unit.
"""

from collections import defaultdict
from dataclasses import dataclass, field

from django.conf import settings

from .agreement import SCALE, Agreement, agreement
from .models import CoRating, InterviewQuestion, Outcome, Question, Status

EASY_SHARE = 80  # percent Strong at or above which a question is listed as too easy
SEPARATES = 0.5  # scale steps between advanced and declined candidates that count as separating


@dataclass
class Separation:
    """How a question's ratings differ between candidates advanced and declined.

    Attributes:
        advanced, declined: the mean points (1-3) of each group, or None when hidden.
        advanced_n, declined_n: screenings behind each.
        reason: why it is hidden ("" when shown).
    """

    advanced: float | None
    declined: float | None
    advanced_n: int
    declined_n: int
    reason: str = ""

    @property
    def difference(self) -> float | None:
        """Advanced minus declined, in scale steps."""
        if self.advanced is None or self.declined is None:
            return None
        return self.advanced - self.declined

    @property
    def separates(self) -> bool | None:
        """True when the difference is at least ``SEPARATES`` steps; None when hidden."""
        return None if self.difference is None else self.difference >= SEPARATES


@dataclass
class QuestionStatistics:
    """One bank question's figures (see the module docstring)."""

    question: Question
    asked: int = 0
    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(SCALE, 0))
    skipped: int = 0
    agreement: Agreement | None = None
    separation: Separation | None = None

    @property
    def rated(self) -> int:
        return sum(self.counts.values())

    @property
    def shares(self) -> dict[str, float]:
        """Percent Strong, Average and Weak among the rated askings."""
        return {r: (100 * n / self.rated if self.rated else 0.0) for r, n in self.counts.items()}

    @property
    def skip_rate(self) -> float:
        return 100 * self.skipped / self.asked if self.asked else 0.0

    @property
    def enough(self) -> bool:
        return self.asked >= settings.QUESTION_STATS_MIN

    @property
    def too_easy(self) -> bool:
        """Nearly everyone rates it Strong (over enough screenings)."""
        return self.enough and self.shares["strong"] >= EASY_SHARE


def _mean(values: list[int]) -> float | None:
    return sum(values) / len(values) if values else None


def question_statistics() -> dict:
    """Every question's statistics, agreement by area and by pair of raters, and the lists of
    questions to review.

    Two queries over submitted screenings (the askings, with their decision; the co-ratings
    submitted) and one for the questions.

    Returns:
        ``questions`` (a :class:`QuestionStatistics` per bank question asked, by area and
        slug), ``areas`` (``(area name, Agreement)``), ``pairs`` (``(rater, rater, Agreement)``,
        most shared answers first), ``too_easy``, ``disagreed`` (alpha below .667) and
        ``not_separating`` (lists of statistics), and ``minimum``.
    """
    minimum = settings.QUESTION_STATS_MIN
    askings = list(
        InterviewQuestion.objects.filter(interview__status=Status.SUBMITTED, question__isnull=False)
        .exclude(rating="")
        .values_list(
            "pk",
            "question_id",
            "area_name",
            "rating",
            "interview__interviewer_id",
            "interview__decision__outcome",
        )
    )
    co_ratings: dict[int, dict[int, str]] = defaultdict(dict)
    for asking_id, rater_id, rating in CoRating.objects.filter(
        co_rater__submitted_at__isnull=False, question__interview__status=Status.SUBMITTED
    ).values_list("question_id", "co_rater__rater_id", "rating"):
        co_ratings[asking_id][rater_id] = rating

    questions = Question.objects.select_related("area").in_bulk({row[1] for row in askings})
    stats: dict[int, QuestionStatistics] = {}
    units: dict[int, list[dict]] = defaultdict(list)  # per question, co-rated askings
    area_units: dict[str, list[dict]] = defaultdict(list)
    outcomes: dict[int, dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
    for pk, question_id, area_name, rating, interviewer_id, outcome in askings:
        item = stats.setdefault(question_id, QuestionStatistics(questions[question_id]))
        item.asked += 1
        if rating in SCALE:
            item.counts[rating] += 1
            if outcome in (Outcome.ADVANCE, Outcome.DECLINE):
                outcomes[question_id][outcome].append(SCALE[rating])
        else:
            item.skipped += 1
        if pk in co_ratings:
            unit = {interviewer_id: rating, **co_ratings[pk]}
            units[question_id].append(unit)
            area_units[area_name].append(unit)

    for question_id, item in stats.items():
        item.agreement = agreement(units[question_id])
        advanced = outcomes[question_id][Outcome.ADVANCE]
        declined = outcomes[question_id][Outcome.DECLINE]
        shown = len(advanced) >= minimum and len(declined) >= minimum
        item.separation = Separation(
            _mean(advanced) if shown else None,
            _mean(declined) if shown else None,
            len(advanced),
            len(declined),
            ""
            if shown
            else f"Needs {minimum} advanced and {minimum} declined candidates who were asked "
            f"it; there are {len(advanced)} and {len(declined)}.",
        )

    ordered = sorted(
        stats.values(), key=lambda s: (s.question.area.order, s.question.area.name, s.question.slug)
    )
    return {
        "questions": ordered,
        "areas": sorted((name, agreement(found)) for name, found in area_units.items()),
        "pairs": _pairs([u for found in units.values() for u in found]),
        "too_easy": [s for s in ordered if s.too_easy],
        "disagreed": sorted(
            (
                s
                for s in ordered
                if s.agreement.alpha is not None and s.agreement.band == "unreliable"
            ),
            key=lambda s: s.agreement.alpha,
        ),
        "not_separating": [s for s in ordered if s.separation.separates is False],
        "minimum": minimum,
    }


def _pairs(units: list[dict]) -> list[tuple[int, int, Agreement]]:
    """Agreement of every pair of raters over the answers both rated, most shared first."""
    shared: dict[tuple[int, int], list[dict]] = defaultdict(list)
    for unit in units:
        raters = sorted(unit)
        for i, first in enumerate(raters):
            for second in raters[i + 1 :]:
                shared[(first, second)].append({first: unit[first], second: unit[second]})
    found = [(a, b, agreement(pair_units)) for (a, b), pair_units in shared.items()]
    return sorted(found, key=lambda item: -item[2].units)
