"""``manage.py update_vocabulary DIR``: rebuild the recognised vocabulary (``make vocabulary``)."""

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from glossary.vocabulary import DATA, build

FILES = ("languages.json", "devicon.json", "simple-icons.json")


class Command(BaseCommand):
    help = (
        "Rebuild glossary/data/recognised.json from linguist-languages, devicon and simple-icons "
        "data dumped as JSON into one directory (make vocabulary does both steps)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "directory",
            help="directory holding languages.json, devicon.json and simple-icons.json "
            '(each {"name", "version", "license", ...}; see the Makefile)',
        )

    def handle(self, *args: object, directory: str, **options: object) -> None:
        """Write the vocabulary file and say how many terms it holds.

        Raises:
            CommandError: a file cannot be read or lacks the expected keys.
        """
        packages = []
        for name in FILES:
            path = Path(directory) / name
            try:
                packages.append(json.loads(path.read_text(encoding="utf-8")))
            except (OSError, ValueError) as exc:
                raise CommandError(f"{path}: cannot be read ({exc})") from exc
        try:
            vocabulary = build(*packages)
        except (KeyError, TypeError) as exc:
            raise CommandError(
                f"{directory}: not the expected package data (missing {exc})"
            ) from exc
        text = json.dumps(vocabulary, ensure_ascii=False, indent=1) + "\n"
        DATA.write_text(text, encoding="utf-8")
        used = ", ".join(f"{s['package']} ({s['licence']})" for s in vocabulary["sources"])
        self.stdout.write(f"Wrote {DATA.name}: {len(vocabulary['terms'])} terms from {used}.")
