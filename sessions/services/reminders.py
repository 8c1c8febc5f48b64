"""Writes around reminders that other parts of the meetings app call."""

from django.db import transaction

from ..models import Meeting


def reminders_send_soon() -> None:
    """Run the dispatcher right after the current transaction commits instead of at the
    next beat tick, for notices that should go out at once (a change, a cancellation).

    The notices themselves are delivery rows under a unique key, so calling this twice, or
    the beat finding the change first, sends nothing twice. Side effects: after commit, one
    dispatcher run is enqueued.
    """
    from ..tasks import reminders_dispatch

    transaction.on_commit(reminders_dispatch.delay)


def meeting_changed_notify(*, meeting: Meeting) -> None:
    """Announce a change of ``meeting`` now instead of at the next beat tick.

    Call it after bumping ``meeting.revision`` (or cancelling). The notice itself is keyed
    on (meeting, revision). Side effects: see ``reminders_send_soon``.
    """
    reminders_send_soon()
