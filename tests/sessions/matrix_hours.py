"""Permission matrix entries of attendance per person, check-in page, guest speakers,
learning hours and certificates of attendance."""

from datetime import timedelta

from django.utils import timezone

from sessions.meetings.models import Attendance, Certificate, GuestSpeaker
from tests.matrix import ROLES, Entry, coordinators, everyone, members, signed_in
from tests.sessions.factories import MeetingFactory


def _meeting(w, **kwargs):
    return MeetingFactory(network=w.network, **kwargs)


def _started(w, network=None):
    now = timezone.now()
    return MeetingFactory(
        network=network or w.network,
        starts_at=now - timedelta(hours=1),
        ends_at=now + timedelta(hours=1),
    ).pk


def _speaker(w, network=None):
    meeting = MeetingFactory(network=network or w.network)
    speaker = GuestSpeaker.objects.create(meeting=meeting, name="Dr. Gast", organisation="UMC")
    return [meeting.network.slug, meeting.pk, speaker.pk]


def _foreign_speaker(w):
    meeting_pk = _meeting(w).pk
    other = _speaker(w, w.other_network)
    return [w.network.slug, meeting_pk, other[2]]


def _attended(w):
    """A meeting of the network attended by every member (made with the arguments, before
    the matrix takes its snapshot of the database)."""
    meeting = MeetingFactory(
        network=w.network,
        starts_at=timezone.now() - timedelta(days=2),
        ends_at=timezone.now() - timedelta(days=2) + timedelta(hours=2),
    )
    for role in ROLES:
        Attendance.objects.create(meeting=meeting, user=w.people[role], status="present")
    return []


def _certificate_data(w):
    today = timezone.localdate()
    return {
        "network": w.network.pk,
        "start": (today - timedelta(days=30)).isoformat(),
        "end": today.isoformat(),
    }


def _known_code(w):
    # A row made while the request is built: everyone here gets 200, nothing is compared.
    person = w.people["student"]
    certificate = Certificate.objects.create(
        user=person,
        network=w.network,
        holder_name="Sam",
        network_name=w.network.name,
        period_start=timezone.localdate() - timedelta(days=30),
        period_end=timezone.localdate(),
        meetings=1,
        hours=2,
    )
    return {"code": certificate.code}


ENTRIES = [
    Entry(
        "meetings:attendance_person",
        method="post",
        args=lambda w: [w.network.slug, _started(w), w.people["student"].pk],
        foreign_args=lambda w: [
            w.network.slug,
            _started(w, w.other_network),
            w.people["student"].pk,
        ],
        data=lambda w: {"status": "present"},
        expect=coordinators(302),
    ),
    Entry(
        "meetings:check_in",
        label="page",
        args=lambda w: [w.network.slug, _started(w)],
        foreign_args=lambda w: [w.network.slug, _started(w, w.other_network)],
        data=lambda w: {"code": "ABC123"},
        expect=members(200),
    ),
    Entry(
        "meetings:guest_speakers",
        args=lambda w: [w.network.slug, _meeting(w).pk],
        foreign_args=lambda w: [w.network.slug, MeetingFactory(network=w.other_network).pk],
        expect=coordinators(200),
    ),
    Entry(
        "meetings:guest_speakers",
        label="post",
        method="post",
        args=lambda w: [w.network.slug, _meeting(w).pk],
        foreign_args=lambda w: [w.network.slug, MeetingFactory(network=w.other_network).pk],
        data=lambda w: {"name": "Dr. Ineke Gast", "organisation": "Radboudumc", "topic": "Delier"},
        expect=coordinators(302),
    ),
    Entry(
        "meetings:guest_speaker_delete",
        method="post",
        args=_speaker,
        foreign_args=_foreign_speaker,
        expect=coordinators(302),
    ),
    Entry("meetings:my_hours", expect=signed_in(200)),
    Entry(
        "meetings:certificate",
        method="post",
        args=_attended,
        data=_certificate_data,
        # Everyone signed in and present at the meeting gets their PDF; outsiders and staff
        # were not there: the network is not theirs to choose.
        expect=signed_in(200, outsider=400, other_coordinator=400, staff=400),
    ),
    Entry("meetings:certificate_verify", expect=everyone(200)),
    Entry("meetings:certificate_verify", label="known", data=_known_code, expect=everyone(200)),
    Entry("meetings:hours_export", args=lambda w: [w.network.slug], expect=coordinators(200)),
]
