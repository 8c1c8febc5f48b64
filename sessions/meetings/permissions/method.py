"""Who may fill in a meeting's record, assign its roles, and close its actions.

A record holds what was told in confidence (a client's story at an intervisie or moral case
deliberation), so it is read by those who were there (attendance present or late), its
facilitator, those with a role in it (note-taker, case-bringer, presenter) and the
coordinators of the meeting's network (DESIGN: "A record of a meeting is read by those who
were there, its facilitator and the coordinators"). Other members who see the meeting see
that a record exists, not its text. Before attendance is registered only the facilitator,
the role holders and the coordinators read it.

The record is written by the meeting's runners (coordinators and the facilitator) and by
the note-taker(s) assigned to the meeting; roles are assigned by the coordinators.
"""

from django.db.models import Exists, OuterRef, Q

from ..choices import AttendanceStatus, MeetingRoleKind
from ..models import Attendance, Meeting, MeetingAction, MeetingRole
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


PRESENT_STATUSES = (AttendanceStatus.PRESENT, AttendanceStatus.LATE)


def was_there(user, meeting: Meeting) -> bool:
    """Marked present or late at ``meeting``, or given a role in it. One query, cached."""
    if not user.is_authenticated:
        return False
    cache = user.__dict__.setdefault("_lin_was_there_cache", {})
    if meeting.pk not in cache:
        cache[meeting.pk] = (
            Meeting.objects.filter(pk=meeting.pk)
            .filter(
                Exists(MeetingRole.objects.filter(meeting=OuterRef("pk"), user=user))
                | Exists(
                    Attendance.objects.filter(
                        meeting=OuterRef("pk"), user=user, status__in=PRESENT_STATUSES
                    )
                )
            )
            .exists()
        )
    return cache[meeting.pk]


def can_read_record(user, meeting: Meeting) -> bool:
    """The record's text: coordinators, the facilitator, role holders, and who was there."""
    return can_run_meeting(user, meeting) or was_there(user, meeting)


def readable_actions(user, actions, *, can_read: bool) -> list[MeetingAction]:
    """The agreed actions and advice of a meeting that ``user`` may read: all of them for
    who reads its record (they are part of it, take-home messages and all); otherwise only
    those meant for ``user``. The others learn that there are actions, not what they say."""
    if can_read:
        return list(actions)
    return [a for a in actions if user.is_authenticated and a.owner_id == user.pk]


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


def meetings_with_readable_record(user):
    """The meetings whose record ``user`` may read, as one queryset (no query of its own):
    :func:`can_read_record` for every meeting the person sees, for search and lists."""
    from networks.choices import Role
    from networks.models import Membership

    from ..selectors.meetings import meetings_visible_to

    if not user.is_authenticated:
        return Meeting.objects.none()
    coordinated = Membership.objects.current().filter(user=user, role=Role.COORDINATOR)
    return meetings_visible_to(user).filter(
        Q(network_id__in=coordinated.values("network_id"))
        | Q(facilitator=user)
        | Exists(MeetingRole.objects.filter(meeting=OuterRef("pk"), user=user))
        | Exists(
            Attendance.objects.filter(
                meeting=OuterRef("pk"), user=user, status__in=PRESENT_STATUSES
            )
        )
    )
