"""``manage.py import_bank FILE [--dry-run]``."""

from glossary.commands import ImportCommand
from interviews.content import import_bank


class Command(ImportCommand):
    __doc__ = ImportCommand.__doc__
    help = "Import questions, red flags and interview kits from a YAML file."
    importer = staticmethod(import_bank)
