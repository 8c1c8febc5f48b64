"""Calendar feeds, parsed back with icalendar: one meeting's .ics and the personal feed."""

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from icalendar import Calendar

from accounts.models import User
from lin_platform.site import site_host
from networks.choices import Role
from tests.factories import member
from tests.helpers import messages_of
from tests.sessions.factories import MeetingFactory

AMS = ZoneInfo("Europe/Amsterdam")


def events(response):
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    calendar = Calendar.from_ical(response.content)
    return list(calendar.walk("VEVENT"))


@pytest.fixture
def nurse(network):
    return member(network, Role.PROFESSIONAL, meeting_reminder_minutes=[1440, 30])


def test_one_meeting_as_ics(client, network, nurse):
    meeting = MeetingFactory(
        network=network,
        title="Moreel beraad: valpreventie",
        starts_at=datetime(2027, 7, 1, 15, 0, tzinfo=AMS),
        ends_at=datetime(2027, 7, 1, 16, 30, tzinfo=AMS),
        location="Wijkcentrum Oost",
        online_url="https://meet.example.org/lin-oost",
        revision=3,
    )
    client.force_login(nurse)
    response = client.get(reverse("meetings:meeting_ics", args=[network.slug, meeting.pk]))
    assert response["Content-Disposition"] == f'attachment; filename="meeting-{meeting.pk}.ics"'
    (event,) = events(response)
    assert str(event["UID"]) == f"meeting-{meeting.pk}@{site_host()}"
    assert event["SEQUENCE"] == 3
    assert str(event["STATUS"]) == "CONFIRMED"
    assert str(event["SUMMARY"]) == "Moreel beraad: valpreventie"
    # 15:00 in Amsterdam summer time is 13:00 UTC.
    assert event.decoded("DTSTART") == datetime(2027, 7, 1, 13, 0, tzinfo=UTC)
    assert event.decoded("DTEND") == datetime(2027, 7, 1, 14, 30, tzinfo=UTC)
    assert str(event["LOCATION"]) == "Wijkcentrum Oost, https://meet.example.org/lin-oost"
    assert str(event["URL"]) == "https://meet.example.org/lin-oost"
    assert "Online: https://meet.example.org/lin-oost" in str(event["DESCRIPTION"])
    alarms = [a.decoded("TRIGGER") for a in event.walk("VALARM")]
    assert alarms == [timedelta(minutes=-1440), timedelta(minutes=-30)]


def test_winter_time_and_a_cancelled_meeting(client, network, nurse):
    meeting = MeetingFactory(
        network=network,
        starts_at=datetime(2027, 1, 14, 15, 0, tzinfo=AMS),
        ends_at=datetime(2027, 1, 14, 17, 0, tzinfo=AMS),
        status="cancelled",
        cancel_reason="Storm",
        revision=2,
    )
    client.force_login(nurse)
    (event,) = events(client.get(reverse("meetings:meeting_ics", args=[network.slug, meeting.pk])))
    assert event.decoded("DTSTART") == datetime(2027, 1, 14, 14, 0, tzinfo=UTC)
    assert str(event["STATUS"]) == "CANCELLED"
    assert event["SEQUENCE"] == 2
    assert list(event.walk("VALARM")) == []
    assert "Geannuleerd: Storm" in str(event["DESCRIPTION"])


def test_a_nonsense_reminder_preference_gives_only_sensible_alarms(client, network):
    person = member(network, Role.STUDENT, meeting_reminder_minutes=[60, "x", -5, True, 10**7])
    meeting = MeetingFactory(network=network)
    client.force_login(person)
    (event,) = events(client.get(reverse("meetings:meeting_ics", args=[network.slug, meeting.pk])))
    assert [a.decoded("TRIGGER") for a in event.walk("VALARM")] == [timedelta(minutes=-60)]


