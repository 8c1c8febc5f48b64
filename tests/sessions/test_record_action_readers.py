"""Agreed actions and advice (take-home messages included) are part of a meeting's record:
on the meeting page and the record page they are read by those who were there, the
facilitator, role holders and coordinators, and by the person an action is for. Other
members who see the meeting learn that there are actions, not what they say."""

from datetime import timedelta

import pytest
from django.urls import reverse

from networks.choices import Role
from sessions.meetings.choices import AttendanceStatus
from sessions.meetings.models import Attendance, MeetingAction
from tests.factories import NetworkFactory, member
from tests.sessions.factories import MeetingFactory, MeetingSeriesFactory

ACTION = "Casemanager dementie inschakelen voor mevrouw K."
ADVICE = "Take-home: eerst de dochter betrekken"
EXISTS = "Er is een verslag; alleen wie erbij was leest het."
WITHHELD = "Er zijn 2 afspraken of adviezen; alleen wie erbij was leest ze."


@pytest.fixture
def meeting(network, coordinator):
    meeting = MeetingFactory(network=network, title="Intervisie juni")
    MeetingAction.objects.create(meeting=meeting, text=ACTION)
    MeetingAction.objects.create(meeting=meeting, kind="advice", text=ADVICE)
    return meeting


def pages(client, meeting):
    detail = client.get(reverse("meetings:detail", args=[meeting.network.slug, meeting.pk]))
    record = client.get(reverse("meetings:record", args=[meeting.network.slug, meeting.pk]))
    assert (detail.status_code, record.status_code) == (200, 200)
    return detail.content.decode(), record.content.decode()


def not_there(network, meeting):
    """Members who see the meeting but were not there, by role and attendance."""
    other = NetworkFactory()
    meeting.invited_networks.add(other)
    absent = member(network, Role.PROFESSIONAL)
    Attendance.objects.create(meeting=meeting, user=absent, status=AttendanceStatus.ABSENT)
    return [
        member(network, Role.GUEST),
        member(network, Role.STUDENT),
        member(network, Role.TEACHER),
        member(network, Role.RESIDENT),
        absent,
        member(other, Role.COORDINATOR),
    ]


def test_who_was_not_there_sees_that_there_are_actions_not_their_text(client, network, meeting):
    for person in not_there(network, meeting):
        client.force_login(person)
        detail, record = pages(client, meeting)
        for page in (detail, record):
            assert ACTION not in page, person
            assert ADVICE not in page, person
        assert EXISTS in detail
        assert WITHHELD in record


def test_actions_carried_to_the_next_meeting_of_the_series_follow_the_same_rule(
    client, network, coordinator
):
    series = MeetingSeriesFactory(network=network)
    start = MeetingFactory.starts_at.function()
    first, second = (
        MeetingFactory(network=network, series=series, starts_at=start + timedelta(weeks=4 * i))
        for i in range(2)
    )
    MeetingAction.objects.create(meeting=first, text=ACTION)
    client.force_login(member(network, Role.GUEST))
    detail, record = pages(client, second)
    assert ACTION not in detail and ACTION not in record
    client.force_login(coordinator)
    detail, record = pages(client, second)
    assert ACTION in detail and ACTION in record


@pytest.mark.parametrize("status", [AttendanceStatus.PRESENT, AttendanceStatus.LATE])
def test_who_was_there_reads_the_actions_on_both_pages(client, network, meeting, status):
    guest = member(network, Role.GUEST)
    Attendance.objects.create(meeting=meeting, user=guest, status=status)
    client.force_login(guest)
    detail, record = pages(client, meeting)
    assert ACTION in detail and ADVICE in detail
    assert ACTION in record and ADVICE in record
    assert EXISTS not in detail and WITHHELD not in record


def test_the_facilitator_and_the_coordinator_read_the_actions(
    client, network, meeting, coordinator
):
    facilitator = member(network, Role.EXPERT_BY_EXPERIENCE)
    meeting.facilitator = facilitator
    meeting.save()
    for person in (facilitator, coordinator):
        client.force_login(person)
        detail, record = pages(client, meeting)
        assert ACTION in detail and ACTION in record


def test_the_person_an_action_is_for_reads_that_one_only(client, network, meeting):
    owner = member(network, Role.PROFESSIONAL)
    MeetingAction.objects.filter(text=ACTION).update(owner=owner)
    client.force_login(owner)
    detail, record = pages(client, meeting)
    assert ACTION in detail and ACTION in record
    assert ADVICE not in detail and ADVICE not in record
    assert "Er is 1 afspraak of advies; alleen wie erbij was leest het." in record
