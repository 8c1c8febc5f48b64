"""The demo data command: five fictional networks, demo logins, idempotent, development only."""

from io import StringIO

import pytest
from allauth.account.models import EmailAddress
from django.apps import apps
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse
from django.utils import timezone, translation

from accounts.choices import Domain, StudentLevel
from accounts.models import User
from networks import demo
from networks.choices import NetworkKind, Role
from networks.models import Invitation, Membership, Network, NetworkPartner, Organisation, Theme
from tests.factories import NetworkFactory

pytestmark = pytest.mark.django_db

SLUGS_AND_KINDS = {
    "lin-wijkzorg-amsterdam-oost": NetworkKind.DISTRICT_TEAM,
    "leergemeenschap-aios-utrecht": NetworkKind.LEARNING_COMMUNITY,
    "leerwerkplaats-leiden-den-haag": NetworkKind.LEARNING_COMMUNITY,
    "lin-grz-de-hofstede": NetworkKind.NURSING_HOME,
    "buurtnetwerk-tarwewijk": NetworkKind.NEIGHBOURHOOD,
}


@pytest.fixture(autouse=True)
def _debug_on(settings):
    # pytest-django turns DEBUG off; the command only runs with DEBUG on.
    settings.DEBUG = True


def seed_demo(*args: str) -> str:
    out = StringIO()
    with translation.override("en"):
        call_command("seed_demo", *args, stdout=out)
    return out.getvalue()


def login_table(output: str) -> dict[str, tuple[str, str]]:
    """Role label -> (e-mail, name), read from the printed table."""
    lines = output.splitlines()
    start = lines.index(next(line for line in lines if line.startswith("Role "))) + 2
    rows = {}
    for line in lines[start:]:
        label, email, name = (cell.strip() for cell in _split_columns(line, lines[start - 1]))
        rows[label] = (email, name)
    return rows


def _split_columns(line: str, dashes: str) -> list[str]:
    cells, pos = [], 0
    for run in dashes.split("  "):
        cells.append(line[pos : pos + len(run)])
        pos += len(run) + 2
    return cells


def counts() -> dict[str, int]:
    return {model._meta.label: model.objects.count() for model in apps.get_models()}


def test_builds_the_five_networks_each_with_a_coordinator_and_care_and_social_members():
    seed_demo()

    networks = Network.objects.all()
    assert {n.slug: n.kind for n in networks} == SLUGS_AND_KINDS
    oost = Network.objects.get(slug="lin-wijkzorg-amsterdam-oost")
    assert (oost.name, oost.region) == ("LIN Wijkzorg Amsterdam-Oost", "Amsterdam-Oost")
    for network in networks:
        current = Membership.objects.current().filter(network=network).select_related("user")
        roles = {m.role for m in current}
        domains = {m.user.domain for m in current}
        assert {Role.COORDINATOR, Role.TEACHER, Role.STUDENT, Role.PROFESSIONAL} <= roles, network
        assert {Domain.CARE, Domain.SOCIAL} <= domains, network
        assert network.themes.count() >= 4
        assert network.partnerships.exclude(part="").count() == network.partnerships.count()
        assert network.partnerships.count() >= 6
        assert Invitation.objects.filter(network=network).count() == 1
        assert Invitation.objects.get(network=network).is_open is True
    ended = {n.slug: n.memberships.filter(ended_at__isnull=False).count() for n in networks}
    assert ended == {
        "lin-wijkzorg-amsterdam-oost": 2,
        "leergemeenschap-aios-utrecht": 1,
        "leerwerkplaats-leiden-den-haag": 1,
        "lin-grz-de-hofstede": 1,
        "buurtnetwerk-tarwewijk": 1,
    }


