"""Base classes for the content import and export management commands."""

from collections.abc import Callable
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from .content import ContentError, Report


class ImportCommand(BaseCommand):
    """``import_x FILE [--dry-run]``: validate a content file, then upsert it in one transaction.

    Subclasses set ``importer`` (a function taking the path and ``dry_run``, returning a
    :class:`Report`). Every problem is printed as ``file:line: item slug: field: what is wrong``
    and the command exits non-zero with the database unchanged.
    """

    importer: Callable[..., Report]

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", help="The YAML file to import (see docs/content-format.md).")
        parser.add_argument(
            "--dry-run", action="store_true", help="Check and report; save nothing."
        )

    def handle(self, *args: object, file: str, dry_run: bool, **options: object) -> None:
        try:
            report = self.importer(file, dry_run=dry_run)
        except ContentError as exc:
            raise CommandError(
                f"{file}: nothing imported, {len(exc.problems)} problem(s):\n{exc}"
            ) from exc
        prefix = "Dry run, nothing saved. Would have: " if dry_run else ""
        for line in report.lines():
            self.stdout.write(prefix + line)


class ExportCommand(BaseCommand):
    """``export_x [FILE]``: write the content as YAML to FILE or standard output.

    Subclasses set ``exporter`` (a function returning the file's text).
    """

    exporter: Callable[[], str]

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", nargs="?", help="Where to write; standard output if omitted.")

    def handle(self, *args: object, file: str | None, **options: object) -> None:
        text = self.exporter()
        if file:
            Path(file).write_text(text, encoding="utf-8")
            self.stderr.write(f"Wrote {file}")
        else:
            self.stdout.write(text, ending="")
