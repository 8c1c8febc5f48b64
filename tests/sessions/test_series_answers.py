"""Points 2 and 3 of issue 14: answering a whole series once (and one meeting afterwards),
the home page showing a series as one row, and who has not answered with "remind them now"."""

import datetime as dt

import pytest
from django.core import mail
from django.urls import reverse

from networks.choices import Role
from sessions.meetings.choices import MeetingStatus
from sessions.meetings.models import Meeting, Rsvp
from sessions.meetings.services.meetings import meeting_cancel
from sessions.reminders.dispatcher import dispatch
from sessions.reminders.models import Delivery, DeliveryStatus
from tests.factories import member
from tests.sessions.factories import MeetingFactory, MeetingSeriesFactory, RsvpFactory


@pytest.fixture
def student(network):
    return member(network, Role.STUDENT, full_name="Sanne Student", email="sanne@example.org")


@pytest.fixture
def series(network):
    """A monthly series of six meetings, the first a week from now."""
    series = MeetingSeriesFactory(network=network, title="Intervisie maandelijks")
    first = MeetingFactory.build().starts_at
    for n in range(6):
        MeetingFactory(
            network=network,
            series=series,
            title="Intervisie maandelijks",
            starts_at=first + dt.timedelta(days=28 * n),
        )
    return series


def meetings_of(series):
    return list(Meeting.objects.filter(series=series).order_by("starts_at"))


def answers(series, user):
    rows = dict(Rsvp.objects.filter(user=user).values_list("meeting_id", "answer"))
    return [rows.get(m.pk) for m in meetings_of(series)]


def test_answering_the_whole_series_from_the_meeting_page(client, network, series, student):
    client.force_login(student)
    first, second, *_ = meetings_of(series)
    page = client.get(reverse("meetings:detail", args=[network.slug, second.pk]))
    assert "Ja, voor de hele reeks" in page.content.decode()
    response = client.post(
        reverse("meetings:rsvp_series", args=[network.slug, second.pk]), {"answer": "yes"}
    )
    assert response.status_code == 302
    assert answers(series, student) == ["yes"] * 6
    # And one meeting changed afterwards, on its own.
    client.post(reverse("meetings:rsvp", args=[network.slug, second.pk]), {"answer": "no"})
    assert answers(series, student) == ["yes", "no", "yes", "yes", "yes", "yes"]
    page = client.get(reverse("meetings:detail", args=[network.slug, first.pk]))
    assert "Je antwoorden: ja 5, misschien 0, nee 1, nog niet geantwoord 0." in (
        page.content.decode()
    )


def test_the_series_answer_skips_meetings_that_are_cancelled_or_past(
    client, network, series, student
):
    items = meetings_of(series)
    meeting_cancel(meeting=items[3], reason="")
    client.force_login(student)
    response = client.post(
        reverse("meetings:rsvp_series", args=[network.slug, items[0].pk]),
        {"answer": "maybe"},
        headers={"HX-Request": "true"},
    )
    assert response.status_code == 200
    assert "Dank je: je komt misschien naar de 5 bijeenkomsten van de reeks." in (
        response.content.decode()
    )
    assert answers(series, student) == ["maybe", "maybe", "maybe", None, "maybe", "maybe"]


def test_a_full_meeting_puts_the_series_answer_on_its_waiting_list(
    client, network, series, student
):
    items = meetings_of(series)
    Meeting.objects.filter(pk=items[1].pk).update(capacity=1)
    RsvpFactory(meeting=items[1], user=member(network), answer="yes")
    client.force_login(student)
    url = reverse("meetings:rsvp_series", args=[network.slug, items[0].pk])
    client.post(url, {"answer": "yes"})
    assert Rsvp.objects.get(meeting=items[1], user=student).waitlisted is True
    assert Rsvp.objects.filter(user=student, waitlisted=False).count() == 5


