"""Who may do what with questionnaires and their results.

Coordinators run rounds and settings; coordinators and the network's researchers read the
results and the export; an invited member answers; those marked present at a meeting
evaluate it, and its facilitator and the coordinators read its evaluation. Another network's
round answers 404; a member without the role 403.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404

from networks.choices import Role
from networks.permissions import can_manage_network, get_network_for_member, role_in

from .models import CustomInstrument, Round

RESULT_ROLES = (Role.COORDINATOR, Role.RESEARCHER)


def can_see_results(user, network) -> bool:
    return role_in(user, network) in RESULT_ROLES


def can_manage_evaluation(user, network) -> bool:
    return can_manage_network(user, network)


def can_see_meeting_evaluation(user, meeting) -> bool:
    """The facilitator and the coordinators of the meeting's network."""
    return (
        meeting.facilitator_id is not None and meeting.facilitator_id == user.pk
    ) or can_manage_network(user, meeting.network)


def get_network_for_results(user, slug: str):
    network = get_network_for_member(user, slug)
    if not can_see_results(user, network):
        raise PermissionDenied
    return network


def _round(network, pk: int) -> Round:
    round_ = Round.objects.filter(network=network, pk=pk).select_related("network").first()
    if round_ is None:
        raise Http404
    return round_


def get_round_for_results(user, slug: str, pk: int) -> Round:
    """404 for non-members and another network's round, 403 without the role."""
    network = get_network_for_member(user, slug)
    round_ = _round(network, pk)
    if not can_see_results(user, network):
        raise PermissionDenied
    return round_


def get_round_for_coordinator(user, slug: str, pk: int) -> Round:
    network = get_network_for_member(user, slug)
    round_ = _round(network, pk)
    if not can_manage_evaluation(user, network):
        raise PermissionDenied
    return round_


def get_round_for_member(user, slug: str, pk: int) -> Round:
    """A round of a network the person is a member of (whether invited is the page's
    question: it says so clearly)."""
    return _round(get_network_for_member(user, slug), pk)


def get_custom_for_coordinator(user, slug: str, pk: int) -> CustomInstrument:
    network = get_network_for_member(user, slug)
    custom = CustomInstrument.objects.filter(network=network, pk=pk).first()
    if custom is None:
        raise Http404
    if not can_manage_evaluation(user, network):
        raise PermissionDenied
    return custom
