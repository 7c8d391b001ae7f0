"""How well a person's ratings can be trusted, per kit: agreement with engineers on practice
answers, how their ratings lean against everyone else's on the same questions, and the trend.

A person is **calibrated** for a kit when their agreement with the others who rated the same
answers (Krippendorff's alpha over the kit's practice answers, against the engineer who rated
each, and over the answers of co-rated screenings of the kit, against the other raters) is at
least ``settings.CALIBRATED_ALPHA`` over at least ``settings.CALIBRATION_MIN_RATINGS`` answers.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime

from django.conf import settings
from django.db.models import Count

from .agreement import RESAMPLES, SCALE, Agreement, agreement, exact_share, mean_difference
from .models import CoRater, CoRating, Interview, InterviewQuestion, PracticeAnswer, Status

# A mean difference of more than this many scale steps (either way) is called a lean.
LEAN_STEPS = 0.25


def lean_word(steps: float | None) -> str:
    """ "lenient", "severe" or "in line" for a mean difference in scale steps ("" for None)."""
    if steps is None:
        return ""
    if steps > LEAN_STEPS:
        return "lenient"
    return "severe" if steps < -LEAN_STEPS else "in line"


@dataclass(frozen=True)
class PracticeResult:
    """One finished or started practice's figures, for the trend."""

    practice_id: int
    started_at: datetime
    matched: int
    rated: int


@dataclass
class KitCalibration:
    """One person's calibration for one kit (by the kit's name, kept on each practice and
    screening).

    Attributes:
        kit_name: the kit.
        agreement: alpha between the person and the engineers over the kit's practice answers.
        matched, rated: practice answers rated as the engineer did, and rated at all.
        lean: mean (person - engineer) in scale steps over those answers.
        trend: one result per practice, oldest first.
        co_rated: alpha between the person and the others who rated the same screenings of
            this kit (as interviewer or co-rater), or None when they have none.
        combined: alpha over the practice answers and the co-rated answers together: what
            ``calibrated`` is judged on.
    """

    kit_name: str
    agreement: Agreement
    matched: int
    rated: int
    lean: float | None
    trend: list[PracticeResult] = field(default_factory=list)
    co_rated: Agreement | None = None
    combined: Agreement | None = None

    @property
    def calibrated(self) -> bool:
        """Agreement at least the threshold, over at least the minimum number of answers,
        counting practice answers and co-rated screenings."""
        judged = self.combined or self.agreement
        return (
            judged.alpha is not None
            and judged.units >= settings.CALIBRATION_MIN_RATINGS
            and judged.alpha >= settings.CALIBRATED_ALPHA
        )

    @property
    def lean_word(self) -> str:
        return lean_word(self.lean)


def co_rated_units(users) -> dict[int, dict[str, list[dict]]]:
    """The answers each of ``users`` rated in submitted, co-rated screenings (as interviewer or
    as a co-rater who submitted), each with everyone's rating, by kit name. One query when
    nobody co-rated anything, four otherwise.

    Returns:
        ``{user pk: {kit name: [{rater pk: rating, …}, …]}}``, only answers someone else rated
        too.
    """
    pks = {user.pk for user in users}
    # Started from the co-raters who submitted (a small table), without joins: the database
    # then never walks the interviews of screenings nobody co-rated.
    co_raters = list(
        CoRater.objects.filter(submitted_at__isnull=False).values_list(
            "pk", "interview_id", "rater_id"
        )
    )
    screenings = {
        pk: (interviewer, kit_name)
        for pk, interviewer, kit_name in Interview.objects.filter(
            pk__in={interview for _, interview, _ in co_raters}, status=Status.SUBMITTED
        ).values_list("pk", "interviewer_id", "kit_name")
    }
    wanted = {
        interview
        for _, interview, rater in co_raters
        if interview in screenings and (rater in pks or screenings[interview][0] in pks)
    }
    units: dict[int, dict] = {}
    kits: dict[int, str] = {}
    for pk, interview, rating in InterviewQuestion.objects.filter(
        interview_id__in=wanted
    ).values_list("pk", "interview_id", "rating"):
        units[pk] = {screenings[interview][0]: rating}
        kits[pk] = screenings[interview][1]
    for question_id, rater_id, rating in CoRating.objects.filter(
        co_rater_id__in=[pk for pk, interview, _ in co_raters if interview in wanted]
    ).values_list("question_id", "co_rater__rater_id", "rating"):
        units[question_id][rater_id] = rating
    found: dict[int, dict[str, list[dict]]] = {pk: defaultdict(list) for pk in pks}
    for asking, unit in units.items():
        if len(unit) < 2:
            continue
        for rater in unit:
            if rater in found:
                found[rater][kits[asking]].append(unit)
    return found


def practice_calibration(user, *, interval: bool = True) -> list[KitCalibration]:
    """``user``'s calibration for each kit they have practised or co-rated, by kit name.

    Every rated practice answer counts, from finished and unfinished practices alike, and
    every answer of a submitted co-rated screening they rated.

    Args:
        user: the person.
        interval: compute each alpha's bootstrap confidence interval (about 50 ms per figure);
            without it, only alpha (enough to say whether they are calibrated).

    Returns:
        One :class:`KitCalibration` per kit, in kit-name order.
    """
    return calibrations([user], interval=interval)[user.pk]


