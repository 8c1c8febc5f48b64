"""Writes of evaluation: rounds (create, open, invite newcomers), answering a round or a
meeting's evaluation, the network's meeting-evaluation setting, and own questionnaires.

Every function is keyword-only and atomic, refuses bad input with a ``ValidationError`` in
the person's language, and changes nothing then.
"""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from networks.choices import Role
from networks.models import Membership, Network

from . import instruments as inst
from .instruments import Instrument
from .models import CustomInstrument, MeetingEvaluationSetting, Response, Round, RoundInvitee
from .registry import get_instrument

# A meeting's evaluation can be answered this long after the meeting ended.
MEETING_EVALUATION_DAYS = 7


# --- answers ------------------------------------------------------------------------------


def clean_answers(instrument: Instrument, raw: dict, *, complete: bool) -> dict:
    """The answers of ``raw`` (item code → value as posted) as stored: ints for ratings, a
    list for multiple choice, stripped text. Unknown codes are dropped. With ``complete``,
    every required item must be answered. Raises a ValidationError keyed by item code."""
    from lin_platform.privacy import validate_pseudonymised

    answers: dict = {}
    errors: dict[str, list] = {}
    for item in instrument.items:
        value = raw.get(item.code)
        if value in (None, "", [], ()):
            if complete and item.required:
                errors[item.code] = [ValidationError(_("Answer this question."), code="required")]
            continue
        if item.kind in inst.NUMERIC_KINDS:
            low, high = instrument.item_range(item)
            try:
                number = int(value)
            except (TypeError, ValueError):
                number = None
            if number is None or not low <= number <= high:
                errors[item.code] = [
                    ValidationError(
                        _("Choose a value from %(low)d to %(high)d.") % {"low": low, "high": high},
                        code="range",
                    )
                ]
                continue
            answers[item.code] = number
        elif item.kind == inst.SINGLE:
            allowed = {option for option, _label in item.options}
            if value not in allowed:
                errors[item.code] = [ValidationError(_("Choose one of the options."))]
                continue
            answers[item.code] = value
        elif item.kind == inst.MULTIPLE:
            values = [value] if isinstance(value, str) else list(value)
            allowed = [option for option, _label in item.options]
            if any(v not in allowed for v in values):
                errors[item.code] = [ValidationError(_("Choose one of the options."))]
                continue
            answers[item.code] = [v for v in allowed if v in values]
        else:
            text = str(value).strip()
            if len(text) > inst.TEXT_MAX_LENGTH:
                errors[item.code] = [
                    ValidationError(
                        _("Keep it to %(count)d characters.") % {"count": inst.TEXT_MAX_LENGTH}
                    )
                ]
                continue
            try:
                validate_pseudonymised(text)
            except ValidationError as error:
                errors[item.code] = error.error_list
                continue
            if text:
                answers[item.code] = text
    if errors:
        raise ValidationError(errors)
    return answers


def _snapshot(user: User, network: Network) -> dict:
    """Who the respondent is now, for figures by group (kept as it was when answering)."""
    membership = Membership.objects.current().filter(network=network, user=user).first()
    return {
        "role": membership.role if membership else "",
        "profession": user.profession or "",
        "domain": user.domain or "",
        "student_level": user.student_level or "",
    }


# --- rounds -------------------------------------------------------------------------------


def round_instrument(round_: Round) -> Instrument:
    instrument = get_instrument(round_.instrument_code, network=round_.network)
    if instrument is None:
        raise ValidationError(_("This questionnaire no longer exists."), code="no_instrument")
    return instrument


@transaction.atomic
def round_create(
    *,
    network: Network,
    instrument_code: str,
    wave: int,
    opens_on: dt.date,
    closes_on: dt.date,
    created_by: User,
    roles: list[str] | None = None,
    joined_from: dt.date | None = None,
    joined_until: dt.date | None = None,
) -> Round:
    """A round of ``instrument_code`` in ``network``, not yet open.

    A follow-up (wave 1, 2 …) needs the baseline (wave 0) of the same questionnaire.
    Side effects: one Round row.
    """
    instrument = get_instrument(instrument_code, network=network)
    if instrument is None or instrument.for_meetings:
        raise ValidationError({"instrument_code": _("Choose a questionnaire of the list.")})
    roles = list(roles or [])
    if any(role not in Role.values for role in roles):
        raise ValidationError({"roles": _("Choose roles of the list.")})
    if closes_on < opens_on:
        raise ValidationError({"closes_on": _("The round closes before it opens.")})
    if joined_from and joined_until and joined_until < joined_from:
        raise ValidationError({"joined_until": _("The period ends before it starts.")})
    rounds = Round.objects.filter(network=network, instrument_code=instrument_code)
    if rounds.filter(wave=wave).exists():
        raise ValidationError(
            {"wave": _("This network already has this measurement of this questionnaire.")}
        )
    if wave > 0 and not rounds.filter(wave=0).exists():
        raise ValidationError({"wave": _("Start with the baseline (T0) of this questionnaire.")})
    return Round.objects.create(
        network=network,
        instrument_code=instrument_code,
        wave=wave,
        roles=roles,
        joined_from=joined_from,
        joined_until=joined_until,
        opens_on=opens_on,
        closes_on=closes_on,
        created_by=created_by,
    )


