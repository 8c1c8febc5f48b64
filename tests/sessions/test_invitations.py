"""Point 1 of issue 14: planning a meeting or a series mails each invitee one invitation
through the outbox, in their language, with answer links and the calendar file; the answer
links work without signing in and refuse what they must."""

import datetime as dt
import re
from zoneinfo import ZoneInfo

import icalendar
import pytest
from dateutil.rrule import rrulestr
from django.core import mail
from django.urls import reverse

from networks.choices import Role
from networks.models import Membership
from sessions.meetings.choices import MeetingStatus, RsvpAnswer
from sessions.meetings.invitations import answer_token, answer_token_read
from sessions.meetings.models import Meeting, MeetingSeries, Rsvp
from sessions.meetings.reminders import meeting_ics
from sessions.meetings.rules import SeriesRule
from sessions.meetings.services.meetings import (
    MeetingDetails,
    meeting_cancel,
    meeting_schedule,
    meeting_series_schedule,
    meeting_update,
)
from sessions.reminders.dispatcher import dispatch
from sessions.reminders.models import Delivery, DeliveryStatus
from tests.factories import NetworkFactory, member

AMS = ZoneInfo("Europe/Amsterdam")
# A Tuesday (no weekly digest due), a month before the change to summer time on Sunday
# 28 March 2027.
NOW = dt.datetime(2027, 3, 2, 9, 0, tzinfo=AMS)


@pytest.fixture
def frozen(time_machine):
    time_machine.move_to(NOW, tick=False)
    return NOW


@pytest.fixture
def net(db, frozen):
    return NetworkFactory(name="LIN Oost", slug="lin-oost")


@pytest.fixture
def people(net):
    return {
        "coordinator": member(net, Role.COORDINATOR, full_name="Carla Coördinator", language="nl"),
        "anna": member(net, full_name="Anna de Vries", email="anna@example.org", language="en"),
        "bram": member(net, full_name="Bram Bakker", email="bram@example.org", language="nl"),
    }


def details(**overrides):
    values = {"title": "Intervisie wijkteam", "format": "intervisie", "location": "Buurthuis"}
    values.update(overrides)
    return MeetingDetails(**values)


def weekly_series(net, people, **rule):
    # Thursdays 15:00, 6 meetings from 11 March 2027, skipping 25 March: across the
    # change to summer time on 28 March.
    values = {
        "repeat": "weekly",
        "starts_on": dt.date(2027, 3, 11),
        "weekday": 3,
        "count": 6,
        "skip_dates": [dt.date(2027, 3, 25)],
    }
    values.update(rule)
    return meeting_series_schedule(
        network=net,
        details=details(),
        rule=SeriesRule(**values),
        start_time=dt.time(15, 0),
        end_time=dt.time(16, 30),
        created_by=people["coordinator"],
    )


def mails_to(address):
    return [m for m in mail.outbox if m.to == [address]]


def ics_of(message) -> icalendar.Calendar:
    [(name, content, mimetype)] = message.attachments
    assert mimetype.startswith("text/calendar")
    return icalendar.Calendar.from_ical(content)


def expand(calendar: icalendar.Calendar) -> list[dt.datetime]:
    """Every start the calendar file describes: the recurring event's rule expanded with
    dateutil, less its EXDATEs, with each override (RECURRENCE-ID) put at its own start."""
    events = calendar.walk("VEVENT")
    [master] = [e for e in events if "RECURRENCE-ID" not in e]
    start = master.decoded("DTSTART")
    rule = rrulestr(master["RRULE"].to_ical().decode(), dtstart=start)
    excluded = set()
    exdates = master.get("EXDATE", [])
    for exdate in exdates if isinstance(exdates, list) else [exdates]:
        excluded |= {value.dt for value in exdate.dts}
    starts = {moment for moment in rule if moment not in excluded}
    for override in (e for e in events if "RECURRENCE-ID" in e):
        starts.discard(override.decoded("RECURRENCE-ID"))
        starts.add(override.decoded("DTSTART"))
    return sorted(moment.astimezone(dt.UTC) for moment in starts)


def starts(series) -> list[dt.datetime]:
    return [
        m.starts_at.astimezone(dt.UTC)
        for m in series.meetings.exclude(status=MeetingStatus.CANCELLED).order_by("starts_at")
    ]


