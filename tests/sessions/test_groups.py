"""Breakout groups: one click divides the people present into mixed groups; moving by hand."""

from collections import Counter

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.choices import Profession
from networks.choices import Role
from sessions.meetings.models import Attendance, BreakoutGroup, BreakoutGroupMember, Rsvp
from tests.factories import member
from tests.helpers import messages_of
from tests.sessions.factories import MeetingFactory

PROFESSIONS = [
    Profession.DISTRICT_NURSE,
    Profession.SOCIAL_WORKER,
    Profession.GP,
    Profession.WELFARE_WORKER,
    Profession.TEACHER,
    Profession.RESIDENT,
]


@pytest.fixture
def meeting(network):
    return MeetingFactory(network=network)


def attend(meeting, people, status="present"):
    for person in people:
        Attendance.objects.create(
            meeting=meeting, user=person, status=status, checked_in_at=timezone.now()
        )


def crowd(network, count):
    people = []
    for i in range(count):
        if i % 3 == 0:
            people.append(member(network, Role.STUDENT))
        else:
            people.append(member(network, Role.PROFESSIONAL, profession=PROFESSIONS[i % 6]))
    return people


def make_url(meeting):
    return reverse("meetings:groups_make", args=[meeting.network.slug, meeting.pk])


def move_url(meeting):
    return reverse("meetings:groups_move", args=[meeting.network.slug, meeting.pk])


def groups_in_db(meeting):
    return {
        g.number: sorted(m.user_id for m in g.members.all())
        for g in BreakoutGroup.objects.filter(meeting=meeting).prefetch_related("members")
    }


def test_one_click_divides_the_people_present_into_mixed_groups(
    client, network, meeting, coordinator
):
    people = crowd(network, 12)
    attend(meeting, people[:10])
    attend(meeting, people[10:], status="absent")
    client.force_login(coordinator)
    response = client.post(make_url(meeting), {"size": "4"}, follow=True)
    assert messages_of(response) == ["De aanwezigen zijn ingedeeld in 3 groepen."]
    groups = groups_in_db(meeting)
    assert sorted(len(ids) for ids in groups.values()) == [3, 3, 4]
    assert sorted(i for ids in groups.values() for i in ids) == sorted(p.pk for p in people[:10])
    by_id = {p.pk: p for p in people}
    students = sorted(sum(by_id[i].is_student for i in ids) for ids in groups.values())
    assert students == [1, 1, 2]  # 4 students present over 3 groups
    for domain, k in Counter(p.domain for p in people[:10]).items():
        counts = {sum(by_id[i].domain == domain for i in ids) for ids in groups.values()}
        assert counts <= {k // 3, -(-k // 3)}


def test_without_attendance_those_who_said_yes_are_divided(client, network, meeting, coordinator):
    yes, waiting, no = crowd(network, 3)
    now = timezone.now()
    Rsvp.objects.create(meeting=meeting, user=yes, answer="yes", answered_at=now)
    Rsvp.objects.create(
        meeting=meeting, user=waiting, answer="yes", waitlisted=True, answered_at=now
    )
    Rsvp.objects.create(meeting=meeting, user=no, answer="no", answered_at=now)
    client.force_login(coordinator)
    client.post(make_url(meeting), {"size": "2"})
    assert groups_in_db(meeting) == {1: [yes.pk]}


def test_the_facilitator_divides_too(client, network, meeting):
    facilitator = member(network, Role.PROFESSIONAL)
    meeting.facilitator = facilitator
    meeting.save()
    attend(meeting, crowd(network, 4))
    client.force_login(facilitator)
    client.post(make_url(meeting), {"size": "2"})
    assert len(groups_in_db(meeting)) == 2


@pytest.mark.parametrize("size", ["0", "1", "51", "1000", "-3", "vier", ""])
def test_an_absurd_group_size_changes_nothing(client, network, meeting, coordinator, size):
    attend(meeting, crowd(network, 4))
    client.force_login(coordinator)
    client.post(make_url(meeting), {"size": "2"}, follow=True)
    before = groups_in_db(meeting)
    response = client.post(make_url(meeting), {"size": size}, follow=True)
    assert messages_of(response) == ["Kies een groepsgrootte van 2 tot 50."]
    assert groups_in_db(meeting) == before


def test_nobody_present_gives_a_message(client, meeting, coordinator):
    client.force_login(coordinator)
    response = client.post(make_url(meeting), {"size": "4"}, follow=True)
    assert messages_of(response) == [
        "Er is nog niemand om in te delen: registreer de aanwezigheid, of wacht op aanmeldingen."
    ]
    assert BreakoutGroup.objects.count() == 0


def _two_groups(meeting, first, second):
    one = BreakoutGroup.objects.create(meeting=meeting, number=1)
    two = BreakoutGroup.objects.create(meeting=meeting, number=2)
    for person in first:
        BreakoutGroupMember.objects.create(group=one, meeting=meeting, user=person)
    for person in second:
        BreakoutGroupMember.objects.create(group=two, meeting=meeting, user=person)


def test_moving_someone_by_hand(client, network, meeting, coordinator):
    a, b, c = crowd(network, 3)
    _two_groups(meeting, [a, b], [c])
    client.force_login(coordinator)
    response = client.post(move_url(meeting), {"person": a.pk, "group": "2"}, follow=True)
    assert messages_of(response) == [f"{a.get_full_name()} zit nu in groep 2."]
    assert groups_in_db(meeting) == {1: [b.pk], 2: sorted([a.pk, c.pk])}


def test_moving_with_htmx_answers_the_board(client, network, meeting, coordinator):
    a, b = crowd(network, 2)
    _two_groups(meeting, [a], [b])
    client.force_login(coordinator)
    response = client.post(
        move_url(meeting), {"person": b.pk, "group": "1"}, HTTP_HX_REQUEST="true"
    )
    assert [t.name for t in response.templates] == ["meetings/partials/groups_board.html"]
    assert response.context["success"] == f"{b.get_full_name()} zit nu in groep 1."
    assert [sorted(p.pk for p in g.people) for g in response.context["groups"]] == [
        sorted([a.pk, b.pk]),
        [],
    ]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"group": "7"}, "Die groep bestaat niet."),
        ({"group": "0"}, "Die groep bestaat niet."),
        ({"group": "twee"}, "Die groep bestaat niet."),
        (
            {"group": "2", "person": "999999"},
            "Die persoon zit niet in een groep van deze bijeenkomst.",
        ),
    ],
)
def test_a_bad_move_changes_nothing(client, network, meeting, coordinator, data, message):
    a, b = crowd(network, 2)
    _two_groups(meeting, [a], [b])
    before = groups_in_db(meeting)
    client.force_login(coordinator)
    response = client.post(move_url(meeting), {"person": a.pk, **data}, follow=True)
    assert messages_of(response) == [message]
    assert groups_in_db(meeting) == before