def test_personal_feed_holds_my_networks_meetings_and_nothing_else(
    client, network, other_network, nurse
):
    mine = MeetingFactory(network=network, title="Intervisie Oost")
    exchange = MeetingFactory(network=other_network, title="Uitwisseling West–Oost")
    exchange.invited_networks.add(network)
    MeetingFactory(network=other_network, title="Alleen West")
    MeetingFactory(
        network=network,
        title="Lang geleden",
        starts_at=datetime(2020, 1, 1, 10, tzinfo=UTC),
        ends_at=datetime(2020, 1, 1, 12, tzinfo=UTC),
    )
    # No session: calendar apps do not sign in.
    response = client.get(reverse("meetings:feed", args=[nurse.calendar_token]))
    assert response.status_code == 200
    found = events(response)
    assert sorted(str(e["SUMMARY"]) for e in found) == ["Intervisie Oost", "Uitwisseling West–Oost"]
    assert sorted(str(e["UID"]) for e in found) == sorted(
        [f"meeting-{mine.pk}@{site_host()}", f"meeting-{exchange.pk}@{site_host()}"]
    )
    assert all(len(list(e.walk("VALARM"))) == 2 for e in found)


def test_a_wrong_token_answers_404(client, db):
    assert client.get(reverse("meetings:feed", args=["geraden"])).status_code == 404


def test_renewing_makes_the_old_address_answer_404(client, nurse):
    old = nurse.calendar_token
    client.force_login(nurse)
    response = client.post(reverse("meetings:feed_renew"), follow=True)
    assert messages_of(response) == [
        "Je agenda-abonnement heeft een nieuw adres. Het oude adres werkt niet meer."
    ]
    nurse.refresh_from_db()
    assert nurse.calendar_token != old
    client.logout()
    assert client.get(reverse("meetings:feed", args=[old])).status_code == 404
    assert client.get(reverse("meetings:feed", args=[nurse.calendar_token])).status_code == 200


def test_switching_off_makes_every_address_answer_404_and_on_again_gives_a_new_one(client, nurse):
    old = nurse.calendar_token
    client.force_login(nurse)
    client.post(reverse("meetings:feed_disable"))
    nurse.refresh_from_db()
    assert nurse.calendar_feed_enabled is False
    for token in (old, nurse.calendar_token):
        assert client.get(reverse("meetings:feed", args=[token])).status_code == 404
    page = client.get(reverse("meetings:feed_settings"))
    assert page.context["feed_url"] == ""
    client.post(reverse("meetings:feed_renew"))
    nurse.refresh_from_db()
    assert nurse.calendar_feed_enabled is True
    assert client.get(reverse("meetings:feed", args=[nurse.calendar_token])).status_code == 200


def test_the_subscription_page_shows_my_address(client, nurse):
    client.force_login(nurse)
    response = client.get(reverse("meetings:feed_settings"))
    url = f"http://testserver/agenda/feed/{nurse.calendar_token}.ics"
    assert response.context["feed_url"] == url
    assert (
        response.context["webcal_url"]
        == f"webcal://testserver/agenda/feed/{nurse.calendar_token}.ics"
    )
    assert User.objects.get(pk=nurse.pk).calendar_token == nurse.calendar_token


AWKWARD = "Intervisie\nronde 2; zaal A, B " + "lang " * 30


def test_text_with_line_breaks_and_separators_is_escaped_and_folded(client, network, nurse):
    meeting = MeetingFactory(network=network, title=AWKWARD, location=AWKWARD, agenda=AWKWARD)
    client.force_login(nurse)
    response = client.get(reverse("meetings:meeting_ics", args=[network.slug, meeting.pk]))
    assert response.status_code == 200
    assert all(len(line) <= 75 for line in response.content.split(b"\r\n"))
    calendar = Calendar.from_ical(response.content)
    assert b"\n" not in calendar["X-WR-CALNAME"].to_ical()
    (event,) = calendar.walk("VEVENT")
    assert str(event["SUMMARY"]) == AWKWARD
    assert str(event["LOCATION"]) == AWKWARD
    assert AWKWARD in str(event["DESCRIPTION"])


def test_the_reminder_attachment_escapes_text_too(network):
    from sessions.meetings.reminders import meeting_ics

    meeting = MeetingFactory(network=network, title=AWKWARD, location=AWKWARD)
    (event,) = Calendar.from_ical(meeting_ics(meeting)).walk("VEVENT")
    assert str(event["SUMMARY"]) == AWKWARD
    assert str(event["LOCATION"]) == AWKWARD