def test_the_two_district_teams_are_organisations_within_the_amsterdam_network():
    seed_demo()

    oost = Network.objects.get(slug="lin-wijkzorg-amsterdam-oost")
    teams = (
        Membership.objects.current()
        .filter(network=oost, role=Role.PROFESSIONAL, user__profession="district_nurse")
        .values_list("organisation__name", flat=True)
    )
    coordinators = (
        Membership.objects.current()
        .filter(network=oost, role=Role.COORDINATOR)
        .values_list("organisation__name", flat=True)
    )
    assert sorted(coordinators) == [
        "Zorgcollectief Oost – team Dapperbuurt",
        "Zorgcollectief Oost – team Indische Buurt",
    ]
    assert list(teams) == ["Zorgcollectief Oost – team Indische Buurt"]


def test_students_have_a_level_a_programme_and_an_internship_end():
    seed_demo()

    students = Membership.objects.current().filter(role=Role.STUDENT).select_related("user")
    assert students.count() == 21
    for membership in students:
        assert membership.ends_on is not None, membership
        assert membership.user.programme != "", membership
    levels = {m.user.student_level for m in students}
    assert levels == {StudentLevel.MBO, StudentLevel.HBO, StudentLevel.WO}


def test_history_keeps_a_graduated_student_who_stayed_as_professional():
    seed_demo()

    sanne = User.objects.get(email="sanne.bakker@demo.example.org")
    history = Membership.objects.filter(user=sanne).order_by("starts_on")
    assert [(m.role, m.ended_at is None) for m in history] == [
        (Role.STUDENT, False),
        (Role.PROFESSIONAL, True),
    ]
    assert history[0].ended_by.email == "fatima.el.amrani@demo.example.org"


def test_prints_a_working_login_for_every_role_and_for_staff(client):
    output = seed_demo()

    assert "password for every account: lin-demo-2026" in output
    table = login_table(output)
    with translation.override("en"):
        labels = {role: str(role.label) for role in Role}
    assert list(table) == list(labels.values()) + ["Staff (admin)"]
    for role, label in labels.items():
        email, name = table[label]
        user = User.objects.get(email=email)
        assert user.full_name == name
        assert user.check_password("lin-demo-2026") is True
        assert Membership.objects.current().filter(user=user, role=role).exists() is True, role
    staff = User.objects.get(email=table["Staff (admin)"][0])
    assert (staff.is_staff, staff.is_superuser) == (True, True)
    assert EmailAddress.objects.filter(verified=True, primary=True).count() == (
        User.objects.count()
    )

    response = client.post(
        reverse("account_login"),
        {"login": table["Coordinator"][0], "password": "lin-demo-2026"},
    )
    assert response.status_code == 302
    assert response.url == reverse("home")


def test_demo_addresses_use_the_reserved_domain():
    seed_demo()

    assert User.objects.exclude(email__endswith="@demo.example.org").count() == 0
    assert Invitation.objects.exclude(email__endswith="@demo.example.org").count() == 0


def test_a_second_run_adds_nothing():
    first_output = seed_demo()
    before = counts()

    output = seed_demo()

    assert counts() == before
    assert before["networks.Network"] == 5
    assert "Demo data created:" in first_output
    assert "The demo data was already there; nothing was added." in output
    assert login_table(output) == login_table(first_output)


def test_refuses_with_debug_off(settings):
    settings.DEBUG = False

    with pytest.raises(CommandError) as excinfo:
        seed_demo()

    assert str(excinfo.value) == (
        "seed_demo refuses to run with DEBUG off: it creates accounts with a published "
        "password and must never touch a production database."
    )
    assert (Network.objects.count(), User.objects.count()) == (0, 0)


def test_refuses_a_scale_below_one():
    with pytest.raises(CommandError) as excinfo:
        seed_demo("--scale", "0")

    assert str(excinfo.value) == "--scale must be a whole number of 1 or more."
    assert Network.objects.count() == 0


