"""The dates of a series: every N weeks, the n-th weekday of the month, skipped dates, an
end, and the same local time across the daylight-saving change."""

from datetime import UTC, date, time

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from sessions.meetings.rules import SeriesRule, occurrence_times, series_dates


def test_every_two_weeks_for_six_meetings():
    rule = SeriesRule(repeat="weekly", starts_on=date(2026, 9, 3), interval=2, weekday=3, count=6)
    assert series_dates(rule) == [
        date(2026, 9, 3),
        date(2026, 9, 17),
        date(2026, 10, 1),
        date(2026, 10, 15),
        date(2026, 10, 29),
        date(2026, 11, 12),
    ]


def test_weekly_on_a_weekday_starts_at_the_first_such_day_until_a_date():
    # 1 September 2026 is a Tuesday; the series is on Thursdays.
    rule = SeriesRule(
        repeat="weekly", starts_on=date(2026, 9, 1), weekday=3, until=date(2026, 9, 24)
    )
    assert series_dates(rule) == [
        date(2026, 9, 3),
        date(2026, 9, 10),
        date(2026, 9, 17),
        date(2026, 9, 24),
    ]


def test_the_fourth_thursday_of_the_month():
    rule = SeriesRule(
        repeat="monthly", starts_on=date(2026, 9, 1), weekday=3, week_of_month=4, count=4
    )
    assert series_dates(rule) == [
        date(2026, 9, 24),
        date(2026, 10, 22),
        date(2026, 11, 26),
        date(2026, 12, 24),
    ]


def test_the_last_monday_of_the_month():
    rule = SeriesRule(
        repeat="monthly", starts_on=date(2026, 1, 1), weekday=0, week_of_month=-1, count=2
    )
    assert series_dates(rule) == [date(2026, 1, 26), date(2026, 2, 23)]


def test_skipped_dates_do_not_use_up_the_count():
    rule = SeriesRule(
        repeat="weekly",
        starts_on=date(2026, 12, 17),
        weekday=3,
        count=3,
        skip_dates=[date(2026, 12, 24), date(2026, 12, 31)],
    )
    assert series_dates(rule) == [date(2026, 12, 17), date(2027, 1, 7), date(2027, 1, 14)]


def test_skipped_dates_before_an_end_date_are_left_out():
    rule = SeriesRule(
        repeat="weekly",
        starts_on=date(2026, 12, 17),
        weekday=3,
        until=date(2027, 1, 7),
        skip_dates=[date(2026, 12, 24), date(2026, 12, 31)],
    )
    assert series_dates(rule) == [date(2026, 12, 17), date(2027, 1, 7)]


def test_a_series_without_an_end_is_refused():
    rule = SeriesRule(repeat="weekly", starts_on=date(2026, 9, 3), weekday=3)
    with translation.override("en"), pytest.raises(ValidationError) as error:
        series_dates(rule)
    assert error.value.messages == [
        "A series needs an end: give an end date or a number of meetings."
    ]


def test_a_series_with_too_many_dates_is_refused():
    rule = SeriesRule(
        repeat="weekly", starts_on=date(2026, 1, 1), weekday=3, until=date(2030, 1, 1)
    )
    with pytest.raises(ValidationError):
        series_dates(rule)


def test_a_weekly_series_at_15_00_keeps_15_00_across_the_end_of_summer_time():
    # Summer time ends on Sunday 25 October 2026: 15:00 is 13:00 UTC before, 14:00 after.
    rule = SeriesRule(repeat="weekly", starts_on=date(2026, 10, 15), weekday=3, count=3)
    times = occurrence_times(series_dates(rule), time(15, 0), time(16, 30))
    utc_starts = [start.astimezone(UTC) for start, _end in times]
    assert [(s.date(), s.hour) for s in utc_starts] == [
        (date(2026, 10, 15), 13),
        (date(2026, 10, 22), 13),
        (date(2026, 10, 29), 14),
    ]
    assert {(start.hour, start.minute) for start, _end in times} == {(15, 0)}
