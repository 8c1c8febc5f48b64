"""The period report as files: a PDF (A4, WeasyPrint) with the network's name and period,
the coordinator's text and the dashboard's sections with their charts, and an appendix
with every table; and an XLSX with every table on its own sheet (lin_platform/exports.py).

WeasyPrint fetches nothing from the network: the charts are ``data:`` URIs and any other
address is refused (the platform runs inside a closed care network)."""

from __future__ import annotations

from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from lin_platform.exports import Sheet, table_response

from . import selectors
from .models import PeriodText


def _filename(network, period) -> str:
    return f"{slugify(network.slug)}-{period.start:%Y%m%d}-{period.end:%Y%m%d}"


def report_pdf(*, network, period) -> bytes:
    from weasyprint import HTML
    from weasyprint.urls import URLFetcher

    sections = selectors.dashboard(network, period)
    text = PeriodText.objects.filter(
        network=network, starts_on=period.start, ends_on=period.end
    ).first()
    html = render_to_string(
        "reports/report_pdf.html",
        {
            "network": network,
            "period": period,
            "sections": sections,
            "text": text,
            "made_on": timezone.localdate(),
        },
    )
    return HTML(string=html, url_fetcher=URLFetcher(allowed_protocols={"data"})).write_pdf()


def report_pdf_response(*, network, period) -> HttpResponse:
    response = HttpResponse(
        report_pdf(network=network, period=period), content_type="application/pdf"
    )
    response["Content-Disposition"] = f'attachment; filename="{_filename(network, period)}.pdf"'
    response["Cache-Control"] = "private"
    return response


def report_sheets(*, network, period) -> list[Sheet]:
    sheets = [
        Sheet(
            _("Report"),
            [_("Network"), _("From"), _("To")],
            [[network.name, period.start, period.end]],
        )
    ]
    for section in selectors.dashboard(network, period):
        if section.empty:
            sheets.append(Sheet(section.title, [section.title], [[_("No data in this period.")]]))
            continue
        for table in section.tables:
            sheets.append(Sheet(table.title, table.headers, table.rows))
    return sheets


def report_xlsx_response(*, network, period) -> HttpResponse:
    response = table_response(
        fmt="xlsx",
        filename=_filename(network, period),
        sheets=report_sheets(network=network, period=period),
    )
    response["Cache-Control"] = "private"
    return response
