"""``manage.py export_glossary [FILE]``."""

from glossary.commands import ExportCommand
from glossary.content import export_glossary


class Command(ExportCommand):
    __doc__ = ExportCommand.__doc__
    help = "Export areas and glossary terms as YAML."
    exporter = staticmethod(export_glossary)
