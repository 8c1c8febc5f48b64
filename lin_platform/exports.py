"""Not a view: how the exports write a table as a file the coordinator opens in Excel.

CSV is UTF-8 with a byte-order mark (so Excel reads the accents), with ``;`` between fields
and a decimal comma in Dutch (what Excel expects with Dutch settings); XLSX has a bold
header row that stays in view (frozen). Headers and labels come in already translated.
"""

import csv
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


def _cell(value):
    """Translatable labels (lazy strings) as text in the active language."""
    return str(value) if isinstance(value, Promise) else value


def _csv_cell(value):
    """As ``_cell``; fractions with the language's decimal separator (a comma in Dutch, as
    Excel expects next to the ``;``). XLSX keeps them as numbers."""
    if isinstance(value, float | Decimal):
        return number_format(value)
    return _cell(value)


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
        writer.writerow([str(header) for header in sheet.headers])
        writer.writerows([_csv_cell(value) for value in row] for row in sheet.rows)
        response = HttpResponse(
            "\ufeff" + buffer.getvalue(), content_type="text/csv; charset=utf-8"
        )
    elif fmt == "xlsx":
        workbook = Workbook()
        workbook.remove(workbook.active)
        for sheet in sheets:
            page = workbook.create_sheet(_SHEET_NAME_FORBIDDEN.sub("-", str(sheet.title))[:31])
            page.append([str(header) for header in sheet.headers])
            for cell in page[1]:
                cell.font = Font(bold=True)
            for row in sheet.rows:
                page.append([_cell(value) for value in row])
            page.freeze_panes = "A2"
        output = io.BytesIO()
        workbook.save(output)
        response = HttpResponse(output.getvalue(), content_type=XLSX_TYPE)
    else:
        raise ValueError(f"unknown export format {fmt!r}")
    response["Content-Disposition"] = f'attachment; filename="{filename}.{fmt}"'
    return response
