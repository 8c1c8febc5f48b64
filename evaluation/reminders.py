"""The outbox kinds of evaluation, registered from ``EvaluationConfig.ready()``:

- **questionnaire invitation**: when a round opens (its first day, once a coordinator
  opened it), to each invitee who is still a current member, has not sent their answers and
  has not switched the kind off; a newcomer invited while the baseline is open gets it too;
- **questionnaire closing**: one reminder at 08:00 Amsterdam time two days before the last
  day, to invitees who have not sent their answers;
- **meeting evaluation**: when a meeting ends, to those marked present (or late), while the
  network has meeting evaluations on, for the seven days the evaluation is open.

Each asks the database only; a person who left the network gets nothing more. The mails
name the questionnaire and link to it; never an answer.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.urls import reverse
from django.utils.functional import lazy
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop

from networks.models import Membership
from sessions.reminders.kinds import AMSTERDAM, Due, Kind

from .models import MeetingEvaluationSetting, Response, Round, RoundInvitee
from .registry import get_instrument
from .services import MEETING_EVALUATION_DAYS

# The first run after a round opens sends its invitations; a dispatcher that was down longer
# than this sends none of the backlog.
WINDOW = dt.timedelta(days=7)


def _current(pairs: set[tuple[int, int]], now) -> set[tuple[int, int]]:
    if not pairs:
        return set()
    today = now.astimezone(AMSTERDAM).date()
    rows = (
        Membership.objects.current(on=today)
        .filter(network_id__in={n for n, _u in pairs}, user_id__in={u for _n, u in pairs})
        .values_list("network_id", "user_id")
    )
    return set(rows) & pairs


class RoundKind(Kind):
    model = "evaluation.Round"

    def moment(self, round_: Round) -> dt.datetime:
        raise NotImplementedError

    def due(self, now, *, network_ids=None, recipient_ids=None, object_ids=None):
        today = now.astimezone(AMSTERDAM).date()
        rounds = Round.objects.filter(
            opened_at__isnull=False, opens_on__lte=today, closes_on__gte=today
        )
        if object_ids is not None:
            rounds = rounds.filter(pk__in=object_ids)
        if network_ids is not None:
            rounds = rounds.filter(network_id__in=network_ids)
        rounds = {r.pk: r for r in rounds if self.moment(r) <= now}
        if not rounds:
            return []
        invitees = RoundInvitee.objects.filter(
            round_id__in=list(rounds), user__isnull=False, user__is_active=True
        ).select_related("user")
        if recipient_ids is not None:
            invitees = invitees.filter(user_id__in=recipient_ids)
        invitees = [i for i in invitees if i.user.wants_reminder(self.code)]
        sent = set(
            Response.objects.filter(
                round_id__in=list(rounds), submitted_at__isnull=False
            ).values_list("round_id", "respondent_id")
        )
        members = _current({(rounds[i.round_id].network_id, i.user_id) for i in invitees}, now)
        dues = []
        for invitee in invitees:
            round_ = rounds[invitee.round_id]
            if (round_.pk, invitee.user_id) in sent:
                continue
            if (round_.network_id, invitee.user_id) not in members:
                continue
            due_at = self.due_at(round_, invitee)
            if due_at is None or not due_at <= now < due_at + WINDOW:
                continue
            dues.append(
                Due(
                    self.code,
                    f"evaluation-round:{round_.pk}:{self.code}",
                    invitee.user_id,
                    0,
                    due_at,
                    round_.network_id,
                    object_id=round_.pk,
                )
            )
        return dues

    def due_at(self, round_: Round, invitee: RoundInvitee) -> dt.datetime | None:
        """When this invitee's mail is due (a newcomer's invitation: when invited), or None
        for no mail."""
        return max(self.moment(round_), invitee.invited_at)

    def target_queryset(self):
        return Round.objects.select_related("network")

    def context(self, delivery, now):
        round_ = delivery.target
        if round_ is None:
            return {}

        def title() -> str:
            # Resolved when the mail is rendered, in the recipient's language.
            instrument = get_instrument(round_.instrument_code, network=round_.network)
            return str(instrument.title) if instrument else ""

        return {
            "round": round_,
            "instrument_title": lazy(title, str)(),
            "answer_url": settings.SITE_URL
            + reverse("evaluation:answer", args=[round_.network.slug, round_.pk]),
        }

    def withdraw_reason(self, delivery):
        return gettext_noop(
            "No longer due: the answers were sent, the round closed, or the person left the "
            "network or switched this mail off."
        )


class QuestionnaireInvitation(RoundKind):
    code = "evaluation_invitation"
    label = _("An invitation to fill in a questionnaire of my network")
    template = "evaluation/email/invitation"
    order = 120

    def moment(self, round_):
        return max(round_.opens_at, round_.opened_at)


class QuestionnaireClosing(RoundKind):
    code = "evaluation_closing"
    label = _("A reminder two days before a questionnaire closes")
    template = "evaluation/email/closing"
    order = 121

    def moment(self, round_):
        day = max(round_.closes_on - dt.timedelta(days=1), round_.opens_on)
        return max(dt.datetime.combine(day, dt.time(8, 0), tzinfo=AMSTERDAM), round_.opened_at)

    def due_at(self, round_, invitee):
        """Not to a newcomer invited after this moment: their invitation just went out."""
        moment = self.moment(round_)
        return moment if invitee.invited_at <= moment else None


class MeetingEvaluationInvitation(Kind):
    code = "meeting_evaluation"
    label = _("A one-minute evaluation after a meeting I attended")
    template = "evaluation/email/meeting_evaluation"
    model = "meetings.Meeting"
    order = 122

    def due(self, now, *, network_ids=None, recipient_ids=None, object_ids=None):
        from sessions.meetings.models import Attendance

        window = dt.timedelta(days=MEETING_EVALUATION_DAYS)
        attendances = Attendance.objects.filter(
            status__in=("present", "late"),
            meeting__ends_at__lte=now,
            meeting__ends_at__gt=now - window,
            user__is_active=True,
        ).exclude(meeting__status="cancelled")
        off = MeetingEvaluationSetting.objects.filter(enabled=False).values("network_id")
        attendances = attendances.exclude(meeting__network_id__in=off)
        if object_ids is not None:
            attendances = attendances.filter(meeting_id__in=object_ids)
        if network_ids is not None:
            attendances = attendances.filter(meeting__network_id__in=network_ids)
        if recipient_ids is not None:
            attendances = attendances.filter(user_id__in=recipient_ids)
        attendances = list(attendances.select_related("user", "meeting"))
        answered = set(
            Response.objects.filter(meeting_id__in={a.meeting_id for a in attendances}).values_list(
                "meeting_id", "respondent_id"
            )
        )
        wanted = [
            a
            for a in attendances
            if (a.meeting_id, a.user_id) not in answered and a.user.wants_reminder(self.code)
        ]
        members = _current({(a.meeting.network_id, a.user_id) for a in wanted}, now)
        return [
            Due(
                self.code,
                f"meeting-evaluation:{a.meeting_id}",
                a.user_id,
                0,
                a.meeting.ends_at,
                a.meeting.network_id,
                object_id=a.meeting_id,
            )
            for a in wanted
            if (a.meeting.network_id, a.user_id) in members
        ]

    def target_queryset(self):
        from sessions.meetings.models import Meeting

        return Meeting.objects.select_related("network")

    def context(self, delivery, now):
        meeting = delivery.target
        if meeting is None:
            return {}
        return {
            "meeting": meeting,
            "answer_url": settings.SITE_URL
            + reverse("evaluation:meeting_answer", args=[meeting.network.slug, meeting.pk]),
        }

    def withdraw_reason(self, delivery):
        return gettext_noop(
            "No longer due: the evaluation was sent or closed, meeting evaluations were "
            "switched off, or the person left the network or switched this mail off."
        )


KINDS = (QuestionnaireInvitation, QuestionnaireClosing, MeetingEvaluationInvitation)
