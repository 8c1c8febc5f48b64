"""A notice for every step that becomes someone's, one test per kind: created with the event
(a notification in the platform and a mail in the outbox, in the same transaction), nothing
when the event's transaction rolls back, nothing when the kind (or one of its channels) is
switched off, and one mail when two dispatchers run."""

import datetime as dt
import threading
from collections import Counter
from dataclasses import dataclass
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.db import connection, connections, transaction
from django.utils import timezone

from accounts.models import User
from networks.choices import Role
from sessions.meetings.services.record import meeting_action_add, meeting_roles_assign
from sessions.reminders.dispatcher import claim, dispatch, send_batch
from sessions.reminders.models import Delivery, DeliveryStatus, Notification
from sessions.shadowing.choices import ShadowingSource, ShadowingStatus
from sessions.shadowing.notices import next_bundle_moment
from sessions.shadowing.services import (
    shadowing_day_accept,
    shadowing_day_confirm,
    shadowing_day_decline,
    shadowing_day_reflect,
    shadowing_day_request,
    shadowing_feedback_give,
)
from tests.factories import NetworkFactory, member
from tests.sessions.factories import MeetingFactory
from tests.sessions.factories_shadowing import (
    ShadowingDayFactory,
    ShadowingSlotFactory,
    reflected,
    same_school,
    social_worker,
)

pytestmark = pytest.mark.django_db
AMS = ZoneInfo("Europe/Amsterdam")


@dataclass
class Scene:
    """Who is told (``recipient``) of what ``event()`` does, and what the notice says."""

    kind: str
    recipient: User
    event: object
    text: str
    # The moment the mail goes out (the teachers' daily mail waits for 08:00).
    mail_at: object = None


@pytest.fixture
def net(db):
    return NetworkFactory(name="LIN Oost", slug="lin-oost")


@pytest.fixture
def people(net):
    student = member(net, Role.STUDENT, full_name="Sara Student", language="en")
    host = social_worker(net, full_name="Henk Host", language="en")
    teacher = member(net, Role.TEACHER, full_name="Tess Teacher", language="en")
    coordinator = member(net, Role.COORDINATOR, full_name="Cor Coordinator", language="en")
    same_school(net, student, teacher)
    return {"student": student, "host": host, "teacher": teacher, "coordinator": coordinator}


def _date(day) -> str:
    return f"{day.date.day} {day.date:%B}"


def _requested(net, people):
    slot = ShadowingSlotFactory(network=net, host=people["host"])
    return ShadowingDayFactory(
        network=net,
        shadower=people["student"],
        host=people["host"],
        slot=slot,
        source=ShadowingSource.SLOT,
        date=slot.date,
        status=ShadowingStatus.REQUESTED,
    )


def _done(net, people):
    return ShadowingDayFactory(
        network=net,
        shadower=people["student"],
        host=people["host"],
        status=ShadowingStatus.DONE,
        **reflected(),
    )


def request_scene(net, people):
    slot = ShadowingSlotFactory(network=net, host=people["host"])

    def event():
        shadowing_day_request(
            shadower=people["student"], network=net, slot=slot, learning_goals="Zien hoe."
        )

    when = f"{slot.date.day} {slot.date:%B}"
    text = f"Sara Student asks to shadow you on {when} (morning)."
    return Scene("shadowing_request", people["host"], event, text)


def accepted_scene(net, people):
    day = _requested(net, people)
    return Scene(
        "shadowing_accepted",
        people["student"],
        lambda: shadowing_day_accept(day=day, by=people["host"]),
        f"Henk Host accepted your request: you shadow them on {_date(day)}.",
    )


def declined_scene(net, people):
    day = _requested(net, people)
    return Scene(
        "shadowing_declined",
        people["student"],
        lambda: shadowing_day_decline(day=day, by=people["host"], reason="Ziek."),
        f"Henk Host declined your shadowing day on {_date(day)}.",
    )


def confirmed_scene(net, people):
    day = _done(net, people)
    return Scene(
        "shadowing_confirmed",
        people["student"],
        lambda: shadowing_day_confirm(day=day, by=people["host"]),
        f"Henk Host confirmed your shadowing day of {_date(day)}.",
    )


def feedback_scene(net, people):
    day = _done(net, people)
    return Scene(
        "shadowing_feedback",
        people["student"],
        lambda: shadowing_feedback_give(day=day, teacher=people["teacher"], text="Mooi."),
        f"A teacher gave feedback on your reflection on the shadowing day with Henk Host "
        f"of {_date(day)}.",
    )


