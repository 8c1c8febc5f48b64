"""Pure rules of meetings: no database, no request. The times of a meeting, and the dates
of a series, computed as Europe/Amsterdam wall-clock dates. Forms, services, selectors and
the demo ask these; the tests check them without a database.

A series at 15:00 stays at 15:00 across the daylight-saving change: every occurrence is a
local date plus the local start time, made aware in the local zone and stored as UTC.
"""

from dataclasses import dataclass, field
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from dateutil import rrule
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from .choices import Repeat

# A series longer than two years of weekly meetings is a typing error, not a plan.
MAX_OCCURRENCES = 104


def local_zone() -> ZoneInfo:
    return ZoneInfo(settings.TIME_ZONE)


def local_datetime(day: date, at: time) -> datetime:
    """The aware datetime of a wall-clock ``at`` on ``day`` in Europe/Amsterdam."""
    return datetime.combine(day, at).replace(tzinfo=local_zone())


@dataclass(frozen=True)
class SeriesRule:
    repeat: str
    starts_on: date
    interval: int = 1
    weekday: int = 0
    week_of_month: int | None = None
    until: date | None = None
    count: int | None = None
    skip_dates: list[date] = field(default_factory=list)


def check_times(start_time: time, end_time: time) -> None:
    """A meeting ends after it starts, on the same day (times of day: no daylight saving)."""
    if end_time <= start_time:
        raise ValidationError(_("The end lies before the start."))


def series_rule_problems(rule: SeriesRule) -> list[str]:
    """What is wrong with ``rule``, in the person's language (empty when it can be scheduled)."""
    problems = []
    if rule.until is None and rule.count is None:
        problems.append(_("A series needs an end: give an end date or a number of meetings."))
    if rule.until is not None and rule.count is not None:
        problems.append(_("Give either an end date or a number of meetings, not both."))
    if rule.until is not None and rule.until < rule.starts_on:
        problems.append(_("The end date of the series lies before its first date."))
    if rule.count is not None and not 1 <= rule.count <= MAX_OCCURRENCES:
        problems.append(
            _("A series has between 1 and %(max)d meetings.") % {"max": MAX_OCCURRENCES}
        )
    if rule.interval < 1:
        problems.append(_("Repeat at least every week."))
    if rule.repeat == Repeat.MONTHLY and rule.week_of_month is None:
        problems.append(_("Choose which weekday of the month (e.g. the 4th Thursday)."))
    return problems


def series_dates(rule: SeriesRule) -> list[date]:
    """The local dates of the series, skipped dates left out.

    A count counts the meetings that take place: a skipped holiday does not use one up.
    Raises ValidationError when the rule has no end or yields too many dates.
    """
    problems = series_rule_problems(rule)
    if problems:
        raise ValidationError(problems)
    start = datetime.combine(rule.starts_on, time(0, 0))
    if rule.repeat == Repeat.MONTHLY:
        recurrence = rrule.rrule(
            rrule.MONTHLY,
            dtstart=start,
            byweekday=rrule.weekday(rule.weekday)(rule.week_of_month),
        )
    else:
        recurrence = rrule.rrule(
            rrule.WEEKLY, dtstart=start, interval=rule.interval, byweekday=rule.weekday
        )
    skip = set(rule.skip_dates)
    dates: list[date] = []
    for occurrence in recurrence:
        day = occurrence.date()
        if rule.until is not None and day > rule.until:
            break
        if day in skip:
            continue
        dates.append(day)
        if rule.count is not None and len(dates) >= rule.count:
            break
        if len(dates) > MAX_OCCURRENCES:
            raise ValidationError(
                _("This series would have more than %(max)d meetings; choose an earlier end.")
                % {"max": MAX_OCCURRENCES}
            )
    if not dates:
        raise ValidationError(_("This series has no dates: check the first date and the end."))
    return dates


def occurrence_times(
    dates: list[date], start_time: time, end_time: time
) -> list[tuple[datetime, datetime]]:
    """(start, end) aware datetimes for each local date, at the same wall-clock times."""
    result = []
    for day in dates:
        result.append((local_datetime(day, start_time), local_datetime(day, end_time)))
    return result
