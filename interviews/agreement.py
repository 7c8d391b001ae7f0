"""How far raters agree: Krippendorff's alpha for ordinal ratings, with a bootstrap confidence
interval, hidden (with the reason) below a minimum number of rated units.

Ratings are ordinal: Weak < Average < Strong. Skipped (or missing) ratings do not count. A unit
is one thing rated (a question of a screening, or a practice sample); only units rated by at
least two raters carry information about agreement ("pairable" units).

Bands, in words, follow Krippendorff's own guidance: alpha of at least .800 is reliable; from
.667 to .800 is tentative (fit for tentative conclusions only); below .667 is unreliable.
"""

from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass

import krippendorff
import numpy as np
from django.conf import settings

# The ordinal scale: values in order. Anything else (skipped, empty) is missing.
SCALE = {"weak": 1, "average": 2, "strong": 3}
RELIABLE, TENTATIVE = 0.800, 0.667
RESAMPLES = 1000  # bootstrap resamples for the confidence interval


@dataclass(frozen=True)
class Agreement:
    """Agreement among raters over some units.

    Attributes:
        alpha: Krippendorff's alpha (ordinal), or None when hidden (see ``reason``).
        low, high: the 95 % bootstrap confidence interval of alpha (None when hidden).
        units: units rated by at least two raters.
        ratings: the ratings on those units.
        reason: why alpha is hidden, in plain words; empty when it is shown.
    """

    alpha: float | None
    low: float | None
    high: float | None
    units: int
    ratings: int
    reason: str = ""

    @property
    def band(self) -> str:
        """ "reliable", "tentative" or "unreliable"; empty when alpha is hidden."""
        if self.alpha is None:
            return ""
        if self.alpha >= RELIABLE:
            return "reliable"
        return "tentative" if self.alpha >= TENTATIVE else "unreliable"


def _value_counts(units: Iterable[Mapping[Hashable, str]]) -> np.ndarray:
    """One row per pairable unit: how many raters gave Weak, Average and Strong."""
    rows = []
    for ratings in units:
        values = [SCALE[r] for r in ratings.values() if r in SCALE]
        if len(values) >= 2:
            rows.append([values.count(v) for v in SCALE.values()])
    return np.array(rows, dtype=float).reshape(-1, len(SCALE))


def _alpha(counts: np.ndarray) -> float:
    return float(
        krippendorff.alpha(
            value_counts=counts,
            value_domain=list(SCALE.values()),
            level_of_measurement="ordinal",
        )
    )


def agreement(
    units: Iterable[Mapping[Hashable, str]],
    *,
    minimum: int | None = None,
    resamples: int = RESAMPLES,
    seed: int = 0,
) -> Agreement:
    """Krippendorff's alpha (ordinal) of the raters' ratings over ``units``.

    Args:
        units: one mapping per unit, from a rater (any hashable key) to the rating they gave
            ("strong", "average", "weak"; anything else counts as not rated).
        minimum: the fewest pairable units for alpha to be shown (default:
            ``settings.AGREEMENT_MIN_UNITS``).
        resamples: bootstrap resamples of the units for the confidence interval (0: no
            interval; ``low`` and ``high`` are then None).
        seed: the resampling's random seed, so the same data always gives the same interval.

    Returns:
        The :class:`Agreement`. Alpha is hidden when there are fewer pairable units than
        ``minimum``, or when every rating is the same (alpha is then undefined: nothing
        distinguishes agreement from chance).
    """
    minimum = settings.AGREEMENT_MIN_UNITS if minimum is None else minimum
    counts = _value_counts(units)
    size, ratings = len(counts), int(counts.sum())
    if size < minimum:
        reason = (
            f"Needs at least {minimum} answers rated by two or more people; "
            f"there {'is' if size == 1 else 'are'} {size}."
        )
        return Agreement(None, None, None, size, ratings, reason)
    if np.count_nonzero(counts.sum(axis=0)) < 2:
        reason = "Every rating is the same, so agreement cannot be told apart from chance."
        return Agreement(None, None, None, size, ratings, reason)
    alpha = _alpha(counts)
    if not resamples:
        return Agreement(alpha, None, None, size, ratings)
    rng = np.random.default_rng(seed)
    estimates = []
    for _ in range(resamples):
        sample = counts[rng.integers(0, size, size)]
        if np.count_nonzero(sample.sum(axis=0)) >= 2:
            estimates.append(_alpha(sample))
    low, high = np.percentile(estimates, [2.5, 97.5]) if estimates else (alpha, alpha)
    return Agreement(alpha, float(low), float(high), size, ratings)


def exact_share(pairs: Iterable[tuple[str, str]]) -> tuple[int, int]:
    """How many of the (rating, rating) ``pairs`` on the scale are the same.

    Returns:
        ``(same, total)``, counting only pairs where both ratings are on the scale.
    """
    counted = [(a, b) for a, b in pairs if a in SCALE and b in SCALE]
    return sum(a == b for a, b in counted), len(counted)


def mean_difference(pairs: Iterable[tuple[str, str]]) -> float | None:
    """The mean of (first - second) over ``pairs`` on the scale, in scale steps.

    Positive: the first rater rates higher (more lenient) than the second; negative: lower
    (more severe). None when no pair is on the scale.
    """
    steps = [SCALE[a] - SCALE[b] for a, b in pairs if a in SCALE and b in SCALE]
    return sum(steps) / len(steps) if steps else None