def reflection_scene(net, people):
    day = ShadowingDayFactory(network=net, shadower=people["student"], host=people["host"])

    def event():
        shadowing_day_reflect(
            day=day, by=people["student"], seen="a", surprised="b", take_away="c", question="d"
        )

    return Scene(
        "reflection_waiting",
        people["teacher"],
        event,
        f"Sara Student wrote a reflection on the shadowing day of {_date(day)}: it waits for "
        "your feedback.",
        mail_at=timezone.now() + dt.timedelta(days=1),
    )


def role_scene(net, people):
    meeting = MeetingFactory(network=net, title="Intervisie mei")
    when = timezone.localtime(meeting.starts_at)

    def event():
        meeting_roles_assign(
            meeting=meeting,
            facilitator=None,
            note_taker=people["host"],
            case_bringer=None,
            presenters=[],
            allowed={people["host"].pk},
            by=people["coordinator"],
        )

    return Scene(
        "meeting_role",
        people["host"],
        event,
        f"You are the note-taker of “Intervisie mei” on {when.day} {when:%B %H:%M}.",
    )


def action_scene(net, people):
    meeting = MeetingFactory(network=net, title="Intervisie mei")
    when = timezone.localtime(meeting.starts_at)
    return Scene(
        "meeting_action",
        people["host"],
        lambda: meeting_action_add(
            meeting=meeting,
            text="Bel de wijkcoach.",
            owner=people["host"],
            user=people["coordinator"],
        ),
        f"An action agreed in “Intervisie mei” ({when.day} {when:%B %H:%M}) is yours.",
    )


SCENES = {
    "shadowing_request": request_scene,
    "shadowing_accepted": accepted_scene,
    "shadowing_declined": declined_scene,
    "shadowing_confirmed": confirmed_scene,
    "shadowing_feedback": feedback_scene,
    "reflection_waiting": reflection_scene,
    "meeting_role": role_scene,
    "meeting_action": action_scene,
}


@pytest.fixture(params=sorted(SCENES))
def scene(request, net, people):
    return SCENES[request.param](net, people)


def notifications(scene):
    return list(
        Notification.objects.filter(kind=scene.kind).values_list("recipient__email", flat=True)
    )


def deliveries(scene):
    return list(Delivery.objects.filter(kind=scene.kind).values_list("recipient__email", "status"))


def mails_to(scene):
    return [m.subject for m in mail.outbox if m.to == [scene.recipient.email]]


def test_the_event_writes_a_notification_and_a_mail(scene):
    scene.event()
    assert notifications(scene) == [scene.recipient.email]
    assert deliveries(scene) == [(scene.recipient.email, DeliveryStatus.PENDING)]
    dispatch(now=scene.mail_at)
    subject = (
        scene.text
        if scene.kind != "reflection_waiting"
        else ("One reflection of your students waits for your feedback.")
    )
    assert mails_to(scene) == [subject]


def test_nothing_is_told_of_an_event_that_rolled_back(scene):
    class Undone(Exception):
        pass

    with pytest.raises(Undone), transaction.atomic():
        scene.event()
        raise Undone
    assert (notifications(scene), deliveries(scene)) == ([], [])
    dispatch(now=scene.mail_at)
    assert mails_to(scene) == []


def test_nothing_when_switched_off(scene):
    User.objects.filter(pk=scene.recipient.pk).update(reminders_off=[scene.kind])
    scene.recipient.refresh_from_db()
    scene.event()
    assert (notifications(scene), deliveries(scene)) == ([], [])


def test_switched_off_after_the_event_the_mail_is_withdrawn(scene):
    scene.event()
    User.objects.filter(pk=scene.recipient.pk).update(reminders_off=[scene.kind])
    dispatch(now=scene.mail_at)
    assert mails_to(scene) == []
    assert deliveries(scene) == [(scene.recipient.email, DeliveryStatus.WITHDRAWN)]


@pytest.mark.parametrize(
    ("off", "in_platform", "by_mail"),
    [("{kind}@mail", True, False), ("{kind}@platform", False, True)],
    ids=["platform-only", "mail-only"],
)
def test_one_channel_only(scene, off, in_platform, by_mail):
    User.objects.filter(pk=scene.recipient.pk).update(reminders_off=[off.format(kind=scene.kind)])
    scene.recipient.refresh_from_db()
    scene.event()
    assert (bool(notifications(scene)), bool(deliveries(scene))) == (in_platform, by_mail)


def test_sent_once_when_two_dispatchers_run(scene):
    scene.event()
    now = scene.mail_at or timezone.now()
    token, rows = claim(now, 100)  # the first dispatcher has claimed the row ...
    assert dispatch(now=now)["sent"] == 0  # ... the second finds nothing left to send
    send_batch(token, rows, now)
    dispatch(now=now)
    assert len(mails_to(scene)) == 1
    assert deliveries(scene) == [(scene.recipient.email, DeliveryStatus.SENT)]


