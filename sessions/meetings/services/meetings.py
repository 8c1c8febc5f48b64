"""Writes of meetings: schedule one or a series, edit one or this-and-following, cancel,
mark as held."""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from networks.models import Network, Theme
from sessions.reminders.services import reminders_send_soon

from .. import notices
from ..choices import MeetingStatus, Repeat
from ..invitations import invitations_record
from ..methods import FORMAT_METHODS
from ..models import Meeting, MeetingSeries
from ..rules import (
    SeriesRule,
    check_times,
    local_datetime,
    local_zone,
    occurrence_times,
    series_dates,
)


@dataclass
class MeetingDetails:
    """What a meeting is about and where it happens, shared by every meeting of a series."""

    title: str
    format: str
    location: str = ""
    online_url: str = ""
    capacity: int | None = None
    facilitator: object | None = None
    agenda: str = ""
    method: str = ""
    learning_hours: Decimal | None = None
    themes: list[Theme] | None = None
    invited_networks: list[Network] | None = None


def _check_details(details: MeetingDetails, start_time: time, end_time: time) -> None:
    if not details.location.strip() and not details.online_url.strip():
        raise ValidationError(_("Give a place, an online link, or both."))
    if details.method and details.method not in FORMAT_METHODS.get(details.format, ()):
        raise ValidationError(_("That method does not belong to this meeting's format."))
    hours = details.learning_hours
    if hours is not None:
        if hours < 0:
            raise ValidationError(_("Learning hours cannot be negative."))
        day = date(2000, 1, 1)
        length = datetime.combine(day, end_time) - datetime.combine(day, start_time)
        if hours * 3600 > Decimal(length.total_seconds()):
            raise ValidationError(_("Learning hours cannot be more than the meeting's length."))


def _new_meeting(*, network, details, starts_at, ends_at, series, created_by) -> Meeting:
    meeting = Meeting.objects.create(
        network=network,
        series=series,
        # The occurrence of the series' rule this meeting is (the invitation's calendar file).
        recurrence_id=starts_at if series is not None else None,
        title=details.title,
        format=details.format,
        starts_at=starts_at,
        ends_at=ends_at,
        location=details.location.strip(),
        online_url=details.online_url.strip(),
        capacity=details.capacity,
        facilitator=details.facilitator,
        agenda=details.agenda,
        method=details.method,
        learning_hours=details.learning_hours,
        created_by=created_by,
    )
    if details.themes:
        meeting.themes.set(details.themes)
    if details.invited_networks:
        meeting.invited_networks.set([n for n in details.invited_networks if n.pk != network.pk])
    return meeting


@transaction.atomic
def meeting_schedule(
    *,
    network: Network,
    details: MeetingDetails,
    day: date,
    start_time: time,
    end_time: time,
    created_by,
) -> Meeting:
    """Schedule one meeting. Side effects: one Meeting row (with its themes and invited
    networks); the invitation to each invitee in the outbox, sent after commit; its
    facilitator is told."""
    check_times(start_time, end_time)
    _check_details(details, start_time, end_time)
    ((starts_at, ends_at),) = occurrence_times([day], start_time, end_time)
    meeting = _new_meeting(
        network=network,
        details=details,
        starts_at=starts_at,
        ends_at=ends_at,
        series=None,
        created_by=created_by,
    )
    invitations_record(meeting=meeting)
    notices.role_given(
        meeting=meeting, person=details.facilitator, role="facilitator", by=created_by
    )
    return meeting


@transaction.atomic
def meeting_series_schedule(
    *,
    network: Network,
    details: MeetingDetails,
    rule: SeriesRule,
    start_time: time,
    end_time: time,
    created_by,
) -> MeetingSeries:
    """Schedule a series. Side effects: a MeetingSeries row and one Meeting per date, each at
    the same local wall-clock time (stored as UTC); one invitation for the whole series to
    each invitee in the outbox, sent after commit; its facilitator is told once."""
    check_times(start_time, end_time)
    _check_details(details, start_time, end_time)
    dates = series_dates(rule)
    series = MeetingSeries.objects.create(
        network=network,
        title=details.title,
        format=details.format,
        repeat=rule.repeat,
        interval=rule.interval,
        weekday=rule.weekday,
        week_of_month=rule.week_of_month if rule.repeat == Repeat.MONTHLY else None,
        starts_on=rule.starts_on,
        until=rule.until,
        count=rule.count,
        skip_dates=[d.isoformat() for d in rule.skip_dates],
        created_by=created_by,
    )
    meetings = [
        _new_meeting(
            network=network,
            details=details,
            starts_at=starts_at,
            ends_at=ends_at,
            series=series,
            created_by=created_by,
        )
        for starts_at, ends_at in occurrence_times(dates, start_time, end_time)
    ]
    invitations_record(meeting=meetings[0])
    if meetings:
        notices.role_given(
            meeting=meetings[0],
            person=details.facilitator,
            role="facilitator",
            by=created_by,
            series=len(meetings) > 1,
        )
    return series


