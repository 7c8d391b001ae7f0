"""``manage.py load_default_content [--if-empty]``."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction

from glossary.content import ContentError, import_glossary
from interviews.content import import_bank
from interviews.models import Question


class Command(BaseCommand):
    """Load the shipped glossary and question bank (content/glossary.yaml, content/bank.yaml).

    Idempotent: items are upserted by slug, so running it twice changes nothing. It does bring
    shipped items back to their shipped text, so ``make run`` passes ``--if-empty`` to load only
    into a database without questions. Exits non-zero, with nothing saved, if a file has problems.
    """

    help = "Load the shipped glossary and question bank (idempotent)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--if-empty", action="store_true", help="Load only into an empty bank.")

    def handle(self, *args: object, if_empty: bool, **options: object) -> None:
        if if_empty and Question.objects.exists():
            self.stdout.write("The question bank is not empty: default content not loaded.")
            return
        glossary_file = settings.CONTENT_DIR / "glossary.yaml"
        bank_file = settings.CONTENT_DIR / "bank.yaml"
        try:
            with transaction.atomic():
                reports = [import_glossary(glossary_file), import_bank(bank_file)]
        except ContentError as exc:
            raise CommandError(f"Default content not loaded:\n{exc}") from exc
        for report in reports:
            for line in report.lines():
                self.stdout.write(line)
