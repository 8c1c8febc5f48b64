"""Reads of theme projects, with the joins their pages need."""

from django.db.models import Prefetch, Q, QuerySet

from networks.models import (
    Milestone,
    Network,
    PdsaEntry,
    ProjectMember,
    ProjectPartner,
    ThemeProject,
)


def projects_of(network: Network) -> QuerySet[ThemeProject]:
    """The network's own projects and those shared with it."""
    return (
        ThemeProject.objects.filter(Q(network=network) | Q(other_networks=network))
        .distinct()
        .select_related("network", "theme")
        .prefetch_related(
            Prefetch(
                "partners",
                queryset=ProjectPartner.objects.select_related("organisation"),
            )
        )
        .order_by("-starts_on", "title")
    )


def project_detail(project: ThemeProject) -> dict:
    """Everything on the project page, in a fixed number of queries."""
    return {
        "partners": list(project.partners.select_related("organisation")),
        "members": list(project.members.select_related("user")),
        "milestones": list(Milestone.objects.filter(project=project).order_by("due_on", "title")),
        "outputs": list(project.outputs.all()),
        "pdsa_entries": list(PdsaEntry.objects.filter(project=project).select_related("author")),
        "meetings": list(project.meetings.select_related("network").order_by("starts_at")),
        "other_networks": list(project.other_networks.all()),
    }


def project_member_candidates(project: ThemeProject):
    from accounts.models import User
    from networks.models import Membership

    network_ids = [project.network_id, *project.other_networks.values_list("pk", flat=True)]
    taken = ProjectMember.objects.filter(project=project).values("user_id")
    return (
        User.objects.filter(
            pk__in=Membership.objects.current().filter(network_id__in=network_ids).values("user_id")
        )
        .exclude(pk__in=taken)
        .order_by("full_name")
    )
