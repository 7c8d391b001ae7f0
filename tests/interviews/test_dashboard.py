"""The dashboard at / : a page per role."""

import pytest

from interviews.roles import HIRING_MANAGER, QUESTION_BANK_ADMIN, RECRUITER
from tests.factories import make_candidate, make_interview, make_user, submit

pytestmark = pytest.mark.django_db


def test_dashboard_recruiter_sees_recruiter_section_only(client):
    client.force_login(make_user(RECRUITER, first_name="Riley"))

    html = client.get("/").content.decode()

    assert "Welcome, Riley" in html
    assert 'id="role-recruiter"' in html
    assert 'id="role-hiring-manager"' not in html
    assert 'id="role-bank-admin"' not in html
    assert 'href="/admin/"' not in html


def test_dashboard_hiring_manager_sees_hiring_manager_section(client):
    client.force_login(make_user(HIRING_MANAGER))

    html = client.get("/").content.decode()

    assert 'id="role-hiring-manager"' in html
    assert 'id="role-recruiter"' not in html


def test_dashboard_bank_admin_gets_admin_link_in_nav(client):
    client.force_login(make_user(QUESTION_BANK_ADMIN))

    html = client.get("/").content.decode()

    assert 'id="role-bank-admin"' in html
    assert html.count('href="/admin/"') == 2  # navigation and the section's button


def test_dashboard_user_without_role_is_told_to_ask_for_one(client):
    client.force_login(make_user(None, email="norole@example.com"))

    html = client.get("/").content.decode()

    assert "Your account has no role yet." in html
    assert "No role yet" in html  # the account menu
    assert 'id="role-recruiter"' not in html


def test_dashboard_superuser_holds_every_role(client):
    client.force_login(make_user(None, superuser=True))

    html = client.get("/").content.decode()

    for section in ("role-recruiter", "role-hiring-manager", "role-bank-admin"):
        assert f'id="{section}"' in html


def test_dashboard_query_count_is_small(client, django_assert_max_num_queries):
    client.force_login(make_user(RECRUITER))

    # session, user, roles, reminders marked read, interviews in progress, recently submitted,
    # screenings they co-rate, unread notifications
    with django_assert_max_num_queries(8):
        client.get("/")


def test_manager_dashboard_lists_awaiting_decisions_oldest_first(
    client, recruiter, position, manager
):
    from django.utils import timezone

    now = timezone.now()
    submit(
        make_interview(recruiter, position=position, candidate=make_candidate("Newer")),
        ["strong"],
        when=now,
    )
    submit(
        make_interview(recruiter, position=position, candidate=make_candidate("Older")),
        ["strong"],
        when=now - timezone.timedelta(days=3),
    )
    client.force_login(manager)

    html = client.get("/").content.decode()

    assert "2 candidates screened · 2 awaiting your decision" in html
    assert html.index(">Older<") < html.index(">Newer<")


def test_recruiter_sees_the_managers_decision_labelled_as_theirs(
    client, recruiter, position, manager
):
    from interviews.models import Decision

    decided = submit(
        make_interview(recruiter, position=position, candidate=make_candidate("Ann")),
        ["strong"],
        recommendation="advance",
    )
    submit(
        make_interview(recruiter, position=position, candidate=make_candidate("Bob")),
        ["weak"],
        recommendation="decline",
    )
    manager.first_name = "Max"
    manager.save()
    Decision.objects.create(interview=decided, outcome="hold", decided_by=manager)
    client.force_login(recruiter)

    html = client.get("/").content.decode()

    assert "you recommended <span" in html
    assert "Max decided <span" in html
    assert ">Hold</span>" in html
    assert "no decision yet" in html
    scorecard = client.get(f"/interviews/{decided.pk}/scorecard/").content.decode()
    assert "The hiring manager's decision" in scorecard
    assert "By Max" in scorecard


def test_manager_sees_score_flags_and_wait_on_awaiting_decisions(
    client, recruiter, position, manager
):
    from django.utils import timezone

    from interviews.models import RedFlag

    interview = make_interview(recruiter, position=position, candidate=make_candidate("Ann"))
    flag = RedFlag.objects.create(slug="no-git", name="Never used Git", why="x")
    interview.set_red_flags({flag: ""})
    submit(interview, ["strong"], when=timezone.now() - timezone.timedelta(days=3))
    client.force_login(manager)

    html = client.get("/").content.decode()

    assert "score 3.0" in html
    assert "1 red flag" in html
    assert "waiting 3\xa0days" in html


def test_nothing_waits_unseen_on_either_dashboard(client, recruiter, position, manager):
    """Issue 14: an interview started over 24 hours ago and not submitted is pointed out to its
    recruiter; a screening waiting over 3 days for a decision is pointed out to the manager."""
    from django.utils import timezone

    from interviews.models import Interview

    now = timezone.now()
    stale = make_interview(recruiter, position=position, candidate=make_candidate("Stale"))
    Interview.objects.filter(pk=stale.pk).update(
        created_at=now - timezone.timedelta(hours=30),
        started_at=now - timezone.timedelta(hours=30),
    )
    make_interview(recruiter, position=position, candidate=make_candidate("Fresh"))
    submit(
        make_interview(recruiter, position=position, candidate=make_candidate("Waiting")),
        ["strong"],
        when=now - timezone.timedelta(days=6),  # over 3 working days, whatever the weekday
    )

    client.force_login(recruiter)
    mine = client.get("/").content.decode()
    client.force_login(manager)
    theirs = client.get("/").content.decode()

    assert mine.count("Started over a day ago: finish it or abandon it.") == 1
    assert mine.index(">Stale<") < mine.index("Started over a day ago")
    assert theirs.count("Waiting over 3 working days") == 1


def test_review_shows_the_share_submitted_within_24_hours(client, recruiter, position, manager):
    from django.utils import timezone

    from interviews.models import Interview

    quick = submit(
        make_interview(recruiter, position=position, candidate=make_candidate("A")), ["strong"]
    )
    slow = submit(
        make_interview(recruiter, position=position, candidate=make_candidate("B")), ["weak"]
    )
    Interview.objects.filter(pk=slow.pk).update(
        started_at=slow.submitted_at - timezone.timedelta(hours=30)
    )
    assert quick.pk
    client.force_login(manager)

    html = client.get(f"/positions/{position.pk}/").content.decode()

    assert "1 of 2 screenings (50%) were submitted within 24 hours of starting" in html
