"""Co-raters: invited by the interviewer, rating blind in their own workbench, then seeing how
everyone rated; the composite score and the scorecard's per-rater view. Request tests that read
the HTML and the rows."""

import pytest
from django.db import IntegrityError, transaction

from interviews.models import CoRater, CoRating, Interview, Notification
from interviews.roles import HIRING_MANAGER, RECRUITER
from tests.factories import make_interview, make_position, make_user, submit

pytestmark = pytest.mark.django_db

HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def engineer():
    """Eve, an engineer who listens in (a hiring manager's account)."""
    return make_user(HIRING_MANAGER, email="eve@example.com", first_name="Eve")


@pytest.fixture
def screening(recruiter, manager):
    """Rita's in-progress screening (three questions) for a position Max manages."""
    return make_interview(recruiter, position=make_position(managers=[manager]))


@pytest.fixture
def co_rater(screening, engineer, recruiter):
    return CoRater.invite(screening, engineer, by=recruiter)


def rate(client, url_base, ratings, notes=()):
    for number, rating in enumerate(ratings, start=1):
        data = {"rating": rating, "parts": "rating"}
        client.post(f"{url_base}q/{number}/answer/", data)
    for number, note in enumerate(notes, start=1):
        client.post(
            f"{url_base}q/{number}/answer/", {"notes": note, "notes_version": 0, "parts": "notes"}
        )


# --- Inviting --------------------------------------------------------------------------------


def test_the_interviewer_invites_a_co_rater_who_is_told(signed_in, screening, engineer):
    page = signed_in.get(f"/interviews/{screening.pk}/q/1/").content.decode()
    panel_url = f"/interviews/{screening.pk}/co-raters/?next=/interviews/{screening.pk}/q/1/"
    assert f'hx-get="{panel_url}"' in page  # the menu loads its panel when opened
    assert f'href="{panel_url}"' in page  # or, without JavaScript, opens it as a page
    panel = signed_in.get(panel_url, HTTP_HX_REQUEST="true").content.decode()
    assert "<html" not in panel
    assert f'<option value="{engineer.pk}">Eve</option>' in panel
    assert f'<option value="{screening.interviewer_id}">' not in panel  # not oneself
    assert f'name="next" value="/interviews/{screening.pk}/q/1/"' in panel

    response = signed_in.post(
        f"/interviews/{screening.pk}/co-raters/",
        {"rater": engineer.pk, "next": f"/interviews/{screening.pk}/q/2/"},
        follow=True,
    )

    co_rater = CoRater.objects.get()
    assert (co_rater.interview, co_rater.rater, co_rater.invited_by) == (
        screening,
        engineer,
        screening.interviewer,
    )
    assert co_rater.ratings.count() == 3
    assert set(co_rater.ratings.values_list("rating", flat=True)) == {""}
    assert response.redirect_chain[-1][0] == f"/interviews/{screening.pk}/q/2/"
    assert "Invited Eve" in response.content.decode()
    invitation = Notification.objects.get(recipient=engineer)
    assert invitation.kind == Notification.Kind.INVITED
    assert invitation.get_absolute_url() == f"/interviews/{screening.pk}/co-rating/"
    assert "Rita invited you to co-rate the screening of Jordan Example" in invitation.text


def test_the_co_raters_page_works_without_javascript_and_only_for_the_interviewer(
    client, signed_in, screening
):
    page = signed_in.get(f"/interviews/{screening.pk}/co-raters/?next=//evil.example/")

    html = page.content.decode()
    assert "Co-raters of the screening of Jordan Example" in html
    assert f'<a href="/interviews/{screening.pk}/">Back to the screening</a>' in html
    client.force_login(make_user(RECRUITER))
    assert client.get(f"/interviews/{screening.pk}/co-raters/").status_code == 404


def test_nobody_is_invited_twice_and_only_the_interviewer_invites(
    client, signed_in, screening, engineer, co_rater
):
    signed_in.post(f"/interviews/{screening.pk}/co-raters/", {"rater": engineer.pk})
    assert CoRater.objects.count() == 1

    client.force_login(make_user(RECRUITER))
    response = client.post(f"/interviews/{screening.pk}/co-raters/", {"rater": engineer.pk})
    assert response.status_code == 404


def test_an_invitation_is_taken_back_only_before_rating(signed_in, screening, co_rater, engineer):
    co_rater.record_answer(1, notes="Started.", notes_version=0)

    signed_in.post(f"/interviews/{screening.pk}/co-raters/", {"withdraw": co_rater.pk})
    assert CoRater.objects.filter(pk=co_rater.pk).exists()

    other = CoRater.invite(screening, make_user(RECRUITER), by=screening.interviewer)
    signed_in.post(f"/interviews/{screening.pk}/co-raters/", {"withdraw": other.pk})
    assert not CoRater.objects.filter(pk=other.pk).exists()


