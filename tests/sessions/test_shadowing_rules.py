"""The pure rules of shadowing days (sessions.shadowing.rules), without a database: the
usual times of a dagdeel, hours between two times of day, what the other domain is, and
the default period."""

from datetime import date, time
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from sessions.shadowing.rules import (
    MAX_HOURS,
    check_times,
    crosses_domains,
    default_period,
    default_times,
    domain_of,
    hours_between,
    same_domain,
    times_or_defaults,
)


@pytest.mark.parametrize(
    ("dagdeel", "times", "hours"),
    [
        ("morning", (time(8, 30), time(12, 30)), Decimal("4.00")),
        ("afternoon", (time(13, 0), time(17, 0)), Decimal("4.00")),
        ("evening", (time(18, 0), time(22, 0)), Decimal("4.00")),
        ("whole_day", (time(8, 30), time(17, 0)), Decimal("8.50")),
    ],
)
def test_the_usual_times_of_each_dagdeel(dagdeel, times, hours):
    assert default_times(dagdeel) == times
    assert hours_between(*times) == hours


def test_an_unknown_dagdeel_has_no_usual_times():
    with pytest.raises(KeyError):
        default_times("night")


def test_times_left_empty_take_the_usual_ones_each_on_its_own():
    assert times_or_defaults("morning", None, None) == (time(8, 30), time(12, 30))
    assert times_or_defaults("morning", time(9, 0), None) == (time(9, 0), time(12, 30))
    assert times_or_defaults("morning", None, time(11, 0)) == (time(8, 30), time(11, 0))
    assert times_or_defaults("evening", time(19, 0), time(21, 0)) == (time(19, 0), time(21, 0))


@pytest.mark.parametrize(
    ("starts", "ends", "hours"),
    [
        (time(9, 0), time(9, 1), Decimal("0.02")),  # 0.0166… rounds up
        (time(9, 0), time(9, 20), Decimal("0.33")),  # 0.333… rounds down
        (time(9, 0), time(9, 40), Decimal("0.67")),  # 0.666… rounds up
        (time(9, 0), time(9, 9), Decimal("0.15")),  # exact
        (time(9, 0), time(9, 0), Decimal("0.00")),
        (time(0, 0), time(23, 59), Decimal("23.98")),
    ],
)
def test_hours_between_are_rounded_half_up_to_two_decimals(starts, ends, hours):
    assert hours_between(starts, ends) == hours
    assert hours_between(starts, ends).as_tuple().exponent == -2


def test_daylight_saving_does_not_change_the_hours_between_two_times_of_day():
    # The nights of 29 March and 25 October 2026 lose and gain an hour at 02:00–03:00 in
    # Amsterdam; times of day have no date, so 01:30–04:30 is three hours on any day.
    assert hours_between(time(1, 30), time(4, 30)) == Decimal("3.00")


def test_a_range_across_midnight_is_negative_and_refused():
    # 22:00 until 02:00 is not read as the next day: the day ends before it starts.
    assert hours_between(time(22, 0), time(2, 0)) == Decimal("-20.00")
    with translation.override("en"), pytest.raises(ValidationError) as refused:
        check_times(time(22, 0), time(2, 0), Decimal("4"))
    assert refused.value.messages == ["The end time lies before the start time."]


@pytest.mark.parametrize(
    ("starts", "ends", "hours", "message"),
    [
        (time(10, 0), time(10, 0), Decimal("1"), "The end time lies before the start time."),
        (time(9, 0), time(12, 0), Decimal("0"), "Give a positive number of hours."),
        (time(6, 0), time(20, 0), Decimal("12.01"), "A shadowing day lasts at most 12 hours."),
        (
            time(9, 0),
            time(12, 0),
            Decimal("3.01"),
            "There are more hours than fit between the start and end time.",
        ),
    ],
)
def test_check_times_refuses_with_a_message(starts, ends, hours, message):
    with translation.override("en"), pytest.raises(ValidationError) as refused:
        check_times(starts, ends, hours)
    assert refused.value.messages == [message]


@pytest.mark.parametrize(
    ("starts", "ends", "hours"),
    [
        (time(9, 0), time(12, 0), Decimal("3")),
        (time(9, 0), time(12, 0), Decimal("2.5")),  # fewer hours than the times allow
        (time(6, 0), time(20, 0), MAX_HOURS),
    ],
)
def test_check_times_accepts(starts, ends, hours):
    check_times(starts, ends, hours)


@pytest.mark.parametrize(
    ("shadower", "host", "crosses"),
    [
        ("care", "social", True),
        ("social", "care", True),
        ("care", "care", False),
        ("care", "education", False),
        ("education", "care", True),
        ("citizens", "social", True),
        ("education", "research", False),
        ("", "care", True),  # no domain counts as outside practice
    ],
)
def test_crosses_domains_and_same_domain_agree(shadower, host, crosses):
    class Person:
        def __init__(self, domain):
            self.domain = domain

    assert crosses_domains(shadower, host) is crosses
    assert same_domain(Person(shadower), Person(host)) is not crosses


def test_domain_of_a_profession_and_of_an_unknown_one():
    assert domain_of("social_worker") == "social"
    assert domain_of("no-such-profession") == "citizens"


TODAY = date(2026, 3, 15)


@pytest.mark.parametrize(
    ("start", "end", "period"),
    [
        (None, None, (date(2025, 8, 1), date(2026, 7, 31))),
        (None, date(2026, 1, 31), (date(2025, 1, 31), date(2026, 1, 31))),
        (date(2026, 1, 1), None, (date(2026, 1, 1), date(2026, 7, 31))),
        (date(2026, 2, 1), date(2026, 1, 1), (date(2026, 1, 1), date(2026, 2, 1))),
    ],
)
def test_the_default_period_is_this_school_year(start, end, period):
    assert default_period(TODAY, start, end) == period


@pytest.mark.parametrize(
    ("today", "year"),
    [
        (date(2026, 7, 31), (date(2025, 8, 1), date(2026, 7, 31))),
        (date(2026, 8, 1), (date(2026, 8, 1), date(2027, 7, 31))),
        (date(2028, 2, 29), (date(2027, 8, 1), date(2028, 7, 31))),
    ],
)
def test_the_school_year_turns_on_the_first_of_august(today, year):
    assert default_period(today, None, None) == year
