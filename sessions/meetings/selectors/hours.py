"""Reads of learning hours: the meetings a person attended in a period, per network, and
everyone's hours in a network for the coordinator's export.

A meeting counts when the person is registered (or checked in) present or late and the
meeting was not cancelled; it counts for its learning hours (``Meeting.hours``: as set when
planning, else its length). Periods are local (Europe/Amsterdam) dates, both ends included.
"""

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from django.utils import timezone

from networks.choices import Role
from networks.models import Membership

from ..choices import AttendanceStatus, MeetingStatus
from ..models import Attendance, Certificate, Meeting
from ..rules import local_zone

ATTENDED = (AttendanceStatus.PRESENT, AttendanceStatus.LATE)


def default_period(today: date | None = None) -> tuple[date, date]:
    """The year so far; in January the whole of last year (what an accreditation asks)."""
    today = today or timezone.localdate()
    if today.month == 1:
        return date(today.year - 1, 1, 1), date(today.year - 1, 12, 31)
    return date(today.year, 1, 1), today


def _bounds(start: date, end: date) -> tuple[datetime, datetime]:
    zone = local_zone()
    since = datetime.combine(start, time(0, 0)).replace(tzinfo=zone)
    until = datetime.combine(end + timedelta(days=1), time(0, 0)).replace(tzinfo=zone)
    return since, until


def attended(queryset, start: date, end: date):
    """``queryset`` of Attendance narrowed to meetings held from ``start`` to ``end`` that
    count: present or late, not cancelled."""
    since, until = _bounds(start, end)
    return queryset.filter(
        status__in=ATTENDED,
        meeting__starts_at__gte=since,
        meeting__starts_at__lt=until,
    ).exclude(meeting__status=MeetingStatus.CANCELLED)


@dataclass
class NetworkHours:
    network: object
    meetings: list[Meeting] = field(default_factory=list)

    @property
    def hours(self) -> Decimal:
        return sum((m.hours for m in self.meetings), Decimal("0.00"))


def hours_of(user, start: date, end: date) -> list[NetworkHours]:
    """The person's attended meetings in the period, grouped per network (by name), oldest
    meeting first; one query."""
    rows = (
        attended(Attendance.objects.filter(user=user), start, end)
        .select_related("meeting__network")
        .order_by("meeting__network__name", "meeting__starts_at")
    )
    groups: dict[int, NetworkHours] = {}
    for attendance in rows:
        meeting = attendance.meeting
        groups.setdefault(meeting.network_id, NetworkHours(meeting.network)).meetings.append(
            meeting
        )
    return list(groups.values())


def hours_in_network(user, network, start: date, end: date) -> NetworkHours:
    """The person's attended meetings of one network in the period."""
    for group in hours_of(user, start, end):
        if group.network.pk == network.pk:
            return group
    return NetworkHours(network)


@dataclass
class PersonHours:
    user: object
    role: str
    meetings: int
    hours: Decimal


def hours_per_person(network, start: date, end: date) -> list[PersonHours]:
    """Everyone who attended a meeting of ``network`` in the period (members and guests from
    invited networks), with their number of meetings and hours, sorted by name; the role is
    the person's latest role in the network (guest when they were never a member)."""
    rows = (
        attended(Attendance.objects.filter(meeting__network=network), start, end)
        .select_related("user", "meeting")
        .order_by("user__full_name", "user__email", "meeting__starts_at")
    )
    people: dict[int, PersonHours] = {}
    for attendance in rows:
        entry = people.setdefault(
            attendance.user_id, PersonHours(attendance.user, "", 0, Decimal("0.00"))
        )
        entry.meetings += 1
        entry.hours += attendance.meeting.hours
    roles = dict(
        Membership.objects.filter(network=network, user_id__in=list(people))
        .order_by("starts_on")
        .values_list("user_id", "role")
    )
    for user_id, entry in people.items():
        entry.role = roles.get(user_id, Role.GUEST)
    return sorted(
        people.values(), key=lambda p: ((p.user.full_name or p.user.email).lower(), p.user.pk)
    )


def certificate_find(code: str) -> Certificate | None:
    """The certificate with this verification code (dashes, spaces and case ignored)."""
    cleaned = "".join(code.split()).replace("-", "").upper()
    if not cleaned or len(cleaned) > 16:
        return None
    return Certificate.objects.filter(code=cleaned).first()
