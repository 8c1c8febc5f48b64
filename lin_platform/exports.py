"""Not a view: how the exports write a table as a file the coordinator opens in Excel.

CSV is UTF-8 with a byte-order mark (so Excel reads the accents), with ``;`` between fields
and a decimal comma in Dutch (what Excel expects with Dutch settings); XLSX has a bold
header row that stays in view (frozen). Headers and labels come in already translated.

Cells hold what people typed (a name, a place), so a text is never written as something a
spreadsheet runs: a text starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return
(OWASP's "CSV injection") gets a leading ``'`` in CSV, and in XLSX is stored as a string cell
with Excel's quote prefix (shown as typed, never a formula). Numbers and dates stay numbers and
dates, a negative number too.
"""

import csv
import datetime
import io
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from django.http import HttpResponse
from django.utils.formats import number_format
from django.utils.functional import Promise
from openpyxl import Workbook
from openpyxl.styles import Font

FORMATS = ("csv", "xlsx")
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# Excel refuses these in a sheet's name, and names longer than 31 characters.
_SHEET_NAME_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")


# The first characters with which a spreadsheet takes a cell for a formula (OWASP).
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def _cell(value):
    """Translatable labels (lazy strings) as text in the active language."""
    return str(value) if isinstance(value, Promise) else value


def is_formula_like(value) -> bool:
    """A text a spreadsheet would take for a formula. Only texts: a negative number is a
    number."""
    return isinstance(value, str) and value.startswith(FORMULA_PREFIXES)


def _csv_cell(value):
    """As ``_cell``; fractions with the language's decimal separator (a comma in Dutch, as
    Excel expects next to the ``;``), dates as 2026-12-24 and times as 15:00, and a text that
    looks like a formula behind a ``'``. XLSX keeps fractions as numbers and dates and times
    as dates and times."""
    if isinstance(value, float | Decimal):
        return number_format(value)
    if isinstance(value, datetime.datetime):
        return value.isoformat(sep=" ", timespec="minutes")
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, datetime.time):
        return value.strftime("%H:%M")
    value = _cell(value)
    return "'" + value if is_formula_like(value) else value


# How XLSX shows dates and times: real date/time cells, read the Dutch way round.
XLSX_DATE_FORMAT = "dd-mm-yyyy"
XLSX_TIME_FORMAT = "hh:mm"


def _xlsx_append(page, values) -> None:
    """Append a row; a text that looks like a formula stays a text (a string cell with the
    quote prefix), where openpyxl would store ``=…`` as a formula. Dates and times are date
    and time cells with a readable format."""
    values = [_cell(value) for value in values]
    page.append(values)
    for column, value in enumerate(values, start=1):
        if is_formula_like(value):
            cell = page.cell(row=page.max_row, column=column)
            cell.data_type = "s"
            cell.quotePrefix = True
        elif isinstance(value, datetime.time):
            page.cell(row=page.max_row, column=column).number_format = XLSX_TIME_FORMAT
        elif isinstance(value, datetime.date) and not isinstance(value, datetime.datetime):
            page.cell(row=page.max_row, column=column).number_format = XLSX_DATE_FORMAT


@dataclass
class Sheet:
    title: str
    headers: Sequence[str]
    rows: Iterable[Sequence]


def table_response(*, fmt: str, filename: str, sheets: Sequence[Sheet]) -> HttpResponse:
    """The sheets as a download named ``filename`` plus the extension of ``fmt`` (``csv``
    or ``xlsx``). A CSV file holds one table: the first sheet."""
    if fmt == "csv":
        sheet = sheets[0]
        buffer = io.StringIO()
        writer = csv.writer(buffer, delimiter=";")
        writer.writerow([_csv_cell(str(header)) for header in sheet.headers])
        writer.writerows([_csv_cell(value) for value in row] for row in sheet.rows)
        response = HttpResponse(
            "\ufeff" + buffer.getvalue(), content_type="text/csv; charset=utf-8"
        )
    elif fmt == "xlsx":
        workbook = Workbook()
        workbook.remove(workbook.active)
        for sheet in sheets:
            page = workbook.create_sheet(_SHEET_NAME_FORBIDDEN.sub("-", str(sheet.title))[:31])
            _xlsx_append(page, [str(header) for header in sheet.headers])
            for cell in page[1]:
                cell.font = Font(bold=True)
            for row in sheet.rows:
                _xlsx_append(page, row)
            page.freeze_panes = "A2"
        output = io.BytesIO()
        workbook.save(output)
        response = HttpResponse(output.getvalue(), content_type=XLSX_TYPE)
    else:
        raise ValueError(f"unknown export format {fmt!r}")
    response["Content-Disposition"] = f'attachment; filename="{filename}.{fmt}"'
    return response