def test_a_series_answer_with_a_bad_choice_changes_nothing(client, network, series, student):
    client.force_login(student)
    response = client.post(
        reverse("meetings:rsvp_series", args=[network.slug, meetings_of(series)[0].pk]),
        {"answer": "perhaps"},
        follow=True,
    )
    assert "Kies ja, nee of misschien." in response.content.decode()
    assert Rsvp.objects.count() == 0


def test_a_meeting_outside_a_series_has_no_series_answer(client, network, student):
    meeting = MeetingFactory(network=network)
    client.force_login(student)
    response = client.post(
        reverse("meetings:rsvp_series", args=[network.slug, meeting.pk]), {"answer": "yes"}
    )
    assert response.status_code == 404
    assert Rsvp.objects.count() == 0


def test_the_home_page_shows_a_series_as_one_row_with_its_next_date(
    client, network, series, student
):
    single = MeetingFactory(network=network, title="Klinische les")
    client.force_login(student)
    page = client.get(reverse("home")).content.decode()
    # Once under the next meetings, once under those not answered yet.
    assert page.count(">Intervisie maandelijks</a>") == 2
    assert "reeks van 6 bijeenkomsten" in page
    assert "Onderdeel van een reeks: 6 bijeenkomsten nog niet beantwoord." in page
    assert single.title in page
    client.post(
        reverse("meetings:rsvp_series", args=[network.slug, meetings_of(series)[0].pk]),
        {"answer": "yes", "next": reverse("home")},
    )
    page = client.get(reverse("home")).content.decode()
    assert "je komt naar alle" in page
    assert page.count(">Intervisie maandelijks</a>") == 1  # no longer unanswered


@pytest.mark.parametrize("count", [1, 8])
def test_the_home_page_does_not_query_per_series(
    client, network, student, count, django_assert_num_queries
):
    client.force_login(student)
    for n in range(count):
        series = MeetingSeriesFactory(network=network)
        for week in range(3):
            MeetingFactory(
                network=network,
                series=series,
                starts_at=MeetingFactory.build().starts_at + dt.timedelta(days=7 * week, hours=n),
            )
    client.get(reverse("home"))  # warm the caches of the session
    with django_assert_num_queries(QUERIES_HOME):
        client.get(reverse("home"))


QUERIES_HOME = 14


# --- who has not answered, "remind them now" ------------------------------------------------


@pytest.fixture
def meeting(network):
    return MeetingFactory(network=network, title="Moreel beraad")


def test_coordinators_and_the_facilitator_see_who_has_not_answered(
    client, network, meeting, coordinator, student
):
    answered = member(network, full_name="Piet Professional")
    RsvpFactory(meeting=meeting, user=answered, answer="no")
    facilitator = member(network, full_name="Fenna Facilitator")
    Meeting.objects.filter(pk=meeting.pk).update(facilitator=facilitator)
    url = reverse("meetings:detail", args=[network.slug, meeting.pk])
    for person in (coordinator, facilitator):
        client.force_login(person)
        page = client.get(url).content.decode()
        assert "Nog niet geantwoord (3)" in page
        assert "<li>Sanne Student</li>" in page
        assert "<li>Piet Professional</li>" not in page.split('id="unanswered-people"')[1]
    client.force_login(student)
    assert 'id="unanswered"' not in client.get(url).content.decode()


def test_remind_them_now_mails_those_who_have_not_answered_once_a_day(
    client, network, meeting, coordinator, student, time_machine
):
    time_machine.move_to(meeting.starts_at - dt.timedelta(days=5), tick=False)
    RsvpFactory(meeting=meeting, user=member(network), answer="yes")
    client.force_login(coordinator)
    url = reverse("meetings:remind_unanswered", args=[network.slug, meeting.pk])
    response = client.post(url, follow=True)
    assert "Er is een herinnering onderweg naar 2 mensen die nog niet hebben geantwoord." in (
        response.content.decode()
    )
    rows = Delivery.objects.filter(kind="rsvp_nudge_now")
    assert sorted(rows.values_list("recipient__email", flat=True)) == sorted(
        [coordinator.email, student.email]
    )
    # A second click the same day: said so, nothing new.
    response = client.post(url, follow=True)
    assert "Er is vandaag al een herinnering gestuurd" in response.content.decode()
    assert rows.count() == 2
    dispatch()
    [to_student] = [m for m in mail.outbox if m.to == [student.email]]
    assert to_student.subject == "Kom je naar Moreel beraad?"
    assert "/antwoord/" in to_student.body
    # The next day it may be sent again.
    time_machine.move_to(meeting.starts_at - dt.timedelta(days=4), tick=False)
    client.post(url)
    assert rows.count() == 4


