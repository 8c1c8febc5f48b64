"""Guest speakers who are not members: named by a coordinator on a meeting, shown on the
meeting page and in its calendar files, removed by a coordinator or with the meeting."""

import icalendar
import pytest
from django.urls import reverse
from django.utils import translation

from networks.choices import Role
from sessions.meetings.models import GuestSpeaker
from sessions.meetings.reminders import meeting_ics
from tests.factories import member
from tests.helpers import form_errors, messages_of
from tests.sessions.factories import MeetingFactory


@pytest.fixture
def coord(network):
    return member(network, Role.COORDINATOR, language="en")


@pytest.fixture
def meeting(network):
    return MeetingFactory(network=network, title="Delier in de wijk", format="gastspreker")


def add(client, meeting, **data):
    return client.post(
        reverse("meetings:guest_speakers", args=[meeting.network.slug, meeting.pk]), data
    )


def description_of(ics: bytes) -> str:
    (event,) = icalendar.Calendar.from_ical(ics).walk("VEVENT")
    return str(event["DESCRIPTION"])


def test_a_coordinator_names_a_guest_speaker_without_an_account(client, coord, meeting):
    client.force_login(coord)
    response = add(
        client, meeting, name="Dr. Ineke  de Vries", organisation="Radboudumc", topic="Delier"
    )
    assert response.status_code == 302
    assert messages_of(response) == ["Dr. Ineke de Vries is named as guest speaker."]
    speaker = GuestSpeaker.objects.get()
    assert (speaker.name, speaker.organisation, speaker.topic) == (
        "Dr. Ineke de Vries",
        "Radboudumc",
        "Delier",
    )


def test_the_meeting_page_shows_the_guest_speakers_to_members(client, network, meeting):
    GuestSpeaker.objects.create(meeting=meeting, name="Ineke de Vries", organisation="Radboudumc")
    GuestSpeaker.objects.create(meeting=meeting, name="Ahmed Bakri", topic="Mantelzorg")
    student = member(network, Role.STUDENT, language="en")
    client.force_login(student)
    response = client.get(reverse("meetings:detail", args=[network.slug, meeting.pk]))
    assert [s.name for s in response.context["page"].guest_speakers] == [
        "Ineke de Vries",
        "Ahmed Bakri",
    ]
    html = response.content.decode()
    assert "Guest speakers" in html
    assert 'Ineke de Vries <span class="text-body-secondary">(Radboudumc)</span>' in html
    assert "Ahmed Bakri: Mantelzorg" in html


def test_the_calendar_file_of_reminders_names_the_guest_speakers(meeting):
    GuestSpeaker.objects.create(
        meeting=meeting, name="Ineke de Vries", organisation="Radboudumc", topic="Delier"
    )
    with translation.override("en"):
        description = description_of(meeting_ics(meeting))
    # The format, then the speaker; never the agenda.
    assert description == "Guest speaker\nGuest speaker: Ineke de Vries (Radboudumc): Delier"


def test_the_calendar_file_of_the_page_names_the_guest_speakers(client, network, coord, meeting):
    GuestSpeaker.objects.create(meeting=meeting, name="Ineke de Vries", organisation="Radboudumc")
    client.force_login(coord)
    response = client.get(reverse("meetings:meeting_ics", args=[network.slug, meeting.pk]))
    assert "Guest speaker: Ineke de Vries (Radboudumc)" in description_of(response.content)


def test_an_empty_name_is_refused_and_nothing_is_stored(client, coord, meeting):
    client.force_login(coord)
    response = add(client, meeting, name="  ", organisation="UMC")
    assert response.status_code == 200
    assert form_errors(response, field="name") == ["This field is required."]
    assert GuestSpeaker.objects.count() == 0


def test_a_cancelled_meeting_gets_no_guest_speakers(client, coord, meeting):
    meeting.status = "cancelled"
    meeting.save()
    client.force_login(coord)
    response = add(client, meeting, name="Ineke de Vries")
    assert form_errors(response) == ["This meeting was cancelled; it gets no guest speakers."]
    assert GuestSpeaker.objects.count() == 0


def test_a_coordinator_removes_a_guest_speaker(client, coord, meeting):
    speaker = GuestSpeaker.objects.create(meeting=meeting, name="Ineke de Vries")
    client.force_login(coord)
    response = client.post(
        reverse(
            "meetings:guest_speaker_delete",
            args=[meeting.network.slug, meeting.pk, speaker.pk],
        )
    )
    assert messages_of(response) == ["Ineke de Vries was removed."]
    assert GuestSpeaker.objects.count() == 0


def test_a_guest_speaker_goes_with_the_meeting(meeting):
    GuestSpeaker.objects.create(meeting=meeting, name="Ineke de Vries")
    meeting.delete()
    assert GuestSpeaker.objects.count() == 0


def test_a_guest_speaker_of_another_meeting_answers_404(client, network, coord, meeting):
    other = MeetingFactory(network=network)
    speaker = GuestSpeaker.objects.create(meeting=other, name="Ineke de Vries")
    client.force_login(coord)
    response = client.post(
        reverse("meetings:guest_speaker_delete", args=[network.slug, meeting.pk, speaker.pk])
    )
    assert response.status_code == 404
    assert GuestSpeaker.objects.count() == 1


def test_reminder_mails_carry_the_guest_speaker_in_each_recipients_language(db, time_machine):
    import datetime as dt

    from django.core import mail

    from sessions.reminders.dispatcher import dispatch
    from tests.factories import MembershipFactory, NetworkFactory, UserFactory
    from tests.sessions.factories_reminders import MeetingFactory as ReminderMeetingFactory
    from tests.sessions.factories_reminders import RsvpFactory

    start = dt.datetime(2025, 3, 12, 14, 0, tzinfo=dt.UTC)
    time_machine.move_to(start - dt.timedelta(hours=2), tick=False)
    network = NetworkFactory()
    meeting = ReminderMeetingFactory(
        network=network, format="gastspreker", starts_at=start, revision=1
    )
    type(meeting).objects.filter(pk=meeting.pk).update(updated_at=start - dt.timedelta(days=9))
    GuestSpeaker.objects.create(meeting=meeting, name="Ineke de Vries", topic="Delier")
    for language in ("en", "nl"):
        user = UserFactory(email=f"{language}@example.org", language=language)
        MembershipFactory(network=network, user=user, starts_on=dt.date(2020, 1, 1))
        RsvpFactory(meeting=meeting, user=user)
    dispatch()
    descriptions = {
        message.to[0][:2]: description_of(message.attachments[0][1]) for message in mail.outbox
    }
    assert descriptions == {
        "en": "Guest speaker\nGuest speaker: Ineke de Vries: Delier",
        "nl": "Gastspreker\nGastspreker: Ineke de Vries: Delier",
    }