THIS = "this"
FOLLOWING = "following"


@transaction.atomic
def meeting_update(
    *,
    meeting: Meeting,
    details: MeetingDetails,
    day: date,
    start_time: time,
    end_time: time,
    scope: str = THIS,
) -> list[Meeting]:
    """Change a meeting, or this and the following meetings of its series.

    With ``FOLLOWING``, every later meeting of the series that is still scheduled gets the
    same details, the same local start and end time, and moves by as many days as this one
    moved. Side effects: the Meeting rows change; ``revision`` goes up on each meeting
    whose time or place changed, and the change notices are sent after commit; a larger
    capacity moves people up from the waiting list; a new facilitator is told.
    Returns the meetings that changed.
    """
    from .rsvp import rsvp_fill_from_waiting_list

    check_times(start_time, end_time)
    _check_details(details, start_time, end_time)
    old_day = timezone.localtime(meeting.starts_at, local_zone()).date()
    shift = day - old_day
    targets = [meeting]
    if scope == FOLLOWING and meeting.series_id:
        targets += list(
            Meeting.objects.select_for_update()
            .filter(
                series_id=meeting.series_id,
                starts_at__gt=meeting.starts_at,
                status=MeetingStatus.SCHEDULED,
            )
            .order_by("starts_at")
        )
    any_moved = False
    had_facilitator = meeting.facilitator_id
    for target in targets:
        target_day = timezone.localtime(target.starts_at, local_zone()).date() + shift
        starts_at = local_datetime(target_day, start_time)
        ends_at = local_datetime(target_day, end_time)
        moved = (
            starts_at != target.starts_at
            or ends_at != target.ends_at
            or target.location != details.location.strip()
            or target.online_url != details.online_url.strip()
        )
        target.title = details.title
        target.format = details.format
        target.starts_at = starts_at
        target.ends_at = ends_at
        target.location = details.location.strip()
        target.online_url = details.online_url.strip()
        target.capacity = details.capacity
        target.facilitator = details.facilitator
        target.agenda = details.agenda
        target.method = details.method
        target.learning_hours = details.learning_hours
        if moved:
            target.revision = F("revision") + 1
            any_moved = True
        target.save()
        target.refresh_from_db(fields=["revision"])
        target.themes.set(details.themes or [])
        target.invited_networks.set(
            [n for n in (details.invited_networks or []) if n.pk != target.network_id]
        )
        rsvp_fill_from_waiting_list(meeting=target)
    if any_moved:
        meeting_changed_notify(meeting=meeting)
    if details.facilitator is not None and details.facilitator.pk != had_facilitator:
        notices.role_given(
            meeting=meeting,
            person=details.facilitator,
            role="facilitator",
            series=len(targets) > 1,
        )
    return targets


@transaction.atomic
def meeting_cancel(*, meeting: Meeting, reason: str) -> Meeting:
    """Cancel a meeting; it stays visible as cancelled. Side effects: status, reason and
    revision change (calendars and reminders read them); the cancellation notices are sent
    after commit."""
    if meeting.status == MeetingStatus.CANCELLED:
        raise ValidationError(_("This meeting was already cancelled."))
    if meeting.status == MeetingStatus.HELD:
        raise ValidationError(_("This meeting has been held; it can no longer be cancelled."))
    meeting.status = MeetingStatus.CANCELLED
    meeting.cancel_reason = reason.strip()
    meeting.revision = F("revision") + 1
    meeting.save(update_fields=["status", "cancel_reason", "revision", "updated_at"])
    meeting.refresh_from_db(fields=["revision"])
    meeting_changed_notify(meeting=meeting)
    return meeting


@transaction.atomic
def meeting_mark_held(*, meeting: Meeting) -> Meeting:
    """Record that a meeting took place. Side effect: status becomes held."""
    if meeting.status == MeetingStatus.CANCELLED:
        raise ValidationError(_("A cancelled meeting cannot be marked as held."))
    if meeting.starts_at > timezone.now():
        raise ValidationError(_("A meeting can be marked as held once it has started."))
    meeting.status = MeetingStatus.HELD
    meeting.save(update_fields=["status", "updated_at"])
    return meeting


def meeting_duration(meeting: Meeting) -> timedelta:
    return meeting.ends_at - meeting.starts_at


def meeting_changed_notify(*, meeting: Meeting) -> None:
    """Announce a change of ``meeting`` now instead of at the next beat tick.

    Call it after bumping ``meeting.revision`` (or cancelling). The notice itself is keyed
    on (meeting, revision). Side effects: see ``reminders_send_soon``.
    """
    reminders_send_soon()
