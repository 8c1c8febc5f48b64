"""Pure rules of shadowing days: no database, no request, no clock. Forms, services,
selectors and the demo ask these; the tests check them without a database.

What "the other domain" means: shadowing crosses the line between care and social work.
Someone of the care domain shadows the social domain and the other way round. People of
neither (education, research, citizens) cross into practice: any host of the care or the
social domain counts as the other domain for them. Every other pair is "same domain";
the network's coordinators decide whether that is refused or allowed with a reason.

Times are wall-clock times of one day (Europe/Amsterdam): a day does not cross midnight,
so daylight saving never changes its length.
"""

from datetime import date, datetime, time, timedelta
from decimal import ROUND_HALF_UP, Decimal

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from accounts.choices import PROFESSION_DOMAIN, Domain

from .choices import Dagdeel

# A shadowing day lasts at most this many hours, and one person logs at most this many
# hours on one date (the database checks the first too).
MAX_HOURS = Decimal("12")

PRACTICE_DOMAINS = (Domain.CARE, Domain.SOCIAL)

# Usual times of a dagdeel, used when a person gives none.
DAGDEEL_TIMES: dict[str, tuple[time, time]] = {
    Dagdeel.MORNING: (time(8, 30), time(12, 30)),
    Dagdeel.AFTERNOON: (time(13, 0), time(17, 0)),
    Dagdeel.EVENING: (time(18, 0), time(22, 0)),
    Dagdeel.WHOLE_DAY: (time(8, 30), time(17, 0)),
}


def crosses_domains(shadower_domain: str, host_domain: str) -> bool:
    """Whether shadowing a host of ``host_domain`` counts as visiting the other domain."""
    if shadower_domain in PRACTICE_DOMAINS:
        return host_domain in PRACTICE_DOMAINS and host_domain != shadower_domain
    return host_domain in PRACTICE_DOMAINS


def same_domain(shadower, host) -> bool:
    """Whether ``host`` is not of the other domain for ``shadower`` (people with a
    ``domain``)."""
    return not crosses_domains(shadower.domain, host.domain)


def domain_of(profession: str) -> str:
    """The domain a profession belongs to (citizens for an unknown one)."""
    return PROFESSION_DOMAIN.get(profession, Domain.CITIZENS)


def default_times(dagdeel: str) -> tuple[time, time]:
    """The usual start and end of ``half-day``."""
    return DAGDEEL_TIMES[dagdeel]


def times_or_defaults(
    dagdeel: str, starts_at: time | None, ends_at: time | None
) -> tuple[time, time]:
    """The given times, each one left empty replaced by the half-day's usual one."""
    default_start, default_end = default_times(dagdeel)
    return starts_at or default_start, ends_at or default_end


def hours_between(starts_at: time, ends_at: time) -> Decimal:
    """The hours from ``starts_at`` to ``ends_at`` on one day, rounded half up to two
    decimals (negative when the end lies before the start: ``check_times`` refuses that)."""
    minutes = (
        datetime.combine(date.min, ends_at) - datetime.combine(date.min, starts_at)
    ).total_seconds() / 60
    return (Decimal(minutes) / Decimal(60)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def check_times(starts_at: time, ends_at: time, hours: Decimal) -> None:
    """Raise ``ValidationError`` unless the day ends after it starts (on the same day) and
    ``hours`` is more than 0, at most ``MAX_HOURS`` and fits between the times."""
    if ends_at <= starts_at:
        raise ValidationError(_("The end time lies before the start time."))
    if hours <= 0:
        raise ValidationError(_("Give a positive number of hours."))
    if hours > MAX_HOURS:
        raise ValidationError(
            _("A shadowing day lasts at most %(max)s hours.") % {"max": int(MAX_HOURS)}
        )
    if hours > hours_between(starts_at, ends_at):
        raise ValidationError(_("There are more hours than fit between the start and end time."))


def a_year_before(day: date) -> date:
    """The same day a year earlier; 29 February becomes 28 February."""
    try:
        return day.replace(year=day.year - 1)
    except ValueError:
        return day.replace(year=day.year - 1, day=28)


# The Dutch school year runs from 1 August to 31 July.
SCHOOL_YEAR_START_MONTH = 8


def school_year(today: date) -> tuple[date, date]:
    """The first and last day of the school year ``today`` lies in."""
    first_year = today.year if today.month >= SCHOOL_YEAR_START_MONTH else today.year - 1
    return date(first_year, SCHOOL_YEAR_START_MONTH, 1), date(
        first_year + 1, SCHOOL_YEAR_START_MONTH, 1
    ) - timedelta(days=1)


def default_period(today: date, start: date | None, end: date | None) -> tuple[date, date]:
    """The period asked for: by default this school year (1 August to 31 July); with only
    an end, the twelve months up to it; with only a start, up to the end of this school
    year (or a year after the start, if that is later); a start after the end is swapped
    with it."""
    year_start, year_end = school_year(today)
    if start is None and end is None:
        return year_start, year_end
    if start is None:
        start = a_year_before(end)
    if end is None:
        end = max(year_end, start)
    if start > end:
        start, end = end, start
    return start, end
