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
from .registry import CUSTOM_PREFIX, custom_as_instrument, get_instrument

COVERS = (
    "evaluation.Round.created_by",
    "evaluation.RoundInvitee.user",
    "evaluation.Response.respondent",
    "evaluation.CustomInstrument.created_by",
)


class _Instruments:
    """The instruments of the person's rows, their own questionnaires read in one query."""

    def __init__(self, codes: set[str]):
        pks = [int(c.removeprefix(CUSTOM_PREFIX)) for c in codes if _is_custom(c)]
        self.custom = {
            custom.code: custom_as_instrument(custom)
            for custom in CustomInstrument.objects.filter(pk__in=pks)
        }

    def get(self, code: str):
        return self.custom.get(code) if _is_custom(code) else get_instrument(code)

    def title(self, code: str) -> str:
        instrument = self.get(code)
        return str(instrument.title) if instrument else code


def _is_custom(code: str) -> bool:
    return code.startswith(CUSTOM_PREFIX) and code.removeprefix(CUSTOM_PREFIX).isdigit()


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
    rounds = list(Round.objects.filter(created_by=user).select_related("network").order_by("pk"))
    customs = CustomInstrument.objects.filter(created_by=user).select_related("network")
    responses, invitations = list(responses), list(invitations)
    instruments = _Instruments(
        {r.instrument_code for r in responses}
        | {i.round.instrument_code for i in invitations}
        | {r.instrument_code for r in rounds}
    )
    return {
        "answers": [
            {
                "network": r.network.name,
                "questionnaire": instruments.title(r.instrument_code),
                "round": r.round.label if r.round_id else None,
                "meeting": r.meeting.title if r.meeting_id else None,
                "started_at": iso(r.started_at),
                "sent_at": iso(r.submitted_at),
                "answers": _answers(instruments.get(r.instrument_code), r.answers),
            }
            for r in responses
        ],
        "invitations": [
            {
                "network": i.round.network.name,
                "questionnaire": instruments.title(i.round.instrument_code),
                "round": i.round.label,
                "invited_at": iso(i.invited_at),
            }
            for i in invitations
        ],
        "rounds_made": [
            {
                "network": r.network.name,
                "questionnaire": instruments.title(r.instrument_code),
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
