"""Reads of attendance: who is on the attendance form, and the records of the export funders
ask for (``exports`` writes them as rows)."""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.db.models import Q
from django.utils import timezone

from networks.choices import Role
from networks.models import Membership

from ..choices import RsvpAnswer
from ..models import Attendance, Meeting, Rsvp
from ..rules import local_zone


@dataclass
class AttendanceLine:
    user: object
    role: str
    status: str
    checked_in_at: datetime | None

    @property
    def role_label(self) -> str:
        return Role(self.role).label if self.role in Role.values else self.role


def attendance_people(meeting: Meeting) -> list[AttendanceLine]:
    """The network's current members, invited networks' members who said yes, and anyone
    whose attendance is recorded already; sorted by name."""
    memberships = list(
        Membership.objects.current()
        .filter(network=meeting.network)
        .select_related("user")
        .order_by("user__full_name", "user__email")
    )
    people = {m.user_id: m.user for m in memberships}
    roles = {m.user_id: m.role for m in memberships}
    invited_ids = list(meeting.invited_networks.values_list("pk", flat=True))
    if invited_ids:
        guests = list(
            Rsvp.objects.filter(
                meeting=meeting,
                answer=RsvpAnswer.YES,
                waitlisted=False,
                user__memberships__network_id__in=invited_ids,
            ).select_related("user")
        )
        for rsvp in guests:
            people.setdefault(rsvp.user_id, rsvp.user)
    attendances = {
        a.user_id: a for a in Attendance.objects.filter(meeting=meeting).select_related("user")
    }
    for user_id, attendance in attendances.items():
        people.setdefault(user_id, attendance.user)
    missing_roles = [uid for uid in people if uid not in roles]
    if missing_roles:
        for user_id, role in (
            Membership.objects.filter(user_id__in=missing_roles)
            .filter(Q(network_id__in=invited_ids) | Q(network=meeting.network))
            .order_by("-starts_on")
            .values_list("user_id", "role")
        ):
            roles.setdefault(user_id, role)
    lines = [
        AttendanceLine(
            user=user,
            role=roles.get(user_id, Role.GUEST),
            status=attendances[user_id].status if user_id in attendances else "",
            checked_in_at=attendances[user_id].checked_in_at if user_id in attendances else None,
        )
        for user_id, user in people.items()
    ]
    lines.sort(key=lambda line: (line.user.full_name or line.user.email).lower())
    return lines


@dataclass
class AttendanceRecord:
    """One recorded attendance for the export: the meeting's local date, the attendance
    (with its meeting and user loaded) and the person's role on that date."""

    day: date
    attendance: Attendance
    role: str


def attendance_records(network, start: date, end: date) -> list[AttendanceRecord]:
    """Each recorded attendance in ``network``'s meetings from ``start`` to ``end``
    (inclusive, local dates), oldest first; the role is the person's role in the network
    on the meeting's date (or in the invited network they came from)."""
    zone = local_zone()
    since = datetime.combine(start, time(0, 0)).replace(tzinfo=zone)
    until = datetime.combine(end + timedelta(days=1), time(0, 0)).replace(tzinfo=zone)
    attendances = list(
        Attendance.objects.filter(
            meeting__network=network, meeting__starts_at__gte=since, meeting__starts_at__lt=until
        )
        .select_related("meeting", "user")
        .order_by("meeting__starts_at", "user__full_name", "user__email")
    )
    user_ids = {a.user_id for a in attendances}
    memberships: dict[int, list] = {}
    for m in (
        Membership.objects.filter(user_id__in=user_ids)
        .filter(Q(network=network) | Q(network__guest_meetings__network=network))
        .distinct()
        .order_by("starts_on")
    ):
        memberships.setdefault(m.user_id, []).append(m)
    records = []
    for attendance in attendances:
        day = timezone.localtime(attendance.meeting.starts_at, zone).date()
        role = _role_on(memberships.get(attendance.user_id, []), network.pk, day)
        records.append(AttendanceRecord(day=day, attendance=attendance, role=role))
    return records


def _role_on(memberships: list, network_id: int, day: date) -> str:
    def covers(m) -> bool:
        return m.starts_on <= day and (m.ends_on is None or m.ends_on >= day)

    for prefer_own in (True, False):
        for m in reversed(memberships):
            if (m.network_id == network_id) == prefer_own and covers(m):
                return m.role
    own = [m for m in memberships if m.network_id == network_id]
    if own:
        return own[-1].role
    return memberships[-1].role if memberships else Role.GUEST
