"""The calendar: a month grid and an agenda list, per network or across all my networks,
filterable by format and theme."""

import calendar as pycalendar
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.db.models import Prefetch, QuerySet
from django.utils import timezone

from networks.models import Membership, Theme

from ..models import Meeting
from ..rules import local_zone
from .meetings import meetings_visible_to, with_my_answer


def calendar_meetings(user, *, network=None, format: str = "", theme: Theme | None = None):
    qs = meetings_visible_to(user)
    if network is not None:
        qs = qs.filter(network=network)
    if format:
        qs = qs.filter(format=format)
    if theme is not None:
        qs = qs.filter(themes=theme)
    return qs


def themes_for_filter(user, *, network=None) -> QuerySet[Theme]:
    """Themes one can filter on: of the network, or of all the person's networks."""
    if network is not None:
        return Theme.objects.filter(network=network).order_by("name")
    network_ids = Membership.objects.current().filter(user=user).values("network_id")
    return (
        Theme.objects.filter(network_id__in=network_ids)
        .select_related("network")
        .order_by("name", "network__name")
    )


def _local_midnight(day: date) -> datetime:
    return datetime.combine(day, time(0, 0)).replace(tzinfo=local_zone())


@dataclass
class Day:
    day: date
    in_month: bool
    is_today: bool
    meetings: list


@dataclass
class Month:
    year: int
    month: int
    first: date
    weeks: list[list[Day]]
    previous: date
    next: date
    count: int


def month_view(queryset: QuerySet[Meeting], year: int, month: int) -> Month:
    """A Monday-first grid of the month, each day with its meetings, in one query."""
    cal = pycalendar.Calendar(firstweekday=0)
    weeks_dates = cal.monthdatescalendar(year, month)
    grid_start, grid_end = weeks_dates[0][0], weeks_dates[-1][-1] + timedelta(days=1)
    meetings = list(
        queryset.filter(
            starts_at__gte=_local_midnight(grid_start), starts_at__lt=_local_midnight(grid_end)
        )
        .select_related("network")
        .order_by("starts_at")
    )
    by_day: dict[date, list] = {}
    for meeting in meetings:
        by_day.setdefault(timezone.localtime(meeting.starts_at, local_zone()).date(), []).append(
            meeting
        )
    today = timezone.localdate()
    weeks = [
        [Day(d, d.month == month, d == today, by_day.get(d, [])) for d in week]
        for week in weeks_dates
    ]
    first = date(year, month, 1)
    previous = (first - timedelta(days=1)).replace(day=1)
    following = (first + timedelta(days=32)).replace(day=1)
    in_month = sum(len(day.meetings) for week in weeks for day in week if day.in_month)
    return Month(year, month, first, weeks, previous, following, in_month)


def agenda_list(queryset: QuerySet[Meeting], user, *, past: bool = False) -> QuerySet[Meeting]:
    """Meetings still to come (or past ones, latest first), with themes and my answer."""
    now = timezone.now()
    if past:
        qs = queryset.filter(ends_at__lt=now).order_by("-starts_at")
    else:
        qs = queryset.filter(ends_at__gte=now).order_by("starts_at")
    qs = qs.select_related("network").prefetch_related(
        Prefetch("themes", queryset=Theme.objects.order_by("name"))
    )
    return with_my_answer(qs, user)
