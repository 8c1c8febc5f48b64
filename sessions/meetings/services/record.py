"""Writes for the method record: choosing the method, saving notes, roles, actions."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User

from .. import notices
from ..choices import MeetingRoleKind
from ..methods import FORMAT_METHODS, METHODS
from ..models import ActionKind, ActionStatus, Meeting, MeetingAction, MeetingRecord, MeetingRole

MAX_NOTE_LENGTH = 5000


def _record_for_update(meeting: Meeting, method_key: str) -> MeetingRecord:
    record, _created = MeetingRecord.objects.select_for_update().get_or_create(
        meeting=meeting, defaults={"method": method_key}
    )
    return record


@transaction.atomic
def meeting_record_method_set(*, meeting: Meeting, method_key: str, user: User) -> MeetingRecord:
    """Let the meeting follow ``method_key`` (one of its format's methods).

    Side effects: creates or updates the meeting's record; notes of other methods are kept.
    """
    if method_key not in FORMAT_METHODS.get(meeting.format, ()):
        raise ValidationError(_("That method does not belong to this meeting's format."))
    record = _record_for_update(meeting, method_key)
    record.method = method_key
    record.updated_by = user
    record.save(update_fields=["method", "updated_by", "updated_at"])
    return record


@transaction.atomic
def meeting_record_save(
    *, meeting: Meeting, method_key: str, notes: dict[str, str], user: User
) -> MeetingRecord:
    """Store the notes of ``method_key`` for the meeting.

    ``notes`` maps record field keys of the method to text; empty text removes the note.
    Side effects: creates or updates the record; the method becomes the meeting's method.
    Raises ValidationError for an unknown method or field, or a note that is too long.
    """
    if method_key not in FORMAT_METHODS.get(meeting.format, ()):
        raise ValidationError(_("That method does not belong to this meeting's format."))
    allowed = METHODS[method_key].field_keys
    unknown = set(notes) - allowed
    if unknown:
        raise ValidationError(_("The record has no field %(field)s.") % {"field": min(unknown)})
    cleaned = {}
    for key, text in notes.items():
        text = (text or "").strip()
        if len(text) > MAX_NOTE_LENGTH:
            raise ValidationError(
                _("A note may be at most %(max)s characters.") % {"max": MAX_NOTE_LENGTH}
            )
        if text:
            cleaned[key] = text
    record = _record_for_update(meeting, method_key)
    entries = dict(record.entries or {})
    entries[method_key] = cleaned
    record.entries = entries
    record.method = method_key
    record.updated_by = user
    record.save()
    return record


@transaction.atomic
def meeting_roles_assign(
    *,
    meeting: Meeting,
    facilitator: User | None,
    note_taker: User | None,
    case_bringer: User | None,
    presenters: list[User],
    allowed: set[int],
    by: User | None = None,
) -> None:
    """Give the meeting its facilitator, note-taker, case-bringer and presenters.

    ``allowed`` holds the ids of the people who may take a role (the network's members).
    Side effects: sets ``meeting.facilitator``; replaces the meeting's MeetingRole rows of
    those three kinds; whoever gets a role they did not have is told (not ``by``).
    """
    chosen = [p for p in (facilitator, note_taker, case_bringer, *presenters) if p is not None]
    if any(person.pk not in allowed for person in chosen):
        raise ValidationError(_("Only members of the network can take a role."))
    had_facilitator = meeting.facilitator_id
    meeting.facilitator = facilitator
    meeting.save(update_fields=["facilitator", "updated_at"])
    kinds = {
        MeetingRoleKind.NOTE_TAKER: [note_taker] if note_taker else [],
        MeetingRoleKind.CASE_BRINGER: [case_bringer] if case_bringer else [],
        MeetingRoleKind.PRESENTER: list(presenters),
    }
    roles = MeetingRole.objects.filter(meeting=meeting, kind__in=list(kinds))
    had = set(roles.values_list("user_id", "kind"))
    roles.delete()
    given = MeetingRole.objects.bulk_create(
        [
            MeetingRole(meeting=meeting, user=person, kind=kind)
            for kind, people in kinds.items()
            for person in {p.pk: p for p in people}.values()
        ]
    )
    if facilitator is not None and facilitator.pk != had_facilitator:
        notices.role_given(meeting=meeting, person=facilitator, role="facilitator", by=by)
    for role in given:
        if (role.user.pk, role.kind) not in had:
            notices.role_given(meeting=meeting, person=role.user, role=role.kind, by=by)


@transaction.atomic
def meeting_action_add(
    *,
    meeting: Meeting,
    text: str,
    kind: str = ActionKind.ACTION,
    owner: User | None = None,
    due_on: date | None = None,
    user: User,
) -> MeetingAction:
    """Record an action or advice agreed in ``meeting``.

    Side effects: one new open MeetingAction; it shows on the later meetings of the series
    until closed; its owner is told (unless they added it themself).
    """
    text = (text or "").strip()
    if not text:
        raise ValidationError(_("Say what was agreed."))
    if kind not in ActionKind.values:
        raise ValidationError(_("Choose action or advice."))
    action = MeetingAction.objects.create(
        meeting=meeting, text=text, kind=kind, owner=owner, due_on=due_on, created_by=user
    )
    notices.action_assigned(action=action, by=user)
    return action


@transaction.atomic
def meeting_action_status_set(*, action: MeetingAction, status: str, user: User) -> MeetingAction:
    """Close or reopen an action.

    Side effects: sets status, and closed_at/closed_by when closing (cleared on reopening).
    """
    if status not in ActionStatus.values:
        raise ValidationError(_("Choose open or closed."))
    action = MeetingAction.objects.select_for_update().get(pk=action.pk)
    if action.status == status:
        return action
    action.status = status
    if status == ActionStatus.CLOSED:
        action.closed_at = timezone.now()
        action.closed_by = user
    else:
        action.closed_at = None
        action.closed_by = None
    action.save(update_fields=["status", "closed_at", "closed_by"])
    return action
