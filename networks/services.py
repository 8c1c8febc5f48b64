"""Writes of the network: one function per action."""

from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import EmailMultiAlternatives
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext as _

from accounts.models import User
from accounts.services import user_create_verified

from . import outbox
from .choices import Role
from .models import Invitation, Membership, Network, Organisation, Theme


def _normalise_email(email: str) -> str:
    return email.strip().lower()


def invitation_create(
    *,
    network: Network,
    email: str,
    role: str,
    invited_by: User,
    organisation: Organisation | None = None,
    ends_on=None,
    language: str | None = None,
) -> Invitation:
    """Invite ``email`` into ``network`` with ``role`` and mail the link.

    Refuses (ValidationError) when the address already belongs to a current member or has
    an open invitation. An expired invitation for the address is withdrawn and replaced.
    ``language`` is accepted for the callers' sake; the mail is in the invitee's language
    (an account's) or the inviter's (``invitation_language``).
    Side effects: an Invitation row and its outbox row; after commit, one mail to ``email``
    (sent by the worker, never in the request).
    """
    email = _normalise_email(email)
    if Membership.objects.current().filter(network=network, user__email__iexact=email).exists():
        raise ValidationError(
            _("%(email)s is already a member of %(network)s.")
            % {"email": email, "network": network.name},
            code="already_member",
        )
    now = timezone.now()
    with transaction.atomic():
        previous = Invitation.objects.select_for_update().filter(
            network=network, email=email, accepted_at__isnull=True, revoked_at__isnull=True
        )
        for old in previous:
            if old.expires_at > now:
                raise ValidationError(
                    _("%(email)s has already been invited and has not answered yet.")
                    % {"email": email},
                    code="already_invited",
                )
            old.revoked_at = now
            old.save(update_fields=["revoked_at"])
        try:
            with transaction.atomic():
                invitation = Invitation.objects.create(
                    network=network,
                    email=email,
                    role=role,
                    organisation=organisation,
                    ends_on=ends_on,
                    invited_by=invited_by,
                    expires_at=now + timedelta(days=settings.INVITATION_VALID_DAYS),
                )
        except IntegrityError as exc:  # a concurrent invite of the same address won
            raise ValidationError(
                _("%(email)s has already been invited and has not answered yet.")
                % {"email": email},
                code="already_invited",
            ) from exc
        # The mail goes through the outbox: a delivery row committed with the invitation,
        # sent by the worker (also when the mail server is down now: later).
        outbox.announce("invitation", invitation)
    return invitation


def invitation_url(invitation: Invitation) -> str:
    return settings.SITE_URL + reverse("networks:invitation", args=[invitation.token])


def invitation_language(invitation: Invitation) -> str:
    """The language of the invitation mail: the invitee's if they have an account, else the
    inviter's, else the platform's default (Dutch)."""
    existing = User.objects.filter(email__iexact=invitation.email).first()
    for person in (existing, invitation.invited_by):
        if person is not None and person.language:
            return person.language
    return settings.LANGUAGE_CODE


def invitation_message(
    *, invitation: Invitation, language: str | None = None
) -> EmailMultiAlternatives:
    """The invitation mail with its link (not sent: the outbox sends it)."""
    language = language or invitation_language(invitation)
    with translation.override(language):
        context = {
            "invitation": invitation,
            "network": invitation.network,
            "role": invitation.get_role_display(),
            "inviter": invitation.invited_by,
            "url": invitation_url(invitation),
            "LANGUAGE_CODE": language,
        }
        subject = _("Invitation to join %(network)s") % {"network": invitation.network.name}
        text = render_to_string("networks/email/invitation.txt", context)
        html = render_to_string("networks/email/invitation.html", context)
    message = EmailMultiAlternatives(
        subject=settings.ACCOUNT_EMAIL_SUBJECT_PREFIX + subject,
        body=text,
        to=[invitation.email],
    )
    message.attach_alternative(html, "text/html")
    return message


@transaction.atomic
def invitation_resend(*, invitation: Invitation) -> None:
    """Mail the link of an open invitation once more. Side effects: after commit, one mail
    (a new delivery row in the outbox)."""
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if not invitation.is_open:
        raise ValidationError(
            _("This invitation can no longer be used. Invite the person again."),
            code="not_open",
        )
    outbox.announce("invitation_resent", invitation)


def invitation_revoke(*, invitation: Invitation) -> None:
    """Withdraw an open invitation. Side effects: sets ``revoked_at``."""
    if invitation.accepted_at is None and invitation.revoked_at is None:
        invitation.revoked_at = timezone.now()
        invitation.save(update_fields=["revoked_at"])


def invitation_problem(invitation: Invitation | None) -> str | None:
    """Why an invitation cannot be used, in the person's language; None when it can."""
    if invitation is None:
        return _("This invitation link is not valid. Check that you copied the whole link.")
    if invitation.accepted_at is not None:
        return _("This invitation has already been used. Sign in to go to the network.")
    if invitation.revoked_at is not None:
        return _("This invitation has been withdrawn. Ask the coordinator for a new one.")
    if invitation.expires_at <= timezone.now():
        return _("This invitation has expired. Ask the coordinator for a new one.")
    return None


