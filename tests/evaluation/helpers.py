"""Helpers of the evaluation tests: rounds that are open, and people who answered them."""

import datetime as dt

from django.utils import timezone

from evaluation import instruments as inst
from evaluation.models import Response, Round, RoundInvitee
from networks.choices import Role
from tests.factories import member


def open_round(network, *, code=inst.RIPLS.code, wave=0, invite=(), days_open=14):
    """A round of ``network`` open today, with ``invite`` (users) invited."""
    today = timezone.localdate()
    round_ = Round.objects.create(
        network=network,
        instrument_code=code,
        wave=wave,
        opens_on=today - dt.timedelta(days=1),
        closes_on=today + dt.timedelta(days=days_open),
        opened_at=timezone.now() - dt.timedelta(days=1),
    )
    RoundInvitee.objects.bulk_create([RoundInvitee(round=round_, user=u) for u in invite])
    return round_


def ripls_answers(value: int = 4) -> dict:
    return {item.code: value for item in inst.RIPLS.items}


def answered(round_, user, answers, *, role=None):
    """A sent response of ``user`` to ``round_`` (invited too)."""
    RoundInvitee.objects.get_or_create(round=round_, user=user)
    return Response.objects.create(
        network=round_.network,
        round=round_,
        instrument_code=round_.instrument_code,
        respondent=user,
        role=role or Role.PROFESSIONAL,
        profession=user.profession,
        domain=user.domain,
        student_level=user.student_level,
        answers=answers,
        submitted_at=timezone.now(),
    )


def respondents(network, count, *, role=Role.PROFESSIONAL, **user_fields):
    """``count`` new members of ``network`` in ``role``."""
    return [member(network, role, **user_fields) for _ in range(count)]
