"""The network page: an Agenda button and the next three meetings (a partial of the
meetings app, registered as a section of the network page from its ready())."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from networks.choices import Role
from sessions.meetings.choices import MeetingStatus
from tests.factories import member
from tests.sessions.factories_reminders import MeetingFactory

pytestmark = pytest.mark.django_db


def meeting(network, days, title, **kwargs):
    starts = timezone.now() + dt.timedelta(days=days)
    return MeetingFactory(network=network, starts_at=starts, title=title, **kwargs)


def page(client, user, network):
    client.force_login(user)
    return client.get(reverse("networks:detail", args=[network.slug]))


def test_network_page_links_to_its_agenda(client, network):
    response = page(client, member(network, Role.STUDENT), network)
    assert response.status_code == 200
    assert b'href="/netwerken/lin-oost/agenda/"' in response.content


def test_network_page_shows_the_next_three_meetings(client, network, other_network):
    meeting(network, -3, "Voorbij")
    meeting(network, 9, "Vierde")
    meeting(network, 2, "Eerste")
    meeting(network, 5, "Derde", status=MeetingStatus.CANCELLED)
    meeting(network, 4, "Tweede")
    meeting(other_network, 1, "Van een ander netwerk")
    response = page(client, member(network, Role.PROFESSIONAL), network)
    titles = [m.title for m in response.context["meetings"]]
    assert titles == ["Eerste", "Tweede", "Derde"]
    assert "Geannuleerd" in response.content.decode()


def test_network_page_without_meetings_says_so(client, network):
    response = page(client, member(network, Role.RESIDENT), network)
    assert list(response.context["meetings"]) == []
    html = response.content.decode()
    assert "Volgende bijeenkomsten" in html
    assert "Geen bijeenkomsten gepland." in html


@pytest.mark.parametrize("count", [1, 20])
def test_network_page_queries_do_not_grow_with_meetings(
    client, network, count, django_assert_num_queries
):
    for day in range(count):
        meeting(network, day + 1, f"Bijeenkomst {day}")
    user = member(network, Role.PROFESSIONAL)
    page(client, user, network)
    # Pinned with the other sections' queries (tests/networks/test_views.py) and the bell.
    with django_assert_num_queries(10):
        response = client.get(reverse("networks:detail", args=[network.slug]))
    assert len(response.context["meetings"]) == min(count, 3)
