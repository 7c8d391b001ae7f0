"""Agreement figures: Krippendorff's alpha for ordinal ratings, checked against the
``krippendorff`` package on fixed data, with its interval, bands and minimums."""

import krippendorff
import numpy as np
import pytest

from interviews.agreement import SCALE, agreement, exact_share, mean_difference

# Three raters, fifteen answers (None: that rater did not rate it; "skipped" counts as not rated).
RATERS = ("ana", "ben", "eng")
FIXED = [
    ("strong", "strong", "strong"),
    ("strong", "average", "strong"),
    ("average", "average", "average"),
    ("weak", "weak", "average"),
    ("weak", "weak", "weak"),
    ("average", "strong", None),
    ("strong", "strong", "strong"),
    ("average", "weak", "average"),
    (None, "average", "average"),
    ("weak", "average", "weak"),
    ("strong", "strong", "average"),
    ("average", "average", "skipped"),
    ("weak", None, None),  # one rating only: not pairable
    ("strong", "strong", "strong"),
    ("average", "average", "weak"),
]


def units(rows=FIXED):
    return [dict(zip(RATERS, row, strict=True)) for row in rows]


def package_alpha(rows=FIXED) -> float:
    """The package's own alpha over the same data, in its raters x units matrix form."""
    matrix = [
        [SCALE.get(row[i], np.nan) if row[i] else np.nan for row in rows]
        for i in range(len(RATERS))
    ]
    return krippendorff.alpha(
        reliability_data=matrix, value_domain=[1, 2, 3], level_of_measurement="ordinal"
    )


def test_alpha_is_the_packages_on_a_fixed_dataset():
    result = agreement(units(), minimum=5)

    assert result.alpha == pytest.approx(package_alpha(), abs=1e-12)
    assert result.alpha == pytest.approx(0.7063, abs=5e-5)  # the figure, pinned
    assert result.units == 14  # the answer rated by one person only does not count
    assert result.ratings == 39


def test_the_interval_is_a_bootstrap_around_alpha_and_repeatable():
    first = agreement(units(), minimum=5, seed=7)
    again = agreement(units(), minimum=5, seed=7)

    assert first.low < first.alpha < first.high
    assert (first.low, first.high) == (again.low, again.high)
    assert first.low >= -1
    assert first.high <= 1


def test_perfect_agreement_is_one_and_systematic_disagreement_is_below_zero():
    same = [{"a": r, "b": r} for r in ["strong", "average", "weak"] * 4]
    opposite = [{"a": "strong", "b": "weak"}, {"a": "weak", "b": "strong"}] * 6

    assert agreement(same, minimum=5).alpha == pytest.approx(1.0)
    assert agreement(opposite, minimum=5).alpha < 0


def test_below_the_minimum_alpha_is_hidden_with_the_reason():
    result = agreement(units()[:4], minimum=10)

    assert (result.alpha, result.low, result.high) == (None, None, None)
    assert result.units == 4
    assert result.reason == "Needs at least 10 answers rated by two or more people; there are 4."
    assert result.band == ""


def test_the_minimum_comes_from_the_settings(settings):
    settings.AGREEMENT_MIN_UNITS = 15

    assert agreement(units()).alpha is None
    settings.AGREEMENT_MIN_UNITS = 14
    assert agreement(units()).alpha is not None


def test_all_ratings_the_same_hides_alpha():
    result = agreement([{"a": "strong", "b": "strong"}] * 12, minimum=5)

    assert result.alpha is None
    assert "Every rating is the same" in result.reason


@pytest.mark.parametrize(
    ("rows", "band"),
    [
        ([("strong", "strong"), ("average", "average"), ("weak", "weak")] * 5, "reliable"),
        (  # alpha 0.760
            [("strong", "strong"), ("average", "average"), ("weak", "weak")] * 3
            + [("strong", "average"), ("average", "weak"), ("weak", "average")]
            + [("strong", "average")],
            "tentative",
        ),
        ([("strong", "average"), ("average", "strong"), ("weak", "weak")] * 5, "unreliable"),
    ],
)
def test_bands_in_words(rows, band):
    result = agreement([{"a": a, "b": b} for a, b in rows], minimum=5, resamples=0)

    assert result.band == band
    expected = {"reliable": (0.8, 1.01), "tentative": (0.667, 0.8), "unreliable": (-1, 0.667)}
    low, high = expected[band]
    assert low <= result.alpha < high


def test_without_resamples_there_is_no_interval():
    result = agreement(units(), minimum=5, resamples=0)

    assert result.alpha is not None
    assert (result.low, result.high) == (None, None)


def test_exact_share_and_mean_difference_leave_out_what_is_not_on_the_scale():
    pairs = [("strong", "average"), ("average", "average"), ("skipped", "weak"), ("weak", "")]

    assert exact_share(pairs) == (1, 2)
    assert mean_difference(pairs) == 0.5
    assert mean_difference([("skipped", "weak")]) is None
