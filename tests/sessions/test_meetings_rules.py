"""The pure rules of meetings (sessions.meetings.rules) that are not about series dates
(those are in test_scheduling.py), without a database: a meeting's times of day, and
what a wall-clock time becomes across the daylight-saving change."""

from datetime import UTC, date, time

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from sessions.meetings.rules import SeriesRule, check_times, local_datetime, series_rule_problems


@pytest.mark.parametrize(
    ("start", "end"),
    [
        (time(15, 0), time(15, 0)),  # no length
        (time(15, 0), time(14, 59)),
        (time(22, 0), time(1, 0)),  # across midnight: not read as the next day
    ],
)
def test_a_meeting_that_does_not_end_after_it_starts_on_its_day_is_refused(start, end):
    with translation.override("en"), pytest.raises(ValidationError) as refused:
        check_times(start, end)
    assert refused.value.messages == ["The end lies before the start."]


def test_a_meeting_that_ends_after_it_starts_passes():
    check_times(time(15, 0), time(15, 1))
    check_times(time(0, 0), time(23, 59))


@pytest.mark.parametrize(
    ("day", "utc_hour"),
    [(date(2026, 10, 24), 13), (date(2026, 10, 25), 14), (date(2026, 3, 29), 13)],
)
def test_the_same_wall_clock_time_on_both_sides_of_the_change(day, utc_hour):
    at = local_datetime(day, time(15, 0))
    assert (at.hour, at.astimezone(UTC).hour) == (15, utc_hour)


def test_a_rule_without_problems_and_one_with_every_problem():
    fine = SeriesRule(repeat="weekly", starts_on=date(2026, 9, 3), weekday=3, count=6)
    assert series_rule_problems(fine) == []
    broken = SeriesRule(
        repeat="monthly",
        starts_on=date(2026, 9, 3),
        interval=0,
        until=date(2026, 9, 1),
        count=0,
    )
    with translation.override("en"):
        problems = series_rule_problems(broken)
    assert problems == [
        "Give either an end date or a number of meetings, not both.",
        "The end date of the series lies before its first date.",
        "A series has between 1 and 104 meetings.",
        "Repeat at least every week.",
        "Choose which weekday of the month (e.g. the 4th Thursday).",
    ]
