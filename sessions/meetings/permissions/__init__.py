"""Who may see and change meetings. Views and templates ask these; nothing else decides.

Members of a meeting's network see it (and the members of networks invited to an
exchange); the network's coordinators manage it; the facilitator also runs it
(attendance, the method record).
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404

from networks.permissions import can_manage_network, is_member

from ..models import Meeting


def can_see_meeting(user, meeting: Meeting) -> bool:
    if not user.is_authenticated:
        return False
    if is_member(user, meeting.network):
        return True
    return any(is_member(user, network) for network in meeting.invited_networks.all())


def can_manage_meeting(user, meeting: Meeting) -> bool:
    """Schedule, edit, cancel: the coordinators of the meeting's own network."""
    return can_manage_network(user, meeting.network)


def can_run_meeting(user, meeting: Meeting) -> bool:
    """Attendance, breakout groups, the method record: coordinators and the facilitator."""
    return can_manage_meeting(user, meeting) or (
        meeting.facilitator_id is not None and meeting.facilitator_id == user.pk
    )


def get_meeting_for_member(user, pk: int, network_slug: str | None = None) -> Meeting:
    """The meeting if ``user`` may see it (and it lies in ``network_slug`` when given)."""
    meeting = (
        Meeting.objects.select_related("network", "facilitator", "series").filter(pk=pk).first()
    )
    if meeting is None or (network_slug is not None and meeting.network.slug != network_slug):
        raise Http404
    if not can_see_meeting(user, meeting):
        raise Http404
    return meeting


def get_meeting_for_manager(user, pk: int, network_slug: str | None = None) -> Meeting:
    meeting = get_meeting_for_member(user, pk, network_slug)
    if not can_manage_meeting(user, meeting):
        raise PermissionDenied
    return meeting


def get_meeting_for_runner(user, pk: int, network_slug: str | None = None) -> Meeting:
    meeting = get_meeting_for_member(user, pk, network_slug)
    if not can_run_meeting(user, meeting):
        raise PermissionDenied
    return meeting