def test_a_person_in_another_meetings_group_cannot_be_moved_here(
    client, network, meeting, coordinator
):
    other = MeetingFactory(network=network)
    a, b = crowd(network, 2)
    _two_groups(other, [a], [b])
    BreakoutGroup.objects.create(meeting=meeting, number=1)
    client.force_login(coordinator)
    response = client.post(move_url(meeting), {"person": a.pk, "group": "1"}, follow=True)
    assert messages_of(response) == ["Die persoon zit niet in een groep van deze bijeenkomst."]
    assert groups_in_db(other) == {1: [a.pk], 2: [b.pk]}


def test_members_see_the_groups_without_forms(client, network, meeting):
    a, b = crowd(network, 2)
    _two_groups(meeting, [a], [b])
    client.force_login(a)
    response = client.get(reverse("meetings:groups", args=[network.slug, meeting.pk]))
    assert response.status_code == 200
    assert response.context["can_run"] is False
    assert "size_form" not in response.context
    assert [[p.pk for p in g.people] for g in response.context["groups"]] == [[a.pk], [b.pk]]


@pytest.mark.parametrize("count", [1, 50])
def test_groups_page_queries_do_not_grow(
    client, network, meeting, coordinator, count, django_assert_num_queries
):
    people = crowd(network, count)
    attend(meeting, people)
    client.force_login(coordinator)
    client.post(make_url(meeting), {"size": "4"}, follow=True)
    with django_assert_num_queries(9):
        response = client.get(reverse("meetings:groups", args=[network.slug, meeting.pk]))
    assert sum(len(g.people) for g in response.context["groups"]) == count
