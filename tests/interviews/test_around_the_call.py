"""Around the call: the same person added twice, a second interview of someone mid-interview,
an interview abandoned, a link typed without https://."""

import pytest

from interviews.models import Candidate, Interview, Status, phone_digits, same_phone
from interviews.roles import RECRUITER
from tests.factories import HTMX, make_candidate, make_interview, make_position, make_user, submit

pytestmark = pytest.mark.django_db


def candidate_data(**changes) -> dict:
    data = {"name": "Ada Lovelace", "email": "", "phone": "", "links": "", "resume_text": ""}
    return {**data, **changes}


# --- Duplicate candidates ---------------------------------------------------------------------


def test_same_email_is_warned_with_a_link_and_nothing_is_saved(signed_in):
    ada = make_candidate("Ada Lovelace", email="ada@example.org")

    response = signed_in.post(
        "/candidates/new/", candidate_data(name="Ada King", email="ADA@example.org ")
    )

    html = response.content.decode()
    assert response.status_code == 200
    assert "This may be someone already added" in html
    assert (
        f'<a href="/candidates/{ada.pk}/">Ada Lovelace · ada@example.org</a> (same email)' in html
    )
    assert '<input type="checkbox" name="different_person"' in html
    assert 'value="Ada King"' in html  # what was typed is kept
    assert Candidate.objects.count() == 1


def test_a_different_person_with_the_same_email_is_added_once_ticked(signed_in):
    make_candidate("Ada Lovelace", email="shared@example.org")

    response = signed_in.post(
        "/candidates/new/",
        candidate_data(name="Byron Lovelace", email="shared@example.org", different_person="on"),
    )

    assert response.status_code == 302
    assert sorted(Candidate.objects.values_list("name", flat=True)) == [
        "Ada Lovelace",
        "Byron Lovelace",
    ]


def test_same_name_and_phone_in_another_format_is_warned(signed_in):
    ada = make_candidate("Ada Lovelace", email="", phone="+44 7700 900123")

    response = signed_in.post(
        "/candidates/new/", candidate_data(name="ada  lovelace", phone="07700-900-123")
    )

    html = response.content.decode()
    assert f'<a href="/candidates/{ada.pk}/">Ada Lovelace</a> (same name and phone)' in html
    assert Candidate.objects.count() == 1


def test_same_name_alone_is_not_a_duplicate(signed_in):
    make_candidate("Ada Lovelace", email="ada@example.org", phone="+44 7700 900123")

    response = signed_in.post(
        "/candidates/new/", candidate_data(email="other@example.org", phone="+1 555 0100")
    )

    assert response.status_code == 302
    assert Candidate.objects.filter(name="Ada Lovelace").count() == 2


def test_editing_a_candidate_does_not_warn_about_themselves(signed_in):
    ada = make_candidate("Ada Lovelace", email="ada@example.org", phone="07700 900123")

    response = signed_in.post(
        f"/candidates/{ada.pk}/edit/",
        candidate_data(email="ada@example.org", phone="07700 900123", resume_text="Django"),
    )

    ada.refresh_from_db()
    assert response.status_code == 302
    assert ada.resume_text == "Django"


@pytest.mark.parametrize(
    ("first", "second", "same"),
    [
        ("+44 7700 900123", "07700 900123", True),
        ("(555) 010-0199", "555.010.0199", True),
        ("555 0100", "555 0101", False),
        ("12345", "012345", False),
        ("", "", False),
    ],
)
def test_phones_compare_by_their_digits(first, second, same):
    assert same_phone(phone_digits(first), phone_digits(second)) is same


def test_decoder_warns_of_a_new_candidate_already_added(signed_in, shipped_content):
    ada = make_candidate("Ada Lovelace", email="ada@example.org")
    position = make_position()
    question = position.default_kit.kit_questions.first().question

    response = signed_in.post(
        "/decoder/start/",
        {
            "name": "Ada Lovelace",
            "email": "ada@example.org",
            "position": position.pk,
            "budget": "30",
            "questions": [question.pk],
            "resume_text": "Python and Django.",
        },
    )

    html = response.content.decode()
    assert response.status_code == 422
    assert f'<a href="/candidates/{ada.pk}/">Ada Lovelace · ada@example.org</a>' in html
    assert "Choose them as the candidate above" in html
    assert (Candidate.objects.count(), Interview.objects.count()) == (1, 0)


# --- A second interview of someone mid-interview ---------------------------------------------


def test_starting_again_offers_to_resume_your_interview_in_progress(signed_in, recruiter):
    running = make_interview(recruiter)

    response = signed_in.post(
        "/interviews/new/",
        {"candidate": running.candidate.pk, "position": running.position.pk, "when": "now"},
    )

    html = response.content.decode()
    assert (
        "Jordan Example already has an interview in progress for Python developer, with you" in html
    )
    assert f'<a href="/interviews/{running.pk}/">resume it</a>' in html
    assert '<input type="checkbox" name="start_anyway"' in html
    assert Interview.objects.count() == 1


def test_start_anyway_starts_a_second_interview(signed_in, recruiter):
    running = make_interview(recruiter)

    response = signed_in.post(
        "/interviews/new/",
        {
            "candidate": running.candidate.pk,
            "position": running.position.pk,
            "when": "now",
            "start_anyway": "on",
        },
    )

    second = Interview.objects.exclude(pk=running.pk).get()
    assert response.url == f"/interviews/{second.pk}/"
    assert second.candidate == running.candidate


