"""The exports funders and accreditation ask for: attendance (one row per person per
meeting) and learning hours (one row per person). The sheets are built here from the
records the selectors read; no request handling: the view checks who may export and writes
the file with ``lin_platform.exports.table_response`` (dates and times as real XLSX dates
and times, hours as numbers)."""

from datetime import date
from decimal import Decimal

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts.choices import Domain, Profession
from lin_platform.exports import Sheet
from networks.choices import Role

from .choices import AttendanceStatus, MeetingFormat
from .rules import local_zone
from .selectors.attendance import AttendanceRecord, attendance_records
from .selectors.hours import ATTENDED, PersonHours, hours_per_person

HEADERS = {
    "date": gettext_lazy("date"),
    "start": gettext_lazy("start time"),
    "end": gettext_lazy("end time"),
    "title": gettext_lazy("meeting"),
    "format": gettext_lazy("format"),
    "person": gettext_lazy("person"),
    "role": gettext_lazy("role"),
    "profession": gettext_lazy("profession"),
    "domain": gettext_lazy("domain"),
    "status": gettext_lazy("status"),
    "hours": gettext_lazy("learning hours"),
}

HOURS_HEADERS = [
    gettext_lazy("person"),
    gettext_lazy("role"),
    gettext_lazy("profession"),
    gettext_lazy("domain"),
    gettext_lazy("meetings attended"),
    gettext_lazy("learning hours"),
]


def attendance_filename(network, start: date, end: date) -> str:
    """The file's name without its extension."""
    return f"aanwezigheid-{network.slug}-{start.isoformat()}-{end.isoformat()}"


def hours_filename(network, start: date, end: date) -> str:
    return f"leeruren-{network.slug}-{start.isoformat()}-{end.isoformat()}"


def attendance_rows(records: list[AttendanceRecord]) -> list[list]:
    """One row per record, labels in the active language; the date and times as date and
    time values (local), the learning hours it counts for as a number (0 when absent)."""
    formats = dict(MeetingFormat.choices)
    professions = dict(Profession.choices)
    statuses = dict(AttendanceStatus.choices)
    role_labels = dict(Role.choices)
    zone = local_zone()
    rows = []
    for record in records:
        meeting, user = record.attendance.meeting, record.attendance.user
        status = record.attendance.status
        starts = timezone.localtime(meeting.starts_at, zone)
        ends = timezone.localtime(meeting.ends_at, zone)
        rows.append(
            [
                record.day,
                starts.time().replace(second=0, microsecond=0, tzinfo=None),
                ends.time().replace(second=0, microsecond=0, tzinfo=None),
                meeting.title,
                str(formats.get(meeting.format, meeting.format)),
                user.get_full_name(),
                str(role_labels.get(record.role, record.role)),
                str(professions.get(user.profession, user.profession)),
                str(Domain(user.domain).label),
                str(statuses.get(status, status)),
                meeting.hours if status in ATTENDED else Decimal("0.00"),
            ]
        )
    return rows


def attendance_sheets(network, start: date, end: date) -> list[Sheet]:
    """The attendance in ``network``'s meetings from ``start`` to ``end`` (inclusive)."""
    return [
        Sheet(
            _("Attendance"),
            list(HEADERS.values()),
            attendance_rows(attendance_records(network, start, end)),
        )
    ]


def hours_rows(people: list[PersonHours]) -> list[list]:
    professions = dict(Profession.choices)
    role_labels = dict(Role.choices)
    return [
        [
            p.user.get_full_name(),
            str(role_labels.get(p.role, p.role)),
            str(professions.get(p.user.profession, p.user.profession)),
            str(Domain(p.user.domain).label),
            p.meetings,
            p.hours,
        ]
        for p in people
    ]


def hours_sheets(network, start: date, end: date) -> list[Sheet]:
    """Everyone's learning hours in ``network`` from ``start`` to ``end`` (inclusive)."""
    return [
        Sheet(_("Learning hours"), HOURS_HEADERS, hours_rows(hours_per_person(network, start, end)))
    ]