def test_a_repeated_event_tells_nothing_twice(net, people):
    """Improving a reflection does not tell the teachers again."""
    scene = reflection_scene(net, people)
    scene.event()
    day = ShadowingDayFactory._meta.model.objects.get(shadower=people["student"])
    shadowing_day_reflect(
        day=day, by=people["student"], seen="a2", surprised="b", take_away="c", question="d"
    )
    assert notifications(scene) == [people["teacher"].email]
    assert len(deliveries(scene)) == 1


def test_the_one_who_acts_is_not_told(net, people):
    meeting = MeetingFactory(network=net)
    meeting_action_add(
        meeting=meeting, text="Zelf doen.", owner=people["coordinator"], user=people["coordinator"]
    )
    assert Notification.objects.count() == Delivery.objects.count() == 0


@pytest.mark.django_db(transaction=True)
def test_notices_are_written_inside_the_event_only():
    from sessions.reminders.services import notify

    with pytest.raises(RuntimeError):
        notify(kind="meeting_role", recipient=None, network=None, key="x")


def test_the_daily_mail_bundles_the_reflections_of_one_teacher(net, people):
    """Two reflections on one day: two items in the platform, one mail at the next 08:00
    (Amsterdam) listing both, in the teacher's language."""
    other = member(net, Role.STUDENT, full_name="Ole Student")
    same_school(net, other, school=people["teacher"].memberships.get().organisation)
    days = []
    for shadower in (people["student"], other):
        day = ShadowingDayFactory(network=net, shadower=shadower, host=people["host"])
        shadowing_day_reflect(
            day=day, by=shadower, seen="a", surprised="b", take_away="c", question="d"
        )
        days.append(day)
    assert Notification.objects.filter(kind="reflection_waiting").count() == 2
    moment = next_bundle_moment(timezone.now())
    assert moment.astimezone(AMS).time() == dt.time(8, 0)
    assert dispatch(now=moment - dt.timedelta(minutes=1))["sent"] == 0  # not before 08:00
    dispatch(now=moment)
    assert [(m.to, m.subject) for m in mail.outbox] == [
        ([people["teacher"].email], "2 reflections of your students wait for your feedback.")
    ]
    body = mail.outbox[0].body
    assert [
        f"{name}, shadowing day of {_date(day)}" in body
        for name, day in zip(["Sara Student", "Ole Student"], days, strict=True)
    ] == [True, True]
    assert "sociaal werker" not in body  # never the learning goals


def test_the_daily_mail_is_withdrawn_when_every_reflection_got_feedback(net, people, time_machine):
    scene = reflection_scene(net, people)
    scene.event()
    day = ShadowingDayFactory._meta.model.objects.get(shadower=people["student"])
    shadowing_feedback_give(day=day, teacher=people["teacher"], text="Goed.")
    dispatch(now=timezone.now() + dt.timedelta(days=1))
    assert mails_to(scene) == []
    assert deliveries(scene) == [(people["teacher"].email, DeliveryStatus.WITHDRAWN)]


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="needs PostgreSQL row locks (set DATABASE_URL=postgres://...; CI does)",
)
def test_two_dispatchers_in_two_threads_send_each_notice_once(settings, monkeypatch):
    """Requests to 20 hosts, then two dispatchers at once, each with its own connection."""
    settings.REMINDERS_BATCH_SIZE = 3  # many small batches: the two runs interleave
    # No run right after each commit (eager in tests): the two below find every row.
    monkeypatch.setattr("sessions.reminders.tasks.reminders_dispatch.delay", lambda: None)
    net = NetworkFactory()
    student = member(net, Role.STUDENT)
    hosts = [social_worker(net, language="en") for _ in range(20)]
    for n, host in enumerate(hosts):
        on = timezone.localdate() + dt.timedelta(days=7 + n)
        slot = ShadowingSlotFactory(network=net, host=host, date=on)
        shadowing_day_request(shadower=student, network=net, slot=slot, learning_goals="Zien.")
    start = threading.Barrier(2)
    errors = []

    def run():
        try:
            start.wait()
            for _ in range(3):
                dispatch()
        except Exception as error:  # pragma: no cover - reported below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert errors == []
    assert Counter(m.to[0] for m in mail.outbox) == Counter({h.email: 1 for h in hosts})
    assert Delivery.objects.filter(status=DeliveryStatus.SENT).count() == 20
    assert Notification.objects.filter(kind="shadowing_request").count() == 20
