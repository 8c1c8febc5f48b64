"""Attendance: registered by the coordinator or facilitator, or checked in by attendees
themselves with the short code shown on screen during the meeting."""

from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from ..choices import AttendanceStatus, MeetingStatus
from ..models import Attendance, Meeting

# Check-in opens this long before the start and closes at the end.
CHECKIN_OPENS_BEFORE = timedelta(minutes=30)
# Checking in later than this after the start counts as late.
LATE_AFTER = timedelta(minutes=10)


def checkin_window_open(meeting: Meeting, *, now=None) -> bool:
    now = now or timezone.now()
    return (
        meeting.status != MeetingStatus.CANCELLED
        and meeting.starts_at - CHECKIN_OPENS_BEFORE <= now <= meeting.ends_at
    )


def checkin_window_problem(meeting: Meeting, *, now=None) -> str | None:
    """Why checking in is not possible now, saying when it opens (None when it is open)."""
    now = now or timezone.now()
    if meeting.status == MeetingStatus.CANCELLED:
        return _("This meeting was cancelled; there is nothing to check in to.")
    opens = timezone.localtime(meeting.starts_at - CHECKIN_OPENS_BEFORE)
    closes = timezone.localtime(meeting.ends_at)
    if now < meeting.starts_at - CHECKIN_OPENS_BEFORE:
        return _("Checking in opens on %(date)s at %(time)s, 30 minutes before the start.") % {
            "date": date_format(opens, "l j F Y"),
            "time": date_format(opens, "H:i"),
        }
    if now > meeting.ends_at:
        return _("This meeting has ended; checking in closed on %(date)s at %(time)s.") % {
            "date": date_format(closes, "l j F Y"),
            "time": date_format(closes, "H:i"),
        }
    return None


@transaction.atomic
def attendance_register(*, meeting: Meeting, statuses: dict[int, str], registered_by) -> int:
    """Record the status of each person (user id → status; empty status = not recorded).

    Side effects: creates, updates or deletes one Attendance row per person. Returns the
    number of people whose attendance is recorded afterwards.
    """
    if meeting.status == MeetingStatus.CANCELLED:
        raise ValidationError(_("This meeting was cancelled; there is no attendance to record."))
    existing = {a.user_id: a for a in Attendance.objects.filter(meeting=meeting)}
    to_create, to_update, to_delete = [], [], []
    for user_id, status in statuses.items():
        if status and status not in AttendanceStatus.values:
            raise ValidationError(_("Unknown attendance status."))
        row = existing.get(user_id)
        if not status:
            if row is not None:
                to_delete.append(row.pk)
        elif row is None:
            to_create.append(
                Attendance(
                    meeting=meeting, user_id=user_id, status=status, registered_by=registered_by
                )
            )
        elif row.status != status:
            row.status = status
            row.registered_by = registered_by
            to_update.append(row)
    Attendance.objects.filter(pk__in=to_delete).delete()
    Attendance.objects.bulk_create(to_create)
    now = timezone.now()
    for row in to_update:
        row.updated_at = now
    Attendance.objects.bulk_update(to_update, ["status", "registered_by", "updated_at"])
    return Attendance.objects.filter(meeting=meeting).count()


@transaction.atomic
def attendance_check_in(*, meeting: Meeting, user, code: str, now=None) -> Attendance:
    """Check oneself in with the code on screen.

    Side effect: the person's Attendance row becomes present (late when more than ten
    minutes after the start). Raises ValidationError, changing nothing, for a wrong code or
    outside the window from 30 minutes before the start to the end.
    """
    now = now or timezone.now()
    if meeting.status == MeetingStatus.CANCELLED:
        raise ValidationError(_("This meeting was cancelled; there is nothing to check in to."))
    if not checkin_window_open(meeting, now=now):
        raise ValidationError(checkin_window_problem(meeting, now=now))
    if code.strip().upper().replace(" ", "") != meeting.checkin_code:
        raise ValidationError(_("This check-in code is not right. Check the code on screen."))
    status = (
        AttendanceStatus.LATE if now > meeting.starts_at + LATE_AFTER else AttendanceStatus.PRESENT
    )
    attendance, created = Attendance.objects.get_or_create(
        meeting=meeting,
        user=user,
        defaults={"status": status, "checked_in_at": now, "registered_by": user},
    )
    if not created and attendance.checked_in_at is None:
        attendance.checked_in_at = now
        if attendance.status in (AttendanceStatus.ABSENT, AttendanceStatus.EXCUSED):
            attendance.status = status
        attendance.save(update_fields=["checked_in_at", "status", "updated_at"])
    return attendance
