"""Permission matrix entries of meetings: calendar, scheduling, meeting page, RSVP,
attendance and its export."""

from datetime import timedelta

from django.utils import timezone

from tests.matrix import Entry, coordinators, members, signed_in
from tests.sessions.factories import MeetingFactory


def _meeting(w, **kwargs):
    return MeetingFactory(network=w.network, **kwargs).pk


def _foreign(w, **kwargs):
    return MeetingFactory(network=w.other_network, **kwargs).pk


def _started(w):
    now = timezone.now()
    return _meeting(w, starts_at=now - timedelta(hours=1), ends_at=now + timedelta(hours=1))


def _foreign_started(w):
    now = timezone.now()
    return _foreign(w, starts_at=now - timedelta(hours=1), ends_at=now + timedelta(hours=1))


def _future_day() -> str:
    return (timezone.localdate() + timedelta(days=10)).isoformat()


def _meeting_data(w) -> dict:
    return {
        "title": "Intervisie wijkteam",
        "format": "intervisie",
        "day": _future_day(),
        "start_time": "15:00",
        "end_time": "16:30",
        "location": "Buurthuis",
        "repeat": "none",
    }


def _edit_data(w) -> dict:
    data = _meeting_data(w)
    data.pop("repeat")
    data["title"] = "Intervisie (verplaatst)"
    return data


ENTRIES = [
    Entry("meetings:agenda", expect=signed_in(200)),
    Entry("meetings:month", expect=signed_in(200)),
    Entry("meetings:network_agenda", args=lambda w: [w.network.slug], expect=members(200)),
    Entry("meetings:network_month", args=lambda w: [w.network.slug], expect=members(200)),
    Entry("meetings:schedule", args=lambda w: [w.network.slug], expect=coordinators(200)),
    Entry(
        "meetings:schedule",
        label="post",
        method="post",
        args=lambda w: [w.network.slug],
        data=_meeting_data,
        expect=coordinators(302),
    ),
    Entry(
        "meetings:detail",
        args=lambda w: [w.network.slug, _meeting(w)],
        foreign_args=lambda w: [w.network.slug, _foreign(w)],
        expect=members(200),
    ),
    Entry(
        "meetings:edit",
        args=lambda w: [w.network.slug, _meeting(w)],
        foreign_args=lambda w: [w.network.slug, _foreign(w)],
        expect=coordinators(200),
    ),
    Entry(
        "meetings:edit",
        label="post",
        method="post",
        args=lambda w: [w.network.slug, _meeting(w)],
        foreign_args=lambda w: [w.network.slug, _foreign(w)],
        data=_edit_data,
        expect=coordinators(302),
    ),
    Entry(
        "meetings:cancel",
        args=lambda w: [w.network.slug, _meeting(w)],
        foreign_args=lambda w: [w.network.slug, _foreign(w)],
        expect=coordinators(200),
    ),
    Entry(
        "meetings:cancel",
        label="post",
        method="post",
        args=lambda w: [w.network.slug, _meeting(w)],
        foreign_args=lambda w: [w.network.slug, _foreign(w)],
        data=lambda w: {"reason": "Te weinig aanmeldingen"},
        expect=coordinators(302),
    ),
    Entry(
        "meetings:mark_held",
        method="post",
        args=lambda w: [w.network.slug, _started(w)],
        foreign_args=lambda w: [w.network.slug, _foreign_started(w)],
        expect=coordinators(302),
    ),
    Entry(
        "meetings:rsvp",
        method="post",
        args=lambda w: [w.network.slug, _meeting(w)],
        foreign_args=lambda w: [w.network.slug, _foreign(w)],
        data=lambda w: {"answer": "yes"},
        expect=members(302),
    ),
    Entry(
        "meetings:attendance",
        args=lambda w: [w.network.slug, _started(w)],
        foreign_args=lambda w: [w.network.slug, _foreign_started(w)],
        expect=coordinators(200),
    ),
    Entry(
        "meetings:attendance",
        label="post",
        method="post",
        args=lambda w: [w.network.slug, _started(w)],
        foreign_args=lambda w: [w.network.slug, _foreign_started(w)],
        data=lambda w: {f"person_{w.people['student'].pk}": "present"},
        expect=coordinators(302),
    ),
    Entry(
        "meetings:check_in",
        method="post",
        args=lambda w: [w.network.slug, _started(w)],
        foreign_args=lambda w: [w.network.slug, _foreign_started(w)],
        data=lambda w: {"code": "WRONG1"},
        expect=members(302),
    ),
    Entry("meetings:attendance_export", args=lambda w: [w.network.slug], expect=coordinators(200)),
]
