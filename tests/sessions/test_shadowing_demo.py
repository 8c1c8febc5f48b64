"""The demo logbooks: every student gets one, hosts offer dagdelen, twice adds nothing."""

from collections import Counter
from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from accounts.choices import Profession
from networks.choices import Role
from sessions.shadowing.demo import seed_shadowing
from sessions.shadowing.models import ShadowingDay, ShadowingFeedback, ShadowingSlot
from tests.factories import NetworkFactory, member
from tests.sessions.factories_shadowing import same_school

pytestmark = pytest.mark.django_db


def _state():
    return (
        ShadowingDay.objects.count(),
        ShadowingSlot.objects.count(),
        ShadowingFeedback.objects.count(),
    )


def test_every_student_gets_a_logbook_and_twice_adds_nothing():
    network = NetworkFactory()
    students = [member(network, Role.STUDENT) for _ in range(3)]
    social = member(network, Role.STUDENT, profession=Profession.SOCIAL_WORK_STUDENT)
    member(network, Role.PROFESSIONAL, profession=Profession.SOCIAL_WORKER)
    teacher = member(network, Role.TEACHER)
    same_school(network, teacher, *students, social)
    empty = NetworkFactory()  # no students: nothing happens there
    seed_shadowing(scale=1)
    for student in [*students, social]:
        statuses = Counter(
            ShadowingDay.objects.filter(shadower=student).values_list("status", flat=True)
        )
        # The network's first student also has a day the host cancelled.
        cancelled = {"cancelled": 1} if student == students[0] else {}
        assert statuses == {"confirmed": 2, "planned": 1, "requested": 1, **cancelled}
        for day in ShadowingDay.objects.filter(shadower=student):
            assert day.host.domain != student.domain
    day = ShadowingDay.objects.get(status="cancelled")
    assert (day.cancelled_by, day.cancel_reason != "", day.date > day.cancelled_at.date()) == (
        day.host,
        True,
        True,
    )
    # The social-work student needed a care host: a fictional one was added.
    assert ShadowingDay.objects.filter(shadower=social).first().host.profession == (
        Profession.DISTRICT_NURSE
    )
    assert ShadowingFeedback.objects.count() > 0
    assert ShadowingSlot.objects.filter(network=empty).count() == 0
    before = _state()
    seed_shadowing(scale=1)
    assert _state() == before


def test_scale_multiplies_the_past_days():
    network = NetworkFactory()
    student = member(network, Role.STUDENT)
    member(network, Role.PROFESSIONAL, profession=Profession.SOCIAL_WORKER)
    seed_shadowing(scale=3)
    assert ShadowingDay.objects.filter(shadower=student, status="confirmed").count() == 6


def test_on_the_demo_networks():
    from networks.demo import seed
    from networks.models import Membership

    seed(scale=1)
    seed_shadowing(scale=1)
    students = Membership.objects.current().filter(role=Role.STUDENT)
    confirmed = Counter(
        ShadowingDay.objects.filter(status="confirmed").values_list("shadower_id", flat=True)
    )
    assert {m.user_id: confirmed[m.user_id] for m in students} == {m.user_id: 2 for m in students}
    before = _state()
    seed_shadowing(scale=1)
    assert _state() == before


def test_every_demo_teacher_follows_students_of_their_own_school():
    from networks.demo import seed
    from networks.models import Membership
    from sessions.shadowing.permissions import can_see_day, taught_students
    from sessions.shadowing.selectors import days_visible_to

    seed(scale=1)
    seed_shadowing(scale=1)
    teachers = Membership.objects.current().filter(role=Role.TEACHER).select_related("network")
    assert teachers
    for teacher in teachers:
        taught = set(
            taught_students(teacher.user, teacher.network).values_list("user_id", flat=True)
        )
        assert taught, teacher.user.email
        schools = set(
            Membership.objects.current()
            .filter(network=teacher.network, user_id__in=taught)
            .values_list("organisation_id", flat=True)
        )
        assert schools == {teacher.organisation_id}, teacher.user.email
        # Their students' reflections (a teacher who shadowed also sees their own).
        reflections = (
            days_visible_to(teacher.user, teacher.network)
            .exclude(reflection_written_at=None)
            .exclude(shadower=teacher.user)
        )
        assert {d.shadower_id for d in reflections} == taught, teacher.user.email
    # Feedback comes from a teacher who teaches the student, never from another school's.
    feedback = ShadowingFeedback.objects.select_related("author", "day__network")
    assert feedback.exists()
    assert [f.pk for f in feedback if not can_see_day(f.author, f.day)] == []


@pytest.mark.parametrize("today", ["2026-11-23", "2026-11-25", "2026-11-27", "2026-11-28"])
def test_demo_days_and_dagdelen_fall_on_weekdays(today):
    # The members join on the travelled day too: a membership that starts after "today" is
    # not current, and its students would get no days at all.
    with time_machine.travel(f"{today} 09:00 +01:00", tick=False):
        network = NetworkFactory()
        for _ in range(5):  # more students than hosts: they share the host's afternoons
            member(network, Role.STUDENT)
        member(network, Role.PROFESSIONAL, profession=Profession.SOCIAL_WORKER)
        seed_shadowing(scale=1)
    weekend = [
        on
        for model in (ShadowingDay, ShadowingSlot)
        for on in model.objects.values_list("date", flat=True)
        if on.weekday() >= 5
    ]
    assert weekend == []
    assert ShadowingDay.objects.filter(status="requested").count() == 5
    # On a Wednesday too, when the weekend moves "in three days" onto the planned day.
    assert ShadowingDay.objects.filter(status="cancelled").count() == 1


def test_the_demo_shows_a_series_a_shadowing_teacher_and_a_queue():
    from networks.demo import seed
    from networks.models import Membership
    from sessions.shadowing.rules import default_period
    from sessions.shadowing.selectors import feedback_queue, pattern_matrix

    seed(scale=1)
    seed_shadowing(scale=1)
    series = ShadowingSlot.objects.exclude(series=None).values_list("series", flat=True)
    assert len(series) >= 2 and len(set(series)) < len(series)
    teacher = Membership.objects.current().filter(role=Role.TEACHER).first()
    assert feedback_queue(teacher.user, teacher.network).exists()
    start, end = default_period(timezone.localdate(), None, None)
    start = min(start, timezone.localdate() - timedelta(days=30))
    assert pattern_matrix(teacher.network, start, end).teacher_days == 1
    before = ShadowingSlot.objects.count()
    seed_shadowing(scale=1)
    assert ShadowingSlot.objects.count() == before
