"""``manage.py export_bank [FILE]``."""

from glossary.commands import ExportCommand
from interviews.content import export_bank


class Command(ExportCommand):
    __doc__ = ExportCommand.__doc__
    help = "Export questions, red flags and interview kits as YAML."
    exporter = staticmethod(export_bank)