def round_eligible_memberships(round_: Round, *, on: dt.date | None = None):
    """The current memberships the round invites: its roles (all when none are named), who
    joined within its period (when one is given)."""
    memberships = Membership.objects.current(on=on).filter(
        network=round_.network, user__is_active=True
    )
    if round_.roles:
        memberships = memberships.filter(role__in=round_.roles)
    if round_.joined_from:
        memberships = memberships.filter(starts_on__gte=round_.joined_from)
    if round_.joined_until:
        memberships = memberships.filter(starts_on__lte=round_.joined_until)
    return memberships


@transaction.atomic
def round_open(*, round_: Round, opened_by: User, now: dt.datetime | None = None) -> int:
    """Open the round: invite everyone it names (their invitation goes out through the
    outbox when the round's first day comes). Refused when no one would be invited, when
    already opened, or when its closing date has passed.

    Side effects: RoundInvitee rows, ``opened_at`` set; a dispatcher run after commit.
    Returns the number invited.
    """
    from sessions.reminders.services import reminders_send_soon

    now = now or timezone.now()
    round_ = Round.objects.select_for_update().get(pk=round_.pk)
    if round_.opened_at is not None:
        raise ValidationError(_("This round is open already."), code="opened")
    if round_.is_closed(now):
        raise ValidationError(_("The closing date of this round has passed."), code="closed")
    round_instrument(round_)
    user_ids = sorted(set(round_eligible_memberships(round_).values_list("user_id", flat=True)))
    if not user_ids:
        raise ValidationError(
            _("No one would be invited: choose other roles or another period."),
            code="no_invitees",
        )
    RoundInvitee.objects.bulk_create(
        [RoundInvitee(round=round_, user_id=pk, invited_at=now) for pk in user_ids]
    )
    round_.opened_at = now
    round_.save(update_fields=["opened_at"])
    reminders_send_soon()
    return len(user_ids)


def round_invite_newcomer(*, membership: Membership, now: dt.datetime | None = None) -> int:
    """Invite a person who just joined to the network's baseline rounds that are open and
    name them (role, period). Called inside the membership's transaction. Side effects:
    RoundInvitee rows. Returns how many."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    invited = 0
    rounds = Round.objects.filter(
        network_id=membership.network_id,
        wave=0,
        opened_at__isnull=False,
        closes_on__gte=today,
    )
    for round_ in rounds:
        if round_.is_closed(now):
            continue
        if not round_eligible_memberships(round_).filter(pk=membership.pk).exists():
            continue
        _invitee, created = RoundInvitee.objects.get_or_create(
            round=round_, user_id=membership.user_id, defaults={"invited_at": now}
        )
        invited += int(created)
    return invited


def on_network_event(event: str, obj) -> None:
    """The listener ``networks.outbox`` calls: a person joined (``membership_started``)."""
    if event == "membership_started":
        round_invite_newcomer(membership=obj)


def answer_problem(round_: Round, user: User, *, now: dt.datetime | None = None) -> str | None:
    """Why ``user`` cannot answer ``round_`` now, in their language, or None."""
    now = now or timezone.now()
    if not RoundInvitee.objects.filter(round=round_, user=user).exists():
        return _("You were not invited to this questionnaire.")
    if round_.opened_at is None or now < round_.opens_at:
        return _("This questionnaire is not open yet.")
    if round_.is_closed(now):
        return _("This questionnaire closed on %(date)s.") % {
            "date": round_.closes_on.strftime("%d-%m-%Y")
        }
    if Response.objects.filter(round=round_, respondent=user, submitted_at__isnull=False).exists():
        return _("You have sent your answers already. Thank you!")
    return None


@transaction.atomic
def response_save(
    *,
    round_: Round,
    user: User,
    answers: dict,
    submit: bool,
    now: dt.datetime | None = None,
) -> Response:
    """Save ``user``'s answers to ``round_``; with ``submit``, send them (every required
    question answered). Refused after the round closed, once sent, or when not invited.

    Side effects: the person's Response row created or updated.
    """
    now = now or timezone.now()
    round_ = Round.objects.select_for_update().get(pk=round_.pk)
    problem = answer_problem(round_, user, now=now)
    if problem:
        raise ValidationError(problem, code="cannot_answer")
    instrument = round_instrument(round_)
    cleaned = clean_answers(instrument, answers, complete=submit)
    response = Response.objects.filter(round=round_, respondent=user).first()
    if response is None:
        response = Response(
            network=round_.network,
            round=round_,
            instrument_code=round_.instrument_code,
            respondent=user,
            started_at=now,
        )
    response.answers = cleaned
    for key, value in _snapshot(user, round_.network).items():
        setattr(response, key, value)
    if submit:
        response.submitted_at = now
    response.save()
    return response


# --- meeting evaluations --------------------------------------------------------------------


def meeting_evaluation_setting(network: Network) -> MeetingEvaluationSetting:
    """The network's setting (unsaved default when it has none)."""
    setting = MeetingEvaluationSetting.objects.filter(network=network).first()
    return setting or MeetingEvaluationSetting(network=network)


