"""Reminders about shadowing days through the delivery rows: the day before, the reflection,
the host's confirmation and the teachers' weekly digest. Time frozen with time-machine."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.utils import timezone

from accounts.choices import Profession
from networks.choices import Role
from networks.models import Membership
from sessions.reminders.dispatcher import dispatch, plan
from sessions.reminders.kinds import REGISTRY
from sessions.reminders.models import Delivery, DeliveryStatus
from sessions.shadowing.services import (
    shadowing_day_cancel,
    shadowing_day_confirm,
    shadowing_day_decline,
    shadowing_day_edit,
    shadowing_day_reflect,
)
from tests.factories import MembershipFactory, NetworkFactory, UserFactory
from tests.sessions.factories_shadowing import (
    ShadowingDayFactory,
    ShadowingFeedbackFactory,
    reflected,
    same_school,
)

pytestmark = pytest.mark.django_db
AMS = ZoneInfo("Europe/Amsterdam")
UTC = dt.UTC
DAY = dt.date(2026, 3, 12)  # a Thursday


def at(time_machine, moment):
    time_machine.move_to(moment, tick=False)
    return moment


def ams(*args):
    return dt.datetime(*args, tzinfo=AMS)


def join(network, role, **user_kwargs):
    user = UserFactory(**user_kwargs)
    MembershipFactory(network=network, user=user, role=role, starts_on=dt.date(2020, 1, 1))
    return user


def leave(user, network):
    Membership.objects.filter(user=user, network=network).update(ended_at=timezone.now())


@pytest.fixture
def net(db):
    return NetworkFactory(name="LIN Oost", slug="lin-oost")


@pytest.fixture
def student(net):
    return join(
        net,
        Role.STUDENT,
        full_name="Sara Student",
        email="sara@example.org",
        language="en",
        profession=Profession.NURSING_STUDENT,
    )


@pytest.fixture
def host(net):
    return join(
        net,
        Role.PROFESSIONAL,
        full_name="Henk Host",
        email="henk@example.org",
        language="nl",
        profession=Profession.SOCIAL_WORKER,
    )


@pytest.fixture
def teacher(net, student):
    """Teaches ``student``: both memberships name the same school."""
    teacher = join(net, Role.TEACHER, full_name="Tineke Docent", email="tineke@example.org")
    same_school(net, teacher, student)
    return teacher


def planned(net, student, host, date=DAY, **kwargs):
    return ShadowingDayFactory(network=net, shadower=student, host=host, date=date, **kwargs)


def sent(kind):
    return sorted(
        Delivery.objects.filter(kind=kind, status=DeliveryStatus.SENT).values_list(
            "recipient__email", "object_key"
        )
    )


def outbox():
    return sorted((message.to[0], message.subject) for message in mail.outbox)


# --- The day before ------------------------------------------------------------------------


def test_day_before_goes_to_shadower_and_host_at_eight_in_their_language(
    net, student, host, time_machine
):
    day = planned(net, student, host)
    at(time_machine, ams(2026, 3, 11, 7, 59))
    dispatch()
    assert mail.outbox == []
    at(time_machine, ams(2026, 3, 11, 8, 0))
    dispatch()
    at(time_machine, ams(2026, 3, 11, 15, 0))
    dispatch()
    assert sent("shadowing_day_before") == [
        ("henk@example.org", f"shadowing-day:{day.pk}@2026-03-12:morning:host"),
        ("sara@example.org", f"shadowing-day:{day.pk}@2026-03-12:morning:shadower"),
    ]
    assert outbox() == [
        ("henk@example.org", "Morgen loopt Sara Student met je mee"),
        ("sara@example.org", "Tomorrow: your shadowing day with Henk Host"),
    ]
    to_sara = next(m for m in mail.outbox if m.to == ["sara@example.org"])
    assert "When: Thursday 12 March 2026, morning (08:30–12:30)" in to_sara.body
    assert f"/netwerken/lin-oost/meelopen/{day.pk}/" in to_sara.body


def test_day_before_carries_no_learning_goals_or_reflection(net, student, host, time_machine):
    planned(net, student, host, learning_goals="Mevrouw K. (84) helpen met haar medicatie")
    at(time_machine, ams(2026, 3, 11, 9, 0))
    dispatch()
    assert len(mail.outbox) == 2
    for message in mail.outbox:
        html = message.alternatives[0][0]
        assert "Mevrouw K." not in message.body + html


@pytest.mark.parametrize(
    ("date", "due_utc"),
    [
        # Spring 2026: clocks go forward in the night to Sunday 29 March.
        # A day on Sunday: reminded on Saturday 08:00 CET = 07:00 UTC.
        (dt.date(2026, 3, 29), dt.datetime(2026, 3, 28, 7, 0, tzinfo=UTC)),
        # A day on Monday: reminded on Sunday 08:00 CEST = 06:00 UTC.
        (dt.date(2026, 3, 30), dt.datetime(2026, 3, 29, 6, 0, tzinfo=UTC)),
        # Autumn 2026: clocks go back in the night to Sunday 25 October.
        (dt.date(2026, 10, 25), dt.datetime(2026, 10, 24, 6, 0, tzinfo=UTC)),
        (dt.date(2026, 10, 26), dt.datetime(2026, 10, 25, 7, 0, tzinfo=UTC)),
    ],
    ids=["spring-saturday", "spring-sunday", "autumn-saturday", "autumn-sunday"],
)
def test_day_before_around_the_dst_change_goes_out_once_at_eight_local(
    net, student, host, time_machine, date, due_utc
):
    planned(net, student, host, date=date)
    minute = dt.timedelta(minutes=1)
    sends = []
    moment = due_utc - dt.timedelta(hours=3)
    while moment < due_utc + dt.timedelta(hours=3):
        at(time_machine, moment)
        if dispatch()["sent"]:
            sends.append(moment)
        moment += 10 * minute if abs(moment - due_utc) > 15 * minute else minute
    assert sends == [due_utc]
    assert len(mail.outbox) == 2
    assert due_utc.astimezone(AMS).time() == dt.time(8, 0)


def test_declined_day_is_withdrawn_before_it_is_sent(net, student, host, time_machine):
    day = planned(net, student, host)
    at(time_machine, ams(2026, 3, 11, 8, 0))
    assert plan(timezone.now()) == 2
    shadowing_day_decline(day=day, by=host, reason="Ik ben ziek.")
    assert dispatch()["withdrawn"] == 2
    # Only the notice that the day was declined (without the reason) goes out.
    assert [(m.to[0], m.subject) for m in mail.outbox] == [
        ("sara@example.org", "Henk Host declined your shadowing day on 12 March.")
    ]
    reminders = Delivery.objects.filter(kind="shadowing_day_before")
    assert set(reminders.values_list("status", "reason")) == {
        (
            "withdrawn",
            "No longer due: the day is no longer planned (declined or cancelled), or the person "
            "left the network or switched this reminder off.",
        )
    }


def test_who_left_or_switched_off_gets_nothing(net, student, host, time_machine):
    other_host = join(net, Role.PROFESSIONAL, email="olga@example.org")
    planned(net, student, host)
    planned(net, student, other_host, dagdeel="afternoon", starts_at="13:00", ends_at="17:00")
    leave(host, net)
    student.reminders_off = ["shadowing_day_before"]
    student.save()
    at(time_machine, ams(2026, 3, 11, 8, 0))
    dispatch()
    assert [m.to[0] for m in mail.outbox] == ["olga@example.org"]


def test_host_of_a_partner_network_is_reminded_through_that_network(net, student, time_machine):
    partner_net = NetworkFactory(name="LIN Zuid", slug="lin-zuid")
    partner_host = join(partner_net, Role.PROFESSIONAL, email="piet@example.org")
    planned(net, student, partner_host, host_network=partner_net)
    at(time_machine, ams(2026, 3, 11, 8, 0))
    dispatch()
    assert sorted(Delivery.objects.values_list("recipient__email", "network__slug", "status")) == [
        ("piet@example.org", "lin-zuid", "sent"),
        ("sara@example.org", "lin-oost", "sent"),
    ]


def test_day_before_asks_a_constant_number_of_queries(
    net, student, host, time_machine, django_assert_num_queries
):
    at(time_machine, ams(2026, 3, 11, 8, 0))
    kind = REGISTRY["shadowing_day_before"]
    planned(net, student, host)
    with django_assert_num_queries(2):
        assert len(kind.due(timezone.now())) == 2
    for _ in range(10):
        other = join(net, Role.STUDENT)
        planned(net, other, host)
    with django_assert_num_queries(2):
        assert len(kind.due(timezone.now())) == 22


# --- The reflection ------------------------------------------------------------------------


def test_reflection_reminder_two_days_after_at_eight_to_the_shadower_only(
    net, student, host, time_machine
):
    day = planned(net, student, host)
    at(time_machine, ams(2026, 3, 14, 7, 59))
    dispatch()
    assert sent("shadowing_reflection") == []
    at(time_machine, ams(2026, 3, 14, 8, 0))
    dispatch()
    at(time_machine, ams(2026, 3, 15, 8, 0))
    dispatch()
    assert sent("shadowing_reflection") == [
        ("sara@example.org", f"shadowing-day:{day.pk}@2026-03-12:morning:shadower")
    ]
    assert outbox() == [
        ("sara@example.org", "Write your reflection on your shadowing day of 12 March")
    ]


def test_reflection_written_meanwhile_withdraws_the_reminder(net, student, host, time_machine):
    day = planned(net, student, host)
    at(time_machine, ams(2026, 3, 14, 8, 0))
    assert plan(timezone.now()) == 1
    shadowing_day_reflect(
        day=day, by=student, seen="Veel.", surprised="Tijd.", take_away="Bellen.", question="Hoe?"
    )
    assert dispatch()["withdrawn"] == 1
    assert mail.outbox == []


def test_no_reflection_reminder_for_a_day_long_past(net, student, host, time_machine):
    planned(net, student, host, date=dt.date(2026, 2, 1))
    at(time_machine, ams(2026, 3, 14, 8, 0))
    assert dispatch()["planned"] == 0


def test_reflection_reminder_not_for_who_left_the_network(net, student, host, time_machine):
    planned(net, student, host)
    leave(student, net)
    at(time_machine, ams(2026, 3, 14, 8, 0))
    assert dispatch()["planned"] == 0


# --- The host's confirmation ---------------------------------------------------------------


def written(net, student, host, when, **kwargs):
    return planned(
        net, student, host, status="done", **reflected(reflection_written_at=when), **kwargs
    )


def test_confirmation_reminder_after_three_days_to_the_host(net, student, host, time_machine):
    day = written(net, student, host, ams(2026, 3, 12, 16, 30))
    at(time_machine, ams(2026, 3, 15, 16, 29))
    dispatch()
    assert sent("shadowing_confirmation") == []
    at(time_machine, ams(2026, 3, 15, 16, 30))
    dispatch()
    at(time_machine, ams(2026, 3, 16, 16, 30))
    dispatch()
    assert sent("shadowing_confirmation") == [
        ("henk@example.org", f"shadowing-day:{day.pk}@2026-03-12:morning:host")
    ]
    assert outbox() == [("henk@example.org", "Bevestig de meeloopdag van Sara Student")]
    body = mail.outbox[0].body
    assert "Een keukentafelgesprek over eenzaamheid." not in body
    assert "Sara Student liep op donderdag 12 maart met je mee" in body


def test_confirmed_meanwhile_withdraws_the_reminder(net, student, host, time_machine):
    day = written(net, student, host, ams(2026, 3, 12, 16, 30))
    at(time_machine, ams(2026, 3, 15, 17, 0))
    assert plan(timezone.now()) == 1
    shadowing_day_confirm(day=day, by=host)
    assert dispatch()["withdrawn"] == 1
    # The host is not reminded; the student hears the day was confirmed.
    assert [(m.to[0], m.subject) for m in mail.outbox] == [
        ("sara@example.org", "Henk Host confirmed your shadowing day of 12 March.")
    ]


def test_host_who_switched_confirmations_off_gets_nothing(net, student, host, time_machine):
    written(net, student, host, ams(2026, 3, 12, 16, 30))
    host.reminders_off = ["shadowing_confirmation"]
    host.save()
    at(time_machine, ams(2026, 3, 15, 17, 0))
    assert dispatch()["planned"] == 0


# --- A cancelled day -----------------------------------------------------------------------


def test_cancelling_tells_the_host_at_once_in_their_language(
    net, student, host, time_machine, django_capture_on_commit_callbacks
):
    day = planned(net, student, host)
    at(time_machine, ams(2026, 3, 9, 10, 0))
    with django_capture_on_commit_callbacks(execute=True):
        shadowing_day_cancel(
            day=day, by=student, reason="Mevrouw K. (84) is mijn oma; ik moet mee."
        )
    assert sent("shadowing_cancelled") == [
        ("henk@example.org", f"shadowing-day:{day.pk}@2026-03-12:morning:cancelled:host")
    ]
    assert outbox() == [
        ("henk@example.org", "Geannuleerd: Sara Student komt op 12 maart niet met je meelopen")
    ]
    message = mail.outbox[0]
    assert (
        "Sara Student heeft de meeloopdag met jou op donderdag 12 maart 2026 (ochtend) "
        "geannuleerd. De reden staat op de pagina van de dag."
    ) in message.body
    # The reason is free text and may name a client: it stays on the platform.
    assert "Mevrouw K." not in message.body + message.alternatives[0][0]
    # Once: the beat finding it again sends nothing more.
    dispatch()
    assert len(mail.outbox) == 1


def test_the_host_cancelling_tells_the_shadower(
    net, student, host, time_machine, django_capture_on_commit_callbacks
):
    day = planned(net, student, host)
    at(time_machine, ams(2026, 3, 9, 10, 0))
    with django_capture_on_commit_callbacks(execute=True):
        shadowing_day_cancel(day=day, by=host, reason="Ik ben ziek.")
    assert outbox() == [
        ("sara@example.org", "Cancelled: your shadowing day with Henk Host on 12 March")
    ]
    assert (
        "Henk Host has cancelled your shadowing day on Thursday 12 March 2026 (morning). The "
        "reason is on the day's page."
    ) in mail.outbox[0].body


def test_a_withdrawn_request_says_so_and_frees_the_dagdeel(
    net, student, host, time_machine, django_capture_on_commit_callbacks
):
    from tests.sessions.factories_shadowing import ShadowingSlotFactory

    at(time_machine, ams(2026, 3, 9, 10, 0))
    slot = ShadowingSlotFactory(network=net, host=host, date=DAY)
    day = planned(net, student, host, slot=slot, source="slot", status="requested")
    host.language = "en"
    host.save()
    with django_capture_on_commit_callbacks(execute=True):
        shadowing_day_cancel(day=day, by=student)
    assert outbox() == [("henk@example.org", "Sara Student withdrew the request to shadow you")]
    assert (
        "Sara Student has withdrawn the request to shadow you on Thursday 12 March 2026 "
        "(morning); you need not answer it any more. The half-day you offered is open again "
        "for others in the network."
    ) in mail.outbox[0].body


def test_cancelling_withdraws_the_pending_day_before_reminders(
    net, student, host, time_machine, django_capture_on_commit_callbacks
):
    day = planned(net, student, host)
    at(time_machine, ams(2026, 3, 11, 8, 0))
    assert plan(timezone.now()) == 2
    shadowing_day_cancel(day=day, by=host, reason="Ik ben ziek.")
    totals = dispatch()
    assert (totals["sent"], totals["withdrawn"]) == (1, 2)
    assert sorted(Delivery.objects.values_list("kind", "recipient__email", "status")) == [
        ("shadowing_cancelled", "sara@example.org", "sent"),
        ("shadowing_day_before", "henk@example.org", "withdrawn"),
        ("shadowing_day_before", "sara@example.org", "withdrawn"),
    ]
    assert outbox() == [
        ("sara@example.org", "Cancelled: your shadowing day with Henk Host on 12 March")
    ]
    # Nothing about the day goes out later either: not the day before, not the reflection.
    for moment in (ams(2026, 3, 11, 9, 0), ams(2026, 3, 14, 8, 0), ams(2026, 3, 15, 8, 0)):
        at(time_machine, moment)
        assert dispatch()["planned"] == 0
    assert len(mail.outbox) == 1


def test_no_cancellation_notice_for_who_switched_it_off_or_left(net, student, host, time_machine):
    other_host = join(net, Role.PROFESSIONAL, email="olga@example.org")
    at(time_machine, ams(2026, 3, 9, 10, 0))
    first = planned(net, student, host)
    second = planned(
        net, student, other_host, dagdeel="afternoon", starts_at="13:00", ends_at="17:00"
    )
    host.reminders_off = ["shadowing_cancelled"]
    host.save()
    leave(other_host, net)
    shadowing_day_cancel(day=first, by=student)
    shadowing_day_cancel(day=second, by=student)
    assert dispatch()["planned"] == 0
    assert mail.outbox == []


def test_an_old_cancellation_is_not_announced_any_more(net, student, host, time_machine):
    day = planned(net, student, host)
    at(time_machine, ams(2026, 3, 9, 10, 0))
    shadowing_day_cancel(day=day, by=student)
    at(time_machine, ams(2026, 3, 10, 10, 1))
    assert dispatch()["planned"] == 0


def test_cancellation_notices_ask_a_constant_number_of_queries(
    net, student, host, time_machine, django_capture_on_commit_callbacks, django_assert_num_queries
):
    at(time_machine, ams(2026, 3, 9, 10, 0))
    kind = REGISTRY["shadowing_cancelled"]
    shadowing_day_cancel(day=planned(net, student, host), by=student)
    with django_assert_num_queries(2):
        assert len(kind.due(timezone.now())) == 1
    for _ in range(10):
        other = join(net, Role.STUDENT)
        shadowing_day_cancel(day=planned(net, other, host), by=host, reason="Ziek.")
    with django_assert_num_queries(2):
        assert len(kind.due(timezone.now())) == 11


# --- A day the shadower moved ---------------------------------------------------------------


def logged(net, student, host, **kwargs):
    return planned(net, student, host, source="logged", **kwargs)


def move(day, on, **kwargs):
    return shadowing_day_edit(
        day=day, by=day.shadower, learning_goals="Leren wat welzijn doet.", on=on, **kwargs
    )


def test_moving_a_logged_day_tells_the_host_at_once_in_their_language(
    net, student, host, time_machine, django_capture_on_commit_callbacks
):
    day = logged(net, student, host)
    at(time_machine, ams(2026, 3, 9, 10, 0))
    with django_capture_on_commit_callbacks(execute=True):
        move(day, dt.date(2026, 3, 13), dagdeel="afternoon")
    assert outbox() == [
        ("henk@example.org", "Verplaatst: Sara Student loopt nu op 13 maart met je mee")
    ]
    assert (
        "Sara Student heeft de meeloopdag met jou verplaatst. Die is nu op vrijdag 13 maart "
        "2026 (middag)."
    ) in mail.outbox[0].body
    assert "Leren wat welzijn doet." not in mail.outbox[0].body
    # The day-before reminders follow the day to its new date; the notice is not repeated.
    dispatch()
    assert len(mail.outbox) == 1


def test_a_second_move_is_told_again_and_a_goals_only_edit_is_not(
    net, student, host, time_machine, django_capture_on_commit_callbacks
):
    day = logged(net, student, host)
    at(time_machine, ams(2026, 3, 9, 10, 0))
    with django_capture_on_commit_callbacks(execute=True):
        day = move(day, dt.date(2026, 3, 13))
    at(time_machine, ams(2026, 3, 9, 11, 0))
    with django_capture_on_commit_callbacks(execute=True):
        shadowing_day_edit(day=day, by=student, learning_goals="Andere doelen.")
    assert len(mail.outbox) == 1
    with django_capture_on_commit_callbacks(execute=True):
        move(day, DAY)  # back to the first date: a new move, a new notice
    assert [m.subject for m in mail.outbox] == [
        "Verplaatst: Sara Student loopt nu op 13 maart met je mee",
        "Verplaatst: Sara Student loopt nu op 12 maart met je mee",
    ]


def test_no_move_notice_for_who_switched_it_off_or_after_a_day(net, student, host, time_machine):
    at(time_machine, ams(2026, 3, 9, 10, 0))
    host.reminders_off = ["shadowing_moved"]
    host.save()
    move(logged(net, student, host), dt.date(2026, 3, 13))
    assert dispatch()["planned"] == 0
    host.reminders_off = []
    host.save()
    at(time_machine, ams(2026, 3, 10, 10, 1))
    assert dispatch()["planned"] == 0
    assert mail.outbox == []


def test_move_notices_ask_a_constant_number_of_queries(
    net, student, host, time_machine, django_assert_num_queries
):
    at(time_machine, ams(2026, 3, 9, 10, 0))
    kind = REGISTRY["shadowing_moved"]
    move(logged(net, student, host), dt.date(2026, 3, 13))
    with django_assert_num_queries(2):
        assert len(kind.due(timezone.now())) == 1
    for _ in range(10):
        move(logged(net, join(net, Role.STUDENT), host), dt.date(2026, 3, 13))
    with django_assert_num_queries(2):
        assert len(kind.due(timezone.now())) == 11


# --- The teachers' digest ------------------------------------------------------------------

MONDAY = ams(2026, 3, 16, 8, 0)


def test_teacher_digest_lists_reflections_waiting_for_feedback(
    net, student, host, teacher, time_machine
):
    waiting = written(net, student, host, ams(2026, 3, 13, 10, 0))
    answered = written(net, student, host, ams(2026, 3, 10, 10, 0), dagdeel="afternoon")
    ShadowingFeedbackFactory(day=answered, author=teacher)
    at(time_machine, MONDAY - dt.timedelta(minutes=1))
    dispatch()
    assert sent("teacher_digest") == []
    at(time_machine, MONDAY)
    dispatch()
    dispatch()
    assert sent("teacher_digest") == [
        ("tineke@example.org", f"teacher-digest:{net.pk}:2026-03-16"),
    ]
    to_teacher = [m for m in mail.outbox if m.to == ["tineke@example.org"]]
    assert [m.subject for m in to_teacher] == ["LIN Oost: één reflectie wacht op je feedback"]
    body = to_teacher[0].body
    assert (
        "* Sara Student — liep op 12 maart mee met een sociaal werker, reflectie geschreven "
        "op 13 maart"
    ) in body
    assert body.count("* ") == 1
    assert "keukentafelgesprek" not in body
    assert waiting.reflection_seen not in body


def test_no_teacher_digest_when_nothing_waits(net, student, host, teacher, time_machine):
    answered = written(net, student, host, ams(2026, 3, 13, 10, 0))
    ShadowingFeedbackFactory(day=answered, author=teacher)
    # A professional's reflection is not a student's: no line for the teacher.
    professional = join(net, Role.PROFESSIONAL)
    written(net, professional, host, ams(2026, 3, 13, 11, 0))
    at(time_machine, MONDAY)
    assert dispatch()["planned"] == 0
    assert mail.outbox == []


def test_feedback_given_before_sending_withdraws_the_digest(
    net, student, host, teacher, time_machine
):
    day = written(net, student, host, ams(2026, 3, 13, 10, 0))
    at(time_machine, MONDAY)
    assert plan(timezone.now()) == 1
    ShadowingFeedbackFactory(day=day, author=teacher)
    assert dispatch()["withdrawn"] == 1
    assert mail.outbox == []


def test_teacher_digest_per_network_only_to_its_current_teachers(
    net, student, host, teacher, time_machine
):
    other_net = NetworkFactory(name="LIN West", slug="lin-west")
    join(other_net, Role.TEACHER, email="wim@example.org")
    former = join(net, Role.TEACHER, email="former@example.org")
    off = join(net, Role.TEACHER, email="off@example.org")
    # Both teach the student (same school): one left, the other switched the digest off.
    school = Membership.objects.get(network=net, user=teacher).organisation
    same_school(net, former, off, school=school)
    leave(former, net)
    off.reminders_off = ["teacher_digest"]
    off.save()
    written(net, student, host, ams(2026, 3, 13, 10, 0))
    at(time_machine, MONDAY + dt.timedelta(hours=1))
    dispatch()
    assert [m.to[0] for m in mail.outbox] == ["tineke@example.org"]


def test_teacher_digest_is_not_sent_days_late(net, student, host, teacher, time_machine):
    written(net, student, host, ams(2026, 3, 13, 10, 0))
    at(time_machine, MONDAY + dt.timedelta(hours=13))
    dispatch()
    assert not Delivery.objects.filter(kind="teacher_digest").exists()
    at(time_machine, MONDAY + dt.timedelta(hours=11))
    dispatch()
    assert sent("teacher_digest") == [("tineke@example.org", f"teacher-digest:{net.pk}:2026-03-16")]
