"""The networks' part of a person's personal data: memberships, invitations, theme projects.

Registered with ``accounts.personal_data`` from ``NetworksConfig.ready()``.
"""

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts.models import erased_email
from accounts.personal_data import choice, iso, register

from .choices import ProjectRole, Role
from .models import (
    Invitation,
    Membership,
    NetworkPartner,
    PdsaEntry,
    PreconditionCheck,
    ProjectMember,
)

COVERS = (
    "networks.Membership.user",
    "networks.Membership.ended_by",
    "networks.Invitation.invited_by",
    "networks.Invitation.accepted_by",
    "networks.ProjectMember.user",
    "networks.PdsaEntry.author",
    "networks.NetworkPartner.contact",
    "networks.PreconditionCheck.respondent",
)


def _addresses(user) -> list[str]:
    """Every address of the person (the login and allauth's others), lower-cased as
    invitations store them."""
    from allauth.account.models import EmailAddress

    found = {user.email.lower()}
    found.update(
        a.lower() for a in EmailAddress.objects.filter(user=user).values_list("email", flat=True)
    )
    return sorted(found)


def _invitation_status(invitation: Invitation) -> str:
    if invitation.accepted_at:
        return "accepted"
    if invitation.revoked_at:
        return "revoked"
    return "open" if invitation.is_open else "expired"


def export(user) -> dict:
    memberships = (
        Membership.objects.filter(user=user)
        .select_related("network", "organisation")
        .order_by("starts_on", "pk")
    )
    ended_for_others = (
        Membership.objects.filter(ended_by=user)
        .exclude(user=user)
        .select_related("network")
        .order_by("ended_at", "pk")
    )
    invitations = (
        Invitation.objects.filter(Q(email__in=_addresses(user)) | Q(accepted_by=user))
        .select_related("network", "organisation")
        .order_by("created_at", "pk")
    )
    sent = (
        Invitation.objects.filter(invited_by=user)
        .select_related("network")
        .order_by("created_at", "pk")
    )
    projects = (
        ProjectMember.objects.filter(user=user)
        .select_related("project__network")
        .order_by("project__starts_on", "pk")
    )
    pdsa = (
        PdsaEntry.objects.filter(author=user).select_related("project").order_by("created_at", "pk")
    )
    contacts = (
        NetworkPartner.objects.filter(contact=user)
        .select_related("network", "organisation")
        .order_by("pk")
    )
    checks = (
        PreconditionCheck.objects.filter(respondent=user)
        .select_related("network", "partner__organisation")
        .order_by("year", "pk")
    )
    return {
        "partner_contact_for": [
            {"network": p.network.name, "organisation": p.organisation.name} for p in contacts
        ],
        "precondition_checks_you_answered": [
            {
                "network": c.network.name,
                "organisation": c.partner.organisation.name,
                "year": c.year,
                "shared_vision": c.shared_vision,
                "co_ownership": c.co_ownership,
                "people_and_time": c.people_and_time,
                "remark": c.remark,
                "answered_at": iso(c.answered_at),
            }
            for c in checks
        ],
        "memberships": [
            {
                "network": m.network.name,
                "role": choice(m.role, Role),
                "organisation": m.organisation.name if m.organisation else None,
                "starts_on": iso(m.starts_on),
                "ends_on": iso(m.ends_on),
                "ended_at": iso(m.ended_at),
                "current": m.is_current,
            }
            for m in memberships
        ],
        # Memberships of other people that this person ended, as coordinator: whose is
        # not said (that is the other person's data).
        "memberships_you_ended": [
            {"network": m.network.name, "role": choice(m.role, Role), "ended_at": iso(m.ended_at)}
            for m in ended_for_others
        ],
        "invitations_to_you": [
            {
                "network": i.network.name,
                "email": i.email,
                "role": choice(i.role, Role),
                "organisation": i.organisation.name if i.organisation else None,
                "sent_at": iso(i.created_at),
                "expires_at": iso(i.expires_at),
                "accepted_at": iso(i.accepted_at),
                "revoked_at": iso(i.revoked_at),
                "status": _invitation_status(i),
            }
            for i in invitations
        ],
        # Invitations this person sent: without the invitee's address.
        "invitations_you_sent": [
            {
                "network": i.network.name,
                "role": choice(i.role, Role),
                "sent_at": iso(i.created_at),
                "status": _invitation_status(i),
            }
            for i in sent
        ],
        "theme_projects": [
            {
                "project": pm.project.title,
                "network": pm.project.network.name,
                "role": choice(pm.role, ProjectRole),
            }
            for pm in projects
        ],
        "pdsa_entries_you_wrote": [
            {
                "project": e.project.title,
                "question": e.question,
                "plan": e.plan,
                "do": e.do,
                "study": e.study,
                "act": e.act,
                "written_at": iso(e.created_at),
            }
            for e in pdsa
        ],
    }


def erase(user, *, by) -> None:
    """End the person's memberships today (the rows stay as the network's history), delete
    the invitations to their addresses that were never accepted (an accepted one keeps its
    row, with the anonymised address), and take them off theme projects."""
    now = timezone.now()
    today = timezone.localdate(now)
    open_memberships = Membership.objects.filter(user=user, ended_at__isnull=True)
    open_memberships.filter(starts_on__lte=today).filter(
        Q(ends_on__isnull=True) | Q(ends_on__gt=today)
    ).update(ends_on=today)
    open_memberships.update(ended_at=now, ended_by=by)
    addresses = _addresses(user)
    Invitation.objects.filter(email__in=addresses, accepted_at__isnull=True).delete()
    Invitation.objects.filter(Q(email__in=addresses) | Q(accepted_by=user)).update(
        email=erased_email(user.pk)
    )
    ProjectMember.objects.filter(user=user).delete()
    # The partner keeps its row without a contact; the answers stay as the partner's,
    # without who gave them (the remark may say something about the person: blanked).
    NetworkPartner.objects.filter(contact=user).update(contact=None)
    PreconditionCheck.objects.filter(respondent=user).update(respondent=None, remark="")


def refuse(user) -> list[str]:
    """A network without a coordinator is run by no one: the only coordinator hands over
    first (or the platform's staff erase, and appoint someone)."""
    mine = list(
        Membership.objects.current()
        .filter(user=user, role=Role.COORDINATOR)
        .select_related("network")
        .order_by("network__name")
    )
    if not mine:
        return []
    covered = set(
        Membership.objects.current()
        .filter(role=Role.COORDINATOR, network__in=[m.network_id for m in mine])
        .exclude(user=user)
        .values_list("network_id", flat=True)
    )
    return [
        _(
            "You are the only coordinator of %(network)s. Appoint another coordinator there "
            "first, or ask the platform's staff to erase your data."
        )
        % {"network": m.network.name}
        for m in mine
        if m.network_id not in covered
    ]


def register_section() -> None:
    register(
        "networks",
        title=gettext_lazy("Networks"),
        kept=gettext_lazy(
            "Your memberships of networks with their periods, roles and organisations; the "
            "invitations sent to your address and the ones you sent; your roles in theme "
            "projects and the PDSA cycles you wrote; the partner organisations you are contact "
            "person for and your answers to their yearly self-check."
        ),
        on_erase=gettext_lazy(
            "Your memberships end today; the network keeps them as history, under “Former "
            "member”. Invitations to your address that were not accepted are deleted, and you "
            "leave the theme projects. You are no longer a partner's contact person; your "
            "self-check scores stay with the partner, without your name or remark."
        ),
        export=export,
        erase=erase,
        refuse=refuse,
        covers=COVERS,
    )
