"""Who hears about what, and when: notifications of screenings and decisions, the daily reminder
of what waits on each person, and their emails.

- A screening submitted (or submitted again after reopening) tells the position's hiring managers.
- A screening reopened tells the position's hiring managers.
- A decision recorded or changed tells the interviewer.
- An invitation to co-rate tells the co-rater; their submitted ratings tell the interviewer.
- Each working day at ``settings.REMINDER_HOUR``, the daily reminder tells each recruiter of their
  screenings started over ``SUBMIT_WITHIN_HOURS`` hours ago and not submitted, and each hiring
  manager of screenings waiting over ``settings.DECISION_WAIT_WORKING_DAYS`` working days for a
  decision (the same rules the dashboards use to point them out).

The person who made the change is never told of it. Notifications are rows written in the same
transaction as the change; their emails are sent after commit by the background task
``interviews.tasks.deliver_emails``, so a slow or broken mail server never slows or breaks a save.
"""

import datetime
import logging
import smtplib
from collections.abc import Iterable

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import Count, F, Q
from django.template.loader import render_to_string
from django.utils import timezone

from .models import Decision, Interview, Notification, NotificationPreference, Outcome, Status

logger = logging.getLogger(__name__)

SUBMIT_WITHIN_HOURS = 24  # a screening is expected to be submitted within a day of starting
# A worker that took an email to send and then died leaves it alone for this long.
CLAIM_TIMEOUT = datetime.timedelta(minutes=10)
# After a failed send, the next attempt is queued this much later.
RETRY_AFTER = CLAIM_TIMEOUT + datetime.timedelta(minutes=1)


def working_days_before(moment: datetime.datetime, days: int) -> datetime.datetime:
    """``moment`` moved back by ``days`` working days (Saturdays and Sundays do not count).

    Args:
        moment: an aware date and time.
        days: how many working days, 0 or more.

    Returns:
        The same time of day, ``days`` working days earlier.
    """
    while days > 0:
        moment -= datetime.timedelta(days=1)
        if moment.weekday() < 5:
            days -= 1
    return moment


def overdue_cutoffs(now: datetime.datetime) -> tuple[datetime.datetime, datetime.datetime]:
    """The two moments before which something waits too long.

    Returns:
        ``(stale_before, waiting_before)``: a screening started (or prepared) before
        ``stale_before`` and still open is overdue for submission; one submitted before
        ``waiting_before`` with no decision has waited too long for its decision.
    """
    return (
        now - datetime.timedelta(hours=SUBMIT_WITHIN_HOURS),
        working_days_before(now, settings.DECISION_WAIT_WORKING_DAYS),
    )


def person(user) -> str:
    """How a person is named in notifications: their full name, else their email address."""
    return user.get_full_name() or user.email or user.get_username()


def _notify(recipients: Iterable, *, kind: str, text: str, interview=None) -> list[Notification]:
    """Write one notification per recipient; queue their emails for after the commit.

    Call inside the transaction that makes the change being reported.

    Returns:
        The saved notifications (none when there is nobody to tell).
    """
    recipients = [user for user in recipients if user.is_active]
    if not recipients:
        return []
    email_off = set(
        NotificationPreference.objects.filter(user__in=recipients, email=False).values_list(
            "user_id", flat=True
        )
    )
    notifications = Notification.objects.bulk_create(
        Notification(
            recipient=user,
            kind=kind,
            interview=interview,
            text=text[:600],
            email_status=(
                Notification.Email.OFF
                if user.pk in email_off or not user.email
                else Notification.Email.PENDING
            ),
        )
        for user in recipients
    )
    if any(n.email_status == Notification.Email.PENDING for n in notifications):
        transaction.on_commit(queue_delivery)
    return notifications


def queue_delivery(run_after: datetime.datetime | None = None) -> None:
    """Queue the task that sends waiting emails; log, never raise, if the queue is unreachable
    (the next delivery or the daily reminder sends what is left)."""
    from .tasks import deliver_emails

    try:
        task = deliver_emails.using(run_after=run_after) if run_after else deliver_emails
        task.enqueue()
    except Exception:  # the change is committed; its email waits for the next run
        logger.exception("Could not queue the notification emails.")


def _about(interview: Interview) -> str:
    return f"{interview.candidate.name} for {interview.position.title}"


def screening_submitted(interview: Interview, *, by, again: bool) -> list[Notification]:
    """Tell the position's hiring managers that ``interview`` was submitted by ``by``.

    Args:
        interview: the submitted interview.
        by: who submitted it.
        again: it had been submitted before and reopened.

    Returns:
        The notifications written.
    """
    verb = "submitted again" if again else "submitted"
    text = (
        f"{person(by)} {verb} the screening of {_about(interview)}, recommending "
        f"{interview.get_recommendation_display()}."
    )
    managers = interview.position.hiring_managers.exclude(pk=by.pk)
    return _notify(managers, kind=Notification.Kind.SUBMITTED, text=text, interview=interview)


