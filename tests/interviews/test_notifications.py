"""Notifications: who is told of a submission, a reopening and a decision; the in-app list and
its unread count; the email preference; the daily reminder; and the emails, sent by the task
worker through a real SMTP server started by the test."""

import datetime
import socket
import zoneinfo
from email import message_from_bytes, policy

import pytest
from aiosmtpd.controller import Controller
from django.core.management import call_command
from django.tasks import TaskResultStatus
from django.test import override_settings
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from interviews import notifications
from interviews.models import (
    Interview,
    InterviewClosed,
    Notification,
    NotificationPreference,
    Outcome,
)
from interviews.roles import HIRING_MANAGER, RECRUITER
from interviews.tasks import daily_reminders, deliver_emails, schedule_reminders
from tests.factories import make_interview, make_position, make_user, submit

pytestmark = pytest.mark.django_db

Kind, Email = Notification.Kind, Notification.Email


@pytest.fixture
def position(manager):
    """A position Max manages, with a second manager, Mia."""
    mia = make_user(HIRING_MANAGER, email="mia@example.com", first_name="Mia")
    return make_position(managers=[manager, mia], title="Backend developer")


@pytest.fixture
def screening(recruiter, position):
    """Rita's in-progress screening of Jordan for the position."""
    return make_interview(recruiter, position=position)


def inbox(user) -> list[Notification]:
    return list(Notification.objects.filter(recipient=user))


# --- Who is told what ------------------------------------------------------------------------


def test_a_submission_tells_every_hiring_manager_of_the_position(screening, recruiter, manager):
    submit(screening, recommendation="hold")

    rows = Notification.objects.order_by("recipient__email")
    assert [(n.recipient.email, n.kind) for n in rows] == [
        ("max@example.com", Kind.SUBMITTED),
        ("mia@example.com", Kind.SUBMITTED),
    ]
    assert rows[0].text == (
        "Rita submitted the screening of Jordan Example for Backend developer, recommending Hold."
    )
    assert rows[0].interview == screening
    assert rows[0].email_status == Email.PENDING
    assert inbox(recruiter) == []


def test_the_person_who_acts_is_not_told_of_their_own_action(position, manager):
    manager.groups.add(*make_user(RECRUITER).groups.all())  # Max screens for his own position
    own = make_interview(manager, position=position)

    submit(own)

    assert inbox(manager) == []
    assert [n.recipient.first_name for n in Notification.objects.all()] == ["Mia"]


def test_a_submission_that_fails_tells_nobody(screening):
    submit(screening)
    before = Notification.objects.count()

    with pytest.raises(InterviewClosed):
        screening.submit(recommendation="advance", summary="Twice.", by=screening.interviewer)

    assert Notification.objects.count() == before


def test_reopening_tells_the_managers_why_and_the_next_submission_says_again(
    screening, recruiter, manager
):
    submit(screening)
    screening.reopen(reason="Rated question 2 by mistake.", by=recruiter)

    reopened = Notification.objects.get(recipient=manager, kind=Kind.REOPENED)
    assert reopened.text == (
        "Rita reopened the screening of Jordan Example for Backend developer: "
        "Rated question 2 by mistake."
    )

    screening.refresh_from_db()
    submit(screening)
    latest = Notification.objects.filter(recipient=manager).first()
    assert latest.kind == Kind.SUBMITTED
    assert latest.text.startswith("Rita submitted again the screening of Jordan Example")


def test_a_decision_and_its_change_tell_the_interviewer(screening, recruiter, manager):
    submit(screening)

    screening.decide(outcome=Outcome.HOLD, note="", by=manager)
    screening.decide(outcome=Outcome.ADVANCE, note="Strong on databases.", by=manager)
    screening.decide(outcome=Outcome.ADVANCE, note="Strong on SQL.", by=manager)

    assert [n.text for n in reversed(inbox(recruiter))] == [
        "Max decided Hold on Jordan Example for Backend developer.",
        "Max changed the decision on Jordan Example for Backend developer from Hold to Advance."
        " Note: Strong on databases.",
        "Max updated the note of the decision on Jordan Example for Backend developer (Advance)."
        " Note: Strong on SQL.",
    ]
    assert {n.kind for n in inbox(recruiter)} == {Kind.DECIDED}
    assert [n.kind for n in inbox(manager)] == [Kind.SUBMITTED]  # never told of his own decision


