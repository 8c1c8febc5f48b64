"""What a reminder mail looks like to the person who gets it."""

import datetime as dt

import icalendar
import pytest
from django.core import mail

from accounts.models import User
from sessions.reminders.dispatcher import dispatch
from sessions.reminders.models import Delivery
from tests.factories import MembershipFactory, NetworkFactory, UserFactory
from tests.sessions.factories_reminders import MeetingFactory, RsvpFactory

START = dt.datetime(2025, 3, 12, 14, 0, tzinfo=dt.UTC)


@pytest.fixture
def sent(db, time_machine):
    time_machine.move_to(START - dt.timedelta(hours=2), tick=False)
    network = NetworkFactory(name="LIN Oost", slug="lin-oost")
    meeting = MeetingFactory(network=network, title="Intervisie maart", starts_at=START, revision=3)
    # Changed long ago (revision 3): no change notice now, only the reminder.
    type(meeting).objects.filter(pk=meeting.pk).update(updated_at=START - dt.timedelta(days=9))
    meeting.refresh_from_db()
    people = {}
    for language in ("en", "nl"):
        user = UserFactory(full_name=f"Anna {language}", email=f"{language}@example.org")
        user.language = language
        user.save()
        MembershipFactory(network=network, user=user, starts_on=dt.date(2020, 1, 1))
        RsvpFactory(meeting=meeting, user=user)
        people[language] = user
    dispatch()
    by_language = {message.to[0][:2]: message for message in mail.outbox}
    return meeting, people, by_language


def test_mail_is_in_the_recipients_language_with_text_and_html(sent):
    _meeting, _people, mails = sent
    english, dutch = mails["en"], mails["nl"]
    assert english.subject == "Reminder: Intervisie maart on 12 March 15:00"
    assert dutch.subject == "Herinnering: Intervisie maart op 12 maart 15:00"
    assert english.body.splitlines()[:3] == [
        "Hello Anna,",
        "",
        "“Intervisie maart” starts in 2\xa0hours.",
    ]
    assert "When: Wednesday 12 March 2025, 15:00–17:00" in english.body
    assert "Wanneer: woensdag 12 maart 2025, 15:00–17:00" in dutch.body
    assert [mimetype for _content, mimetype in english.alternatives] == ["text/html"]
    assert "<p>Hello Anna,</p>" in english.alternatives[0][0]


def test_mail_carries_no_client_data(sent):
    _meeting, _people, mails = sent
    for message in mails.values():
        assert "mevrouw" not in message.body
        assert "mevrouw" not in message.alternatives[0][0]


def test_meeting_reminder_has_the_meetings_ics_attached(sent):
    meeting, _people, mails = sent
    [(name, content, mimetype)] = mails["en"].attachments
    assert (name, mimetype) == ("meeting.ics", "text/calendar; charset=utf-8; method=PUBLISH")
    [event] = icalendar.Calendar.from_ical(content).walk("VEVENT")
    assert str(event["uid"]) == f"meeting-{meeting.pk}@127.0.0.1"
    assert event["sequence"] == 3
    assert event.decoded("dtstart") == START
    assert event.decoded("dtend") == START + dt.timedelta(hours=2)
    assert (str(event["summary"]), str(event["status"])) == ("Intervisie maart", "CONFIRMED")
    assert str(event["location"]) == "Buurthuis De Pijp, Amsterdam"


def test_message_id_is_deterministic_and_the_preferences_link_works_signed_out(sent, client):
    _meeting, people, mails = sent
    message = mails["en"]
    row = Delivery.objects.get(recipient=people["en"])
    assert message.extra_headers["Message-ID"] == f"<reminder.{row.pk}.meeting_reminder@127.0.0.1>"
    assert row.message_id == message.extra_headers["Message-ID"]
    link = message.extra_headers["List-Unsubscribe"].strip("<>")
    assert f"Change or stop these mails in one click: {link}" in message.body
    path = link.removeprefix("http://127.0.0.1:8000")
    response = client.post(path, {"switch": "off"})
    assert response.status_code == 200
    assert User.objects.get(pk=people["en"].pk).reminders_off == ["meeting_reminder"]
    assert User.objects.get(pk=people["nl"].pk).reminders_off == []