# --- Rating blind ----------------------------------------------------------------------------


def test_the_co_rater_rates_in_their_own_workbench_without_seeing_the_interviewers(
    client, screening, co_rater, engineer
):
    screening.record_answer(
        1, rating="strong", notes="Interviewer's private note.", notes_version=0
    )
    client.force_login(engineer)

    first = client.get(f"/interviews/{screening.pk}/co-rating/")
    html = client.get(first["Location"]).content.decode()

    assert first["Location"] == f"/interviews/{screening.pk}/co-rating/q/1/"
    assert "Co-rating</span>" in html
    assert "you see the others' ratings once you submit yours" in html
    assert "Interviewer&#x27;s private note." not in html
    assert 'aria-pressed="true"' not in html  # the interviewer's Strong is not shown
    assert 'id="timer"' not in html
    assert 'id="flags"' not in html
    assert f'hx-post="/interviews/{screening.pk}/co-rating/q/1/answer/"' in html
    assert "Submit my ratings" in html


def test_a_co_raters_rating_is_theirs_and_the_next_question_comes(
    client, screening, co_rater, engineer
):
    client.force_login(engineer)

    response = client.post(
        f"/interviews/{screening.pk}/co-rating/q/1/answer/",
        {"rating": "weak", "parts": "rating"},
        **HTMX,
    )

    html = response.content.decode()
    assert "Question 2 of 3" in html
    assert response["HX-Push-Url"] == f"/interviews/{screening.pk}/co-rating/q/2/"
    assert co_rater.ratings.get(question__number=1).rating == "weak"
    assert screening.questions.get(number=1).rating == ""  # the interviewer's is untouched


def test_a_co_raters_notes_autosave_and_a_stale_tab_conflicts(
    client, screening, co_rater, engineer
):
    client.force_login(engineer)
    url = f"/interviews/{screening.pk}/co-rating/q/1/answer/"

    saved = client.post(url, {"notes": "First.", "notes_version": 0, "parts": "notes"}, **HTMX)
    stale = client.post(url, {"notes": "Stale.", "notes_version": 0, "parts": "notes"}, **HTMX)

    assert saved.status_code == 200
    assert stale.status_code == 409
    assert "changed in another tab" in stale.content.decode()
    assert co_rater.ratings.get(question__number=1).notes == "First."


def test_before_submitting_a_co_rater_sees_no_scorecard(client, screening, co_rater, engineer):
    submit(screening, ["strong"] * 3)
    client.force_login(engineer)

    assert client.get(f"/interviews/{screening.pk}/scorecard/").status_code == 404


def test_only_those_invited_co_rate(client, screening, co_rater):
    client.force_login(make_user(RECRUITER))

    assert client.get(f"/interviews/{screening.pk}/co-rating/q/1/").status_code == 404
    response = client.post(
        f"/interviews/{screening.pk}/co-rating/q/1/answer/", {"rating": "weak", "parts": "rating"}
    )
    assert response.status_code == 404
    assert set(CoRating.objects.values_list("rating", flat=True)) == {""}


# --- Submitting, and seeing everyone's ------------------------------------------------------


def test_submitting_shows_everyones_ratings_and_notes_and_tells_the_interviewer(
    client, screening, co_rater, engineer, recruiter
):
    screening.record_answer(1, rating="strong", notes="Rita heard numbers.", notes_version=0)
    client.force_login(engineer)
    base = f"/interviews/{screening.pk}/co-rating/"
    rate(client, base, ["weak", "average", "average"], notes=["Eve heard none."])

    confirm = client.get(f"{base}submit/").content.decode()
    response = client.post(f"{base}submit/", follow=True)

    assert "Submit your ratings of Jordan Example" in confirm
    co_rater.refresh_from_db()
    assert co_rater.is_submitted
    html = response.content.decode()
    assert "How everyone rated Jordan Example" in html
    assert "(interviewer, not submitted yet)" in html
    assert "Rita heard numbers." in html
    assert "Eve heard none." in html
    assert html.count('class="raters-differ"') == 1  # Strong and Weak; unrated differs from none
    told = Notification.objects.get(recipient=recruiter, kind=Notification.Kind.CO_RATED)
    assert told.text == "Eve submitted their co-rating of Jordan Example for Python developer."


def test_after_submitting_nothing_changes(client, screening, co_rater, engineer):
    co_rater.record_answer(1, rating="weak")
    co_rater.submit()
    client.force_login(engineer)

    response = client.post(
        f"/interviews/{screening.pk}/co-rating/q/1/answer/",
        {"rating": "strong", "parts": "rating"},
        **HTMX,
    )

    assert response.status_code == 409
    assert response["HX-Redirect"] == f"/interviews/{screening.pk}/co-rating/"
    assert co_rater.ratings.get(question__number=1).rating == "weak"


