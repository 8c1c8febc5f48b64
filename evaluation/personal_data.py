"""Evaluation's part of a person's personal data: their own answers to questionnaires and
meeting evaluations, the rounds they were invited to, and the rounds and questionnaires they
made as coordinator.

Registered with ``accounts.personal_data`` from ``EvaluationConfig.ready()``. The export
holds the person's own answers only (with the question each answers), never anyone else's.

Erasure **cuts the link** rather than deleting: sent answers stay, without the person
(``Response.respondent`` → NULL, their role, profession, domain and level as they were when
answering), and their invitations stay without the person (``RoundInvitee.user`` → NULL).
So the figures a network already reported (means per group, response rates, the groups that
are shown or hidden under the threshold) stay what they were, and nothing about them can be
recognised any more: the answers carry no name, and the export's respondent code of an
unlinked answer is empty. Such answers are no longer paired in a baseline/follow-up change.
Drafts that were never sent are deleted (they are in no figure).
"""

from django.utils.translation import gettext_lazy

from accounts.personal_data import iso, register

from .models import CustomInstrument, Response, Round, RoundInvitee
from .registry import get_instrument

COVERS = (
    "evaluation.Round.created_by",
    "evaluation.RoundInvitee.user",
    "evaluation.Response.respondent",
    "evaluation.CustomInstrument.created_by",
)


def _title(code, network) -> str:
    instrument = get_instrument(code, network=network)
    return str(instrument.title) if instrument else code


def _answers(instrument, answers: dict) -> list[dict]:
    if instrument is None:
        return [{"code": code, "answer": value} for code, value in answers.items()]
    return [
        {"code": item.code, "question": str(item.text), "answer": answers[item.code]}
        for item in instrument.items
        if item.code in answers
    ]


def export(user) -> dict:
    responses = (
        Response.objects.filter(respondent=user)
        .select_related("network", "round", "meeting")
        .order_by("started_at", "pk")
    )
    invitations = (
        RoundInvitee.objects.filter(user=user)
        .select_related("round__network")
        .order_by("invited_at", "pk")
    )
    rounds = Round.objects.filter(created_by=user).select_related("network").order_by("pk")
    customs = CustomInstrument.objects.filter(created_by=user).select_related("network")
    return {
        "answers": [
            {
                "network": r.network.name,
                "questionnaire": _title(r.instrument_code, r.network),
                "round": r.round.label if r.round_id else None,
                "meeting": r.meeting.title if r.meeting_id else None,
                "started_at": iso(r.started_at),
                "sent_at": iso(r.submitted_at),
                "answers": _answers(
                    get_instrument(r.instrument_code, network=r.network), r.answers
                ),
            }
            for r in responses
        ],
        "invitations": [
            {
                "network": i.round.network.name,
                "questionnaire": _title(i.round.instrument_code, i.round.network),
                "round": i.round.label,
                "invited_at": iso(i.invited_at),
            }
            for i in invitations
        ],
        "rounds_made": [
            {
                "network": r.network.name,
                "questionnaire": _title(r.instrument_code, r.network),
                "round": r.label,
            }
            for r in rounds
        ],
        "questionnaires_made": [{"network": c.network.name, "title": c.title_nl} for c in customs],
    }


def erase(user, *, by=None) -> None:
    Response.objects.filter(respondent=user, submitted_at__isnull=True).delete()
    Response.objects.filter(respondent=user).update(respondent=None)
    RoundInvitee.objects.filter(user=user).update(user=None)


def register_section() -> None:
    register(
        "evaluation",
        title=gettext_lazy("Questionnaires"),
        kept=gettext_lazy(
            "Your answers to the network's questionnaires and meeting evaluations, the "
            "rounds you were invited to, and the rounds and questionnaires you made."
        ),
        on_erase=gettext_lazy(
            "Your sent answers stay in the network's figures, but no longer linked to you: "
            "no one can tell they were yours. Answers you saved but never sent are deleted."
        ),
        export=export,
        erase=erase,
        covers=COVERS,
    )