def test_nobody_is_emailed_who_turned_email_off_or_has_no_address(screening, position, manager):
    NotificationPreference.objects.create(user=manager, email=False)
    no_address = make_user(HIRING_MANAGER)
    type(no_address).objects.filter(pk=no_address.pk).update(email="")
    position.hiring_managers.add(no_address)

    submit(screening)

    statuses = {n.recipient_id: n.email_status for n in Notification.objects.all()}
    assert statuses[manager.pk] == Email.OFF
    assert statuses[no_address.pk] == Email.OFF
    assert sorted(statuses.values()) == [Email.OFF, Email.OFF, Email.PENDING]


def test_inactive_managers_are_not_told(screening, position, manager):
    type(manager).objects.filter(pk=manager.pk).update(is_active=False)

    submit(screening)

    assert inbox(manager) == []


def test_emails_are_queued_only_after_the_change_commits(
    screening, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        submit(screening)
        assert not DBTaskResult.objects.exists()  # nothing queued inside the transaction

    assert len(callbacks) == 1
    callbacks[0]()
    queued = DBTaskResult.objects.get()
    assert queued.task_path == deliver_emails.module_path
    assert queued.status == TaskResultStatus.READY


# --- In the app ------------------------------------------------------------------------------


def test_the_list_shows_only_my_notifications_newest_first_with_the_unread_count(
    client, screening, recruiter, manager
):
    submit(screening)
    other = make_interview(recruiter, position=make_position(managers=[make_user(HIRING_MANAGER)]))
    submit(other)
    screening.decide(outcome=Outcome.DECLINE, note="", by=manager)
    client.force_login(manager)

    html = client.get("/notifications/").content.decode()

    assert html.count('class="notification notification-unread"') == 1
    assert "Rita submitted the screening of Jordan Example for Backend developer" in html
    assert f'href="/interviews/{screening.pk}/scorecard/"' in html
    assert f"/interviews/{other.pk}/" not in html  # another position's manager was told of it
    assert "Notifications, 1 unread" in html  # the header bell
    assert 'aria-hidden="true" class="notification-count">1<' in html
    assert "Mark all as read" in html


def test_opening_the_scorecard_marks_its_notifications_read(client, screening, manager):
    submit(screening)
    client.force_login(manager)

    response = client.get(f"/interviews/{screening.pk}/scorecard/")

    assert Notification.objects.get(recipient=manager).read_at is not None
    assert "notification-count" not in response.content.decode()
    unread_elsewhere = Notification.objects.filter(read_at__isnull=True).count()
    assert unread_elsewhere == 1  # Mia has not opened it


def test_mark_all_as_read(client, screening, recruiter, manager):
    submit(screening)
    screening.decide(outcome=Outcome.ADVANCE, note="", by=manager)
    client.force_login(recruiter)

    response = client.post("/notifications/read/", follow=True)

    assert Notification.objects.get(recipient=recruiter).read_at is not None
    assert Notification.objects.filter(recipient=manager, read_at__isnull=True).exists()
    html = response.content.decode()
    assert "Marked 1 notification as read." in html
    assert "notification-unread" not in html


def test_mark_all_as_read_needs_a_post(client, recruiter):
    client.force_login(recruiter)

    assert client.get("/notifications/read/").status_code == 405


def test_turning_email_off_and_on_again(client, manager):
    client.force_login(manager)
    page = client.get("/notifications/").content.decode()
    assert 'name="email" aria-describedby="id_email_helptext" id="id_email" checked>' in page

    html = client.post("/notifications/", {}, follow=True).content.decode()

    assert NotificationPreference.objects.get(user=manager).email is False
    assert "Notifications will no longer be emailed to you." in html

    client.post("/notifications/", {"email": "on"})
    assert NotificationPreference.objects.get(user=manager).email is True


def test_email_turned_off_after_the_notification_is_not_sent(screening, manager, mailoutbox):
    submit(screening)
    NotificationPreference.objects.create(user=manager, email=False)

    counts = notifications.deliver_emails()

    assert counts == {"sent": 1, "off": 1, "failed": 0, "given_up": 0}
    assert [m.to for m in mailoutbox] == [["mia@example.com"]]
    assert Notification.objects.get(recipient=manager).email_status == Email.OFF


def test_an_email_claimed_by_another_worker_is_left_alone(screening, mailoutbox):
    submit(screening)
    Notification.objects.update(email_claimed_at=timezone.now())

    assert notifications.deliver_emails()["sent"] == 0

    # A claim older than the timeout is a worker that died: taken again.
    Notification.objects.update(
        email_claimed_at=timezone.now() - notifications.CLAIM_TIMEOUT - datetime.timedelta(1)
    )
    assert notifications.deliver_emails()["sent"] == 2
    assert notifications.deliver_emails()["sent"] == 0  # never twice
    assert len(mailoutbox) == 2


# --- The daily reminder ----------------------------------------------------------------------


def test_the_daily_reminder_names_what_waits_on_each_person(recruiter, manager, position):
    now = timezone.now()
    stale = make_interview(recruiter, position=position)
    Interview.objects.filter(pk=stale.pk).update(started_at=now - datetime.timedelta(hours=25))
    make_interview(recruiter, position=position)  # started just now: not overdue
    waiting = submit(
        make_interview(make_user(RECRUITER), position=position),
        when=now - datetime.timedelta(days=8),
    )
    decided = submit(
        make_interview(make_user(RECRUITER), position=position),
        when=now - datetime.timedelta(days=8),
    )
    decided.decide(outcome=Outcome.ADVANCE, note="", by=manager)
    Notification.objects.all().delete()

    assert notifications.send_reminders(now) == 3  # Rita, Max and Mia

    assert [n.text for n in inbox(recruiter)] == [
        "Waiting on you: 1 screening you started over a day ago is not submitted yet."
    ]
    assert [n.text for n in inbox(manager)] == [
        "Waiting on you: 1 screening has waited over 3 working days for your decision."
    ]
    assert inbox(manager)[0].get_absolute_url() == "/"
    assert Notification.objects.filter(interview=waiting).count() == 0  # a summary, not per row

    # Once a day: a second run the same day writes nothing.
    assert notifications.send_reminders(now) == 0


def test_nothing_waiting_means_no_reminder(recruiter, screening):
    assert notifications.send_reminders() == 0
    assert not Notification.objects.exists()


def test_the_dashboard_marks_the_reminder_read(client, recruiter, position):
    stale = make_interview(recruiter, position=position)
    Interview.objects.filter(pk=stale.pk).update(
        started_at=timezone.now() - datetime.timedelta(days=2)
    )
    notifications.send_reminders()
    client.force_login(recruiter)

    client.get("/")

    assert Notification.objects.get(recipient=recruiter).read_at is not None


@override_settings(TIME_ZONE="Europe/Paris", REMINDER_HOUR=8)
@pytest.mark.parametrize(
    ("now", "expected"),
    [
        ("2026-11-27 07:59", "2026-11-27 08:00"),  # a Friday, before the hour
        ("2026-11-27 08:00", "2026-11-30 08:00"),  # Friday at the hour: next Monday
        ("2026-11-28 12:00", "2026-11-30 08:00"),  # Saturday
        ("2026-11-30 09:00", "2026-12-01 08:00"),  # Monday after the hour
    ],
)
def test_the_reminder_runs_on_working_days_at_the_set_hour(now, expected):
    paris = zoneinfo.ZoneInfo("Europe/Paris")
    moment = datetime.datetime.fromisoformat(now).replace(tzinfo=paris)

    result = notifications.next_reminder_time(moment)

    assert result == datetime.datetime.fromisoformat(expected).replace(tzinfo=paris)


def test_scheduling_the_reminder_is_idempotent(db):
    assert schedule_reminders() is True
    assert schedule_reminders() is False

    queued = DBTaskResult.objects.get()
    assert queued.task_path == daily_reminders.module_path
    assert queued.run_after == notifications.next_reminder_time()


def test_a_run_shown_running_for_hours_is_taken_for_dead(db):
    schedule_reminders()
    DBTaskResult.objects.update(
        status=TaskResultStatus.RUNNING, started_at=timezone.now() - datetime.timedelta(hours=2)
    )

    assert schedule_reminders() is True


def test_the_command_queues_the_reminder_once(db, capsys):
    call_command("schedule_reminders")
    call_command("schedule_reminders")

    out = capsys.readouterr().out
    assert "Daily reminder queued for" in out
    assert "The daily reminder is queued already." in out
    assert DBTaskResult.objects.count() == 1


# --- Email through a real SMTP server, sent by the task worker -------------------------------


class Inbox:
    """An aiosmtpd handler keeping what it receives."""

    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 (aiosmtpd's name)
        self.messages.append(
            (envelope.rcpt_tos, message_from_bytes(envelope.content, policy=policy.default))
        )
        return "250 OK"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def smtp_server():
    """A real SMTP server on the loopback, and MAILERS pointing at it."""
    handler = Inbox()
    controller = Controller(handler, hostname="127.0.0.1", port=free_port())
    controller.start()
    mailers = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": "127.0.0.1", "port": controller.port, "use_tls": False},
        }
    }
    with override_settings(MAILERS=mailers, SITE_URL="https://workbench.example"):
        yield handler
    controller.stop()


