"""Permission matrix: breakout groups of a meeting."""

from django.utils import timezone

from sessions.meetings.models import Attendance, BreakoutGroup, BreakoutGroupMember
from tests.matrix import Entry, coordinators, members
from tests.sessions.factories import MeetingFactory


def _meeting_with_people(network, people):
    meeting = MeetingFactory(network=network)
    for person in people:
        Attendance.objects.create(
            meeting=meeting, user=person, status="present", checked_in_at=timezone.now()
        )
    return meeting


def _args(w):
    people = [w.people[r] for r in ("student", "professional", "teacher", "resident")]
    return [w.network.slug, _meeting_with_people(w.network, people).pk]


def _foreign_args(w):
    return [w.network.slug, _meeting_with_people(w.other_network, []).pk]


def _grouped(network, people):
    meeting = _meeting_with_people(network, people)
    first = BreakoutGroup.objects.create(meeting=meeting, number=1)
    BreakoutGroup.objects.create(meeting=meeting, number=2)
    for person in people:
        BreakoutGroupMember.objects.create(group=first, meeting=meeting, user=person)
    return meeting


def _move_args(w):
    w.extra["moved"] = w.people["student"]
    return [w.network.slug, _grouped(w.network, [w.people["student"]]).pk]


def _foreign_move_args(w):
    w.extra["moved"] = w.people["other_coordinator"]
    return [w.network.slug, _grouped(w.other_network, [w.people["other_coordinator"]]).pk]


ENTRIES = [
    Entry("meetings:groups", args=_args, foreign_args=_foreign_args, expect=members(200)),
    Entry(
        "meetings:groups_make",
        method="post",
        args=_args,
        foreign_args=_foreign_args,
        data=lambda w: {"size": "2"},
        expect=coordinators(302),
    ),
    Entry(
        "meetings:groups_move",
        method="post",
        args=_move_args,
        foreign_args=_foreign_move_args,
        data=lambda w: {"person": w.extra["moved"].pk, "group": "2"},
        expect=coordinators(302),
    ),
]
