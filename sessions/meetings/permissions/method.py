"""Who may fill in a meeting's record, assign its roles, and close its actions.

Everybody who can see a meeting reads its record (``permissions.can_see_meeting``).
The record is written by the meeting's runners (coordinators and the facilitator) and by
the note-taker(s) assigned to the meeting; roles are assigned by the coordinators.
"""

from ..choices import MeetingRoleKind
from ..models import Meeting, MeetingAction, MeetingRole
from . import can_manage_meeting, can_run_meeting


def is_note_taker(user, meeting: Meeting) -> bool:
    if not user.is_authenticated:
        return False
    cache = user.__dict__.setdefault("_lin_note_taker_cache", {})
    if meeting.pk not in cache:
        cache[meeting.pk] = MeetingRole.objects.filter(
            meeting=meeting, user=user, kind=MeetingRoleKind.NOTE_TAKER
        ).exists()
    return cache[meeting.pk]


def can_write_record(user, meeting: Meeting) -> bool:
    return can_run_meeting(user, meeting) or is_note_taker(user, meeting)


def can_choose_method(user, meeting: Meeting) -> bool:
    return can_run_meeting(user, meeting)


def can_assign_roles(user, meeting: Meeting) -> bool:
    return can_manage_meeting(user, meeting)


def can_set_action_status(user, meeting: Meeting, action: MeetingAction) -> bool:
    """Close or reopen ``action`` where it shows on ``meeting``: the record's writers, or
    the person the action is for."""
    return (action.owner_id is not None and action.owner_id == user.pk) or can_write_record(
        user, meeting
    )
