"""The selectors the reminder kinds will ask: which shadowing days are due for whom, when."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from networks.choices import Role
from sessions.shadowing.selectors import (
    due_day_before,
    due_host_confirmation,
    due_reflection,
    teacher_digest,
)
from tests.factories import member
from tests.sessions.factories_shadowing import (
    ShadowingDayFactory,
    ShadowingFeedbackFactory,
    reflected,
    same_school,
    social_worker,
)

pytestmark = pytest.mark.django_db
AMS = ZoneInfo("Europe/Amsterdam")


@pytest.fixture
def pair(network):
    return member(network, Role.STUDENT), social_worker(network)


def test_day_before_counts_in_amsterdam_time(network, pair):
    student, host = pair
    # 23:30 in Amsterdam on 9 March is 22:30 UTC: "tomorrow" is 10 March there.
    at = datetime(2026, 3, 9, 23, 30, tzinfo=AMS)
    tomorrow = ShadowingDayFactory(
        network=network, shadower=student, host=host, date=at.date() + timedelta(days=1)
    )
    ShadowingDayFactory(
        network=network, shadower=student, host=host, date=at.date() + timedelta(days=2)
    )
    ShadowingDayFactory(
        network=network,
        shadower=student,
        host=host,
        date=at.date() + timedelta(days=1),
        dagdeel="evening",
        starts_at="18:00",
        ends_at="22:00",
        status="requested",
    )
    assert list(due_day_before(at)) == [tomorrow]


def test_reflection_due_two_days_after(network, pair):
    student, host = pair
    at = datetime(2026, 3, 9, 9, 0, tzinfo=AMS)
    late = ShadowingDayFactory(
        network=network, shadower=student, host=host, date=at.date() - timedelta(days=2)
    )
    ShadowingDayFactory(
        network=network, shadower=student, host=host, date=at.date() - timedelta(days=1)
    )
    ShadowingDayFactory(
        network=network,
        shadower=student,
        host=host,
        date=at.date() - timedelta(days=5),
        status="done",
        **reflected(),
    )
    assert list(due_reflection(at)) == [late]


def test_host_confirmation_pending_three_days(network, pair):
    student, host = pair
    at = datetime(2026, 3, 9, 9, 0, tzinfo=AMS)
    waiting = ShadowingDayFactory(
        network=network,
        shadower=student,
        host=host,
        date=at.date() - timedelta(days=6),
        status="done",
        **reflected(reflection_written_at=at - timedelta(days=3, minutes=1)),
    )
    ShadowingDayFactory(
        network=network,
        shadower=student,
        host=host,
        date=at.date() - timedelta(days=2),
        status="done",
        **reflected(reflection_written_at=at - timedelta(days=2)),
    )
    assert list(due_host_confirmation(at)) == [waiting]


def test_teacher_digest_lists_the_weeks_reflections(network, pair):
    student, host = pair
    teacher = member(network, Role.TEACHER)
    professional = member(network, Role.PROFESSIONAL)
    same_school(network, teacher, student, professional)
    at = datetime(2026, 3, 9, 9, 0, tzinfo=AMS)
    fresh = ShadowingDayFactory(
        network=network,
        shadower=student,
        host=host,
        date=at.date() - timedelta(days=3),
        status="done",
        **reflected(reflection_written_at=at - timedelta(days=2)),
    )
    ShadowingFeedbackFactory(day=fresh, author=teacher)
    ShadowingDayFactory(
        network=network,
        shadower=student,
        host=host,
        date=at.date() - timedelta(days=20),
        status="done",
        **reflected(reflection_written_at=at - timedelta(days=19)),
    )
    # A professional's day is not a student's: not in the teacher's digest.
    ShadowingDayFactory(
        network=network,
        shadower=professional,
        host=host,
        date=at.date() - timedelta(days=3),
        status="done",
        **reflected(reflection_written_at=at - timedelta(days=1)),
    )
    rows = [(d, d.feedback_count) for d in teacher_digest(teacher, network, at - timedelta(days=7))]
    assert rows == [(fresh, 1)]