def screening_reopened(interview: Interview, *, by, reason: str) -> list[Notification]:
    """Tell the position's hiring managers that ``by`` reopened ``interview`` for ``reason``.

    Returns:
        The notifications written.
    """
    text = f"{person(by)} reopened the screening of {_about(interview)}: {reason}"
    managers = interview.position.hiring_managers.exclude(pk=by.pk)
    return _notify(managers, kind=Notification.Kind.REOPENED, text=text, interview=interview)


def decision_recorded(decision: Decision, *, by, previous: str) -> list[Notification]:
    """Tell the interviewer of a decision recorded or changed by ``by``.

    Args:
        decision: the saved decision.
        by: the hiring manager who decided.
        previous: the outcome before this change (an ``Outcome`` value), or "" for a first
            decision. A save that changes only the note still tells the interviewer.

    Returns:
        The notifications written.
    """
    interview = decision.interview
    outcome = decision.get_outcome_display()
    if previous and previous != decision.outcome:
        text = (
            f"{person(by)} changed the decision on {_about(interview)} from "
            f"{Outcome(previous).label} to {outcome}."
        )
    elif previous:
        text = f"{person(by)} updated the note of the decision on {_about(interview)} ({outcome})."
    else:
        text = f"{person(by)} decided {outcome} on {_about(interview)}."
    if decision.note:
        text += f" Note: {decision.note}"
    recipients = [interview.interviewer] if interview.interviewer_id != by.pk else []
    return _notify(recipients, kind=Notification.Kind.DECIDED, text=text, interview=interview)


def mark_read(user, *, interview=None, reminders: bool = False) -> None:
    """Mark ``user``'s unread notifications about ``interview`` (or their reminders) as read.

    One UPDATE; called by the pages a notification leads to when ``user`` opens them.
    """
    unread = Notification.objects.filter(recipient=user, read_at__isnull=True)
    if interview is not None:
        unread = unread.filter(interview=interview)
    elif reminders:
        unread = unread.filter(kind=Notification.Kind.REMINDER)
    else:
        raise ValueError("Give an interview, or reminders=True.")
    unread.update(read_at=timezone.now())


def co_rater_invited(co_rater) -> list[Notification]:
    """Tell ``co_rater``'s rater they were invited to co-rate a screening.

    Returns:
        The notifications written.
    """
    interview = co_rater.interview
    text = (
        f"{person(co_rater.invited_by)} invited you to co-rate the screening of "
        f"{_about(interview)}. Rate it as you hear it: you see the others' ratings once you "
        "submit yours."
    )
    recipients = [co_rater.rater] if co_rater.rater_id != co_rater.invited_by_id else []
    return _notify(recipients, kind=Notification.Kind.INVITED, text=text, interview=interview)


def co_rating_submitted(co_rater) -> list[Notification]:
    """Tell the interviewer that ``co_rater`` submitted their ratings.

    Returns:
        The notifications written.
    """
    interview = co_rater.interview
    text = f"{person(co_rater.rater)} submitted their co-rating of {_about(interview)}."
    return _notify(
        [interview.interviewer], kind=Notification.Kind.CO_RATED, text=text, interview=interview
    )


