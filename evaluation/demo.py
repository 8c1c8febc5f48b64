"""Demo data of evaluation (``seed_demo``): per demo network a RIPLS baseline (T0, closed)
and follow-up (T1, open now) with plausible answers from more people than the threshold —
the demo student has not answered T1 yet, so the demo shows a questionnaire to fill in — and
the one-minute evaluations of its past meetings by most of those present."""

from __future__ import annotations

import datetime as dt
import random

from networks.choices import Role
from networks.models import Membership

from . import instruments as inst
from .models import CustomInstrument, Response, Round, RoundInvitee

DEMO_STUDENT = "priya.ramdin"

# A coordinators' own questionnaire (not yet used in a round, so it can still be edited).
OWN_QUESTIONS = [
    {
        "code": "q1",
        "kind": "multiple",
        "text_nl": "Met wie heb je de afgelopen maand samengewerkt?",
        "text_en": "Whom did you work with in the past month?",
        "required": True,
        "options": [
            {"value": "o1", "nl": "Huisartsenpraktijk", "en": "GP practice"},
            {"value": "o2", "nl": "Wijkteam", "en": "District team"},
            {"value": "o3", "nl": "Welzijnswerk", "en": "Welfare work"},
        ],
    },
    {
        "code": "q2",
        "kind": "scale",
        "text_nl": "Ik weet wie ik in het andere domein kan bellen.",
        "text_en": "I know whom to call in the other domain.",
        "required": True,
        "options": [],
    },
    {
        "code": "q3",
        "kind": "text",
        "text_nl": "Wat zou de samenwerking makkelijker maken?",
        "text_en": "What would make working together easier?",
        "required": False,
        "options": [],
    },
]


def _likert(rng: random.Random, centre: float) -> int:
    return max(1, min(5, round(rng.gauss(centre, 0.8))))


def _ripls_answers(rng: random.Random, readiness: float) -> dict:
    answers = {}
    for item in inst.RIPLS.items:
        value = _likert(rng, readiness)
        answers[item.code] = 6 - value if item.reverse else value
    return answers


def _meeting_answers(rng: random.Random) -> dict:
    answers = {code: _likert(rng, 4.0) for code in ("me_useful", "me_other", "me_client")}
    if rng.random() < 0.4:
        answers["me_take"] = rng.choice(
            [
                "De vragen van de sociaal werker over de mantelzorger.",
                "Eerst samen het doel van de cliënt scherp krijgen.",
                "Korte lijnen met de huisartsenpraktijk.",
                "Hoe je een moreel dilemma stap voor stap bespreekt.",
            ]
        )
    return answers


def _response(network, *, code, membership, answers, at, round_=None, meeting=None):
    user = membership.user
    return Response(
        network=network,
        round=round_,
        meeting=meeting,
        instrument_code=code,
        respondent=user,
        role=membership.role,
        profession=user.profession or "",
        domain=user.domain or "",
        student_level=user.student_level or "",
        answers=answers,
        started_at=at,
        submitted_at=at,
    )


def seed_network(network, *, today: dt.date, now: dt.datetime, coordinator) -> int:
    """Rounds and answers of one network; nothing when it has rounds already."""
    if Round.objects.filter(network=network).exists():
        return 0
    rng = random.Random(f"evaluation:{network.slug}")
    memberships = list(
        Membership.objects.current()
        .filter(network=network)
        .exclude(role=Role.GUEST)
        .select_related("user")
        .order_by("pk")
    )
    baseline = Round.objects.create(
        network=network,
        instrument_code=inst.RIPLS.code,
        wave=0,
        opens_on=today - dt.timedelta(days=120),
        closes_on=today - dt.timedelta(days=100),
        opened_at=now - dt.timedelta(days=121),
        created_by=coordinator,
    )
    follow_up = Round.objects.create(
        network=network,
        instrument_code=inst.RIPLS.code,
        wave=1,
        opens_on=today - dt.timedelta(days=10),
        closes_on=today + dt.timedelta(days=14),
        opened_at=now - dt.timedelta(days=11),
        created_by=coordinator,
    )
    invitees, responses = [], []
    for membership in memberships:
        readiness = rng.uniform(3.2, 4.2)
        for round_, gain, share in ((baseline, 0.0, 0.9), (follow_up, 0.35, 0.75)):
            invitees.append(
                RoundInvitee(round=round_, user=membership.user, invited_at=round_.opened_at)
            )
            answers_it = rng.random() < share
            if round_ is follow_up and membership.user.email.startswith(DEMO_STUDENT):
                answers_it = False
            if answers_it:
                at = round_.opened_at + dt.timedelta(
                    days=rng.randint(1, 9), hours=rng.randint(0, 9)
                )
                responses.append(
                    _response(
                        network,
                        round_=round_,
                        code=inst.RIPLS.code,
                        membership=membership,
                        answers=_ripls_answers(rng, readiness + gain),
                        at=at,
                    )
                )
    RoundInvitee.objects.bulk_create(invitees)
    CustomInstrument.objects.create(
        network=network,
        title_nl="Samenwerking in de wijk",
        title_en="Collaboration in the neighbourhood",
        items=OWN_QUESTIONS,
        created_by=coordinator,
    )
    responses.extend(_meeting_responses(network, rng, now, {m.user_id: m for m in memberships}))
    Response.objects.bulk_create(responses)
    return len(responses)


def _meeting_responses(network, rng, now, memberships) -> list[Response]:
    from sessions.meetings.models import Attendance

    attendances = Attendance.objects.filter(
        meeting__network=network,
        meeting__ends_at__lt=now,
        status__in=("present", "late"),
    ).select_related("meeting")
    found = []
    for attendance in attendances.order_by("meeting__starts_at", "pk"):
        membership = memberships.get(attendance.user_id)
        if membership is None or rng.random() > 0.85:
            continue
        at = attendance.meeting.ends_at + dt.timedelta(hours=rng.randint(1, 40))
        found.append(
            _response(
                network,
                meeting=attendance.meeting,
                code=inst.MEETING_EVALUATION.code,
                membership=membership,
                answers=_meeting_answers(rng),
                at=min(at, now),
            )
        )
    return found


def seed_evaluation(ctx) -> None:
    """The seeder registered with ``networks.demo`` (after meetings, so past meetings and
    their attendance exist)."""
    total = 0
    for demo in ctx.networks:
        total += seed_network(
            demo.network, today=ctx.today, now=ctx.now, coordinator=demo.coordinator
        )
    ctx.record(Response, total)
