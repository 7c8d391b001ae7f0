"""Calibration practice and the calibration page: request tests that read the HTML and the rows."""

import datetime

import pytest
from django.utils import timezone

from interviews.calibration import kit_calibration, practice_calibration, rating_distribution
from interviews.models import Practice, PracticeAnswer
from interviews.roles import HIRING_MANAGER, QUESTION_BANK_ADMIN, RECRUITER
from tests.factories import make_interview, make_kit, make_position, make_user, submit

pytestmark = pytest.mark.django_db

SAMPLES = [
    {
        "rating": "strong",
        "transcript": "I did it myself, with numbers.",
        "why": "Strong. Evidence.",
    },
    {
        "rating": "average",
        "transcript": "It is a thing you can use.",
        "why": "Average. Only ideas.",
    },
    {"rating": "weak", "transcript": "I have never heard of it.", "why": "Weak. Nothing."},
]


@pytest.fixture
def kit():
    """A two-question kit whose questions have three practice answers each."""
    kit = make_kit(2)
    for kq in kit.kit_questions.all():
        kq.question.practice_answers = [
            {**s, "transcript": f"{kq.question.slug}: {s['transcript']}"} for s in SAMPLES
        ]
        kq.question.save()
    return kit


def rate_all(client, practice, ratings):
    for number, rating in enumerate(ratings, start=1):
        client.post(f"/practice/{practice.pk}/answers/{number}/", {"rating": rating})


def engineer_ratings(practice):
    return list(practice.answers.order_by("number").values_list("engineer_rating", flat=True))


def test_starting_a_practice_copies_the_kits_answers_shuffled_within_each_question(
    signed_in, recruiter, kit
):
    response = signed_in.post("/practice/", {"kit": kit.pk})

    practice = Practice.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/practice/{practice.pk}/"
    assert (practice.recruiter, practice.kit, practice.kit_name) == (recruiter, kit, kit.name)
    answers = list(practice.answers.order_by("number"))
    assert len(answers) == 6
    first, second = [kq.question for kq in kit.kit_questions.order_by("number")]
    assert [a.question for a in answers] == [first] * 3 + [second] * 3
    assert {a.engineer_rating for a in answers[:3]} == {"strong", "average", "weak"}
    assert answers[0].prompt == first.prompt
    assert answers[0].strong == first.strong
    assert all(a.rating == "" for a in answers)


def test_the_order_of_a_questions_answers_says_nothing_about_their_rating(recruiter, kit):
    orders = {
        tuple(engineer_ratings(Practice.start(recruiter=recruiter, kit=kit, seed=seed))[:3])
        for seed in range(12)
    }

    assert len(orders) > 1


def test_the_practice_page_shows_the_next_answer_with_guidance_keys_and_no_rating(signed_in, kit):
    signed_in.post("/practice/", {"kit": kit.pk})
    practice = Practice.objects.get()
    first = practice.answers.get(number=1)

    html = signed_in.get(f"/practice/{practice.pk}/").content.decode()

    assert "Answer 1 of 6" in html
    assert first.transcript in html
    assert first.prompt in html
    assert first.strong in html
    assert first.weak in html  # the same guidance as on a call
    assert f'action="/practice/{practice.pk}/answers/1/"' in html
    assert 'name="rating" value="strong"' in html
    assert 'data-key-for="rate-strong">s</kbd>' in html
    assert "data-read-aloud" in html
    assert first.why not in html  # the engineer's view comes after rating
    assert "Engineer:" not in html


def test_rating_moves_on_and_a_rating_once_given_stands(signed_in, kit):
    signed_in.post("/practice/", {"kit": kit.pk})
    practice = Practice.objects.get()

    response = signed_in.post(f"/practice/{practice.pk}/answers/1/", {"rating": "weak"})
    signed_in.post(f"/practice/{practice.pk}/answers/1/", {"rating": "strong"})

    assert response["Location"] == f"/practice/{practice.pk}/"
    answer = practice.answers.get(number=1)
    assert answer.rating == "weak"
    assert answer.rated_at is not None
    assert "Answer 2 of 6" in signed_in.get(f"/practice/{practice.pk}/").content.decode()


def test_bad_ratings_save_nothing(signed_in, kit):
    signed_in.post("/practice/", {"kit": kit.pk})
    practice = Practice.objects.get()

    signed_in.post(f"/practice/{practice.pk}/answers/1/", {"rating": "skipped"})
    missing = signed_in.post(f"/practice/{practice.pk}/answers/99/", {"rating": "weak"})

    assert missing.status_code == 404
    assert set(practice.answers.values_list("rating", flat=True)) == {""}


