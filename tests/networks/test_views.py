"""The network pages as their users meet them: invitations, directory, roles, bad input."""

from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from networks.choices import Role
from networks.models import Invitation, Membership
from tests.factories import (
    InvitationFactory,
    MembershipFactory,
    NetworkFactory,
    StudentFactory,
    UserFactory,
    member,
)
from tests.helpers import messages_of

pytestmark = pytest.mark.django_db


def test_coordinator_invites_by_email(
    client, network, coordinator, django_capture_on_commit_callbacks
):
    client.force_login(coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("networks:invite", args=[network.slug]),
            {"email": "student@example.org", "role": "student"},
            follow=True,
        )
    assert messages_of(response) == ["Er is een uitnodiging verstuurd naar student@example.org."]
    assert Invitation.objects.get().role == "student"
    assert len(mail.outbox) == 1


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"email": "geen-adres", "role": "student"}, "Voer een geldig e-mailadres in."),
        (
            {"email": "a@example.org", "role": "keizer"},
            "Selecteer een geldige keuze. keizer is geen beschikbare keuze.",
        ),
        (
            {"email": "a@example.org", "role": "student", "ends_on": "2001-01-01"},
            "De einddatum ligt in het verleden.",
        ),
    ],
)
def test_invite_form_refuses_bad_input(client, network, coordinator, data, message):
    client.force_login(coordinator)
    response = client.post(reverse("networks:invite", args=[network.slug]), data)
    assert response.status_code == 200
    errors = [e for errs in response.context["form"].errors.values() for e in errs]
    assert errors == [message]
    assert Invitation.objects.count() == 0


def test_inviting_a_member_shows_a_clear_message(client, network, coordinator):
    existing = member(network, Role.TEACHER, email="docent@example.org")
    client.force_login(coordinator)
    response = client.post(
        reverse("networks:invite", args=[network.slug]),
        {"email": existing.email, "role": "teacher"},
    )
    assert response.context["form"].errors["email"] == [
        "docent@example.org is al lid van LIN Oost."
    ]
    assert Invitation.objects.count() == 0


def test_invitation_link_creates_the_account_and_membership(client, network):
    invitation = InvitationFactory(network=network, email="sam@example.org", role=Role.STUDENT)
    url = reverse("networks:invitation", args=[invitation.token])
    response = client.post(
        url,
        {
            "full_name": "Sam de Jong",
            "profession": "social_work_student",
            "student_level": "hbo",
            "programme": "Social Work",
            "password1": "wijkzorg-leiden-2026",
            "password2": "wijkzorg-leiden-2026",
        },
    )
    assert response.status_code == 302
    assert response.url == reverse("networks:detail", args=[network.slug])
    membership = Membership.objects.get(user__email="sam@example.org")
    assert (membership.network, membership.role) == (network, Role.STUDENT)
    # signed in straight away
    assert client.get(reverse("home")).status_code == 200


def test_invitation_signup_refuses_mismatched_passwords(client, network):
    invitation = InvitationFactory(network=network, email="sam@example.org")
    response = client.post(
        reverse("networks:invitation", args=[invitation.token]),
        {
            "full_name": "Sam",
            "profession": "carer",
            "password1": "wijkzorg-leiden-2026",
            "password2": "anders-123456",
        },
    )
    assert response.context["form"].errors["password2"] == ["De twee wachtwoorden verschillen."]
    assert Membership.objects.count() == 0


@pytest.mark.parametrize(
    ("make", "status", "text"),
    [
        (lambda n: None, 404, "Deze uitnodigingslink is niet geldig."),
        (
            lambda n: InvitationFactory(network=n, accepted_at=timezone.now()),
            410,
            "Deze uitnodiging is al gebruikt.",
        ),
        (
            lambda n: InvitationFactory(network=n, revoked_at=timezone.now()),
            410,
            "Deze uitnodiging is ingetrokken.",
        ),
        (
            lambda n: InvitationFactory(
                network=n, expires_at=timezone.now() - timedelta(minutes=1)
            ),
            410,
            "Deze uitnodiging is verlopen.",
        ),
    ],
)
def test_unusable_invitations_say_why(client, network, make, status, text):
    invitation = make(network)
    token = invitation.token if invitation else "vervalst-token"
    before = Membership.objects.count()
    response = client.get(reverse("networks:invitation", args=[token]))
    assert response.status_code == status
    assert response.context["problem"].startswith(text)
    assert Membership.objects.count() == before


def test_invitation_opened_while_signed_in_as_someone_else(client, network):
    invitation = InvitationFactory(network=network, email="invited@example.org")
    client.force_login(UserFactory(email="me@example.org"))
    response = client.post(reverse("networks:invitation", args=[invitation.token]))
    assert response.status_code == 403
    assert response.context["problem"] == (
        "Deze uitnodiging is verstuurd aan invited@example.org, maar je bent ingelogd als "
        "me@example.org. Log eerst uit en open de link daarna opnieuw."
    )
    assert Membership.objects.filter(network=network).count() == 0


def test_existing_account_accepts_after_signing_in(client, network):
    user = UserFactory(email="bestaand@example.org")
    invitation = InvitationFactory(network=network, email="bestaand@example.org", role=Role.TEACHER)
    url = reverse("networks:invitation", args=[invitation.token])
    response = client.get(url)
    assert response.context["existing_account"] is True
    client.force_login(user)
    response = client.post(url)
    assert response.status_code == 302
    assert Membership.objects.get(user=user).role == Role.TEACHER


