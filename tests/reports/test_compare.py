"""Networks side by side: figures per network against a hand-built pair of networks,
sorting, the export, who may see it, and a constant number of queries in the networks."""

import datetime as dt
import io
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
import time_machine
from openpyxl import load_workbook

from accounts.choices import Profession
from networks.choices import Role
from networks.models import Membership
from sessions.meetings.models import Attendance
from sessions.shadowing.choices import ShadowingStatus
from tests.factories import NetworkFactory, UserFactory, member
from tests.reports.helpers import hired, placement
from tests.sessions.factories import MeetingFactory
from tests.sessions.factories_shadowing import ShadowingDayFactory, reflected

pytestmark = pytest.mark.django_db
AMS = ZoneInfo("Europe/Amsterdam")
PERIOD = {"start": "2026-01-01", "end": "2026-06-30"}
URL = "/netwerken-vergelijken/"


@pytest.fixture(autouse=True)
def frozen(settings):
    settings.LANGUAGE_CODE = "en"
    with time_machine.travel(dt.datetime(2026, 9, 1, 12, tzinfo=AMS), tick=False):
        yield


def _meeting(network, day, *attendance):
    meeting = MeetingFactory(
        network=network,
        status="held",
        starts_at=dt.datetime(2026, 3, day, 14, tzinfo=AMS),
        ends_at=dt.datetime(2026, 3, day, 16, tzinfo=AMS),
    )
    for user, status in attendance:
        Attendance.objects.create(meeting=meeting, user=user, status=status)


def _network(name, *, meetings=1, both=True):
    network = NetworkFactory(name=name)
    care = member(network, Role.PROFESSIONAL, profession=Profession.NURSE)
    social = member(network, Role.PROFESSIONAL, profession=Profession.SOCIAL_WORKER)
    student = member(network, Role.STUDENT)
    other = social if both else member(network, Role.PROFESSIONAL, profession=Profession.CARER)
    for day in range(1, meetings + 1):
        _meeting(network, day, (care, "present"), (other, "present"))
    _meeting(network, 28, (care, "present"), (student, "absent"))
    ShadowingDayFactory(
        network=network,
        shadower=student,
        host=social,
        date=dt.date(2026, 2, 2),
        hours=Decimal("4.5"),
        status=ShadowingStatus.CONFIRMED,
        **reflected(),
    )
    hired(network, student, start=dt.date(2026, 1, 5), end=dt.date(2026, 3, 1))
    return network


@pytest.fixture
def networks():
    return _network("LIN Oost", meetings=2), _network("LIN West", meetings=1, both=False)


@pytest.fixture
def coordinator(networks):
    person = UserFactory(language="en")
    for network in networks:
        Membership.objects.create(network=network, user=person, role=Role.COORDINATOR)
    return person


def test_figures_per_network(client, networks, coordinator):
    client.force_login(coordinator)

    response = client.get(URL, PERIOD)

    assert [
        [row["name"], *(cell for _label, cell in row["cells"])] for row in response.context["rows"]
    ] == [
        # meetings, attendance %, people, both domains %, days, hours, placed, accepted
        ["LIN Oost", 3, 83.3, 2, 66.7, 1, 4.5, 1, 1],
        ["LIN West", 2, 75.0, 2, 0.0, 1, 4.5, 1, 1],
    ]


def test_sorted_by_a_column_both_ways(client, networks, coordinator):
    client.force_login(coordinator)
    placement(
        networks[1],
        member(networks[1], Role.STUDENT),
        start=dt.date(2026, 2, 1),
        end=dt.date(2026, 3, 1),
    )

    down = client.get(URL, {**PERIOD, "sort": "placed", "desc": "1"})
    up = client.get(URL, {**PERIOD, "sort": "placed"})

    assert [r["name"] for r in down.context["rows"]] == ["LIN West", "LIN Oost"]
    assert [r["name"] for r in up.context["rows"]] == ["LIN Oost", "LIN West"]


def test_export_as_xlsx(client, networks, coordinator):
    client.force_login(coordinator)

    response = client.get(URL, {**PERIOD, "fmt": "xlsx"})

    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = [list(r) for r in sheet.iter_rows(values_only=True)]
    assert rows[0][:3] == ["Network", "Meetings", "Attendance rate (%)"]
    assert rows[1] == ["LIN Oost", 3, 83.3, 2, 66.7, 1, 4.5, 1, 1]


def test_a_coordinator_of_one_network_sees_only_their_own_or_is_refused(client, networks):
    lone = member(networks[0], Role.COORDINATOR)
    client.force_login(lone)
    assert client.get(URL, PERIOD).status_code == 403


def test_only_networks_one_coordinates(client, networks, coordinator):
    third = _network("LIN Zuid")
    member(third, Role.COORDINATOR)
    Membership.objects.create(network=third, user=coordinator, role=Role.RESEARCHER)
    client.force_login(coordinator)
    assert [r["name"] for r in client.get(URL, PERIOD).context["rows"]] == [
        "LIN Oost",
        "LIN West",
    ]


@pytest.mark.parametrize("count", [1, 5])
def test_constant_number_of_queries_in_the_networks(client, count, django_assert_num_queries):
    staff = UserFactory(is_staff=True)
    for index in range(count):
        _network(f"LIN {index}")
    client.force_login(staff)

    with django_assert_num_queries(9):  # with the bell's unread count
        response = client.get(URL, PERIOD)

    assert len(response.context["rows"]) == count


def test_names_link_to_dashboards_one_may_see(client, networks, coordinator):
    staff = UserFactory(is_staff=True)
    Membership.objects.create(network=networks[1], user=staff, role=Role.RESEARCHER)
    client.force_login(staff)

    response = client.get(URL, PERIOD)

    assert [(r["name"], r["links"]) for r in response.context["rows"]] == [
        ("LIN Oost", False),
        ("LIN West", True),
    ]
    assert response.content.decode().count("/dashboard/?start=") == 1