@transaction.atomic
def meeting_evaluation_configure(
    *, network: Network, enabled: bool, instrument_code: str
) -> MeetingEvaluationSetting:
    """Switch meeting evaluations on or off for ``network`` and choose the instrument.
    Side effects: the network's MeetingEvaluationSetting row."""
    instrument = inst.builtin(instrument_code)
    if instrument is None or not instrument.for_meetings:
        raise ValidationError({"instrument_code": _("Choose a questionnaire of the list.")})
    setting, _created = MeetingEvaluationSetting.objects.update_or_create(
        network=network, defaults={"enabled": enabled, "instrument_code": instrument_code}
    )
    return setting


def meeting_evaluation_window(meeting, now: dt.datetime) -> bool:
    return meeting.ends_at <= now < meeting.ends_at + dt.timedelta(days=MEETING_EVALUATION_DAYS)


def meeting_answer_problem(meeting, user: User, *, now: dt.datetime | None = None) -> str | None:
    """Why ``user`` cannot evaluate ``meeting`` now, or None."""
    from sessions.meetings.models import Attendance

    now = now or timezone.now()
    setting = meeting_evaluation_setting(meeting.network)
    if not setting.enabled or meeting.is_cancelled:
        return _("This meeting is not evaluated.")
    if not Attendance.objects.filter(
        meeting=meeting, user=user, status__in=("present", "late")
    ).exists():
        return _("Only those marked present evaluate a meeting.")
    if now < meeting.ends_at:
        return _("The evaluation opens when the meeting ends.")
    if not meeting_evaluation_window(meeting, now):
        return _("The evaluation of this meeting closed seven days after it.")
    if Response.objects.filter(meeting=meeting, respondent=user).exists():
        return _("You have sent your answers already. Thank you!")
    return None


@transaction.atomic
def meeting_response_save(
    *, meeting, user: User, answers: dict, now: dt.datetime | None = None
) -> Response:
    """Send ``user``'s evaluation of ``meeting``. Side effects: one Response row."""
    now = now or timezone.now()
    problem = meeting_answer_problem(meeting, user, now=now)
    if problem:
        raise ValidationError(problem, code="cannot_answer")
    setting = meeting_evaluation_setting(meeting.network)
    instrument = inst.builtin(setting.instrument_code) or inst.MEETING_EVALUATION
    cleaned = clean_answers(instrument, answers, complete=True)
    try:
        with transaction.atomic():
            return Response.objects.create(
                network=meeting.network,
                meeting=meeting,
                instrument_code=instrument.code,
                respondent=user,
                answers=cleaned,
                started_at=now,
                submitted_at=now,
                **_snapshot(user, meeting.network),
            )
    except IntegrityError:
        raise ValidationError(_("You have sent your answers already. Thank you!")) from None


# --- own questionnaires ------------------------------------------------------------------------


def custom_instrument_is_frozen(custom: CustomInstrument) -> bool:
    return Response.objects.filter(network=custom.network, instrument_code=custom.code).exists()


def _check_items(items: list[dict]) -> None:
    if not items:
        raise ValidationError(_("Add at least one question."))
    for item in items:
        if item.get("kind") not in inst.KINDS:
            raise ValidationError(_("Choose a kind of question of the list."))
        if not (item.get("text_nl") or "").strip() or not (item.get("text_en") or "").strip():
            raise ValidationError(_("Every question needs its Dutch and English wording."))
        if item["kind"] in (inst.SINGLE, inst.MULTIPLE) and len(item.get("options", [])) < 2:
            raise ValidationError(_("A choice question needs at least two options."))


@transaction.atomic
def custom_instrument_create(
    *, network: Network, title_nl: str, title_en: str, items: list[dict], created_by: User
) -> CustomInstrument:
    """A network's own questionnaire. Side effects: one CustomInstrument row."""
    _check_items(items)
    return CustomInstrument.objects.create(
        network=network, title_nl=title_nl, title_en=title_en, items=items, created_by=created_by
    )


@transaction.atomic
def custom_instrument_update(
    *, custom: CustomInstrument, title_nl: str, title_en: str, items: list[dict]
) -> CustomInstrument:
    """Change an own questionnaire; refused once it has answers (make a new one instead).
    Side effects: the CustomInstrument row."""
    custom = CustomInstrument.objects.select_for_update().get(pk=custom.pk)
    if custom_instrument_is_frozen(custom):
        raise ValidationError(
            _(
                "This questionnaire has answers and can no longer change: make a new "
                "questionnaire (a new version) instead."
            ),
            code="frozen",
        )
    _check_items(items)
    custom.title_nl, custom.title_en, custom.items = title_nl, title_en, items
    custom.save()
    return custom