def test_coordinator_changes_a_role(client, network, coordinator):
    person = member(network, Role.STUDENT)
    membership = Membership.objects.get(user=person)
    client.force_login(coordinator)
    response = client.post(
        reverse("networks:membership_edit", args=[network.slug, membership.pk]),
        {"role": "professional"},
    )
    assert response.status_code == 302
    assert Membership.objects.current().get(user=person).role == "professional"


def test_last_coordinator_is_told_why_they_cannot_leave(client, network, coordinator):
    membership = Membership.objects.get(user=coordinator)
    client.force_login(coordinator)
    response = client.post(
        reverse("networks:membership_end", args=[network.slug, membership.pk]), follow=True
    )
    assert messages_of(response) == [
        "Een netwerk heeft minstens één coördinator nodig. Benoem eerst een andere coördinator."
    ]
    assert Membership.objects.current().filter(user=coordinator).count() == 1


def test_directory_filters_by_domain_and_shows_the_mix(client, network, coordinator):
    member(
        network, Role.PROFESSIONAL, full_name="Wim Wijkverpleegkundige", profession="district_nurse"
    )
    member(network, Role.PROFESSIONAL, full_name="Sara Sociaal", profession="social_worker")
    client.force_login(coordinator)
    response = client.get(reverse("networks:members", args=[network.slug]), {"domain": "social"})
    assert [m.user.full_name for m in response.context["members"]] == ["Sara Sociaal"]
    mix = {row.domain: row.count for row in response.context["mix"]}
    assert mix == {"care": 2, "social": 1, "education": 0, "research": 0, "citizens": 0}


def test_directory_answers_htmx_with_the_list_only(client, network, coordinator):
    client.force_login(coordinator)
    response = client.get(
        reverse("networks:members", args=[network.slug]),
        {"role": "coordinator"},
        HTTP_HX_REQUEST="true",
    )
    assert [t.name for t in response.templates][0] == "networks/partials/member_list.html"


def _directory_with(network, n):
    for i in range(n):
        user = StudentFactory() if i % 2 else UserFactory(profession="social_worker")
        MembershipFactory(
            network=network, user=user, role=Role.STUDENT if i % 2 else Role.PROFESSIONAL
        )


@pytest.mark.parametrize("count", [1, 50])
def test_directory_queries_do_not_grow_with_members(
    client, network, coordinator, count, django_assert_num_queries
):
    _directory_with(network, count)
    client.force_login(coordinator)
    url = reverse("networks:members", args=[network.slug])
    client.get(url)  # warm the session
    with django_assert_num_queries(9):
        response = client.get(url)
    assert len(response.context["members"]) == count + 1


@pytest.mark.parametrize("count", [1, 50])
def test_home_queries_do_not_grow_with_networks(client, count, django_assert_num_queries):
    from tests.factories import NetworkFactory
    from tests.sessions.factories_shadowing import ShadowingDayFactory

    user = UserFactory()
    for _ in range(count):
        network = NetworkFactory()
        MembershipFactory(network=network, user=user)
        # A day to reflect on, and a request waiting for the person as host.
        ShadowingDayFactory(network=network, shadower=user, host=UserFactory())
        ShadowingDayFactory(network=network, shadower=UserFactory(), host=user, status="requested")
    client.force_login(user)
    client.get(reverse("home"))
    # session, user, memberships, the meetings on home, the cases of the pair, one query for
    # the person's shadowing days, their actions, their open questionnaires, and the cards'
    # member counts and meeting figures (one query each, whatever the number of networks)
    with django_assert_num_queries(12):
        response = client.get(reverse("home"))
    assert len(response.context["memberships"]) == count
    shadowing = response.context["shadowing"]
    assert (len(shadowing.to_reflect), len(shadowing.requests)) == (count, count)


def test_staff_create_a_network(client, admin_user):
    client.force_login(admin_user)
    response = client.post(
        reverse("networks:create"),
        {
            "name": "LIN Noord",
            "kind": "neighbourhood",
            "coordinator_email": "coordinator@example.org",
            "themes": "eenzaamheid",
        },
        follow=True,
    )
    assert messages_of(response) == [
        "LIN Noord is aangemaakt; een uitnodiging om het te coördineren ging naar "
        "coordinator@example.org."
    ]
    assert Invitation.objects.get().role == "coordinator"


def test_staff_list_links_each_network_to_where_staff_can_open_it(client, admin_user):
    networks = [NetworkFactory(name="LIN Noord"), NetworkFactory(name="LIN Zuid")]
    client.force_login(admin_user)
    page = client.get(reverse("networks:staff_list")).content.decode()
    for network in networks:
        link = reverse("admin:networks_network_change", args=[network.pk])
        assert f'<a href="{link}">{network.name}</a>' in page
        assert client.get(link).status_code == 200


@pytest.mark.parametrize("role", [Role.COORDINATOR, Role.STUDENT, Role.GUEST])
def test_network_page_queries_are_pinned(client, network, role, django_assert_num_queries):
    """The sections other apps register (networks.sections) add one query each: the next
    meetings, the person's open questionnaires.

    session, user, network, membership (cached per request: the buttons that ask for the
    role add none), themes, partnerships, domain mix, next meetings, open questionnaires,
    and the bell's unread count.
    """
    client.force_login(member(network, role))
    url = reverse("networks:detail", args=[network.slug])
    client.get(url)  # warm the session
    with django_assert_num_queries(10):
        response = client.get(url)
    assert response.status_code == 200