def calibrations(users, *, interval: bool = False) -> dict[int, list[KitCalibration]]:
    """The calibration of each of ``users`` (see ``practice_calibration``), in three queries
    whatever their number.

    Returns:
        ``{user pk: [KitCalibration, …]}``.
    """
    users = list(users)
    resamples = RESAMPLES if interval else 0
    rows = (
        PracticeAnswer.objects.filter(practice__recruiter__in=users)
        .exclude(rating="")
        .values_list(
            "practice__recruiter_id",
            "practice_id",
            "practice__kit_name",
            "practice__started_at",
            "rating",
            "engineer_rating",
        )
        .order_by("practice__started_at", "practice_id", "number")
    )
    practised: dict[int, dict[str, list]] = {user.pk: defaultdict(list) for user in users}
    for person, *row in rows:
        practised[person][row[1]].append(row)
    co_rated = co_rated_units(users)
    return {
        user.pk: [
            _kit_calibration(
                user,
                kit_name,
                practised[user.pk].get(kit_name, []),
                co_rated[user.pk].get(kit_name, []),
                resamples,
            )
            for kit_name in sorted(set(practised[user.pk]) | set(co_rated[user.pk]))
        ]
        for user in users
    }


def _kit_calibration(user, kit_name: str, kit_rows: list, units: list, resamples: int):
    pairs = [(rating, engineer) for *_, rating, engineer in kit_rows]
    matched, rated = exact_share(pairs)
    trend: dict[int, list] = {}
    for practice_id, _, started_at, rating, engineer in kit_rows:
        trend.setdefault(practice_id, [started_at, 0, 0])
        trend[practice_id][1] += rating == engineer
        trend[practice_id][2] += 1
    practice_units = [{"person": r, "engineer": e} for r, e in pairs]
    # In co-rated answers the person's key is their pk; in practice ones, "person".
    screening_units = [
        {("person" if k == user.pk else k): v for k, v in unit.items()} for unit in units
    ]
    return KitCalibration(
        kit_name=kit_name,
        agreement=agreement(practice_units, resamples=resamples),
        matched=matched,
        rated=rated,
        lean=mean_difference(pairs),
        trend=[
            PracticeResult(pk, started, hit, total) for pk, (started, hit, total) in trend.items()
        ],
        co_rated=agreement(screening_units, resamples=resamples) if screening_units else None,
        combined=agreement(practice_units + screening_units, resamples=0),
    )


@dataclass(frozen=True)
class Distribution:
    """How a person's screening ratings compare with everyone else's on the same questions.

    Attributes:
        mine: the person's share of Strong, Average and Weak (percent, by rating).
        others: everyone else's share on the same questions.
        ratings: how many of the person's ratings are compared.
        lean: mean (person's rating - others' mean on that question), in scale steps; None
            below ``settings.CALIBRATION_MIN_RATINGS`` ratings.
    """

    mine: dict[str, float]
    others: dict[str, float]
    ratings: int
    lean: float | None

    @property
    def lean_word(self) -> str:
        return lean_word(self.lean)


def _shares(counts: dict[str, int]) -> dict[str, float]:
    total = sum(counts.values())
    return {r: (100 * counts.get(r, 0) / total if total else 0.0) for r in SCALE}


def rating_distribution(user) -> Distribution:
    """Compare ``user``'s ratings in submitted screenings with everyone else's on the same
    bank questions (skipped questions left out).

    One aggregate query: counts by question, interviewer and rating.
    """
    counts = (
        InterviewQuestion.objects.filter(
            interview__status=Status.SUBMITTED, rating__in=list(SCALE), question__isnull=False
        )
        .values_list("question_id", "interview__interviewer_id", "rating")
        .annotate(total=Count("pk"))
        .order_by()
    )
    mine: dict[int, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    others: dict[int, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for question_id, interviewer_id, rating, total in counts:
        (mine if interviewer_id == user.pk else others)[question_id][rating] += total
    shared = [q for q in mine if q in others]
    my_counts: dict[str, int] = defaultdict(int)
    other_counts: dict[str, int] = defaultdict(int)
    steps, ratings = 0.0, 0
    for question_id in shared:
        theirs = others[question_id]
        their_mean = sum(SCALE[r] * n for r, n in theirs.items()) / sum(theirs.values())
        for rating, n in mine[question_id].items():
            my_counts[rating] += n
            steps += (SCALE[rating] - their_mean) * n
            ratings += n
        for rating, n in theirs.items():
            other_counts[rating] += n
    enough = ratings >= settings.CALIBRATION_MIN_RATINGS
    return Distribution(
        mine=_shares(my_counts),
        others=_shares(other_counts),
        ratings=ratings,
        lean=steps / ratings if enough and ratings else None,
    )


def kit_calibration(user, kit_name: str) -> KitCalibration | None:
    """``user``'s calibration for the kit named ``kit_name`` (no interval), or None if they
    have not practised it."""
    return next(
        (k for k in practice_calibration(user, interval=False) if k.kit_name == kit_name), None
    )
