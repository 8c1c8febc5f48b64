"""The home page as "what needs me": what waits for the person first (each with its one
click), then their next meetings, then their networks as cards with live figures."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from networks.choices import Role
from sessions.meetings.models import ActionStatus, MeetingAction
from tests.evaluation.helpers import answered, open_round, ripls_answers
from tests.factories import MembershipFactory, NetworkFactory, UserFactory, member
from tests.sessions.factories import MeetingFactory, RsvpFactory
from tests.sessions.factories_shadowing import (
    ShadowingDayFactory,
    ShadowingFeedbackFactory,
    reflected,
    same_school,
    social_worker,
)

pytestmark = pytest.mark.django_db


def days_ago(n):
    return timezone.localdate() - dt.timedelta(days=n)


def page_of(client, user):
    client.force_login(user)
    response = client.get(reverse("home"))
    assert response.status_code == 200
    return response, response.content.decode()


def test_a_teacher_is_asked_for_feedback_with_a_link_to_the_queue(client, network):
    teacher = member(network, Role.TEACHER)
    student = member(network, Role.STUDENT)
    other_student = member(network, Role.STUDENT)  # another school: not theirs
    same_school(network, teacher, student)
    same_school(network, other_student)
    host = social_worker(network)
    for n in (3, 4):
        ShadowingDayFactory(
            network=network, shadower=student, host=host, date=days_ago(n), **reflected()
        )
    given = ShadowingDayFactory(
        network=network, shadower=student, host=host, date=days_ago(5), **reflected()
    )
    ShadowingFeedbackFactory(day=given, author=teacher)
    ShadowingDayFactory(
        network=network, shadower=other_student, host=host, date=days_ago(3), **reflected()
    )
    response, html = page_of(client, teacher)
    assert [(i.network, i.count) for i in response.context["feedback_waiting"]] == [(network, 2)]
    assert "2 reflecties van je studenten in LIN Oost wachten op feedback." in html
    assert 'href="/netwerken/lin-oost/meelopen/feedback/"' in html


def test_an_open_questionnaire_waits_until_it_is_sent(client, network):
    person = member(network, Role.PROFESSIONAL)
    round_ = open_round(network, invite=[person])
    open_round(network, wave=1, invite=[member(network)])  # not invited
    response, html = page_of(client, person)
    assert [i["round"] for i in response.context["questionnaires"]] == [round_]
    assert f'href="/netwerken/lin-oost/evaluatie/rondes/{round_.pk}/invullen/"' in html
    answered(round_, person, ripls_answers())
    response, html = page_of(client, person)
    assert response.context["questionnaires"] == []
    assert "Er wacht niets op je" in html


def test_an_action_due_is_closed_with_one_click(client, network):
    person = member(network, Role.PROFESSIONAL)
    meeting = MeetingFactory(network=network, title="Casusbespreking", starts_at=timezone.now())
    later = MeetingAction.objects.create(
        meeting=meeting, text="Folder rondsturen", owner=person, due_on=days_ago(-20)
    )
    soon = MeetingAction.objects.create(
        meeting=meeting, text="Huisarts bellen", owner=person, due_on=days_ago(-2)
    )
    MeetingAction.objects.create(meeting=meeting, text="Iets van een ander", owner=member(network))
    response, html = page_of(client, person)
    assert response.context["actions_due"] == [soon, later]
    assert "Huisarts bellen" in html and "Iets van een ander" not in html
    url = reverse("meetings:action_status", args=[network.slug, meeting.pk, soon.pk])
    assert f'action="{url}"' in html
    client.post(url, {"status": "closed"})
    soon.refresh_from_db()
    assert soon.status == ActionStatus.CLOSED
    assert page_of(client, person)[0].context["actions_due"] == [later]


def test_the_network_cards_show_live_figures(client, network, other_network):
    person = member(network, Role.PROFESSIONAL)
    MembershipFactory(network=other_network, user=person)
    member(network)
    member(network)
    now = timezone.localtime()
    next_one = MeetingFactory(network=network, starts_at=now + dt.timedelta(hours=2))
    MeetingFactory(network=network, starts_at=now + dt.timedelta(days=60))
    response, html = page_of(client, person)
    cards = {m.network.name: m for m in response.context["memberships"]}
    oost, west = cards["LIN Oost"], cards["LIN West"]
    assert (oost.member_count, oost.next_meeting_at) == (3, next_one.starts_at)
    assert (west.member_count, west.next_meeting_at, west.meetings_this_month) == (1, None, 0)
    # The meeting in two hours is in this month unless that crosses the month's end.
    in_month = timezone.localtime(next_one.starts_at).month == now.month
    assert oost.meetings_this_month == (1 if in_month else 0)
    assert "geen gepland" in html and "Leden" in html


def test_everything_waiting_comes_before_the_next_meetings(client, network):
    person = member(network, Role.STUDENT)
    MeetingFactory(network=network, title="Klinische les")
    ShadowingDayFactory(
        network=network, shadower=person, host=social_worker(network), date=days_ago(1)
    )
    response, html = page_of(client, person)
    assert response.context["waiting_count"] == 2
    assert html.index('id="home-waiting"') < html.index("Reflectie schrijven")
    assert html.index("Reflectie schrijven") < html.index('id="home-next-meetings"')


def test_empty_states_say_what_to_do_next(client, network):
    stranger = UserFactory()
    _, html = page_of(client, stranger)
    assert "Zodra je lid bent van een netwerk" in html
    person = member(network)
    _, html = page_of(client, person)
    assert "Er wacht niets op je" in html
    assert "Geen bijeenkomsten gepland in je netwerken" in html


@pytest.mark.parametrize("count", [1, 6])
def test_home_queries_do_not_grow_with_the_waiting_items(client, count, django_assert_num_queries):
    """A teacher who is also host and invited everywhere: a constant number of queries."""
    teacher = UserFactory()
    for _ in range(count):
        network = NetworkFactory()
        MembershipFactory(network=network, user=teacher, role=Role.TEACHER)
        student = member(network, Role.STUDENT)
        same_school(network, teacher, student)
        host = social_worker(network)
        ShadowingDayFactory(
            network=network, shadower=student, host=host, date=days_ago(2), **reflected()
        )
        open_round(network, invite=[teacher])
        meeting = MeetingFactory(network=network)
        MeetingFactory(network=network)
        RsvpFactory(meeting=meeting, user=teacher, answer="yes")
        MeetingAction.objects.create(meeting=meeting, text="Bellen", owner=teacher)
    client.force_login(teacher)
    client.get(reverse("home"))  # warm the session
    # session, user, memberships, next meetings (2), unanswered (2), actions, questionnaires,
    # feedback, member counts, meeting figures, the teacher's themes and lessons (2); the
    # shadowing and pair queries are skipped: a teacher neither shadows, hosts nor pairs
    with django_assert_num_queries(QUERIES):
        response = client.get(reverse("home"))
    context = response.context
    assert len(context["feedback_waiting"]) == count
    assert len(context["questionnaires"]) == count
    assert len(context["actions_due"]) == count
    assert len(context["unanswered"]) == count
    assert {m.member_count for m in context["memberships"]} == {3}


QUERIES = 15
