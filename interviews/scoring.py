"""The scoring rule, as pure functions over ratings (used by the models and the pages).

Strong counts 3 points, Average 2, Weak 1; a skipped or unrated question does not count. A score
is the mean of the points of the questions that count, from 1.0 (all Weak) to 3.0 (all Strong),
shown with one decimal; no question counted means no score.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field

RATINGS = ("strong", "average", "weak", "skipped")

POINTS = {"strong": 3, "average": 2, "weak": 1}
MIN_SCORE, MAX_SCORE = 1, 3


def _mean_points(ratings: Iterable[str]) -> float | None:
    points = [POINTS[r] for r in ratings if r in POINTS]
    return sum(points) / len(points) if points else None


def score(ratings: Iterable[str]) -> float | None:
    """The mean points of ``ratings`` (1.0–3.0), or None when none of them counts."""
    mean = _mean_points(ratings)
    return round(mean, 1) if mean is not None else None


def composite(sheets: Iterable[Iterable[str]]) -> float | None:
    """The composite score of one interview rated by several people: the mean over raters of
    each rater's score (unrounded, so the result is rounded once), shown with one decimal.

    Args:
        sheets: one rater's ratings each. A rater with no rating that counts is left out.

    Returns:
        The composite, or None when no rater has a score.
    """
    means = [m for m in (_mean_points(sheet) for sheet in sheets) if m is not None]
    return round(sum(means) / len(means), 1) if means else None


def composite_areas(sheets: Iterable[Iterable]) -> dict[str, float | None]:
    """Each area's composite over several raters.

    Args:
        sheets: one rater's answers each: objects with ``area_name`` and ``rating``.

    Returns:
        ``{area name: composite}`` for every area asked.
    """
    by_area: dict[str, list[list[str]]] = {}
    for sheet in sheets:
        mine: dict[str, list[str]] = {}
        for answer in sheet:
            mine.setdefault(answer.area_name, []).append(answer.rating)
        for name, ratings in mine.items():
            by_area.setdefault(name, []).append(ratings)
    return {name: composite(per_rater) for name, per_rater in by_area.items()}


@dataclass(frozen=True)
class Answer:
    """The part of an interview's question the scores need (when the whole row is not loaded)."""

    interview_id: int
    area_name: str
    area_order: int
    rating: str


@dataclass
class AreaScore:
    """One area's part of a scorecard: how many of each rating, and its score."""

    name: str
    order: int
    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(RATINGS, 0))
    unrated: int = 0
    ratings: list[str] = field(default_factory=list)

    @property
    def score(self) -> float | None:
        """The area's score (see the module docstring)."""
        return score(self.ratings)


def area_scores(questions: Iterable) -> list[AreaScore]:
    """Group an interview's questions by area (in area order) and count their ratings.

    Args:
        questions: objects with ``area_name``, ``area_order`` and ``rating`` (interview questions).
    """
    areas: dict[str, AreaScore] = {}
    for question in questions:
        area = areas.setdefault(
            question.area_name, AreaScore(name=question.area_name, order=question.area_order)
        )
        if question.rating:
            area.counts[question.rating] += 1
            area.ratings.append(question.rating)
        else:
            area.unrated += 1
    return sorted(areas.values(), key=lambda a: (a.order, a.name))