@transaction.atomic
def invitation_accept(*, invitation: Invitation, user: User) -> Membership:
    """Attach ``user`` to the invitation's network with its role.

    The person's e-mail address must be the invited one. When the person is already a
    current member, the invitation is used up without a second membership.
    Side effects: a Membership row (unless one is in force), the invitation marked used.
    """
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    problem = invitation_problem(invitation)
    if problem:
        raise ValidationError(problem, code="unusable")
    if _normalise_email(user.email) != invitation.email:
        raise ValidationError(
            _("This invitation was sent to %(invited)s, but you are signed in as %(current)s.")
            % {"invited": invitation.email, "current": user.email},
            code="wrong_person",
        )
    membership = Membership.objects.current().filter(network=invitation.network, user=user).first()
    if membership is None:
        # A membership that is not in force (past its end date) but not ended blocks the
        # unique constraint: close it first so the history stays complete.
        Membership.objects.filter(
            network=invitation.network, user=user, ended_at__isnull=True
        ).update(ended_at=timezone.now())
        membership = Membership.objects.create(
            network=invitation.network,
            user=user,
            role=invitation.role,
            organisation=invitation.organisation,
            ends_on=invitation.ends_on,
        )
        # The apps above may act on a new member (evaluation invites them to an open baseline).
        outbox.announce("membership_started", membership)
    invitation.accepted_at = timezone.now()
    invitation.accepted_by = user
    invitation.save(update_fields=["accepted_at", "accepted_by"])
    return membership


@transaction.atomic
def invitation_accept_with_signup(
    *,
    invitation: Invitation,
    full_name: str,
    password: str,
    profession: str,
    student_level: str = "",
    programme: str = "",
    language: str = "nl",
) -> tuple[User, Membership]:
    """Create the account of an invited person and accept the invitation.

    The link in the mail proves the address, so the account starts verified.
    Side effects: User and EmailAddress rows, a Membership, the invitation marked used.
    """
    problem = invitation_problem(invitation)
    if problem:
        raise ValidationError(problem, code="unusable")
    if User.objects.filter(email__iexact=invitation.email).exists():
        raise ValidationError(
            _("An account with this address exists already. Sign in to accept."),
            code="account_exists",
        )
    user = user_create_verified(
        email=invitation.email,
        password=password,
        full_name=full_name,
        profession=profession,
        student_level=student_level,
        programme=programme,
        language=language,
    )
    membership = invitation_accept(invitation=invitation, user=user)
    return user, membership


@transaction.atomic
def membership_change_role(*, membership: Membership, role: str, changed_by: User) -> Membership:
    """Give a member another role. The old membership is ended and a new one starts today,
    so the history shows who had which role when.

    Refuses to take away the last coordinator of a network.
    Side effects: the old Membership ended, a new Membership row.
    """
    membership = Membership.objects.select_for_update().get(pk=membership.pk)
    if membership.ended_at is not None:
        raise ValidationError(_("This membership has already ended."), code="ended")
    if membership.role == role:
        return membership
    if membership.role == Role.COORDINATOR:
        _ensure_other_coordinator(membership)
    now = timezone.now()
    membership.ended_at = now
    membership.ended_by = changed_by
    membership.save(update_fields=["ended_at", "ended_by"])
    return Membership.objects.create(
        network=membership.network,
        user=membership.user,
        role=role,
        organisation=membership.organisation,
        starts_on=timezone.localdate(),
        ends_on=membership.ends_on
        if membership.ends_on and membership.ends_on >= timezone.localdate()
        else None,
    )


@transaction.atomic
def membership_end(*, membership: Membership, ended_by: User) -> Membership:
    """End a membership; the row stays as history.

    Refuses to end the last coordinator. Side effects: ``ended_at``/``ended_by`` set.
    """
    membership = Membership.objects.select_for_update().get(pk=membership.pk)
    if membership.ended_at is not None:
        raise ValidationError(_("This membership has already ended."), code="ended")
    if membership.role == Role.COORDINATOR:
        _ensure_other_coordinator(membership)
    membership.ended_at = timezone.now()
    membership.ended_by = ended_by
    membership.save(update_fields=["ended_at", "ended_by"])
    return membership


def _ensure_other_coordinator(membership: Membership) -> None:
    others = (
        Membership.objects.current()
        .filter(network=membership.network, role=Role.COORDINATOR)
        .exclude(pk=membership.pk)
        .select_for_update()
    )
    if not others.exists():
        raise ValidationError(
            _("A network needs at least one coordinator. Appoint another coordinator first."),
            code="last_coordinator",
        )


def _unique_slug(name: str) -> str:
    base = slugify(name)[:70] or "netwerk"
    slug, n = base, 2
    while Network.objects.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


@transaction.atomic
def network_create(
    *,
    name: str,
    kind: str,
    region: str,
    description: str,
    coordinator_email: str,
    created_by: User,
    themes: list[str] | None = None,
) -> tuple[Network, Invitation | Membership]:
    """Create a network and appoint its first coordinator.

    An existing account becomes coordinator at once; a new address receives an invitation
    with the coordinator role. Side effects: Network, Theme rows, a Membership or an
    Invitation (with its mail after commit).
    """
    network = Network.objects.create(
        name=name.strip(),
        slug=_unique_slug(name),
        kind=kind,
        region=region.strip(),
        description=description.strip(),
    )
    for theme in themes or []:
        theme_create(network=network, name=theme)
    email = _normalise_email(coordinator_email)
    user = User.objects.filter(email__iexact=email).first()
    if user is not None:
        return network, Membership.objects.create(network=network, user=user, role=Role.COORDINATOR)
    return network, invitation_create(
        network=network, email=email, role=Role.COORDINATOR, invited_by=created_by
    )


def theme_create(*, network: Network, name: str, description: str = "") -> Theme:
    """Add a practice theme to a network (idempotent on the name)."""
    name = name.strip()
    theme, _created = Theme.objects.get_or_create(
        network=network,
        slug=slugify(name)[:100],
        defaults={"name": name, "description": description},
    )
    return theme
