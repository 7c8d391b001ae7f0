"""Question statistics for bank admins: counts, spread, skips, agreement between raters,
separation of advanced from declined candidates, the review lists and the minimums."""

import krippendorff
import numpy as np
import pytest

from interviews.models import CoRater, Outcome
from interviews.roles import HIRING_MANAGER, QUESTION_BANK_ADMIN, RECRUITER
from interviews.statistics import question_statistics
from tests.factories import make_candidate, make_interview, make_position, make_user, submit

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(settings):
    """Eight screenings of a three-question kit: question 1 tells advanced from declined,
    question 2 is rated Strong by everyone, question 3 is often skipped. An engineer co-rates
    four of them and disagrees on question 1."""
    settings.QUESTION_STATS_MIN = 3
    settings.AGREEMENT_MIN_UNITS = 4
    manager = make_user(HIRING_MANAGER)
    recruiter = make_user(RECRUITER, first_name="Rita")
    engineer = make_user(HIRING_MANAGER, first_name="Eve")
    position = make_position(managers=[manager])
    plan = [  # (question 1, question 3, decision)
        ("strong", "average", Outcome.ADVANCE),
        ("strong", "skipped", Outcome.ADVANCE),
        ("strong", "strong", Outcome.ADVANCE),
        ("average", "skipped", Outcome.ADVANCE),
        ("weak", "weak", Outcome.DECLINE),
        ("weak", "skipped", Outcome.DECLINE),
        ("weak", "average", Outcome.DECLINE),
        ("average", "weak", Outcome.HOLD),
    ]
    screenings = []
    for n, (first, third, outcome) in enumerate(plan):
        screening = make_interview(
            recruiter, position=position, candidate=make_candidate(f"Candidate {n}")
        )
        if n < 4:  # Eve co-rates the first four, rating question 1 a step or two lower
            co = CoRater.invite(screening, engineer, by=recruiter)
            co.record_answer(1, rating={"strong": "weak", "average": "strong"}[first])
            co.record_answer(2, rating="strong")
            co.record_answer(3, rating=third)
            co.submit()
        submit(screening, [first, "strong", third])
        screening.decide(outcome=outcome, note="", by=manager)
        screenings.append(screening)
    questions = [kq.question for kq in position.default_kit.kit_questions.order_by("number")]
    return {"questions": questions, "screenings": screenings, "rita": recruiter, "eve": engineer}


def by_question(result, question):
    return next(item for item in result["questions"] if item.question == question)


def test_counts_spread_and_skips(world):
    result = question_statistics()
    first, second, third = (by_question(result, q) for q in world["questions"])

    assert (first.asked, first.counts) == (8, {"strong": 3, "average": 2, "weak": 3})
    assert second.shares == {"strong": 100.0, "average": 0.0, "weak": 0.0}
    assert (third.asked, third.skipped, third.skip_rate) == (8, 3, 37.5)


def test_separation_of_advanced_from_declined(world):
    result = question_statistics()
    first, second, _ = (by_question(result, q) for q in world["questions"])

    assert first.separation.advanced == pytest.approx((3 + 3 + 3 + 2) / 4)
    assert first.separation.declined == 1.0
    assert (first.separation.advanced_n, first.separation.declined_n) == (4, 3)
    assert first.separation.separates is True
    assert second.separation.difference == 0
    assert second.separation.separates is False  # everyone Strong tells nobody apart
    assert [s.question for s in result["not_separating"]] == [world["questions"][1]]


def test_agreement_per_question_is_the_packages_on_the_same_answers(world):
    result = question_statistics()
    first = by_question(result, world["questions"][0])

    # Rita and Eve on question 1 of the four co-rated screenings (Strong=3, Average=2, Weak=1).
    matrix = [[3, 3, 3, 2], [1, 1, 1, 3]]
    expected = krippendorff.alpha(
        reliability_data=np.array(matrix, dtype=float),
        value_domain=[1, 2, 3],
        level_of_measurement="ordinal",
    )
    assert first.agreement.alpha == pytest.approx(expected)
    assert first.agreement.units == 4
    assert first.agreement.band == "unreliable"
    assert [s.question for s in result["disagreed"]] == [world["questions"][0]]


def test_agreement_by_area_and_by_pair(world):
    result = question_statistics()

    [(area, by_area)] = result["areas"]
    # three questions of the four co-rated screenings, less the two both skipped
    assert by_area.units == 10
    [(first, second, pair)] = result["pairs"]
    assert {first, second} == {world["rita"].pk, world["eve"].pk}
    assert pair.units == 10
    assert pair.alpha == pytest.approx(by_area.alpha)


def test_too_easy_and_the_minimums(world, settings):
    result = question_statistics()
    assert [s.question for s in result["too_easy"]] == [world["questions"][1]]

    settings.QUESTION_STATS_MIN = 9
    settings.AGREEMENT_MIN_UNITS = 5
    hidden = question_statistics()
    first = by_question(hidden, world["questions"][0])
    assert hidden["too_easy"] == []
    assert first.separation.difference is None
    assert first.separation.reason == (
        "Needs 9 advanced and 9 declined candidates who were asked it; there are 4 and 3."
    )
    assert first.agreement.alpha is None
    assert first.agreement.reason.startswith("Needs at least 5 answers")


def test_unsubmitted_co_ratings_and_screenings_do_not_count(world):
    open_screening = make_interview(world["rita"], position=world["screenings"][0].position)
    co = CoRater.invite(open_screening, make_user(RECRUITER), by=world["rita"])
    co.record_answer(1, rating="weak")

    result = question_statistics()

    assert by_question(result, world["questions"][0]).asked == 8


def test_the_page_is_for_bank_admins(client, world):
    client.force_login(make_user(QUESTION_BANK_ADMIN))

    html = client.get("/statistics/questions/").content.decode()

    assert "Question statistics" in html
    assert "Nearly everyone rates it Strong" in html
    assert "100 % Strong of 8" in html
    assert "Rita and Eve" in html or "Eve and Rita" in html
    assert "Separates</span>" in html
    client.force_login(world["rita"])
    assert client.get("/statistics/questions/").status_code == 403


def test_the_page_costs_the_same_queries_with_more_screenings(
    client, world, django_assert_num_queries
):
    client.force_login(make_user(QUESTION_BANK_ADMIN))
    client.get("/statistics/questions/")
    for n in range(5):
        submit(
            make_interview(
                world["rita"],
                position=world["screenings"][0].position,
                candidate=make_candidate(f"More {n}"),
            ),
            ["strong", "average", "weak"],
        )

    # user, roles, askings, co-ratings, questions, the raters of the pairs, unread notifications
    with django_assert_num_queries(7):
        client.get("/statistics/questions/")
