"""What the walk-through found on the meeting pages: answers and attendance told apart on a
past meeting, and an open action of a series listed once with where it came from."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from networks.choices import Role
from sessions.meetings.models import MeetingAction
from tests.factories import member
from tests.sessions.factories import (
    AttendanceFactory,
    MeetingFactory,
    MeetingSeriesFactory,
    RsvpFactory,
)


@pytest.fixture
def coord(network):
    return member(network, Role.COORDINATOR, language="en")


def test_a_past_meeting_shows_attendance_apart_from_the_answers(client, network, coord):
    now = timezone.now()
    meeting = MeetingFactory(
        network=network,
        starts_at=now - timedelta(days=2),
        ends_at=now - timedelta(days=2, hours=-2),
    )
    for _ in range(17):
        AttendanceFactory(meeting=meeting, user=member(network), status="present")
    AttendanceFactory(meeting=meeting, user=member(network), status="excused")
    client.force_login(coord)
    response = client.get(reverse("meetings:detail", args=[network.slug, meeting.pk]))
    html = " ".join(response.content.decode().split())
    assert "17 people were present · 1 absent with notice · 0 absent" in html
    assert "17 people present, as registered at the meeting." in html
    assert "Answers before the meeting" in html
    assert "Said they would come (0)" in html
    assert "Coming (0)" not in html


def test_a_coming_meeting_still_shows_who_is_coming(client, network, coord):
    meeting = MeetingFactory(network=network)
    RsvpFactory(meeting=meeting, user=member(network))
    client.force_login(coord)
    html = client.get(reverse("meetings:detail", args=[network.slug, meeting.pk])).content.decode()
    assert "Coming (1)" in html
    assert "1 person said they are coming." in html
    assert 'id="attendance-heading"' not in html


def test_an_action_agreed_again_in_a_series_is_listed_once_with_its_origin(client, network, coord):
    now = timezone.now()
    series = MeetingSeriesFactory(network=network)
    earlier = [
        MeetingFactory(
            network=network,
            series=series,
            title=f"Intervisie {week}",
            starts_at=now - timedelta(weeks=4 - week),
        )
        for week in range(1, 4)
    ]
    today = MeetingFactory(network=network, series=series, title="Intervisie 4", starts_at=now)
    owner = member(network, full_name="Olga Eigenaar")
    for meeting in earlier:
        MeetingAction.objects.create(meeting=meeting, text="Bel de huisarts terug", owner=owner)
    MeetingAction.objects.create(meeting=earlier[1], text="Iets anders", owner=owner)
    client.force_login(coord)
    response = client.get(reverse("meetings:record", args=[network.slug, today.pk]))
    actions = response.context["actions"]
    assert [(a.text, a.meeting.title) for a in actions] == [
        ("Bel de huisarts terug", "Intervisie 1"),
        ("Iets anders", "Intervisie 2"),
    ]
    html = response.content.decode()
    assert html.count("Bel de huisarts terug") == 2  # the text and the Close button's label
    page = client.get(reverse("meetings:detail", args=[network.slug, today.pk])).content.decode()
    assert page.count("Bel de huisarts terug") == 1
    assert "agreed in Intervisie 1" in page
