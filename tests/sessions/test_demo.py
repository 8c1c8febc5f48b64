"""The demo seeder schedules every format in every network, once."""

import io

from django.utils import translation

from sessions.meetings.choices import MeetingFormat, MeetingStatus
from sessions.meetings.demo import seed_meetings
from sessions.meetings.models import Attendance, Meeting, MeetingSeries, Rsvp
from tests.factories import NetworkFactory, ThemeFactory, member


def test_seed_meetings_covers_every_format_and_is_idempotent(db):
    networks = [NetworkFactory(), NetworkFactory()]
    for network in networks:
        ThemeFactory(network=network)
        for role in ("coordinator", "student", "professional", "teacher"):
            member(network, role)
    out = io.StringIO()
    with translation.override("nl"):  # seed_demo reports in the interface language
        added = seed_meetings(scale=1, stdout=out)
    assert added == 2 * (len(MeetingFormat) * 2 + 6)
    assert out.getvalue() == f"Bijeenkomsten: {added} toegevoegd in 2 netwerken.\n"
    for network in networks:
        formats = set(Meeting.objects.filter(network=network).values_list("format", flat=True))
        assert formats == set(MeetingFormat.values)
    assert MeetingSeries.objects.count() == 2
    held = Meeting.objects.filter(status=MeetingStatus.HELD)
    assert held.exists()
    assert Attendance.objects.filter(meeting__in=held).exists()
    assert Rsvp.objects.filter(meeting__status=MeetingStatus.SCHEDULED).exists()
    assert (
        Meeting.objects.filter(format="uitwisseling", invited_networks__isnull=False).count() == 4
    )
    before = (Meeting.objects.count(), Rsvp.objects.count(), Attendance.objects.count())
    assert seed_meetings(scale=1) == 0
    assert (Meeting.objects.count(), Rsvp.objects.count(), Attendance.objects.count()) == before
    assert seed_meetings(scale=2) == added
