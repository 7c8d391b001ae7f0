"""CSV exports: a response with a byte-order mark, and cells no spreadsheet runs as a formula."""

import csv
from collections.abc import Iterable

from django.http import HttpResponse

# A cell starting with one of these is a formula (or becomes one) in Excel, LibreOffice and
# Google Sheets; OWASP's advice is to prefix it with a single quote so it is shown as text.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: object) -> object:
    """``value``, or, for text a spreadsheet would run as a formula, that text behind a quote.

    Numbers are left alone (a negative number is a number, not a formula).
    """
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


class CsvResponse(HttpResponse):
    """A UTF-8 CSV download; write rows with :meth:`writerow`, cells are made safe.

    Args:
        filename: the name the browser saves the file under.
    """

    def __init__(self, filename: str) -> None:
        super().__init__(content_type="text/csv; charset=utf-8")
        self["Content-Disposition"] = f'attachment; filename="{filename}"'
        self.write("\ufeff")  # so spreadsheet programs read the file as UTF-8
        self._writer = csv.writer(self)

    def writerow(self, row: Iterable[object]) -> None:
        """Write one row, neutralising cells that would start a formula."""
        self._writer.writerow([safe_cell(cell) for cell in row])
