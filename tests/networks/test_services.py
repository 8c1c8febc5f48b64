"""Invitations, roles and membership history."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone

from networks import services
from networks.choices import Role
from networks.models import Invitation, Membership
from tests.factories import InvitationFactory, MembershipFactory, UserFactory, member

pytestmark = pytest.mark.django_db


def test_invitation_mails_a_link_with_the_token(
    network, coordinator, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        invitation = services.invitation_create(
            network=network,
            email=" New.Student@Example.org ",
            role=Role.STUDENT,
            invited_by=coordinator,
        )
    assert invitation.email == "new.student@example.org"
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["new.student@example.org"]
    assert f"/uitnodiging/{invitation.token}/" in mail.outbox[0].body
    assert mail.outbox[0].subject == "[LIN] Uitnodiging voor LIN Oost"


def test_inviting_a_current_member_is_refused(network, coordinator):
    existing = member(network, Role.PROFESSIONAL, email="wijk@example.org")
    with pytest.raises(ValidationError) as error:
        services.invitation_create(
            network=network, email=existing.email.upper(), role=Role.STUDENT, invited_by=coordinator
        )
    assert error.value.code == "already_member"
    assert Invitation.objects.count() == 0


def test_inviting_twice_is_refused_while_the_first_is_open(network, coordinator):
    services.invitation_create(
        network=network, email="a@example.org", role="student", invited_by=coordinator
    )
    with pytest.raises(ValidationError) as error:
        services.invitation_create(
            network=network, email="a@example.org", role="teacher", invited_by=coordinator
        )
    assert error.value.code == "already_invited"
    assert Invitation.objects.count() == 1


def test_an_expired_invitation_is_replaced(network, coordinator):
    old = InvitationFactory(
        network=network, email="a@example.org", expires_at=timezone.now() - timedelta(days=1)
    )
    new = services.invitation_create(
        network=network, email="a@example.org", role="student", invited_by=coordinator
    )
    old.refresh_from_db()
    assert old.revoked_at is not None
    assert new.pk != old.pk


def test_accepting_attaches_an_existing_account(network):
    user = UserFactory(email="bestaand@example.org")
    invitation = InvitationFactory(network=network, email="bestaand@example.org", role=Role.TEACHER)
    membership = services.invitation_accept(invitation=invitation, user=user)
    invitation.refresh_from_db()
    assert (membership.network, membership.user, membership.role) == (network, user, Role.TEACHER)
    assert invitation.accepted_by == user


def test_an_invitation_cannot_be_used_twice(network):
    user = UserFactory(email="x@example.org")
    invitation = InvitationFactory(network=network, email="x@example.org")
    services.invitation_accept(invitation=invitation, user=user)
    with pytest.raises(ValidationError):
        services.invitation_accept(invitation=invitation, user=user)
    assert Membership.objects.filter(user=user).count() == 1


def test_accepting_as_someone_else_is_refused(network):
    invitation = InvitationFactory(network=network, email="invited@example.org")
    other = UserFactory(email="other@example.org")
    with pytest.raises(ValidationError) as error:
        services.invitation_accept(invitation=invitation, user=other)
    assert error.value.code == "wrong_person"
    assert Membership.objects.count() == 0


def test_signup_through_an_invitation_makes_a_verified_account(network):
    from allauth.account.models import EmailAddress

    invitation = InvitationFactory(network=network, email="nieuw@example.org", role=Role.STUDENT)
    user, membership = services.invitation_accept_with_signup(
        invitation=invitation,
        full_name="Noor Bakker",
        password="een-lang-wachtwoord-9",
        profession="nursing_student",
        student_level="hbo",
        programme="HBO-V",
    )
    assert EmailAddress.objects.get(user=user).verified is True
    assert membership.role == Role.STUDENT
    assert user.check_password("een-lang-wachtwoord-9")


def test_changing_a_role_keeps_the_history(network, coordinator):
    person = member(network, Role.STUDENT)
    old = Membership.objects.get(user=person)
    new = services.membership_change_role(
        membership=old, role=Role.PROFESSIONAL, changed_by=coordinator
    )
    old.refresh_from_db()
    assert old.ended_at is not None
    assert new.role == Role.PROFESSIONAL
    assert list(Membership.objects.current().filter(user=person)) == [new]
    assert Membership.objects.filter(user=person).count() == 2


def test_ending_a_membership_keeps_the_row(network, coordinator):
    person = member(network, Role.PROFESSIONAL)
    membership = Membership.objects.get(user=person)
    services.membership_end(membership=membership, ended_by=coordinator)
    membership.refresh_from_db()
    assert membership.ended_by == coordinator
    assert Membership.objects.current().filter(user=person).count() == 0


def test_the_last_coordinator_cannot_leave(network, coordinator):
    membership = Membership.objects.get(user=coordinator)
    with pytest.raises(ValidationError) as error:
        services.membership_end(membership=membership, ended_by=coordinator)
    assert error.value.code == "last_coordinator"
    membership.refresh_from_db()
    assert membership.ended_at is None


def test_a_membership_past_its_end_date_is_not_current(network):
    person = UserFactory()
    MembershipFactory(
        network=network,
        user=person,
        starts_on=timezone.localdate() - timedelta(days=100),
        ends_on=timezone.localdate() - timedelta(days=1),
    )
    assert Membership.objects.current().filter(user=person).count() == 0


def test_network_create_appoints_an_existing_account_at_once(admin_user):
    person = UserFactory(email="co@example.org")
    network, appointed = services.network_create(
        name="LIN Zuid",
        kind="nursing_home",
        region="Zuid",
        description="",
        coordinator_email="CO@example.org",
        created_by=admin_user,
        themes=["ondervoeding", "dementie"],
    )
    assert appointed.user == person
    assert appointed.role == Role.COORDINATOR
    assert sorted(network.themes.values_list("slug", flat=True)) == ["dementie", "ondervoeding"]


def test_network_create_invites_a_new_address(admin_user):
    network, appointed = services.network_create(
        name="LIN Zuid",
        kind="nursing_home",
        region="",
        description="",
        coordinator_email="new@example.org",
        created_by=admin_user,
    )
    assert isinstance(appointed, Invitation)
    assert appointed.role == Role.COORDINATOR
    assert network.slug == "lin-zuid"
