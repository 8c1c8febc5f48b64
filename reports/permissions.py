"""Who may see and do what with placements and the network's figures.

Placements: the coordinators manage them and see all of the network's; a teacher sees the
placements they follow and records their outcome; the supervising professional sees theirs;
a student sees their own. Dashboard and period report: coordinators and researchers, and
the contact persons of partner organisations (a professional or guest whose membership
names one of the network's partners) when the coordinator allows it. Another network's
placement answers 404; a member without the right answers 403.
"""

from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404

from networks.choices import Role
from networks.permissions import (
    can_manage_network,
    current_membership,
    get_network_for_member,
    role_in,
)

from .models import Placement, ReportSettings

DASHBOARD_ROLES = (Role.COORDINATOR, Role.RESEARCHER)
PARTNER_ROLES = (Role.PROFESSIONAL, Role.GUEST)


def placements_visible_to(user, network):
    """The placements of ``network`` that ``user`` may see."""
    placements = Placement.objects.filter(network=network)
    if can_manage_network(user, network):
        return placements
    return placements.filter(Q(student=user) | Q(teacher=user) | Q(supervisor=user))


def can_manage_placements(user, network) -> bool:
    return can_manage_network(user, network)


def can_see_placements(user, network) -> bool:
    """Whether the network's placements page is of use: coordinators, teachers, students
    and professionals (who may supervise)."""
    return role_in(user, network) in (
        Role.COORDINATOR,
        Role.TEACHER,
        Role.STUDENT,
        Role.PROFESSIONAL,
    )


def can_record_outcome(user, placement) -> bool:
    return (
        placement.teacher_id is not None and placement.teacher_id == user.pk
    ) or can_manage_network(user, placement.network)


def get_placement_for_viewer(user, slug: str, pk: int) -> Placement:
    network = get_network_for_member(user, slug)
    placement = (
        placements_visible_to(user, network)
        .select_related("network", "student", "host", "supervisor", "teacher")
        .select_related("contract_organisation")
        .filter(pk=pk)
        .first()
    )
    if placement is None:
        if Placement.objects.filter(network=network, pk=pk).exists():
            raise PermissionDenied
        raise Http404
    return placement


def get_placement_for_coordinator(user, slug: str, pk: int) -> Placement:
    placement = get_placement_for_viewer(user, slug, pk)
    if not can_manage_placements(user, placement.network):
        raise PermissionDenied
    return placement


def get_placement_for_outcome(user, slug: str, pk: int) -> Placement:
    placement = get_placement_for_viewer(user, slug, pk)
    if not can_record_outcome(user, placement):
        raise PermissionDenied
    return placement


# --- dashboard ---------------------------------------------------------------------------


def partners_see_dashboard(user, network) -> bool:
    """A partner's contact person whom the coordinator lets see the dashboard: a
    professional or guest whose membership names a partner organisation of the network,
    in a network whose setting allows it (one query, none for anyone else)."""
    membership = current_membership(user, network)
    if membership is None or membership.role not in PARTNER_ROLES:
        return False
    if membership.organisation_id is None:
        return False
    return ReportSettings.objects.filter(
        network=network,
        partners_see_dashboard=True,
        network__partnerships__organisation_id=membership.organisation_id,
    ).exists()


def can_see_dashboard(user, network) -> bool:
    return role_in(user, network) in DASHBOARD_ROLES or partners_see_dashboard(user, network)


def get_network_for_dashboard(user, slug: str):
    network = get_network_for_member(user, slug)
    if not can_see_dashboard(user, network):
        raise PermissionDenied
    return network
