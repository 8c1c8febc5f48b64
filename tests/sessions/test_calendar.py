"""The calendar: month view and agenda list, per network and across my networks, filtered
by format and theme; and the home page's meetings."""

from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.urls import reverse

from networks.choices import Role
from sessions.meetings.choices import MeetingStatus
from tests.factories import NetworkFactory, ThemeFactory, member
from tests.sessions.factories import MeetingFactory, RsvpFactory

NOW = datetime(2026, 10, 1, 8, 0, tzinfo=UTC)


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(NOW, tick=False):
        yield


def at(day, hour=15):
    """A UTC moment for ``hour`` o'clock local time on October ``day`` 2026 (summer time
    until the 25th)."""
    offset = 2 if day < 25 else 1
    return datetime(2026, 10, day, hour - offset, 0, tzinfo=UTC)


def meeting(network, title, day, **kwargs):
    return MeetingFactory(
        network=network,
        title=title,
        starts_at=at(day),
        ends_at=at(day) + timedelta(hours=1, minutes=30),
        **kwargs,
    )


@pytest.fixture
def person(network):
    return member(network, Role.PROFESSIONAL, language="en")


def titles(meetings):
    return [m.title for m in meetings]


def month_titles(response):
    month = response.context["month"]
    return {
        day.day.isoformat(): titles(day.meetings)
        for week in month.weeks
        for day in week
        if day.meetings
    }


def test_the_month_view_puts_each_meeting_on_its_local_day(client, network, person):
    meeting(network, "Intervisie", 8)
    meeting(network, "Moreel beraad", 29)
    late = MeetingFactory(
        network=network,
        title="Avondles",
        starts_at=datetime(2026, 10, 14, 22, 30, tzinfo=UTC),  # 00:30 on the 15th, local
        ends_at=datetime(2026, 10, 14, 23, 30, tzinfo=UTC),
    )
    client.force_login(person)
    response = client.get(
        reverse("meetings:network_month", args=[network.slug]), {"maand": "2026-10"}
    )
    assert response.status_code == 200
    assert month_titles(response) == {
        "2026-10-08": ["Intervisie"],
        "2026-10-15": [late.title],
        "2026-10-29": ["Moreel beraad"],
    }
    assert response.context["month"].count == 3


def test_a_malformed_month_shows_the_current_month(client, network, person):
    client.force_login(person)
    response = client.get(reverse("meetings:month"), {"maand": "2026-13"})
    assert response.status_code == 200
    assert (response.context["month"].year, response.context["month"].month) == (2026, 10)


def test_across_my_networks_and_filtered_by_format_and_theme(client, network, person):
    second = NetworkFactory(name="LIN Zuid")
    member_of_both = person
    from tests.factories import MembershipFactory

    MembershipFactory(network=second, user=member_of_both)
    theme = ThemeFactory(network=second, name="Valpreventie")
    meeting(network, "Intervisie Oost", 8)
    themed = meeting(second, "Leerlab Zuid", 9, format="leerlab")
    themed.themes.add(theme)
    meeting(NetworkFactory(), "Niet van mij", 10)
    client.force_login(person)
    everything = client.get(reverse("meetings:agenda"))
    assert titles(everything.context["meetings"]) == ["Intervisie Oost", "Leerlab Zuid"]
    by_format = client.get(reverse("meetings:agenda"), {"format": "leerlab"})
    assert titles(by_format.context["meetings"]) == ["Leerlab Zuid"]
    by_theme = client.get(reverse("meetings:month"), {"theme": theme.pk, "maand": "2026-10"})
    assert month_titles(by_theme) == {"2026-10-09": ["Leerlab Zuid"]}
    own_network = client.get(reverse("meetings:network_agenda", args=[network.slug]))
    assert titles(own_network.context["meetings"]) == ["Intervisie Oost"]


def test_the_agenda_shows_cancelled_meetings_and_my_answer(client, network, person):
    meeting(network, "Gastspreker", 8, status=MeetingStatus.CANCELLED)
    answered = meeting(network, "Themabijeenkomst", 9)
    RsvpFactory(meeting=answered, user=person, answer="no")
    client.force_login(person)
    response = client.get(reverse("meetings:agenda"))
    html = response.content.decode()
    assert [(m.title, m.my_answer) for m in response.context["meetings"]] == [
        ("Gastspreker", None),
        ("Themabijeenkomst", "no"),
    ]
    assert "Cancelled" in html and "You are not coming" in html


def test_past_meetings_are_listed_latest_first(client, network, person):
    old = MeetingFactory(
        network=network,
        title="Vorige maand",
        starts_at=NOW - timedelta(days=30),
        ends_at=NOW - timedelta(days=30) + timedelta(hours=1),
    )
    older = MeetingFactory(
        network=network,
        title="Twee maanden",
        starts_at=NOW - timedelta(days=60),
        ends_at=NOW - timedelta(days=60) + timedelta(hours=1),
    )
    meeting(network, "Straks", 8)
    client.force_login(person)
    response = client.get(reverse("meetings:agenda"), {"periode": "verleden"})
    assert titles(response.context["meetings"]) == [old.title, older.title]


def many(network, count):
    theme = ThemeFactory(network=network)
    for i in range(count):
        m = meeting(network, f"Bijeenkomst {i}", 2 + i % 28)
        m.themes.add(theme)


@pytest.mark.parametrize("name", ["meetings:month", "meetings:agenda"])
def test_the_calendar_keeps_the_same_number_of_queries(
    client, network, person, django_assert_num_queries, name
):
    client.force_login(person)
    many(network, 1)
    with django_assert_num_queries(7 if name == "meetings:agenda" else 5) as small:
        client.get(reverse(name), {"maand": "2026-10"})
    many(network, 49)
    with django_assert_num_queries(len(small.captured_queries)):
        response = client.get(reverse(name), {"maand": "2026-10"})
    assert response.status_code == 200


def test_home_shows_my_next_meetings_and_what_i_have_not_answered(client, network, person):
    answered = meeting(network, "Intervisie", 8)
    RsvpFactory(meeting=answered, user=person)
    meeting(network, "Klinische les", 9)
    meeting(network, "Afgelast", 10, status=MeetingStatus.CANCELLED)
    client.force_login(person)
    response = client.get(reverse("home"))
    assert [(m.title, m.my_answer) for m in response.context["next_meetings"]] == [
        ("Intervisie", "yes"),
        ("Klinische les", None),
        ("Afgelast", None),
    ]
    assert titles(response.context["unanswered"]) == ["Klinische les"]
