"""Background tasks (Django's Tasks framework; run by ``manage.py db_worker``).

``deliver_emails`` is queued after every commit that writes notifications to email;
``daily_reminders`` runs every working day at ``settings.REMINDER_HOUR`` and queues its own next
run; ``schedule_reminders`` makes sure exactly one next run is queued (the worker's start-up runs
it, see the ``schedule_reminders`` command).
"""

import datetime

from django.db.models import Q
from django.tasks import TaskResultStatus, task
from django.utils import timezone

from . import notifications

RUNNING_AT_MOST = datetime.timedelta(hours=1)  # a daily run takes seconds


@task
def deliver_emails() -> dict[str, int]:
    """Send the notification emails waiting to be sent.

    Returns:
        Counts of emails sent, turned off, failed and given up (see
        ``notifications.deliver_emails``).
    """
    return notifications.deliver_emails()


@task
def daily_reminders() -> int:
    """Write and email today's reminders, retry emails left unsent, then queue the next run.

    Returns:
        How many reminders were written.
    """
    try:
        written = notifications.send_reminders()
        notifications.deliver_emails()
    finally:  # a failing run still queues tomorrow's
        schedule_reminders(exclude_running=True)
    return written


def schedule_reminders(*, exclude_running: bool = False) -> bool:
    """Queue the next daily reminder run unless one is queued already.

    A run shown as running for over an hour is taken for one whose worker was killed.

    Args:
        exclude_running: do not count a run in progress (the run queueing its successor).

    Returns:
        True if a run was queued, False if one was queued already.
    """
    from django_tasks_db.models import DBTaskResult  # the configured backend's queue

    pending = Q(status=TaskResultStatus.READY)
    if not exclude_running:
        pending |= Q(
            status=TaskResultStatus.RUNNING, started_at__gte=timezone.now() - RUNNING_AT_MOST
        )
    if DBTaskResult.objects.filter(pending, task_path=daily_reminders.module_path).exists():
        return False
    daily_reminders.using(run_after=notifications.next_reminder_time()).enqueue()
    return True