def test_the_last_rating_finishes_and_shows_how_they_compare_and_why(signed_in, kit):
    signed_in.post("/practice/", {"kit": kit.pk})
    practice = Practice.objects.get()
    expected = engineer_ratings(practice)
    mine = ["strong" if r == "average" else r for r in expected]  # too kind on the average ones

    rate_all(signed_in, practice, mine)

    practice.refresh_from_db()
    assert practice.finished_at is not None
    html = signed_in.get(f"/practice/{practice.pk}/").content.decode()
    assert "You rated 4 of 6 answers as the engineer did" in html
    assert "67 %" in html
    assert "Average. Only ideas." in html  # the engineer's why
    assert html.count('badge-danger">Different') == 2
    assert "Lenient" in html  # two answers rated a step above the engineer
    assert "Needs at least 10 answers rated by two or more people; there are 6." in html


def test_practices_are_private_and_for_people_who_rate(client, signed_in, kit):
    signed_in.post("/practice/", {"kit": kit.pk})
    practice = Practice.objects.get()
    client.force_login(make_user(RECRUITER))

    assert client.get(f"/practice/{practice.pk}/").status_code == 404
    assert client.post(f"/practice/{practice.pk}/answers/1/", {"rating": "weak"}).status_code == 404
    assert set(practice.answers.values_list("rating", flat=True)) == {""}
    client.force_login(make_user(HIRING_MANAGER))
    assert client.get("/practice/").status_code == 403


def test_a_kit_without_practice_answers_cannot_be_practised(signed_in):
    empty = make_kit(2)

    response = signed_in.post("/practice/", {"kit": empty.pk})

    assert response.status_code == 422
    assert "This kit has no practice answers yet." in response.content.decode()
    assert not Practice.objects.exists()


def test_the_list_offers_kits_with_answers_and_my_practices(signed_in, kit):
    make_kit(2)  # no practice answers: not offered
    signed_in.post("/practice/", {"kit": kit.pk})
    practice = Practice.objects.get()
    rate_all(signed_in, practice, engineer_ratings(practice)[:2])

    html = signed_in.get("/practice/").content.decode()

    assert html.count('<h3 class="font-semibold">') == 1
    assert f"Practise {kit.name}" in html
    assert "2 of 6" in html  # rated
    assert "2 of 2" in html  # the same as the engineer
    assert "Go on" in html


# --- Calibration -----------------------------------------------------------------------------


def practise(recruiter, kit, *, wrong=0, times=1):
    """Finished practices of ``kit`` by ``recruiter``, ``wrong`` answers rated one step off."""
    for _ in range(times):
        practice = Practice.start(recruiter=recruiter, kit=kit, seed=1)
        for answer in practice.answers.order_by("number"):
            rating = answer.engineer_rating
            if wrong and answer.number <= wrong:
                rating = "average" if rating != "average" else "strong"
            practice.rate(answer.number, rating)


def test_calibrated_needs_the_threshold_over_the_minimum(settings, recruiter, kit):
    settings.AGREEMENT_MIN_UNITS = 5
    settings.CALIBRATION_MIN_RATINGS = 12
    settings.CALIBRATED_ALPHA = 0.8

    practise(recruiter, kit)  # 6 answers, all as the engineer
    [one] = practice_calibration(recruiter)
    assert (one.matched, one.rated, one.agreement.alpha) == (6, 6, pytest.approx(1.0))
    assert not one.calibrated  # too few ratings yet

    practise(recruiter, kit)
    [two] = practice_calibration(recruiter)
    assert two.rated == 12
    assert two.calibrated
    assert [(run.matched, run.rated) for run in two.trend] == [(6, 6), (6, 6)]


def test_poor_agreement_is_not_calibrated_whatever_the_number(settings, recruiter, kit):
    settings.AGREEMENT_MIN_UNITS = 5
    settings.CALIBRATION_MIN_RATINGS = 12

    practise(recruiter, kit, wrong=4, times=3)

    [result] = practice_calibration(recruiter)
    assert result.rated == 18
    assert result.matched == 6
    assert result.agreement.alpha < 0.8
    assert not result.calibrated


def test_the_calibration_page_shows_each_kit_and_the_lean(client, settings, recruiter, kit):
    settings.AGREEMENT_MIN_UNITS = 5
    practise(recruiter, kit, wrong=2)
    client.force_login(recruiter)

    html = client.get("/calibration/").content.decode()

    assert "Your calibration" in html
    assert kit.name in html
    assert "4 of 6" in html
    assert "Not calibrated yet" in html
    assert "20 rated answers are needed to be called calibrated; there are 6." in html
    assert "95 % interval" in html


def test_managers_see_only_who_screened_for_their_positions(client, recruiter, kit):
    manager = make_user(HIRING_MANAGER)
    other = make_user(RECRUITER, first_name="Olga")
    submit(make_interview(recruiter, position=make_position(managers=[manager])))
    practise(recruiter, kit)
    client.force_login(manager)

    index = client.get("/calibration/").content.decode()
    mine = client.get(f"/calibration/{recruiter.pk}/")

    assert f'href="/calibration/{recruiter.pk}/"' in index
    assert f"/calibration/{other.pk}/" not in index
    assert mine.status_code == 200
    assert kit.name in mine.content.decode()
    assert client.get(f"/calibration/{other.pk}/").status_code == 404
    client.force_login(make_user(QUESTION_BANK_ADMIN))
    assert client.get(f"/calibration/{other.pk}/").status_code == 200