def test_a_series_sends_one_mail_per_invitee_in_their_language(net, people):
    weekly_series(net, people)
    dispatch()
    assert sorted(m.to[0] for m in mail.outbox) == sorted(p.email for p in people.values())
    [english] = mails_to("anna@example.org")
    [dutch] = mails_to("bram@example.org")
    assert english.subject == (
        "Invitation: Intervisie wijkteam, a series of 6 meetings from 11 March"
    )
    assert dutch.subject == (
        "Uitnodiging: Intervisie wijkteam, een reeks van 6 bijeenkomsten vanaf 11 maart"
    )
    assert "Thursday 11 March 2027, 15:00–16:30" in english.body
    assert "Thursday 1 April 2027, 15:00–16:30" in english.body  # summer time: still 15:00
    assert "Where: Buurthuis" in english.body
    # Dispatching again sends nothing twice.
    dispatch()
    assert len(mail.outbox) == 3


def test_the_series_calendar_file_expands_to_exactly_the_meeting_dates_across_dst(net, people):
    series = weekly_series(net, people)
    dispatch()
    [message] = mails_to("anna@example.org")
    calendar = ics_of(message)
    [master] = calendar.walk("VEVENT")
    assert master["DTSTART"].params["TZID"] == "Europe/Amsterdam"
    assert master.decoded("DTSTART") == dt.datetime(2027, 3, 11, 15, 0, tzinfo=AMS)
    assert master["RRULE"]["FREQ"] == ["WEEKLY"]
    assert master["RRULE"]["BYDAY"] == ["TH"]
    assert [t.name for t in calendar.walk("VTIMEZONE")] == ["VTIMEZONE"]
    assert expand(calendar) == starts(series)
    # The local wall clock stays 15:00 on both sides of 28 March; UTC moves an hour.
    assert [m.astimezone(AMS).strftime("%d-%m %H:%M") for m in expand(calendar)] == [
        "11-03 15:00",
        "18-03 15:00",
        "01-04 15:00",
        "08-04 15:00",
        "15-04 15:00",
        "22-04 15:00",
    ]
    assert {m.hour for m in expand(calendar)} == {14, 13}


def test_a_monthly_series_is_one_rule_on_the_nth_weekday(net, people):
    series = weekly_series(
        net,
        people,
        repeat="monthly",
        starts_on=dt.date(2027, 3, 1),
        week_of_month=-1,
        count=4,
        skip_dates=[],
    )
    dispatch()
    calendar = ics_of(mails_to("bram@example.org")[0])
    [master] = calendar.walk("VEVENT")
    assert master["RRULE"]["BYDAY"] == ["-1TH"]
    assert expand(calendar) == starts(series)
    assert len(starts(series)) == 4


def test_a_meeting_moved_or_cancelled_before_sending_is_in_the_file(net, people):
    series = weekly_series(net, people)
    first, second, third, *_ = series.meetings.order_by("starts_at")
    meeting_cancel(meeting=second, reason="Studiedag")
    meeting_update(
        meeting=third,
        details=details(),
        day=dt.date(2027, 4, 2),
        start_time=dt.time(10, 0),
        end_time=dt.time(11, 30),
    )
    dispatch()
    calendar = ics_of(mails_to("anna@example.org")[0])
    assert expand(calendar) == starts(series)
    [override] = [e for e in calendar.walk("VEVENT") if "RECURRENCE-ID" in e]
    assert override.decoded("DTSTART") == dt.datetime(2027, 4, 2, 10, 0, tzinfo=AMS)
    assert override.decoded("RECURRENCE-ID") == dt.datetime(2027, 4, 1, 15, 0, tzinfo=AMS)


def test_a_later_change_of_one_meeting_updates_its_occurrence(net, people):
    series = weekly_series(net, people)
    dispatch()
    meeting = series.meetings.order_by("starts_at")[2]
    calendar = icalendar.Calendar.from_ical(meeting_ics(meeting))
    [event] = calendar.walk("VEVENT")
    [master] = ics_of(mails_to("anna@example.org")[0]).walk("VEVENT")
    assert event["UID"] == master["UID"]
    assert event.decoded("RECURRENCE-ID") == dt.datetime(2027, 4, 1, 15, 0, tzinfo=AMS)


