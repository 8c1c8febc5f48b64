"""Every URL pattern of our apps answers every actor as its matrix entry says."""

import importlib
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.urls import URLPattern, URLResolver, get_resolver, reverse

import tests
from networks.choices import OrganisationKind
from networks.models import Membership
from tests.factories import NetworkFactory, OrganisationFactory, UserFactory, member
from tests.matrix import ACTORS, LOGIN, ROLES, Entry, World

OUR_PACKAGES = (
    "accounts",
    "networks",
    "sessions",
    "casework",
    "evaluation",
    "reports",
    "lin_platform",
)
OUR_APP_LABELS = (
    "accounts",
    "networks",
    "reminders",
    "meetings",
    "shadowing",
    "casework",
    "evaluation",
    "reports",
)


def _our_url_names(patterns=None, namespace="") -> set[str]:
    names = set()
    for pattern in patterns if patterns is not None else get_resolver().url_patterns:
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            names |= _our_url_names(pattern.url_patterns, inner)
        elif isinstance(pattern, URLPattern):
            module = getattr(pattern.callback, "__module__", "")
            if module.split(".")[0] in OUR_PACKAGES and pattern.name:
                names.add(namespace + pattern.name)
    return names


def _all_entries() -> list[Entry]:
    """ENTRIES of every ``tests/<app>/matrix*.py`` (e.g. ``tests/sessions/matrix_rsvp.py``)."""
    root = Path(tests.__file__).parent
    entries = []
    for path in sorted(root.glob("*/matrix*.py")):
        module = importlib.import_module(f"tests.{path.parent.name}.{path.stem}")
        entries.extend(module.ENTRIES)
    return entries


ENTRIES = _all_entries()


def test_every_url_pattern_has_a_matrix_entry():
    missing = sorted(_our_url_names() - {entry.name for entry in ENTRIES})
    assert missing == []


def test_every_entry_names_every_actor():
    incomplete = {e.id: sorted(set(ACTORS) - set(e.expect)) for e in ENTRIES}
    assert {k: v for k, v in incomplete.items() if v} == {}


@pytest.fixture
def world(db):
    network = NetworkFactory(name="LIN Oost", slug="lin-oost")
    other = NetworkFactory(name="LIN West", slug="lin-west")
    people = {role: member(network, role) for role in ROLES}
    # The teacher teaches the student: both memberships name the same school.
    school = OrganisationFactory(name="ROC Oost", kind=OrganisationKind.SCHOOL)
    Membership.objects.filter(
        network=network, user__in=[people["teacher"], people["student"]]
    ).update(organisation=school)
    people["outsider"] = UserFactory()
    people["other_coordinator"] = member(other, "coordinator")
    people["staff"] = UserFactory(is_staff=True)
    return World(network=network, other_network=other, people=people)


def snapshot() -> dict:
    """Every row of our apps' models, to prove a refused request changed nothing."""
    state = {}
    for model in apps.get_models():
        if model._meta.app_label in OUR_APP_LABELS:
            state[model._meta.label] = sorted(
                (tuple(sorted(row.items())) for row in model.objects.values()), key=repr
            )
    return state


def _request(client, entry: Entry, world: World, args: list):
    url = reverse(entry.name, args=args)
    if entry.method == "post":
        return client.post(url, entry.data(world))
    return client.get(url)


def _assert_answer(response, expected):
    if expected == LOGIN:
        assert response.status_code == 302
        assert response.url.startswith(reverse(settings.LOGIN_URL))
    else:
        assert response.status_code == expected


CASES = [(entry, actor) for entry in ENTRIES for actor in ACTORS]


@pytest.mark.parametrize(("entry", "actor"), CASES, ids=[f"{e.id}-{a}" for e, a in CASES])
def test_matrix(client, world, entry, actor):
    args = entry.args(world)
    user = world.user(actor)
    if user is not None:
        client.force_login(user)
    expected = entry.expect[actor]
    refused = expected in (LOGIN, 403, 404)
    before = snapshot() if refused else None
    response = _request(client, entry, world, args)
    _assert_answer(response, expected)
    if refused:
        assert snapshot() == before


FOREIGN = [
    (entry, actor)
    for entry in ENTRIES
    if entry.foreign_args is not None
    for actor in ROLES
    if entry.expect[actor] not in (LOGIN, 403, 404)
]


@pytest.mark.parametrize(("entry", "actor"), FOREIGN, ids=[f"{e.id}-{a}" for e, a in FOREIGN])
def test_another_networks_object_answers_404(client, world, entry, actor):
    """Forged ids: an object of another network, asked for inside one's own network."""
    args = entry.foreign_args(world)
    client.force_login(world.people[actor])
    before = snapshot()
    response = _request(client, entry, world, args)
    assert response.status_code == 404
    assert snapshot() == before
