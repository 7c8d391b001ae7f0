"""Candidates and positions: creating and editing them, and who may change a position's managers."""

import pytest

from interviews.models import Candidate, Interview, Position
from interviews.roles import HIRING_MANAGER, QUESTION_BANK_ADMIN
from tests.factories import HTMX, make_candidate, make_kit, make_position, make_user

pytestmark = pytest.mark.django_db


def test_candidate_is_created_with_who_added_it(client, recruiter):
    client.force_login(recruiter)

    response = client.post(
        "/candidates/new/",
        {
            "name": "Ada Lovelace",
            "email": "ada@example.org",
            "phone": "+44 20 7946 0000",
            "links": "https://github.com/ada\nhttps://ada.example.org",
            "resume_text": "Python and Django since 2019.",
        },
    )

    candidate = Candidate.objects.get()
    assert response.status_code == 302
    assert response.url == f"/candidates/{candidate.pk}/"
    assert (candidate.name, candidate.email, candidate.created_by) == (
        "Ada Lovelace",
        "ada@example.org",
        recruiter,
    )
    assert candidate.links == ["https://github.com/ada", "https://ada.example.org"]


def test_candidate_with_a_bad_link_is_not_saved_and_keeps_what_was_typed(client, recruiter):
    client.force_login(recruiter)

    response = client.post(
        "/candidates/new/", {"name": "Ada Lovelace", "links": "not a link at all"}
    )

    html = response.content.decode()
    assert response.status_code == 200
    assert "“not a link at all” is not a web address" in html
    assert 'value="Ada Lovelace"' in html
    assert not Candidate.objects.exists()


def test_candidate_edit_changes_the_row(client, recruiter):
    candidate = make_candidate("Ada Lovelace")
    client.force_login(recruiter)

    client.post(
        f"/candidates/{candidate.pk}/edit/",
        {"name": "Ada King", "email": "ada@example.org", "links": "", "resume_text": ""},
    )

    candidate.refresh_from_db()
    assert candidate.name == "Ada King"
    assert candidate.email == "ada@example.org"


def test_recruiter_creates_a_position_with_its_first_hiring_managers(client, recruiter, manager):
    kit = make_kit(2)
    client.force_login(recruiter)

    response = client.post(
        "/positions/new/",
        {
            "title": "Back-end developer",
            "level": "mid",
            "default_kit": kit.pk,
            "hiring_managers": [manager.pk],
            "is_open": "on",
        },
    )

    position = Position.objects.get()
    assert response.status_code == 302
    assert (position.title, position.level, position.default_kit) == (
        "Back-end developer",
        "mid",
        kit,
    )
    assert list(position.hiring_managers.all()) == [manager]


def test_recruiter_cannot_change_an_existing_positions_hiring_managers(client, recruiter, manager):
    position = make_position(managers=[manager])
    intruder = make_user(HIRING_MANAGER, email="eve@example.com")
    client.force_login(recruiter)

    page = client.get(f"/positions/{position.pk}/edit/")
    client.post(
        f"/positions/{position.pk}/edit/",
        {
            "title": "Renamed",
            "level": "senior",
            "default_kit": position.default_kit.pk,
            "hiring_managers": [intruder.pk],
            "is_open": "on",
        },
    )

    position.refresh_from_db()
    assert 'name="hiring_managers"' not in page.content.decode()
    assert "Only a Question-bank admin can change" in page.content.decode()
    assert position.title == "Renamed"
    assert list(position.hiring_managers.all()) == [manager]


def test_admin_changes_hiring_managers_and_the_change_is_recorded(client, manager):
    admin = make_user(QUESTION_BANK_ADMIN, email="root@example.com")
    position = make_position(managers=[manager])
    other = make_user(HIRING_MANAGER, email="eve@example.com")
    client.force_login(admin)

    client.post(
        f"/positions/{position.pk}/edit/",
        {
            "title": position.title,
            "level": position.level,
            "default_kit": position.default_kit.pk,
            "hiring_managers": [other.pk],
            "is_open": "on",
        },
    )

    assert list(position.hiring_managers.all()) == [other]
    records = list(position.history.order_by("history_date", "history_id"))
    managers = [[m.user_id for m in record.hiring_managers.all()] for record in records]
    assert records[-1].history_user == admin
    assert managers[-1] == [other.pk]
    assert [manager.pk] in managers[:-1]


# --- Choosing a candidate: a search, never a list of everyone ---------------------------------


def test_start_page_offers_ten_newest_candidates_and_a_search(client, recruiter):
    for n in range(30):
        make_candidate(f"Person {n:02d}")
    client.force_login(recruiter)

    html = client.get("/interviews/new/").content.decode()

    assert html.count('name="candidate" value=') == 10
    assert "Person 29" in html
    assert "Person 00" not in html
    assert 'name="candidate_search"' in html
    assert "The newest candidates; type a name to find anyone else." in html


def test_candidate_search_finds_anyone_by_name_or_email(client, recruiter):
    for n in range(30):
        make_candidate(f"Person {n:02d}")
    make_candidate("Ada Lovelace", email="ada@example.org")
    client.force_login(recruiter)

    by_name = client.get("/candidates/pick/", {"candidate_search": "lovelace"}, headers=HTMX)
    by_email = client.get("/candidates/pick/", {"candidate_search": "ADA@EXAMPLE"})
    nobody = client.get("/candidates/pick/", {"candidate_search": "zebra"}).content.decode()

    assert by_name.content.decode().count('name="candidate" value=') == 1
    assert "Ada Lovelace · ada@example.org" in by_name.content.decode()
    assert "Ada Lovelace" in by_email.content.decode()
    assert "No candidate matches “zebra”." in nobody


def test_find_without_javascript_keeps_the_form_and_shows_the_matches(client, recruiter):
    position = make_position()
    make_candidate("Ada Lovelace")
    for n in range(20):
        make_candidate(f"Person {n:02d}")
    client.force_login(recruiter)

    response = client.post(
        "/interviews/new/",
        {"candidate_search": "ada", "position": position.pk, "find": "1"},
    )

    html = response.content.decode()
    assert response.status_code == 200
    assert html.count('name="candidate" value=') == 1
    assert "Ada Lovelace" in html
    assert f'<option value="{position.pk}" selected>' in html
    assert "This field is required" not in html
    assert not Interview.objects.exists()


def test_a_candidate_not_in_the_shown_ten_can_still_be_chosen(client, recruiter):
    oldest = make_candidate("Oldest Person")
    for n in range(15):
        make_candidate(f"Person {n:02d}")
    position = make_position()
    client.force_login(recruiter)

    response = client.post(
        "/interviews/new/", {"candidate": oldest.pk, "position": position.pk, "kit": ""}
    )

    interview = Interview.objects.get()
    assert response.status_code == 302
    assert interview.candidate == oldest


def test_start_without_a_candidate_says_how_to_find_one(client, recruiter):
    client.force_login(recruiter)

    html = client.post("/interviews/new/", {"position": make_position().pk}).content.decode()

    assert "Choose the candidate: type a name to find them." in html