def test_someone_who_answered_before_the_reminder_went_out_gets_none(
    client, network, meeting, coordinator, student
):
    client.force_login(coordinator)
    client.post(reverse("meetings:remind_unanswered", args=[network.slug, meeting.pk]))
    RsvpFactory(meeting=meeting, user=student, answer="maybe")
    dispatch()
    assert [m.to for m in mail.outbox if m.to == [student.email]] == []
    row = Delivery.objects.get(kind="rsvp_nudge_now", recipient=student)
    assert row.status == DeliveryStatus.WITHDRAWN


def test_remind_now_when_answers_are_closed_changes_nothing(
    client, network, meeting, coordinator, student
):
    Meeting.objects.filter(pk=meeting.pk).update(status=MeetingStatus.CANCELLED)
    client.force_login(coordinator)
    response = client.post(
        reverse("meetings:remind_unanswered", args=[network.slug, meeting.pk]), follow=True
    )
    assert "Deze bijeenkomst is afgezegd; aan- en afmelden is gesloten." in (
        response.content.decode()
    )
    assert Delivery.objects.filter(kind="rsvp_nudge_now").count() == 0


def test_remind_now_is_refused_to_other_members(client, network, meeting, student):
    client.force_login(student)
    response = client.post(reverse("meetings:remind_unanswered", args=[network.slug, meeting.pk]))
    assert response.status_code == 403
    assert Delivery.objects.count() == 0


def test_a_cancelled_meeting_does_not_make_the_series_answer_differ(
    client, network, series, student
):
    items = meetings_of(series)
    client.force_login(student)
    client.post(reverse("meetings:rsvp_series", args=[network.slug, items[0].pk]), {"answer": "no"})
    meeting_cancel(meeting=items[2], reason="")
    MeetingFactory(network=network, series=series, starts_at=items[5].starts_at + dt.timedelta(7))
    page = client.get(reverse("home")).content.decode()
    assert "je antwoorden verschillen per bijeenkomst" in page  # the new one is unanswered
    Meeting.objects.filter(series=series, rsvps__isnull=True).exclude(pk=items[2].pk).delete()
    page = client.get(reverse("home")).content.decode()
    assert "reeks van 5 bijeenkomsten, je komt naar geen enkele" in page


@pytest.mark.parametrize("count", [1, 20])
def test_the_list_of_who_has_not_answered_does_not_query_per_person(
    client, network, meeting, coordinator, count, django_assert_num_queries
):
    for _ in range(count):
        member(network, Role.STUDENT)
    client.force_login(coordinator)
    url = reverse("meetings:detail", args=[network.slug, meeting.pk])
    client.get(url)
    with django_assert_num_queries(QUERIES_MEETING_PAGE):
        response = client.get(url)
    assert len(response.context["unanswered"]) == count + 1  # and the coordinator


QUERIES_MEETING_PAGE = 17  # with the bell and the guest speakers


def test_remind_now_twice_in_a_row_records_once(network, meeting, coordinator, student):
    from sessions.meetings.invitations import AlreadyRemindedToday, rsvp_remind_now

    assert rsvp_remind_now(meeting=meeting) == 2
    with pytest.raises(AlreadyRemindedToday):
        rsvp_remind_now(meeting=meeting)
    assert Delivery.objects.filter(kind="rsvp_nudge_now").count() == 2
