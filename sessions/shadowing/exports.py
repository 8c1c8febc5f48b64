"""The coordinator's export of the shadowing pattern: the sheets it holds, built from what
the selectors read. No request handling; the view checks who may export and writes the
file with ``lin_platform.exports.table_response``."""

from datetime import date

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy

from accounts.choices import Domain, Profession
from lin_platform.exports import Sheet
from networks.models import Network

from . import selectors
from .choices import Dagdeel, ShadowingStatus

EXPORT_HEADERS = {
    "date": gettext_lazy("date"),
    "dagdeel": gettext_lazy("half-day"),
    "from": pgettext_lazy("start time", "from"),
    "until": pgettext_lazy("end time", "until"),
    "hours": gettext_lazy("hours"),
    "status": gettext_lazy("status"),
    "shadower": gettext_lazy("who shadows"),
    "shadower_profession": gettext_lazy("profession of who shadows"),
    "shadower_domain": gettext_lazy("domain of who shadows"),
    "host": gettext_lazy("host"),
    "host_profession": gettext_lazy("host's profession"),
    "host_domain": gettext_lazy("host's domain"),
    "host_network": gettext_lazy("host's network"),
    "organisation": gettext_lazy("organisation"),
    "place": gettext_lazy("place"),
}


def _label(choices, code: str) -> str:
    """The label of ``code`` in the active language (the code itself if it is unknown)."""
    return str(dict(choices.choices).get(code, code))


def day_row(day) -> list:
    """One shadowing day as a row under ``EXPORT_HEADERS``."""
    return [
        day.date.isoformat(),
        _label(Dagdeel, day.dagdeel),
        day.starts_at.strftime("%H:%M"),
        day.ends_at.strftime("%H:%M"),
        float(day.hours),
        _label(ShadowingStatus, day.status),
        str(day.shadower),
        _label(Profession, day.shadower.profession),
        _label(Domain, day.shadower.domain),
        str(day.host),
        _label(Profession, day.host.profession),
        _label(Domain, day.host.domain),
        day.host_network.name,
        day.organisation_name,
        day.place,
    ]


def pattern_filename(network: Network, start: date, end: date) -> str:
    """The file's name without its extension."""
    return f"meelopen-{network.slug}-{start.isoformat()}-{end.isoformat()}"


def pattern_sheets(network: Network, start: date, end: date, *, summaries: bool) -> list[Sheet]:
    """The days from ``start`` to ``end``; with ``summaries`` (a workbook holds more than
    one sheet, a CSV file does not) also who shadowed whom and the hours per domain."""
    sheets = [
        Sheet(
            _("Shadowing days"),
            list(EXPORT_HEADERS.values()),
            [day_row(day) for day in selectors.export_rows(network, start, end)],
        )
    ]
    if summaries:
        matrix = selectors.pattern_matrix(network, start, end)
        sheets += [
            Sheet(
                _("Who shadowed whom"),
                [_("Shadowed by ↓ / host →"), *[label for _code, label in matrix.host_professions]],
                [
                    [label, *[(cell or {}).get("days", 0) for cell in cells]]
                    for label, cells in matrix.table
                ],
            ),
            Sheet(
                _("Hours per domain"),
                [_("domain"), _("days"), _("hours")],
                [
                    [tally.label, tally.days, float(tally.hours)]
                    for tally in matrix.hours_per_domain
                ],
            ),
        ]
    return sheets
