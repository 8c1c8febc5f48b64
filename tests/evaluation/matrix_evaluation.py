"""Permission matrix entries of evaluation: rounds, results, answering, export, meeting
evaluations, own questionnaires."""

import datetime as dt

from django.utils import timezone

from networks.choices import Role
from tests.matrix import Entry, coordinators, members, only

RESULTS = [Role.COORDINATOR.value, Role.RESEARCHER.value]
# Roles that see a network's meetings (guests see only the meetings they are invited to).


def _round(w, network=None, *, everyone=True):
    from tests.evaluation.helpers import open_round

    network = network or w.network
    invite = [w.people[role] for role in Role.values] if everyone else []
    return open_round(network, invite=invite if network == w.network else []).pk


def _draft_round(w, network=None):
    from evaluation.models import Round

    today = timezone.localdate()
    return Round.objects.create(
        network=network or w.network,
        instrument_code="ripls-1",
        wave=0,
        opens_on=today,
        closes_on=today + dt.timedelta(days=7),
    ).pk


def _ended_meeting(w, network=None):
    from sessions.meetings.models import Attendance
    from tests.sessions.factories import MeetingFactory

    network = network or w.network
    start = timezone.now() - dt.timedelta(hours=3)
    meeting = MeetingFactory(
        network=network, starts_at=start, ends_at=start + dt.timedelta(hours=2)
    )
    if network == w.network:
        for role in Role.values:
            Attendance.objects.create(meeting=meeting, user=w.people[role], status="present")
    return meeting.pk


def _series(w, network=None):
    from tests.sessions.factories import MeetingSeriesFactory

    return MeetingSeriesFactory(network=network or w.network).pk


def _custom(w, network=None):
    from evaluation.models import CustomInstrument

    return CustomInstrument.objects.create(
        network=network or w.network,
        title_nl="Eigen vragen",
        title_en="Own questions",
        items=[{"code": "q1", "kind": "scale", "text_nl": "Goed?", "text_en": "Good?"}],
    ).pk


ROUND_DATA = {
    "instrument_code": "ripls-1",
    "wave": "0",
    "opens_on": "2030-01-10",
    "closes_on": "2030-01-31",
}


ENTRIES = [
    Entry("evaluation:index", args=lambda w: [w.network.slug], expect=only(RESULTS)),
    Entry("evaluation:round_create", args=lambda w: [w.network.slug], expect=coordinators()),
    Entry(
        "evaluation:round_create",
        args=lambda w: [w.network.slug],
        method="post",
        data=lambda w: ROUND_DATA,
        expect=coordinators(302),
        label="post",
    ),
    Entry(
        "evaluation:round",
        args=lambda w: [w.network.slug, _round(w)],
        expect=only(RESULTS),
        foreign_args=lambda w: [w.network.slug, _round(w, w.other_network)],
    ),
    Entry(
        "evaluation:round_open",
        args=lambda w: [w.network.slug, _draft_round(w)],
        method="post",
        expect=coordinators(302),
        foreign_args=lambda w: [w.network.slug, _draft_round(w, w.other_network)],
    ),
    Entry(
        "evaluation:answer",
        args=lambda w: [w.network.slug, _round(w)],
        expect=members(),
        foreign_args=lambda w: [w.network.slug, _round(w, w.other_network)],
    ),
    Entry(
        "evaluation:answer",
        args=lambda w: [w.network.slug, _round(w, everyone=False)],
        expect=members(403),
        label="not-invited",
    ),
    Entry(
        "evaluation:answer",
        args=lambda w: [w.network.slug, _round(w)],
        method="post",
        data=lambda w: {"ripls01": "4", "save": "1"},
        expect=members(302),
        label="save",
    ),
    Entry("evaluation:thanks", args=lambda w: [w.network.slug], expect=members()),
    Entry(
        "evaluation:export",
        args=lambda w: [w.network.slug, "ripls-1", "csv"],
        expect=only(RESULTS),
    ),
    Entry("evaluation:meeting_settings", args=lambda w: [w.network.slug], expect=coordinators()),
    Entry(
        "evaluation:meeting_settings",
        args=lambda w: [w.network.slug],
        method="post",
        data=lambda w: {"enabled": "on", "instrument_code": "meeting-1"},
        expect=coordinators(302),
        label="post",
    ),
    Entry(
        "evaluation:meeting_answer",
        args=lambda w: [w.network.slug, _ended_meeting(w)],
        expect=members(),
        foreign_args=lambda w: [w.network.slug, _ended_meeting(w, w.other_network)],
    ),
    Entry(
        "evaluation:meeting_answer",
        args=lambda w: [w.network.slug, _ended_meeting(w)],
        method="post",
        data=lambda w: {"me_useful": "4", "me_other": "5", "me_client": "3"},
        expect=members(302),
        label="post",
    ),
    Entry(
        "evaluation:series_trend",
        args=lambda w: [w.network.slug, _series(w)],
        expect=coordinators(),
        foreign_args=lambda w: [w.network.slug, _series(w, w.other_network)],
    ),
    Entry("evaluation:custom_create", args=lambda w: [w.network.slug], expect=coordinators()),
    Entry(
        "evaluation:custom_edit",
        args=lambda w: [w.network.slug, _custom(w)],
        expect=coordinators(),
        foreign_args=lambda w: [w.network.slug, _custom(w, w.other_network)],
    ),
]