def test_the_interviewer_sees_no_co_rating_until_submitting_then_the_scorecard_shows_all(
    signed_in, client, screening, co_rater, manager
):
    co_rater.record_answer(1, rating="weak", notes="Eve's private note.", notes_version=0)
    co_rater.submit()

    workbench = signed_in.get(f"/interviews/{screening.pk}/q/1/").content.decode()
    menu = signed_in.get(f"/interviews/{screening.pk}/co-raters/").content.decode()
    assert "Eve&#x27;s private note." not in workbench + menu
    assert 'Co-raters <span class="badge">1</span>' in workbench
    assert 'Eve <span class="text-muted">(submitted)</span>' in menu

    submit(screening, ["strong", "strong", "strong"])
    client.force_login(manager)
    scorecard = client.get(f"/interviews/{screening.pk}/scorecard/").content.decode()

    assert "Each rater's ratings" in scorecard
    assert "Eve&#x27;s private note." in scorecard
    assert "Composite over 2 raters: 2.0 of 3 · the interviewer's own: 3.0" in scorecard
    assert scorecard.count('class="raters-differ"') == 1


# --- The composite score ---------------------------------------------------------------------


@pytest.mark.parametrize("co_rater_first", [True, False])
def test_the_stored_score_is_the_mean_over_raters_whoever_submits_first(
    screening, co_rater, co_rater_first
):
    for number in (1, 2, 3):
        co_rater.record_answer(number, rating="weak")
    if co_rater_first:
        co_rater.submit()
        submit(screening, ["strong", "strong", "strong"])
    else:
        submit(screening, ["strong", "strong", "strong"])
        screening.refresh_from_db()
        assert screening.score == 3.0  # the co-rater has not submitted: not counted
        co_rater.submit()

    screening.refresh_from_db()
    assert screening.score == 2.0
    assert set(screening.area_scores.values()) == {2.0}


def test_an_unsubmitted_co_rating_never_counts(screening, co_rater):
    co_rater.record_answer(1, rating="weak")

    submit(screening, ["strong"] * 3)

    assert Interview.objects.get(pk=screening.pk).score == 3.0


def test_a_submitted_co_rater_may_read_the_scorecard(client, screening, co_rater, engineer):
    co_rater.submit()
    submit(screening, ["average"] * 3)
    client.force_login(engineer)

    response = client.get(f"/interviews/{screening.pk}/scorecard/")

    assert response.status_code == 200
    assert "Each rater's ratings" in response.content.decode()


@pytest.mark.parametrize("whose", ["interviewer", "co-rater"])
def test_the_database_refuses_a_rating_that_is_not_a_rating(screening, co_rater, whose):
    answer = co_rater.ratings.first() if whose == "co-rater" else screening.questions.first()
    answer.rating = "brilliant"
    with pytest.raises(IntegrityError, match="rating_valid"), transaction.atomic():
        answer.save(update_fields=["rating"])
    answer.refresh_from_db()
    assert answer.rating == ""


def test_a_history_restore_gets_the_whole_co_rating_page(client, screening, co_rater, engineer):
    # htmx asks the server for a page it has no copy of (Back, after its history cache was
    # cleared) with HX-Request and HX-History-Restore-Request, and puts the answer in place of
    # the whole <body>: a fragment would leave the page without its header and rail.
    client.force_login(engineer)

    html = client.get(
        f"/interviews/{screening.pk}/co-rating/q/2/",
        **HTMX,
        HTTP_HX_HISTORY_RESTORE_REQUEST="true",
    ).content.decode()

    assert "<html" in html
    assert 'id="rail"' in html
    assert "Question 2 of 3" in html


def test_a_co_raters_buttons_rate_the_question_on_screen_by_its_number(
    client, screening, co_rater, engineer
):
    client.force_login(engineer)
    page = client.get(f"/interviews/{screening.pk}/co-rating/q/2/").content.decode()
    # The four rating buttons and the cues.
    assert page.count(f'hx-post="/interviews/{screening.pk}/co-rating/answers/"') == 5

    response = client.post(
        f"/interviews/{screening.pk}/co-rating/answers/",
        {"number": "2", "rating": "strong", "parts": "rating"},
        **HTMX,
    )
    missing = client.post(
        f"/interviews/{screening.pk}/co-rating/answers/",
        {"rating": "weak", "parts": "rating"},
        **HTMX,
    )

    assert "Question 3 of 3" in response.content.decode()  # the next unrated comes next
    assert '<div id="rating-bar" hx-preserve></div>' in response.content.decode()
    assert missing.status_code == 400
    assert "Say which question" in missing.content.decode()
    assert [r.rating for r in co_rater.ratings.order_by("question__number")] == ["", "strong", ""]
    assert screening.questions.get(number=2).rating == ""  # the interviewer's is untouched
