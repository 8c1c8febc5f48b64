"""Answering a meeting: yes / no with a reason / maybe, the waiting list, htmx and plain
posts, and answers that come too late."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from networks.choices import Role
from sessions.meetings.choices import MeetingStatus
from sessions.meetings.models import Rsvp
from tests.factories import member
from tests.helpers import messages_of
from tests.sessions.factories import MeetingFactory


@pytest.fixture
def meeting(network):
    return MeetingFactory(network=network, title="Klinische les")


def answer(client, meeting, answer, reason="", htmx=False, **extra):
    url = reverse("meetings:rsvp", args=[meeting.network.slug, meeting.pk])
    headers = {"HTTP_HX_REQUEST": "true"} if htmx else {}
    return client.post(url, {"answer": answer, "reason": reason, **extra}, **headers)


def answers(meeting):
    return list(
        Rsvp.objects.filter(meeting=meeting)
        .order_by("answered_at", "pk")
        .values_list("user__full_name", "answer", "reason", "waitlisted")
    )


def test_a_member_answers_yes_with_a_plain_post(client, network, meeting):
    student = member(network, Role.STUDENT, full_name="Sam Student", language="en")
    client.force_login(student)
    response = answer(client, meeting, "yes")
    assert response.status_code == 302
    assert response.url == reverse("meetings:detail", args=[network.slug, meeting.pk])
    assert messages_of(response) == ["Thank you: you are coming."]
    assert answers(meeting) == [("Sam Student", "yes", "", False)]


def test_a_second_answer_changes_the_first(client, network, meeting):
    person = member(network, full_name="Pia Professional", language="en")
    client.force_login(person)
    answer(client, meeting, "yes")
    answer(client, meeting, "no", reason="Dienst in de wijk")
    assert answers(meeting) == [("Pia Professional", "no", "Dienst in de wijk", False)]
    answer(client, meeting, "maybe", reason="ignored for maybe")
    assert answers(meeting) == [("Pia Professional", "maybe", "", False)]


def test_htmx_answers_with_the_partial(client, network, meeting):
    person = member(network, language="en")
    client.force_login(person)
    response = answer(client, meeting, "maybe", htmx=True)
    assert response.status_code == 200
    assert [t.name for t in response.templates][0] == "meetings/partials/rsvp.html"
    html = response.content.decode()
    assert html.startswith('<section id="rsvp-box"')
    assert "Your answer: maybe." in html
    assert "Thank you: you might come." in html


def test_a_full_meeting_keeps_a_waiting_list_and_moves_people_up(client, network):
    meeting = MeetingFactory(network=network, capacity=2)
    people = [member(network, full_name=f"P{i}", language="en") for i in range(4)]
    for person in people:
        client.force_login(person)
        response = answer(client, meeting, "yes")
    assert messages_of(response)[-1:] == [
        "The meeting is full: you are on the waiting list and move up when a place frees."
    ]
    assert answers(meeting) == [
        ("P0", "yes", "", False),
        ("P1", "yes", "", False),
        ("P2", "yes", "", True),
        ("P3", "yes", "", True),
    ]
    client.force_login(people[0])
    answer(client, meeting, "no", reason="Ziek")
    assert [(name, a, w) for name, a, _r, w in answers(meeting)] == [
        ("P1", "yes", False),
        ("P2", "yes", False),
        ("P3", "yes", True),
        ("P0", "no", False),
    ]


def test_saying_yes_again_keeps_ones_turn_on_the_waiting_list(client, network):
    meeting = MeetingFactory(network=network, capacity=1)
    first, second, third = (member(network, full_name=n) for n in ("A", "B", "C"))
    for person in (first, second, third):
        client.force_login(person)
        answer(client, meeting, "yes")
    client.force_login(second)
    answer(client, meeting, "yes")
    client.force_login(first)
    answer(client, meeting, "maybe")
    assert Rsvp.objects.get(meeting=meeting, user=second).waitlisted is False
    assert Rsvp.objects.get(meeting=meeting, user=third).waitlisted is True


@pytest.mark.parametrize(
    ("meeting_kwargs", "message"),
    [
        ({"status": MeetingStatus.CANCELLED}, "This meeting was cancelled; answers are closed."),
        ("past", "This meeting has already started; answers are closed."),
    ],
)
def test_an_answer_to_a_cancelled_or_past_meeting_changes_nothing(
    client, network, meeting_kwargs, message
):
    if meeting_kwargs == "past":
        start = timezone.now() - timedelta(days=1)
        meeting_kwargs = {"starts_at": start, "ends_at": start + timedelta(hours=2)}
    meeting = MeetingFactory(network=network, **meeting_kwargs)
    person = member(network, language="en")
    client.force_login(person)
    response = answer(client, meeting, "yes")
    assert messages_of(response) == [message]
    assert answers(meeting) == []
    htmx = answer(client, meeting, "no", htmx=True)
    assert htmx.status_code == 200
    assert message in htmx.content.decode()
    assert answers(meeting) == []


def test_an_unknown_answer_is_refused(client, network, meeting):
    person = member(network, language="en")
    client.force_login(person)
    response = answer(client, meeting, "perhaps")
    assert messages_of(response) == ["Choose yes, no or maybe."]
    assert answers(meeting) == []


def test_answering_from_home_returns_home(client, network, meeting):
    person = member(network)
    client.force_login(person)
    response = answer(client, meeting, "yes", next=reverse("home"))
    assert response.url == reverse("home")
    unsafe = answer(client, meeting, "yes", next="https://evil.example.org/")
    assert unsafe.url == reverse("meetings:detail", args=[network.slug, meeting.pk])


@pytest.mark.parametrize("target", ["abc", "https://evil.example", "//evil", "/\\evil"])
def test_a_next_that_is_not_a_local_path_is_ignored(client, network, meeting, target):
    client.force_login(member(network))
    response = answer(client, meeting, "yes", next=target)
    assert response.status_code == 302
    assert response.url == reverse("meetings:detail", args=[network.slug, meeting.pk])


def test_an_outsider_cannot_answer(client, network, meeting, other_network):
    outsider = member(other_network)
    client.force_login(outsider)
    assert answer(client, meeting, "yes").status_code == 404
    assert answers(meeting) == []


def test_a_larger_capacity_moves_people_up_from_the_waiting_list(network):
    from datetime import time

    from sessions.meetings.services.meetings import MeetingDetails, meeting_update
    from sessions.meetings.services.rsvp import rsvp_answer

    meeting = MeetingFactory(network=network, capacity=1)
    first, second = member(network), member(network)
    rsvp_answer(meeting=meeting, user=first, answer="yes")
    rsvp_answer(meeting=meeting, user=second, answer="yes")
    assert Rsvp.objects.get(user=second).waitlisted is True
    local = timezone.localtime(meeting.starts_at)
    meeting_update(
        meeting=meeting,
        details=MeetingDetails(
            title=meeting.title, format=meeting.format, location=meeting.location, capacity=2
        ),
        day=local.date(),
        start_time=time(10, 0),
        end_time=time(11, 0),
    )
    assert Rsvp.objects.get(user=second).waitlisted is False
