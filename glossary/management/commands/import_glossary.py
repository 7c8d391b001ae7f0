"""``manage.py import_glossary FILE [--dry-run]``."""

from glossary.commands import ImportCommand
from glossary.content import import_glossary


class Command(ImportCommand):
    __doc__ = ImportCommand.__doc__
    help = "Import areas and glossary terms from a YAML file."
    importer = staticmethod(import_glossary)
