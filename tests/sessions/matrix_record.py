"""Permission matrix: the method record, roles and agreed actions of a meeting."""

from sessions.meetings.models import MeetingAction
from tests.matrix import Entry, coordinators, members
from tests.sessions.factories import MeetingFactory


def _meeting(w):
    return MeetingFactory(network=w.network)


def _foreign(w):
    return MeetingFactory(network=w.other_network)


def _args(w):
    return [w.network.slug, _meeting(w).pk]


def _foreign_args(w):
    return [w.network.slug, _foreign(w).pk]


def _action_args(w):
    meeting = _meeting(w)
    action = MeetingAction.objects.create(meeting=meeting, text="Zorgplan bespreken")
    return [w.network.slug, meeting.pk, action.pk]


def _foreign_action_args(w):
    meeting = _foreign(w)
    action = MeetingAction.objects.create(meeting=meeting, text="Zorgplan bespreken")
    return [w.network.slug, meeting.pk, action.pk]


ENTRIES = [
    # Every member who sees the meeting gets the page (200); the record's *text* is only for
    # those who were there, the facilitator, role holders and coordinators: the others read
    # "there is a record" (tests/sessions/test_record.py, "Who reads the record's text").
    Entry("meetings:record", args=_args, foreign_args=_foreign_args, expect=members(200)),
    Entry(
        "meetings:record",
        label="post",
        method="post",
        args=_args,
        foreign_args=_foreign_args,
        data=lambda w: {"method": "incident", "note-incident": "Cliënt weigert zorg"},
        expect=coordinators(302),
    ),
    Entry(
        "meetings:record_method",
        method="post",
        args=lambda w: [
            w.network.slug,
            MeetingFactory(network=w.network, format="moreel_beraad").pk,
        ],
        foreign_args=lambda w: [
            w.network.slug,
            MeetingFactory(network=w.other_network, format="moreel_beraad").pk,
        ],
        data=lambda w: {"method": "dilemma"},
        expect=coordinators(302),
    ),
    Entry(
        "meetings:roles",
        method="post",
        args=_args,
        foreign_args=_foreign_args,
        data=lambda w: {"note_taker": w.people["student"].pk},
        expect=coordinators(302),
    ),
    Entry(
        "meetings:action_add",
        method="post",
        args=_args,
        foreign_args=_foreign_args,
        data=lambda w: {"kind": "action", "text": "Huisarts bellen"},
        expect=coordinators(302),
    ),
    Entry(
        "meetings:action_status",
        method="post",
        args=_action_args,
        foreign_args=_foreign_action_args,
        data=lambda w: {"status": "closed"},
        expect=coordinators(302),
    ),
]