def test_the_scorecard_shows_whether_the_interviewer_is_calibrated_for_its_kit(
    client, settings, recruiter, manager
):
    settings.AGREEMENT_MIN_UNITS = 5
    settings.CALIBRATION_MIN_RATINGS = 6
    position = make_position(managers=[manager])
    kit = position.default_kit
    for kq in kit.kit_questions.all():
        kq.question.practice_answers = SAMPLES
        kq.question.save()
    screening = submit(make_interview(recruiter, position=position))
    client.force_login(manager)

    before = client.get(f"/interviews/{screening.pk}/scorecard/").content.decode()
    practise(recruiter, kit)
    after = client.get(f"/interviews/{screening.pk}/scorecard/").content.decode()

    assert "The interviewer has not practised it or been co-rated on it." in before
    assert "Calibrated for this kit" in after
    assert "Agreement 1.00 with engineers and co-raters over 9 answers." in after
    assert kit_calibration(recruiter, kit.name).calibrated


def test_ratings_are_compared_with_everyone_elses_on_the_same_questions(settings, recruiter):
    settings.CALIBRATION_MIN_RATINGS = 6
    position = make_position()
    for _ in range(2):  # Rita rates everything Strong
        submit(make_interview(recruiter, position=position), ["strong"] * 3)
    other = make_user(RECRUITER)
    for _ in range(2):  # the other recruiter, Average
        submit(make_interview(other, position=position), ["average"] * 3)

    mine = rating_distribution(recruiter)

    assert mine.ratings == 6
    assert mine.mine == {"strong": 100.0, "average": 0.0, "weak": 0.0}
    assert mine.others == {"strong": 0.0, "average": 100.0, "weak": 0.0}
    assert mine.lean == 1.0
    assert mine.lean_word == "lenient"
    assert rating_distribution(other).lean_word == "severe"


def test_a_practice_survives_its_kit_and_questions_being_deleted(recruiter, kit):
    practice = Practice.start(recruiter=recruiter, kit=kit)
    prompt = practice.answers.get(number=1).prompt
    questions = [kq.question for kq in kit.kit_questions.all()]
    kit.delete()
    for question in questions:
        question.delete()

    answer = PracticeAnswer.objects.get(practice=practice, number=1)
    assert (answer.question, answer.prompt) == (None, prompt)
    practice.refresh_from_db()
    assert practice.kit is None
    assert practice.kit_name.startswith("Kit ")
    assert practice.started_at <= timezone.now() + datetime.timedelta(seconds=1)


def test_co_rated_screenings_count_towards_calibration(settings, recruiter):
    from interviews.models import CoRater

    settings.AGREEMENT_MIN_UNITS = 5
    settings.CALIBRATION_MIN_RATINGS = 6
    engineer = make_user(HIRING_MANAGER, first_name="Eve")
    position = make_position(make_kit(3))
    kit_name = position.default_kit.name
    for ratings in (["strong", "average", "weak"], ["weak", "average", "strong"]):
        screening = make_interview(recruiter, position=position)
        co_rater = CoRater.invite(screening, engineer, by=recruiter)
        for number, rating in enumerate(ratings, start=1):
            co_rater.record_answer(number, rating=rating)
        co_rater.submit()
        submit(screening, ratings)  # Rita agrees with Eve on every answer

    [rita] = practice_calibration(recruiter)
    [eve] = practice_calibration(engineer)

    assert rita.kit_name == kit_name
    assert rita.rated == 0  # no practice
    assert (rita.co_rated.units, rita.co_rated.alpha) == (6, pytest.approx(1.0))
    assert rita.calibrated
    assert eve.co_rated.units == 6
    assert eve.calibrated  # the co-rater's own calibration counts the same answers


def test_the_review_marks_interviewers_calibrated_for_the_rows_kit(client, settings, recruiter):
    settings.AGREEMENT_MIN_UNITS = 5
    settings.CALIBRATION_MIN_RATINGS = 6
    manager = make_user(HIRING_MANAGER)
    position = make_position(managers=[manager])
    kit = position.default_kit
    for kq in kit.kit_questions.all():
        kq.question.practice_answers = SAMPLES
        kq.question.save()
    other = make_user(RECRUITER, first_name="Olga")
    submit(make_interview(recruiter, position=position), ["strong"] * 3)
    submit(make_interview(other, position=position), ["weak"] * 3)
    practise(recruiter, kit)
    client.force_login(manager)

    html = client.get(f"/positions/{position.pk}/").content.decode()

    assert html.count("(calibrated)") == 1
    assert 'by Rita <span class="whitespace-nowrap">(calibrated)</span>' in html
