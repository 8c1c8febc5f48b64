"""Meeting evaluations: open for those marked present when a meeting ends, for seven days,
per network on or off; results on the meeting page for the facilitator and coordinators
(hidden below the threshold), and the trend over a series."""

import datetime as dt

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from evaluation import services
from evaluation.models import Response
from evaluation.reminders import MeetingEvaluationInvitation
from networks.choices import Role
from sessions.meetings.models import Attendance
from tests.factories import member
from tests.sessions.factories import MeetingFactory, MeetingSeriesFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _threshold(settings):
    settings.EVALUATION_MIN_GROUP = 5


@pytest.fixture
def facilitator(network):
    return member(network, Role.PROFESSIONAL, language="en")


def _meeting(network, facilitator, present, *, hours_ago=3, series=None):
    start = timezone.now() - dt.timedelta(hours=hours_ago)
    meeting = MeetingFactory(
        network=network,
        facilitator=facilitator,
        starts_at=start,
        ends_at=start + dt.timedelta(hours=2),
        series=series,
    )
    for person in present:
        Attendance.objects.create(meeting=meeting, user=person, status="present")
    return meeting


def _evaluate(meeting, person, value=4, take=""):
    answers = {"me_useful": value, "me_other": value, "me_client": value, "me_take": take}
    return services.meeting_response_save(meeting=meeting, user=person, answers=answers)


def test_those_present_are_asked_when_the_meeting_ends(network, facilitator):
    present = [member(network, Role.STUDENT) for _ in range(2)]
    absent = member(network, Role.STUDENT)
    meeting = _meeting(network, facilitator, present)
    Attendance.objects.create(meeting=meeting, user=absent, status="absent")
    kind = MeetingEvaluationInvitation()
    assert kind.due(meeting.ends_at - dt.timedelta(minutes=1)) == []
    due = kind.due(timezone.now())
    assert sorted(d.recipient_id for d in due) == sorted(p.pk for p in present)
    assert {d.due_at for d in due} == {meeting.ends_at}
    _evaluate(meeting, present[0])
    assert [d.recipient_id for d in kind.due(timezone.now())] == [present[1].pk]
    assert kind.due(meeting.ends_at + dt.timedelta(days=7, minutes=1)) == []


def test_a_network_can_switch_meeting_evaluations_off(client, network, facilitator):
    person = member(network, Role.STUDENT, language="en")
    meeting = _meeting(network, facilitator, [person])
    services.meeting_evaluation_configure(
        network=network, enabled=False, instrument_code="meeting-1"
    )
    assert MeetingEvaluationInvitation().due(timezone.now()) == []
    client.force_login(person)
    url = reverse("evaluation:meeting_answer", args=[network.slug, meeting.pk])
    response = client.post(url, {"me_useful": "4", "me_other": "4", "me_client": "4"})
    assert "This meeting is not evaluated." in response.content.decode()
    assert Response.objects.count() == 0


def test_the_evaluation_closes_after_seven_days(client, network, facilitator):
    person = member(network, Role.STUDENT, language="en")
    meeting = _meeting(network, facilitator, [person])
    with time_machine.travel(meeting.ends_at + dt.timedelta(days=7, seconds=1)):
        client.force_login(person)
        url = reverse("evaluation:meeting_answer", args=[network.slug, meeting.pk])
        response = client.post(url, {"me_useful": "4", "me_other": "4", "me_client": "4"})
    assert "closed seven days after it" in response.content.decode()
    assert Response.objects.count() == 0


def test_someone_present_evaluates_on_the_meeting_page_in_a_minute(client, network, facilitator):
    person = member(network, Role.STUDENT, language="en")
    meeting = _meeting(network, facilitator, [person])
    client.force_login(person)
    page = client.get(reverse("meetings:detail", args=[network.slug, meeting.pk])).content.decode()
    answer_url = reverse("evaluation:meeting_answer", args=[network.slug, meeting.pk])
    assert f'href="{answer_url}"' in page
    response = client.post(answer_url, {"me_useful": "5", "me_other": "4"})
    assert response.status_code == 200
    assert "Answer this question." in response.content.decode()
    response = client.post(
        answer_url, {"me_useful": "5", "me_other": "4", "me_client": "3", "me_take": "Korte lijnen"}
    )
    assert response.url == reverse("evaluation:thanks", args=[network.slug])
    assert Response.objects.get().answers == {
        "me_useful": 5,
        "me_other": 4,
        "me_client": 3,
        "me_take": "Korte lijnen",
    }
    again = client.get(answer_url).content.decode()
    assert "You have sent your answers already. Thank you!" in again


@pytest.mark.parametrize(("count", "shown"), [(4, False), (5, True)])
def test_the_facilitator_sees_results_from_five(client, network, facilitator, count, shown):
    people = [member(network, Role.PROFESSIONAL) for _ in range(count)]
    meeting = _meeting(network, facilitator, people)
    for person in people:
        _evaluate(meeting, person, 4, take="Samen het doel bepalen")
    client.force_login(facilitator)
    page = client.get(reverse("meetings:detail", args=[network.slug, meeting.pk])).content.decode()
    assert ("too few answers to show" in page) is not shown
    assert ("Samen het doel bepalen" in page) is shown
    assert ("<td>4.0</td>" in page) is shown


def test_other_members_do_not_see_a_meetings_results(client, network, facilitator):
    people = [member(network, Role.PROFESSIONAL, language="en") for _ in range(5)]
    meeting = _meeting(network, facilitator, people)
    for person in people:
        _evaluate(meeting, person, take="Samen het doel bepalen")
    client.force_login(people[0])
    page = client.get(reverse("meetings:detail", args=[network.slug, meeting.pk])).content.decode()
    assert "Samen het doel bepalen" not in page
    assert 'id="meeting-evaluation"' not in page


def test_the_coordinator_sees_the_trend_over_a_series(client, network, facilitator):
    coordinator = member(network, Role.COORDINATOR, language="en")
    series = MeetingSeriesFactory(network=network)
    people = [member(network, Role.PROFESSIONAL) for _ in range(5)]
    first = _meeting(network, facilitator, people, hours_ago=24 * 14, series=series)
    second = _meeting(network, facilitator, people[:4], hours_ago=3, series=series)
    with time_machine.travel(first.ends_at + dt.timedelta(hours=1)):
        for person in people:
            _evaluate(first, person, 3)
    for person in people[:4]:
        _evaluate(second, person, 5)
    client.force_login(coordinator)
    page = client.get(
        reverse("evaluation:series_trend", args=[network.slug, series.pk])
    ).content.decode()
    assert "<td>5</td><td>3.0</td>" in page
    assert page.count("too few answers to show") == 1