def test_someone_elses_interview_in_progress_is_named_without_a_resume_link(signed_in):
    other = make_user(RECRUITER, email="otto@example.com", first_name="Otto")
    running = make_interview(other, start_now=False)

    html = signed_in.post(
        "/interviews/new/",
        {"candidate": running.candidate.pk, "position": running.position.pk, "when": "now"},
    ).content.decode()

    assert "already has an interview prepared for Python developer, with Otto" in html
    assert "resume it" not in html
    assert Interview.objects.count() == 1


def test_a_submitted_or_abandoned_interview_is_no_reason_to_warn(signed_in, recruiter):
    done = submit(make_interview(recruiter), ["strong"] * 3)
    dropped = make_interview(recruiter, candidate=done.candidate, position=done.position)
    dropped.abandon(reason="The candidate withdrew", by=recruiter)

    response = signed_in.post(
        "/interviews/new/",
        {"candidate": done.candidate.pk, "position": done.position.pk, "when": "now"},
    )

    assert response.status_code == 302
    assert Interview.objects.count() == 3


def test_start_page_preselects_the_only_open_position(signed_in):
    position = make_position()
    make_position(title="Closed role", is_open=False)

    html = signed_in.get("/interviews/new/").content.decode()

    assert f'<option value="{position.pk}" selected>' in html


# --- Abandoning --------------------------------------------------------------------------------


def test_abandon_stops_the_clock_and_keeps_the_reason_in_history(signed_in, recruiter):
    interview = make_interview(recruiter)
    assert interview.clock_running

    response = signed_in.post(
        f"/interviews/{interview.pk}/abandon/",
        {"reason": "no-show", "details": "  Rebooked for   Tuesday "},
    )

    interview.refresh_from_db()
    assert response.url == f"/candidates/{interview.candidate_id}/"
    assert interview.status == Status.ABANDONED
    assert interview.abandon_reason == "The candidate did not join the call: Rebooked for Tuesday"
    assert interview.abandoned_at is not None
    assert not interview.clock_running
    last = interview.history.latest()
    assert (last.status, last.history_user, last.history_change_reason) == (
        "abandoned",
        recruiter,
        "The candidate did not join the call: Rebooked for Tuesday",
    )
    page = signed_in.get(response.url).content.decode()
    assert "Abandoned the interview of Jordan Example" in page
    assert "Rebooked for Tuesday" in page
    assert f'id="interview-{interview.pk}"' in page


def test_an_abandoned_interview_leaves_the_dashboard_and_cannot_change(signed_in, recruiter):
    interview = make_interview(recruiter)
    interview.abandon(reason="Started by mistake, or twice", by=recruiter)

    dashboard = signed_in.get("/").content.decode()
    workbench = signed_in.get(f"/interviews/{interview.pk}/q/1/")
    rating = signed_in.post(
        f"/interviews/{interview.pk}/q/1/answer/",
        {"rating": "strong", "parts": "rating"},
        headers=HTMX,
    )

    assert f"/interviews/{interview.pk}/" not in dashboard
    assert workbench.url == f"/candidates/{interview.candidate_id}/#interview-{interview.pk}"
    assert rating.status_code == 409
    assert rating["HX-Redirect"] == workbench.url
    assert "was abandoned and can no longer be changed" in rating.content.decode()
    assert interview.questions.get(number=1).rating == ""
    assert not Interview.objects.open().exists()


def test_another_reason_needs_its_words_and_nothing_changes(signed_in, recruiter):
    interview = make_interview(recruiter)

    response = signed_in.post(f"/interviews/{interview.pk}/abandon/", {"reason": "other"})

    interview.refresh_from_db()
    assert response.status_code == 422
    assert "Say what the reason is." in response.content.decode()
    assert interview.status == Status.IN_PROGRESS


def test_a_reopened_interview_is_submitted_again_not_abandoned(signed_in, recruiter):
    interview = submit(make_interview(recruiter), ["strong"] * 3)
    interview.reopen(reason="Mis-rated", by=recruiter)

    page = signed_in.get(f"/interviews/{interview.pk}/abandon/").content.decode()
    posted = signed_in.post(f"/interviews/{interview.pk}/abandon/", {"reason": "withdrew"})

    interview.refresh_from_db()
    assert "Submit it again rather than abandon it" in page
    assert 'name="reason"' not in page
    assert posted.status_code == 200
    assert interview.status == Status.IN_PROGRESS


def test_only_the_interviewer_abandons(client, recruiter):
    interview = make_interview(recruiter)
    other = make_user(RECRUITER, email="otto@example.com")
    client.force_login(other)

    response = client.post(f"/interviews/{interview.pk}/abandon/", {"reason": "withdrew"})

    interview.refresh_from_db()
    assert response.status_code in (403, 404)
    assert interview.status == Status.IN_PROGRESS


# --- Links ---------------------------------------------------------------------------------------


def test_links_without_a_scheme_get_https(signed_in):
    response = signed_in.post(
        "/candidates/new/",
        candidate_data(links="github.com/ada\nwww.linkedin.com/in/ada\nhttp://ada.example.org"),
    )

    assert response.status_code == 302
    assert Candidate.objects.get().links == [
        "https://github.com/ada",
        "https://www.linkedin.com/in/ada",
        "http://ada.example.org",
    ]


@pytest.mark.parametrize("typed", ["javascript:alert(1)", "not a link", "ftp://ada.example.org"])
def test_what_is_not_a_web_address_is_refused_as_typed(signed_in, typed):
    response = signed_in.post("/candidates/new/", candidate_data(links=typed))

    html = response.content.decode()
    assert "is not a web address (like https://github.com/name)." in html
    assert Candidate.objects.count() == 0