def test_scale_two_builds_twice_as_much():
    seed_demo("--scale", "2")

    assert Network.objects.count() == 2 * len(demo.NETWORKS)
    assert Membership.objects.count() == 2 * sum(len(s.members) for s in demo.NETWORKS)
    assert User.objects.count() == 2 * len(demo.PEOPLE) + 1
    copy = Network.objects.get(slug="lin-wijkzorg-amsterdam-oost-2")
    assert copy.name == "LIN Wijkzorg Amsterdam-Oost (2)"
    # The copy has its own people: nobody is a member of both the network and its copy.
    original = Network.objects.get(slug="lin-wijkzorg-amsterdam-oost")
    shared = set(original.memberships.values_list("user", flat=True)) & set(
        copy.memberships.values_list("user", flat=True)
    )
    assert shared == set()


def test_scale_two_after_scale_one_doubles_every_row():
    seed_demo()
    one = counts()

    seed_demo("--scale", "2")
    two = counts()

    for model in (Organisation, Network, NetworkPartner, Theme, Membership, Invitation):
        assert two[model._meta.label] == 2 * one[model._meta.label], model
    # The staff account exists once.
    assert two["accounts.User"] == 2 * one["accounts.User"] - 1


def test_if_empty_seeds_an_empty_database():
    seed_demo("--if-empty")

    assert Network.objects.count() == 5


def test_if_empty_adds_nothing_to_a_database_with_networks_but_prints_the_logins():
    seed_demo()
    Network.objects.get(slug="buurtnetwerk-tarwewijk").delete()
    before = counts()

    output = seed_demo("--if-empty")

    assert counts() == before
    assert output.splitlines()[0] == "The database already holds networks; nothing was added."
    assert len(login_table(output)) == len(Role) + 1


def test_if_empty_with_foreign_networks_prints_no_logins():
    NetworkFactory()

    output = seed_demo("--if-empty")

    assert output.splitlines() == [
        "The database already holds networks; nothing was added.",
        "This database has no demo accounts.",
    ]
    assert User.objects.count() == 0


def test_registered_seeders_run_after_the_networks_with_a_context(monkeypatch):
    seen = []

    def seeder(ctx):
        oost = ctx.network("amsterdam-oost")
        seen.append(
            (
                ctx.scale,
                len(ctx.networks),
                oost.coordinator.email,
                [u.email for u in oost.members(Role.STUDENT)][:1],
                sorted(oost.themes)[:2],
                ctx.person("priya.ramdin", copy=2).email.endswith("@demo.example.org"),
                Network.objects.count(),
            )
        )

    monkeypatch.setitem(demo._SEEDERS, "test", seeder)

    seed_demo("--scale", "2")

    assert seen == [
        (
            2,
            10,
            "fatima.el.amrani@demo.example.org",
            ["priya.ramdin@demo.example.org"],
            ["eenzaamheid", "mantelzorg"],
            True,
            10,
        )
    ]


def test_a_failing_seeder_leaves_nothing_behind(monkeypatch):
    def broken(ctx):
        raise RuntimeError("boom")

    monkeypatch.setitem(demo._SEEDERS, "broken", broken)

    with pytest.raises(RuntimeError):
        seed_demo()

    assert (Network.objects.count(), User.objects.count()) == (0, 0)


def test_the_demo_shows_partners_contributions_and_a_self_check():
    from networks.models import FundingPeriod, PreconditionCheck

    demo.seed()
    demo.seed()  # idempotent
    network = Network.objects.get(slug="lin-wijkzorg-amsterdam-oost")
    partner = NetworkPartner.objects.get(network=network, organisation__name="Smaakvol Eten B.V.")
    assert (partner.brings_money, partner.brings_people) == (True, False)
    assert partner.contribution == "Eiwitverrijkte maaltijden voor het project ondervoeding."
    assert network.focus.startswith("Ouderen in Oost")
    assert FundingPeriod.objects.filter(network=network).count() == 1
    checks = PreconditionCheck.objects.filter(network=network)
    assert checks.count() >= 2
    assert sorted(set(checks.values_list("year", flat=True))) == [
        timezone.localdate().year - 1,
        timezone.localdate().year,
    ]
