"""Networks side by side: one row of key indicators per network for a period, for staff
(every network) and for people who coordinate several networks (the networks they
coordinate). Each indicator is read for all networks at once (grouped by network), so the
number of queries does not grow with the number of networks."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, Q, Sum
from django.utils.translation import gettext_lazy as _

from networks.choices import Role
from networks.models import Membership, Network
from sessions.meetings.choices import MeetingStatus
from sessions.meetings.models import Attendance, Meeting
from sessions.shadowing.choices import ShadowingStatus
from sessions.shadowing.models import ShadowingDay

from .choices import Outcome
from .models import Placement
from .selectors import BOTH, PRESENT, Period, domain_of, pct


@dataclass(frozen=True)
class Column:
    key: str
    label: str


COLUMNS = (
    Column("name", _("Network")),
    Column("meetings", _("Meetings")),
    Column("attendance_rate", _("Attendance rate (%)")),
    Column("people", _("People reached")),
    Column("both_domains", _("Meetings with both domains (%)")),
    Column("shadowing_days", _("Shadowing days")),
    Column("shadowing_hours", _("Shadowing hours")),
    Column("placed", _("Interns placed")),
    Column("accepted", _("Contracts accepted")),
)
KEYS = tuple(column.key for column in COLUMNS)


def comparable_networks(user):
    """Every network for staff; otherwise the networks ``user`` coordinates now."""
    if user.is_staff:
        return Network.objects.order_by("name")
    ids = Membership.objects.current().filter(user=user, role=Role.COORDINATOR).values("network_id")
    return Network.objects.filter(pk__in=ids).order_by("name")


def dashboard_network_ids(user) -> set[int]:
    """The networks whose dashboard ``user`` sees as coordinator or researcher."""
    return set(
        Membership.objects.current()
        .filter(user=user, role__in=(Role.COORDINATOR, Role.RESEARCHER))
        .values_list("network_id", flat=True)
    )


def can_compare(user, memberships=None) -> bool:
    """Staff, and people who coordinate at least two networks (``memberships``: their
    current memberships when the caller has them already, to spare a query)."""
    if not user.is_authenticated:
        return False
    if user.is_staff:
        return True
    if memberships is None:
        memberships = Membership.objects.current().filter(user=user)
    return sum(1 for m in memberships if m.role == Role.COORDINATOR) >= 2


def compare(networks: list[Network], period: Period) -> list[dict]:
    ids = [network.pk for network in networks]
    meetings = Meeting.objects.filter(
        network_id__in=ids, starts_at__gte=period.since, starts_at__lt=period.until
    ).exclude(status=MeetingStatus.CANCELLED)
    per_meeting = {
        row["network_id"]: row
        for row in meetings.values("network_id").annotate(
            meetings=Count("pk", distinct=True),
            registered=Count("attendances"),
            present=Count("attendances", filter=Q(attendances__status__in=PRESENT)),
        )
    }
    people = defaultdict(set)
    domains = defaultdict(set)
    for row in Attendance.objects.filter(meeting__in=meetings, status__in=PRESENT).values(
        "meeting_id", "meeting__network_id", "user_id", "user__profession"
    ):
        people[row["meeting__network_id"]].add(row["user_id"])
        domains[(row["meeting__network_id"], row["meeting_id"])].add(
            domain_of(row["user__profession"])
        )
    mixed = defaultdict(int)
    for (network_id, _meeting), found in domains.items():
        mixed[network_id] += set(BOTH) <= found
    shadowing = {
        row["network_id"]: row
        for row in ShadowingDay.objects.filter(
            network_id__in=ids,
            status=ShadowingStatus.CONFIRMED,
            date__gte=period.start,
            date__lte=period.end,
        )
        .values("network_id")
        .annotate(days=Count("pk"), hours=Sum("hours"))
    }
    placements = {
        row["network_id"]: row
        for row in Placement.objects.filter(
            network_id__in=ids, starts_on__gte=period.start, starts_on__lte=period.end
        )
        .values("network_id")
        .annotate(placed=Count("pk"), accepted=Count("pk", filter=Q(outcome=Outcome.ACCEPTED)))
    }
    rows = []
    for network in networks:
        m = per_meeting.get(network.pk, {"meetings": 0, "registered": 0, "present": 0})
        s = shadowing.get(network.pk, {"days": 0, "hours": Decimal(0)})
        p = placements.get(network.pk, {"placed": 0, "accepted": 0})
        rows.append(
            {
                "network": network,
                "name": network.name,
                "meetings": m["meetings"],
                "attendance_rate": pct(m["present"], m["registered"]),
                "people": len(people[network.pk]),
                "both_domains": pct(mixed[network.pk], m["meetings"]),
                "shadowing_days": s["days"],
                "shadowing_hours": float(s["hours"] or 0),
                "placed": p["placed"],
                "accepted": p["accepted"],
            }
        )
    return rows


def sort_rows(rows: list[dict], key: str, descending: bool) -> list[dict]:
    if key not in KEYS:
        key = "name"
    # Rows without a figure (None) go last whichever way is asked.
    present = [row for row in rows if row[key] is not None]
    missing = [row for row in rows if row[key] is None]
    present.sort(key=lambda row: (row[key], row["name"]), reverse=descending)
    return present + missing