def run_worker() -> None:
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", "--interval", "0")


@pytest.mark.django_db(transaction=True)
def test_the_worker_emails_a_submission_through_smtp(smtp_server):
    recruiter = make_user(RECRUITER, email="rita@example.com", first_name="Rita")
    manager = make_user(HIRING_MANAGER, email="max@example.com", first_name="Max")
    screening = make_interview(recruiter, position=make_position(managers=[manager]))

    submit(screening)  # commits, so the delivery task is queued
    assert DBTaskResult.objects.get().status == TaskResultStatus.READY
    run_worker()

    [(to, message)] = smtp_server.messages
    assert to == ["max@example.com"]
    assert message["Subject"] == "Screening submitted: Jordan Example for Python developer"
    body = message.get_content()
    assert "Hello Max," in body
    assert "Rita submitted the screening of Jordan Example for Python developer" in body
    assert f"https://workbench.example/interviews/{screening.pk}/scorecard/" in body
    assert "https://workbench.example/notifications/" in body
    assert Notification.objects.get().email_status == Email.SENT
    assert DBTaskResult.objects.get().status == TaskResultStatus.SUCCESSFUL


@pytest.mark.django_db(transaction=True)
def test_the_worker_runs_the_daily_reminder_and_queues_the_next(smtp_server):
    recruiter = make_user(RECRUITER, email="rita@example.com", first_name="Rita")
    stale = make_interview(recruiter)
    Interview.objects.filter(pk=stale.pk).update(
        started_at=timezone.now() - datetime.timedelta(days=2)
    )
    schedule_reminders()
    DBTaskResult.objects.update(run_after=timezone.now() - datetime.timedelta(seconds=1))

    run_worker()

    [(to, message)] = smtp_server.messages
    assert to == ["rita@example.com"]
    assert message["Subject"] == "Interview workbench: what waits on you today"
    assert "1 screening you started over a day ago is not submitted yet" in message.get_content()
    runs = DBTaskResult.objects.filter(task_path=daily_reminders.module_path)
    assert sorted(r.status for r in runs) == [TaskResultStatus.READY, TaskResultStatus.SUCCESSFUL]
    assert runs.get(status=TaskResultStatus.READY).run_after == notifications.next_reminder_time()