def _plural(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"


def send_reminders(now: datetime.datetime | None = None) -> int:
    """Write today's reminder for everyone something waits on (once a day per person).

    A recruiter is reminded of their screenings prepared or started over a day ago and not
    submitted; a hiring manager of their positions' screenings waiting over the set number of
    working days for a decision. Someone already reminded today (``TIME_ZONE``) is skipped, so
    running it twice sends nothing twice.

    Args:
        now: the moment to judge from (default: now).

    Returns:
        How many reminders were written.
    """
    now = now or timezone.now()
    stale_before, waiting_before = overdue_cutoffs(now)
    start_of_day = timezone.localtime(now).replace(hour=0, minute=0, second=0, microsecond=0)
    unsubmitted = dict(
        Interview.objects.open()
        .filter(
            Q(started_at__lt=stale_before) | Q(started_at__isnull=True, created_at__lt=stale_before)
        )
        .values_list("interviewer")
        .annotate(total=Count("pk"))
    )
    undecided = dict(
        Interview.objects.filter(
            status=Status.SUBMITTED,
            is_latest=True,
            decision__isnull=True,
            submitted_at__lt=waiting_before,
            position__hiring_managers__isnull=False,
        )
        .values_list("position__hiring_managers")
        .annotate(total=Count("pk"))
    )
    with transaction.atomic():
        reminded = set(
            Notification.objects.filter(
                kind=Notification.Kind.REMINDER, created_at__gte=start_of_day
            ).values_list("recipient_id", flat=True)
        )
        people = get_user_model().objects.filter(
            pk__in=(set(unsubmitted) | set(undecided)) - reminded, is_active=True
        )
        written = 0
        for user in people:
            parts = []
            if total := unsubmitted.get(user.pk):
                parts.append(
                    _plural(total, "screening", "screenings")
                    + " you started over a day ago "
                    + ("is" if total == 1 else "are")
                    + " not submitted yet"
                )
            if total := undecided.get(user.pk):
                parts.append(
                    _plural(total, "screening has", "screenings have")
                    + f" waited over {settings.DECISION_WAIT_WORKING_DAYS} working days"
                    " for your decision"
                )
            text = "Waiting on you: " + "; ".join(parts) + "."
            written += len(_notify([user], kind=Notification.Kind.REMINDER, text=text))
    return written


def next_reminder_time(now: datetime.datetime | None = None) -> datetime.datetime:
    """The next working day's ``settings.REMINDER_HOUR`` o'clock (``TIME_ZONE``) after ``now``.

    Returns:
        An aware date and time, later than ``now``.
    """
    local = timezone.localtime(now or timezone.now())
    moment = local.replace(hour=settings.REMINDER_HOUR, minute=0, second=0, microsecond=0)
    while moment <= local or moment.weekday() >= 5:
        moment = (moment + datetime.timedelta(days=1)).replace(hour=settings.REMINDER_HOUR)
    return moment


def deliver_emails(limit: int = 200) -> dict[str, int]:
    """Send the emails of notifications waiting to be sent, up to ``limit`` of them.

    Each one is claimed with a conditional UPDATE first, so two workers never send the same
    email; one claimed by a worker that died is taken again after ``CLAIM_TIMEOUT``. The
    person's preference is read again at sending time. A send that fails (the mail server down
    or refusing) stays waiting for another try, queued ``RETRY_AFTER`` later, until
    ``Notification.EMAIL_ATTEMPTS`` tries have failed.

    Returns:
        Counts of ``sent``, ``off`` (turned off meanwhile), ``failed`` (tries left) and
        ``given_up`` (no tries left).
    """
    now = timezone.now()
    counts = {"sent": 0, "off": 0, "failed": 0, "given_up": 0}
    waiting = list(
        Notification.objects.filter(email_status=Notification.Email.PENDING)
        .filter(Q(email_claimed_at__isnull=True) | Q(email_claimed_at__lt=now - CLAIM_TIMEOUT))
        .select_related(
            "recipient__notification_preference", "interview__candidate", "interview__position"
        )
        .order_by("created_at")[:limit]
    )
    if not waiting:
        return counts
    for notification in waiting:
        claimed = Notification.objects.filter(
            pk=notification.pk,
            email_status=Notification.Email.PENDING,
            email_claimed_at=notification.email_claimed_at,
        ).update(email_claimed_at=now, email_attempts=F("email_attempts") + 1)
        if not claimed:
            continue  # another worker has it
        outcome = _send(notification)
        counts[outcome] += 1
    if counts["failed"]:
        queue_delivery(run_after=now + RETRY_AFTER)
    return counts


def _send(notification: Notification) -> str:
    """Send one claimed notification's email and record the outcome; return its name."""
    recipient = notification.recipient
    preference = getattr(recipient, "notification_preference", None)
    if not recipient.email or not recipient.is_active or (preference and not preference.email):
        _record(notification, Notification.Email.OFF)
        return "off"
    message = EmailMessage(
        subject=subject(notification),
        body=render_to_string(
            "interviews/email/notification.txt",
            {
                "notification": notification,
                "name": recipient.first_name or person(recipient),
                "link": settings.SITE_URL + notification.get_absolute_url(),
                "settings_link": settings.SITE_URL + "/notifications/",
            },
        ),
        to=[recipient.email],
    )
    try:
        message.send()  # its own connection: a refused or dropped one fails only this email
    except (smtplib.SMTPException, OSError):
        logger.exception("Could not email notification %s to %s.", notification.pk, recipient)
        if notification.email_attempts + 1 >= Notification.EMAIL_ATTEMPTS:
            _record(notification, Notification.Email.FAILED)
            return "given_up"
        return "failed"
    _record(notification, Notification.Email.SENT)
    return "sent"


def subject(notification: Notification) -> str:
    """The email's subject: what happened and to whom, readable in a list of emails."""
    if notification.interview is None:
        return "Interview workbench: what waits on you today"
    return f"{notification.get_kind_display()}: {_about(notification.interview)}"


def _record(notification: Notification, status: str) -> None:
    Notification.objects.filter(pk=notification.pk).update(email_status=status)
