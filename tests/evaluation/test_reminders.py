"""The outbox kinds of evaluation: the invitation when a round opens, one reminder two days
before it closes, nothing to those who sent their answers, left the network or switched
the kind off; mails in the recipient's language."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.utils import timezone

from evaluation.models import Round, RoundInvitee
from networks.choices import Role
from networks.models import Membership
from sessions.reminders.dispatcher import dispatch
from sessions.reminders.kinds import kind_choices
from sessions.reminders.models import Delivery, DeliveryStatus
from tests.evaluation.helpers import answered, ripls_answers
from tests.factories import MembershipFactory, NetworkFactory, UserFactory

pytestmark = pytest.mark.django_db
AMS = ZoneInfo("Europe/Amsterdam")


def ams(*args):
    return dt.datetime(*args, tzinfo=AMS)


def join(network, role=Role.STUDENT, **user_kwargs):
    user = UserFactory(**user_kwargs)
    MembershipFactory(network=network, user=user, role=role, starts_on=dt.date(2020, 1, 1))
    return user


@pytest.fixture
def net(db):
    return NetworkFactory(name="LIN Oost", slug="lin-oost")


def _round(net, people):
    round_ = Round.objects.create(
        network=net,
        instrument_code="ripls-1",
        wave=0,
        opens_on=dt.date(2026, 3, 2),
        closes_on=dt.date(2026, 3, 20),
        opened_at=ams(2026, 2, 27, 10, 0),
    )
    RoundInvitee.objects.bulk_create(
        [RoundInvitee(round=round_, user=p, invited_at=ams(2026, 2, 27, 10, 0)) for p in people]
    )
    return round_


def sent(kind):
    return sorted(
        Delivery.objects.filter(kind=kind, status=DeliveryStatus.SENT).values_list(
            "recipient__email", flat=True
        )
    )


def test_the_kinds_can_be_switched_off_under_my_reminders():
    codes = [code for code, _label in kind_choices()]
    assert {"evaluation_invitation", "evaluation_closing", "meeting_evaluation"} <= set(codes)


def test_invitation_on_the_first_day_and_one_reminder_two_days_before_closing(net, time_machine):
    sara = join(net, email="sara@example.org", language="en")
    piet = join(net, email="piet@example.org", language="nl")
    ella = join(net, email="ella@example.org", language="en")
    _round(net, [sara, piet, ella])
    time_machine.move_to(ams(2026, 3, 1, 23, 59), tick=False)
    dispatch()
    assert mail.outbox == []
    time_machine.move_to(ams(2026, 3, 2, 0, 1), tick=False)
    dispatch()
    assert sent("evaluation_invitation") == [
        "ella@example.org",
        "piet@example.org",
        "sara@example.org",
    ]
    subjects = sorted((m.to[0], m.subject) for m in mail.outbox)
    assert subjects[2] == (
        "sara@example.org",
        "Questionnaire: Readiness for interprofessional learning (RIPLS)",
    )
    # Sara answers; Ella leaves the network; Piet does neither.
    round_ = Round.objects.get()
    answered(round_, sara, ripls_answers())
    Membership.objects.filter(user=ella).update(ended_at=timezone.now())
    time_machine.move_to(ams(2026, 3, 19, 7, 59), tick=False)
    dispatch()
    assert sent("evaluation_closing") == []
    time_machine.move_to(ams(2026, 3, 19, 8, 0), tick=False)
    dispatch()
    time_machine.move_to(ams(2026, 3, 20, 12, 0), tick=False)
    dispatch()
    assert sent("evaluation_closing") == ["piet@example.org"]


def test_a_person_who_switched_the_invitation_off_gets_none(net, time_machine):
    sara = join(net, email="sara@example.org", reminders_off=["evaluation_invitation"])
    _round(net, [sara])
    time_machine.move_to(ams(2026, 3, 2, 9, 0), tick=False)
    dispatch()
    assert sent("evaluation_invitation") == []


def test_a_newcomer_invited_later_gets_the_invitation_but_not_the_closing_reminder(
    net, time_machine
):
    sara = join(net, email="sara@example.org")
    round_ = _round(net, [sara])
    late = join(net, email="laat@example.org")
    RoundInvitee.objects.create(round=round_, user=late, invited_at=ams(2026, 3, 19, 12, 0))
    time_machine.move_to(ams(2026, 3, 2, 9, 0), tick=False)
    dispatch()
    time_machine.move_to(ams(2026, 3, 19, 8, 0), tick=False)
    dispatch()
    time_machine.move_to(ams(2026, 3, 19, 12, 1), tick=False)
    dispatch()
    assert sent("evaluation_invitation") == ["laat@example.org", "sara@example.org"]
    assert sent("evaluation_closing") == ["sara@example.org"]
