"""The moves of a shadowing day, in one table, and the one locked function that makes them.

``TRANSITIONS[(status, action)]`` says where the day goes, who may move it (the shadower,
the host or either of them), which time stamps are set, and whether the other person is told
at once (the notices themselves are reminder kinds; here the dispatcher is only woken up).
A move that is not in the table from the day's *current* status changes nothing and says
so, in the language of the person who asked: a double-clicked accept or a stale page is
harmless.
"""

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from sessions.reminders.services import reminders_send_soon

from .choices import CLOSED_STATUSES, ShadowingStatus
from .models import ShadowingDay


class Action(StrEnum):
    ACCEPT = "accept"
    DECLINE = "decline"
    REFLECT = "reflect"
    CONFIRM = "confirm"
    CANCEL = "cancel"


class Party(StrEnum):
    SHADOWER = "shadower"
    HOST = "host"
    EITHER = "either"


@dataclass(frozen=True)
class Transition:
    to: str
    who: Party
    stamps: tuple[str, ...] = ()
    # Wake the dispatcher after commit: the other person gets a notice now.
    notify: bool = False
    # Only before the day starts (a planned day is not cancelled once it has begun).
    before_start: bool = False
    # Only once the day's date has come (a reflection is written afterwards).
    after_date: bool = False


S = ShadowingStatus

TRANSITIONS: dict[tuple[str, Action], Transition] = {
    (S.REQUESTED, Action.ACCEPT): Transition(S.PLANNED, Party.HOST, ("accepted_at",)),
    (S.REQUESTED, Action.DECLINE): Transition(S.DECLINED, Party.HOST, ("declined_at",)),
    (S.PLANNED, Action.DECLINE): Transition(S.DECLINED, Party.HOST, ("declined_at",)),
    (S.DONE, Action.DECLINE): Transition(S.DECLINED, Party.HOST, ("declined_at",)),
    (S.PLANNED, Action.REFLECT): Transition(
        S.DONE, Party.SHADOWER, ("reflection_written_at",), after_date=True
    ),
    # Improving a reflection keeps the status (a confirmed day stays confirmed).
    (S.DONE, Action.REFLECT): Transition(
        S.DONE, Party.SHADOWER, ("reflection_written_at",), after_date=True
    ),
    (S.CONFIRMED, Action.REFLECT): Transition(
        S.CONFIRMED, Party.SHADOWER, ("reflection_written_at",), after_date=True
    ),
    (S.DONE, Action.CONFIRM): Transition(S.CONFIRMED, Party.HOST, ("confirmed_at",)),
    # The shadower withdraws a request at any time: it was never agreed.
    (S.REQUESTED, Action.CANCEL): Transition(
        S.CANCELLED, Party.SHADOWER, ("cancelled_at",), notify=True
    ),
    (S.PLANNED, Action.CANCEL): Transition(
        S.CANCELLED, Party.EITHER, ("cancelled_at",), notify=True, before_start=True
    ),
}


def _is_party(who: Party, day: ShadowingDay, user) -> bool:
    if who == Party.SHADOWER:
        return user.pk == day.shadower_id
    if who == Party.HOST:
        return user.pk == day.host_id
    return user.pk in (day.shadower_id, day.host_id)


def parties_of(action: Action) -> set[Party]:
    return {t.who for (_status, a), t in TRANSITIONS.items() if a == action}


def takes_part(day: ShadowingDay, user, action: Action) -> bool:
    """Whether ``user`` is, for some status, the person who makes ``action`` on ``day``."""
    return any(_is_party(who, day, user) for who in parties_of(action))


def allowed(day: ShadowingDay, user, action: Action, now=None) -> bool:
    """Whether ``user`` may make ``action`` on ``day`` as it is now: a pure reading of the
    table (no query)."""
    if not getattr(user, "is_authenticated", False):
        return False
    move = TRANSITIONS.get((day.status, action))
    if move is None or not _is_party(move.who, day, user):
        return False
    if move.before_start and day.has_started(now):
        return False
    return not (move.after_date and day.date > timezone.localdate())


def _refusal(locked: ShadowingDay, action: Action, by) -> str:
    status = locked.get_status_display().lower()
    if action == Action.ACCEPT:
        return _("Only a request can be accepted; this day is %(status)s.") % {"status": status}
    if action == Action.DECLINE:
        return _("This day can no longer be declined.")
    if action == Action.CONFIRM:
        return _("A day can be confirmed once it has passed and its reflection is written.")
    if action == Action.REFLECT:
        move = TRANSITIONS.get((locked.status, action))
        if move is not None and move.after_date:
            return _("This day lies in the future; write the reflection after %(date)s.") % {
                "date": locked.date.strftime("%d-%m-%Y")
            }
        return _("A reflection is written on a planned day, after it took place.")
    # Cancel.
    if by.pk == locked.host_id and locked.status == ShadowingStatus.REQUESTED:
        return _("A request you have not accepted is declined, not cancelled.")
    if locked.status in CLOSED_STATUSES:
        return _("This day is already %(status)s.") % {"status": status}
    return _(
        "This day has started or taken place, so it can no longer be cancelled. If it "
        "did not take place, the host can decline it."
    )


@transaction.atomic
def shadowing_day_transition(
    *,
    day: ShadowingDay,
    action: Action,
    by,
    check: Callable[[ShadowingDay], None] | None = None,
    **fields,
) -> ShadowingDay:
    """Make ``action`` on ``day`` for ``by``: the one way a day changes status.

    Re-reads the day under a row lock, checks the move is in the table from its current
    status and is ``by``'s to make (``PermissionDenied`` for someone who never makes this
    move on this day, ``ValidationError`` with a message otherwise; nothing changes then),
    runs ``check`` on the locked day, sets ``fields`` and the move's stamps, saves, and
    wakes the dispatcher when the move is notified.
    """
    if not takes_part(day, by, action):
        raise PermissionDenied
    locked = ShadowingDay.objects.select_for_update().get(pk=day.pk)
    if not allowed(locked, by, action):
        raise ValidationError(_refusal(locked, action, by))
    if check is not None:
        check(locked)
    move = TRANSITIONS[(locked.status, action)]
    now = timezone.now()
    for name, value in fields.items():
        setattr(locked, name, value)
    for stamp in move.stamps:
        setattr(locked, stamp, now)
    locked.status = move.to
    locked.save(update_fields=["status", *move.stamps, *fields, "updated_at"])
    if move.notify:
        reminders_send_soon()
    return locked


__all__ = ["TRANSITIONS", "Action", "Party", "Transition", "allowed", "shadowing_day_transition"]
