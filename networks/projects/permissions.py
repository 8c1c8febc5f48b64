"""Who may see and change a theme project (see the package docstring)."""

from django.core.exceptions import PermissionDenied
from django.http import Http404

from networks.choices import ProjectRole
from networks.models import Membership, ProjectMember, ProjectOutput, ThemeProject
from networks.permissions import can_manage_network, is_member


def _project_member(user, project: ThemeProject) -> ProjectMember | None:
    cache = user.__dict__.setdefault("_lin_project_member_cache", {})
    if project.pk not in cache:
        cache[project.pk] = ProjectMember.objects.filter(project=project, user=user).first()
    return cache[project.pk]


def is_partner_person(user, project: ThemeProject) -> bool:
    return (
        Membership.objects.current()
        .filter(user=user, organisation__project_partnerships__project=project)
        .exists()
    )


def can_see_project(user, project: ThemeProject) -> bool:
    if not user.is_authenticated:
        return False
    if is_member(user, project.network):
        return True
    if any(is_member(user, network) for network in project.other_networks.all()):
        return True
    return _project_member(user, project) is not None or is_partner_person(user, project)


def can_manage_project(user, project: ThemeProject) -> bool:
    if can_manage_network(user, project.network):
        return True
    member = _project_member(user, project)
    return member is not None and member.role == ProjectRole.LEAD


def can_contribute_to_project(user, project: ThemeProject) -> bool:
    """Log PDSA cycles, outputs and milestone progress: managers and project members."""
    return can_manage_project(user, project) or _project_member(user, project) is not None


def get_project_for_viewer(user, network_slug: str, pk: int) -> ThemeProject:
    project = (
        ThemeProject.objects.select_related("network", "theme")
        .filter(pk=pk, network__slug=network_slug)
        .first()
    )
    if project is None or not can_see_project(user, project):
        raise Http404
    return project


def get_project_for_manager(user, network_slug: str, pk: int) -> ThemeProject:
    project = get_project_for_viewer(user, network_slug, pk)
    if not can_manage_project(user, project):
        raise PermissionDenied
    return project


def get_project_for_contributor(user, network_slug: str, pk: int) -> ThemeProject:
    project = get_project_for_viewer(user, network_slug, pk)
    if not can_contribute_to_project(user, project):
        raise PermissionDenied
    return project


def _output_of(project: ThemeProject, pk: int) -> ProjectOutput:
    output = ProjectOutput.objects.filter(project=project, pk=pk).first()
    if output is None:
        raise Http404
    output.project = project  # already read, with its network
    return output


def get_output_for_viewer(user, network_slug: str, project_pk: int, pk: int) -> ProjectOutput:
    """An output of a project the person may see (its document is theirs to download)."""
    return _output_of(get_project_for_viewer(user, network_slug, project_pk), pk)


def get_output_for_contributor(user, network_slug: str, project_pk: int, pk: int) -> ProjectOutput:
    """An output of a project the person may add outputs to, and so remove them from."""
    return _output_of(get_project_for_contributor(user, network_slug, project_pk), pk)


def projects_visible_to(user):
    """Every project :func:`can_see_project` allows ``user``, as one queryset (no query of
    its own): members of its network or of a network it is shared with, its members, and
    the people of its partner organisations."""
    from django.db.models import Q

    if not user.is_authenticated:
        return ThemeProject.objects.none()
    current = Membership.objects.current().filter(user=user)
    network_ids = current.values("network_id")
    return ThemeProject.objects.filter(
        Q(network_id__in=network_ids)
        | Q(other_networks__in=network_ids)
        | Q(members__user=user)
        | Q(partners__organisation_id__in=current.values("organisation_id"))
    ).distinct()
