"""Reads for the method script, the structured record and the agreed actions."""

from django.db.models import F, Q, QuerySet

from accounts.models import User
from networks.models import Membership

from ..choices import RsvpAnswer
from ..methods import Method, method_for
from ..models import ActionKind, ActionStatus, Meeting, MeetingAction, MeetingRecord, MeetingRole


def record_of(meeting: Meeting) -> MeetingRecord | None:
    return MeetingRecord.objects.filter(meeting=meeting).first()


def method_of(meeting: Meeting, record: MeetingRecord | None) -> Method | None:
    """The method the meeting follows: the record's choice, else the one chosen when
    planning, else the format's default."""
    return method_for(meeting.format, record.method if record else meeting.method)


def roles_of(meeting: Meeting) -> list[MeetingRole]:
    return list(
        MeetingRole.objects.filter(meeting=meeting)
        .select_related("user")
        .order_by("kind", "user__full_name")
    )


def actions_for(meeting: Meeting) -> QuerySet[MeetingAction]:
    """Actions agreed in this meeting, and the still open actions agreed in earlier meetings
    of the same series (they stay on the agenda until someone closes them)."""
    condition = Q(meeting=meeting)
    if meeting.series_id is not None:
        condition |= Q(
            meeting__series_id=meeting.series_id,
            meeting__starts_at__lt=meeting.starts_at,
            status=ActionStatus.OPEN,
        )
    return (
        MeetingAction.objects.filter(condition)
        .select_related("owner", "meeting")
        .order_by("meeting__starts_at", "created_at", "pk")
    )


def actions_shown_on(meeting: Meeting) -> list[MeetingAction]:
    """The actions to list on ``meeting``: ``actions_for`` with each action once. The same
    action (kind, text and owner, status) agreed again in several meetings of a series shows
    once, as agreed in the earliest of them, which the page names."""
    shown, seen = [], set()
    for action in actions_for(meeting):
        key = (
            action.kind,
            " ".join(action.text.split()).casefold(),
            action.owner_id,
            action.status,
        )
        if key in seen:
            continue
        seen.add(key)
        action.carried = action.meeting_id != meeting.pk
        shown.append(action)
    return shown


def action_for_meeting(meeting: Meeting, pk: int) -> MeetingAction | None:
    """The action ``pk`` if it shows on ``meeting`` (agreed in it, or carried over to it)."""
    action = MeetingAction.objects.select_related("meeting").filter(pk=pk).first()
    if action is None:
        return None
    if action.meeting_id == meeting.pk:
        return action
    earlier_in_series = (
        meeting.series_id is not None
        and action.meeting.series_id == meeting.series_id
        and action.meeting.starts_at < meeting.starts_at
    )
    return action if earlier_in_series else None


def people_for_roles(meeting: Meeting) -> QuerySet[User]:
    """Who can be given a role or an action: the current members of the meeting's network
    and, at an exchange, the current members of the invited networks who said yes (a
    case-bringer or facilitator may well come from the other network)."""
    members = Membership.objects.current()
    own = Q(pk__in=members.filter(network_id=meeting.network_id).values("user_id"))
    guests = Q(
        pk__in=members.filter(network__guest_meetings=meeting).values("user_id"),
        rsvps__meeting=meeting,
        rsvps__answer=RsvpAnswer.YES,
        rsvps__waitlisted=False,
    )
    return (
        User.objects.filter(own | guests, is_active=True).distinct().order_by("full_name", "email")
    )


def actions_due_for(user, *, limit: int = 10) -> list[MeetingAction]:
    """The open actions the person owns, those due soonest first (one query)."""
    if not user.is_authenticated:
        return []
    network_ids = Membership.objects.current().filter(user=user).values("network_id")
    return list(
        MeetingAction.objects.filter(
            owner=user,
            status=ActionStatus.OPEN,
            kind=ActionKind.ACTION,
            meeting__network_id__in=network_ids,
        )
        .select_related("meeting__network")
        .order_by(F("due_on").asc(nulls_last=True), "created_at", "pk")[:limit]
    )
