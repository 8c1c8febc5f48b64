"""Calendar feeds: iCalendar for one meeting, and each person's subscription feed.

UIDs are stable (``meeting-<pk>@<host>``), SEQUENCE follows ``Meeting.revision``, a
cancelled meeting is published with STATUS:CANCELLED (so calendars strike it rather than
keep a stale event), times are in UTC, and the alarms follow the person's reminder lead
times (``User.meeting_reminder_minutes``).
"""

from collections.abc import Iterable
from datetime import UTC, datetime, timedelta

from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from icalendar import Alarm, Calendar, Event, vText

from accounts.models import User, new_calendar_token

from ..models import Meeting
from ..models.guests import guest_speaker_lines

# No alarm further ahead than 30 days; anything else in the preference is ignored.
MAX_ALARM_MINUTES = 30 * 24 * 60


def alarm_minutes(user: User | None) -> list[int]:
    """The person's reminder lead times that make sense as alarms, largest first."""
    values = getattr(user, "meeting_reminder_minutes", None) or []
    minutes = {
        value
        for value in values
        if isinstance(value, int) and not isinstance(value, bool) and 0 < value <= MAX_ALARM_MINUTES
    }
    return sorted(minutes, reverse=True)


def _event(meeting: Meeting, *, host: str, page_url: str, minutes: list[int]) -> Event:
    event = Event()
    event.add("uid", f"meeting-{meeting.pk}@{host}")
    event.add("dtstamp", datetime.now(UTC).replace(microsecond=0))
    event.add("dtstart", meeting.starts_at.astimezone(UTC))
    event.add("dtend", meeting.ends_at.astimezone(UTC))
    event.add("summary", meeting.title)
    event.add("sequence", meeting.revision)
    event.add("status", "CANCELLED" if meeting.is_cancelled else "CONFIRMED")
    if meeting.updated_at:
        event.add("last-modified", meeting.updated_at.astimezone(UTC).replace(microsecond=0))
    place = ", ".join(part for part in (meeting.location, meeting.online_url) if part)
    if place:
        event.add("location", place)
    event.add("url", meeting.online_url or page_url)
    lines = [f"{meeting.get_format_display()} · {meeting.network.name}"]
    if meeting.is_cancelled:
        lines.append(_("Cancelled: %(reason)s") % {"reason": meeting.cancel_reason or "–"})
    if meeting.online_url:
        lines.append(_("Online: %(url)s") % {"url": meeting.online_url})
    lines += guest_speaker_lines(meeting)
    if meeting.agenda:
        lines.append(meeting.agenda)
    lines.append(page_url)
    event.add("description", "\n\n".join(lines))
    if not meeting.is_cancelled:
        for lead in minutes:
            alarm = Alarm()
            alarm.add("action", "DISPLAY")
            alarm.add("description", meeting.title)
            alarm.add("trigger", timedelta(minutes=-lead))
            event.add_component(alarm)
    return event


def meetings_to_ical(
    meetings: Iterable[Meeting],
    *,
    user: User | None,
    host: str,
    page_url,
    name: str,
) -> bytes:
    """An iCalendar document of ``meetings`` (``page_url(meeting)`` gives each one's page),
    in the person's language, with alarms following their reminder preference."""
    language = getattr(user, "language", None) or translation.get_language()
    with translation.override(language):
        calendar = Calendar()
        calendar.add("prodid", "-//LIN Platform//Meetings//NL")
        calendar.add("version", "2.0")
        calendar.add("calscale", "GREGORIAN")
        calendar.add("method", "PUBLISH")
        # An X- property is not escaped by icalendar unless it is given as text; a calendar's
        # name is one line (a title may hold a line break, which broke the whole file).
        calendar.add("x-wr-calname", vText(" ".join(name.split())))
        minutes = alarm_minutes(user)
        for meeting in meetings:
            calendar.add_component(
                _event(meeting, host=host, page_url=page_url(meeting), minutes=minutes)
            )
        return calendar.to_ical()


def _new_unique_token() -> str:
    token = new_calendar_token()
    while User.objects.filter(calendar_token=token).exists():  # pragma: no cover - 192 bits
        token = new_calendar_token()
    return token


@transaction.atomic
def calendar_feed_renew(*, user: User) -> User:
    """Give the person a new feed address; the old one answers 404 from now on.

    Side effects: new ``calendar_token``; the feed is switched on.
    """
    user.calendar_token = _new_unique_token()
    user.calendar_feed_enabled = True
    user.save(update_fields=["calendar_token", "calendar_feed_enabled"])
    return user


@transaction.atomic
def calendar_feed_disable(*, user: User) -> User:
    """Switch the person's feed off: every address of it answers 404.

    Side effects: new (unpublished) ``calendar_token``; ``calendar_feed_enabled`` off.
    """
    user.calendar_token = _new_unique_token()
    user.calendar_feed_enabled = False
    user.save(update_fields=["calendar_token", "calendar_feed_enabled"])
    return user


def feed_window_start() -> datetime:
    """The personal feed holds meetings from half a year back onwards."""
    return timezone.now() - timedelta(days=183)