def test_a_single_meeting_sends_one_invitation_with_its_event(net, people):
    meeting = meeting_schedule(
        network=net,
        details=details(title="Moreel beraad", online_url="https://meet.example.org/lin"),
        day=dt.date(2027, 3, 30),
        start_time=dt.time(9, 30),
        end_time=dt.time(11, 0),
        created_by=people["coordinator"],
    )
    dispatch()
    [message] = mails_to("anna@example.org")
    assert message.subject == "Invitation: Moreel beraad on 30 March 09:30"
    assert "Online: https://meet.example.org/lin" in message.body
    [event] = ics_of(message).walk("VEVENT")
    assert event["UID"] == f"meeting-{meeting.pk}@127.0.0.1"
    assert event.decoded("DTSTART") == meeting.starts_at
    assert "RRULE" not in event


def answer_links(message) -> dict[str, str]:
    """The answer links in the mail's text, by the answer each stands for."""
    links = {}
    for url in re.findall(r"http://127\.0\.0\.1:8000(/antwoord/[^/\s]+/)", message.body):
        token = url.rstrip("/").rsplit("/", 1)[1]
        links[answer_token_read(token).answer] = url
    return links


def test_the_mail_has_one_signed_link_per_answer(net, people):
    series = weekly_series(net, people)
    dispatch()
    links = answer_links(mails_to("anna@example.org")[0])
    assert sorted(links) == ["maybe", "no", "yes"]
    token = links["maybe"].rstrip("/").rsplit("/", 1)[1]
    link = answer_token_read(token)
    assert (link.user_pk, link.series_pk, link.answer) == (people["anna"].pk, series.pk, "maybe")


def test_answering_the_series_from_the_link_without_signing_in(client, net, people):
    series = weekly_series(net, people)
    dispatch()
    url = answer_links(mails_to("anna@example.org")[0])["yes"]
    page = client.get(url)
    assert page.status_code == 200
    assert Rsvp.objects.count() == 0  # following the link alone answers nothing
    assert "Confirm your answer for every meeting of the series" in page.content.decode()
    response = client.post(url, {"answer": "yes"})
    assert response.status_code == 200
    assert "Thank you: you are coming to all 6 meetings of the series." in (
        response.content.decode()
    )
    answers = Rsvp.objects.filter(user=people["anna"]).order_by("meeting__starts_at")
    assert [r.answer for r in answers] == ["yes"] * 6
    # Changing one meeting afterwards, from the same page.
    third = series.meetings.order_by("starts_at")[2]
    client.post(url, {"answer": "no", "meeting": third.pk})
    assert [r.answer for r in answers.all()] == ["yes", "yes", "no", "yes", "yes", "yes"]


def test_answering_a_single_meeting_and_changing_it(client, net, people):
    meeting = meeting_schedule(
        network=net,
        details=details(),
        day=dt.date(2027, 3, 30),
        start_time=dt.time(9, 30),
        end_time=dt.time(11, 0),
        created_by=people["coordinator"],
    )
    dispatch()
    links = answer_links(mails_to("bram@example.org")[0])
    response = client.post(links["no"], {"answer": "no", "reason": "Dienst"})
    assert "Dank je: je komt niet." in response.content.decode()
    rsvp = Rsvp.objects.get(meeting=meeting, user=people["bram"])
    assert (rsvp.answer, rsvp.reason) == ("no", "Dienst")
    client.post(links["no"], {"answer": "maybe"})
    rsvp.refresh_from_db()
    assert rsvp.answer == RsvpAnswer.MAYBE


@pytest.fixture
def single(net, people):
    meeting = meeting_schedule(
        network=net,
        details=details(),
        day=dt.date(2027, 3, 30),
        start_time=dt.time(9, 30),
        end_time=dt.time(11, 0),
        created_by=people["coordinator"],
    )
    url = reverse(
        "meetings:invitation_answer",
        args=[answer_token(user_pk=people["anna"].pk, answer="yes", meeting_pk=meeting.pk)],
    )
    return meeting, url


def test_a_link_after_the_meeting_started_says_so_and_changes_nothing(client, single, time_machine):
    meeting, url = single
    time_machine.move_to(meeting.starts_at + dt.timedelta(minutes=5), tick=False)
    response = client.post(url, {"answer": "yes"})
    assert response.status_code == 200
    assert "This meeting has already started; answers are closed." in response.content.decode()
    assert Rsvp.objects.count() == 0


def test_a_link_for_a_cancelled_meeting_says_so(client, single):
    meeting, url = single
    meeting_cancel(meeting=meeting, reason="")
    response = client.post(url, {"answer": "yes"})
    assert "This meeting was cancelled; answers are closed." in response.content.decode()
    assert Rsvp.objects.count() == 0