@pytest.mark.django_db(transaction=True)
def test_a_mail_server_that_is_down_is_tried_again_later_then_given_up(smtp_server):
    manager = make_user(HIRING_MANAGER, email="max@example.com")
    screening = make_interview(position=make_position(managers=[manager]))
    submit(screening)
    DBTaskResult.objects.all().delete()
    closed = free_port()  # nothing listens there
    down = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": "127.0.0.1", "port": closed, "use_tls": False, "timeout": 2},
        }
    }

    with override_settings(MAILERS=down):
        counts = notifications.deliver_emails()

    assert counts == {"sent": 0, "off": 0, "failed": 1, "given_up": 0}
    notification = Notification.objects.get()
    assert (notification.email_status, notification.email_attempts) == (Email.PENDING, 1)
    retry = DBTaskResult.objects.get()  # a later run is queued
    assert retry.task_path == deliver_emails.module_path
    assert retry.run_after > timezone.now() + notifications.CLAIM_TIMEOUT

    with override_settings(MAILERS=down):
        for _ in range(Notification.EMAIL_ATTEMPTS - 1):
            Notification.objects.update(email_claimed_at=None)
            notifications.deliver_emails()
    notification.refresh_from_db()
    assert (notification.email_status, notification.email_attempts) == (Email.FAILED, 5)
    assert smtp_server.messages == []
