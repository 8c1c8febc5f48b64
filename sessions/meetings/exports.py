"""The attendance export funders ask for: the sheets it holds, built from the records the
selectors read. No request handling; the view checks who may export and writes the file
with ``lin_platform.exports.table_response``."""

from datetime import date

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts.choices import Domain, Profession
from lin_platform.exports import Sheet
from networks.choices import Role

from .choices import AttendanceStatus, MeetingFormat
from .selectors.attendance import AttendanceRecord, attendance_records

HEADERS = {
    "date": gettext_lazy("date"),
    "format": gettext_lazy("format"),
    "person": gettext_lazy("person"),
    "role": gettext_lazy("role"),
    "profession": gettext_lazy("profession"),
    "domain": gettext_lazy("domain"),
    "status": gettext_lazy("status"),
}


def attendance_filename(network, start: date, end: date) -> str:
    """The file's name without its extension."""
    return f"aanwezigheid-{network.slug}-{start.isoformat()}-{end.isoformat()}"


def attendance_rows(records: list[AttendanceRecord]) -> list[list[str]]:
    """One row per record, labels in the active language."""
    formats = dict(MeetingFormat.choices)
    professions = dict(Profession.choices)
    statuses = dict(AttendanceStatus.choices)
    role_labels = dict(Role.choices)
    rows = []
    for record in records:
        meeting, user = record.attendance.meeting, record.attendance.user
        status = record.attendance.status
        rows.append(
            [
                record.day.isoformat(),
                str(formats.get(meeting.format, meeting.format)),
                user.get_full_name(),
                str(role_labels.get(record.role, record.role)),
                str(professions.get(user.profession, user.profession)),
                str(Domain(user.domain).label),
                str(statuses.get(status, status)),
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