def test_a_link_of_someone_who_left_the_network_says_so(client, single, people):
    meeting, url = single
    Membership.objects.filter(user=people["anna"]).update(
        starts_on=dt.date(2027, 1, 1), ends_on=dt.date(2027, 2, 28)
    )
    response = client.post(url, {"answer": "yes"})
    assert response.status_code == 200
    assert "You are no longer a member of LIN Oost" in response.content.decode()
    assert Rsvp.objects.count() == 0


def test_a_series_link_after_every_meeting_was_cancelled(client, net, people):
    series = weekly_series(net, people, count=2, skip_dates=[])
    for meeting in series.meetings.all():
        meeting_cancel(meeting=meeting, reason="")
    token = answer_token(user_pk=people["anna"].pk, answer="yes", series_pk=series.pk)
    response = client.post(reverse("meetings:invitation_answer", args=[token]), {"answer": "yes"})
    assert "Every meeting of this series has started or was cancelled" in (
        response.content.decode()
    )
    assert Rsvp.objects.count() == 0


@pytest.mark.parametrize(
    "mangle",
    [
        lambda t: t[:-2] + ("AA" if not t.endswith("AA") else "BB"),  # signature altered
        lambda t: "eyJ1IjoxLCJhIjoieWVzIiwibSI6MX0" + t[t.index(":") :],  # payload swapped
        lambda t: "not-a-token",
    ],
    ids=["signature", "payload", "garbage"],
)
def test_a_forged_or_altered_link_is_404(client, single, mangle):
    meeting, url = single
    token = url.rstrip("/").rsplit("/", 1)[1]
    forged = reverse("meetings:invitation_answer", args=[mangle(token)])
    assert client.get(forged).status_code == 404
    assert client.post(forged, {"answer": "yes"}).status_code == 404
    assert Rsvp.objects.count() == 0


def test_the_link_of_someone_else_while_signed_in_changes_nothing(client, single, people):
    meeting, url = single
    client.force_login(people["bram"])
    response = client.post(url, {"answer": "yes"})
    assert response.status_code == 403
    assert Rsvp.objects.count() == 0


def test_an_invitation_is_withdrawn_when_the_meeting_is_cancelled_before_sending(single):
    meeting, _url = single
    meeting_cancel(meeting=meeting, reason="")
    dispatch()
    assert [m.subject for m in mail.outbox if m.subject.startswith("Invitation")] == []
    assert set(
        Delivery.objects.filter(kind="meeting_invitation").values_list("status", flat=True)
    ) == {DeliveryStatus.WITHDRAWN}


def test_someone_who_switched_invitations_off_gets_none(net, people):
    people["anna"].reminders_off = ["meeting_invitation"]
    people["anna"].save()
    weekly_series(net, people)
    dispatch()
    assert mails_to("anna@example.org") == []
    assert len(mails_to("bram@example.org")) == 1


def test_planning_through_the_form_writes_the_rows_in_the_same_transaction(client, net, people):
    client.force_login(people["coordinator"])
    response = client.post(
        reverse("meetings:schedule", args=[net.slug]),
        {
            "title": "Klinische les",
            "format": "klinische_les",
            "day": "2027-03-18",
            "start_time": "15:00",
            "end_time": "16:00",
            "location": "Zaal 1",
            "repeat": "weekly",
            "count": "3",
        },
    )
    assert response.status_code == 302
    series = MeetingSeries.objects.get()
    rows = Delivery.objects.filter(kind="meeting_invitation")
    assert sorted(rows.values_list("recipient__email", flat=True)) == sorted(
        p.email for p in people.values()
    )
    assert {r.object_key for r in rows} == {f"invitation:series:{series.pk}"}
    assert Meeting.objects.filter(series=series).count() == 3


@pytest.mark.parametrize("count", [2, 10])
def test_the_series_answer_page_does_not_query_per_meeting(
    client, net, people, count, django_assert_num_queries
):
    series = weekly_series(net, people, count=count, skip_dates=[])
    token = answer_token(user_pk=people["anna"].pk, answer="yes", series_pk=series.pk)
    url = reverse("meetings:invitation_answer", args=[token])
    client.get(url)
    with django_assert_num_queries(QUERIES_SERIES_PAGE):
        response = client.get(url)
    assert len(response.context["meetings"]) == count


QUERIES_SERIES_PAGE = 4
