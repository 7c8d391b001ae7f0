"""``manage.py schedule_reminders``."""

from django.core.management.base import BaseCommand

from interviews.notifications import next_reminder_time
from interviews.tasks import schedule_reminders


class Command(BaseCommand):
    """Queue the daily reminder's next run, unless one is queued already (idempotent).

    Run before starting the task worker (``make run``, ``make serve`` and the compose file's
    ``worker`` service do); each run then queues the next one itself.
    """

    help = "Queue the daily reminder's next run unless one is queued already."

    def handle(self, *args: object, **options: object) -> None:
        if schedule_reminders():
            self.stdout.write(f"Daily reminder queued for {next_reminder_time():%a %d %b %H:%M}.")
        else:
            self.stdout.write("The daily reminder is queued already.")
