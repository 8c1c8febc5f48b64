"""Writes around reminders that other parts of the meetings app call."""

from django.db import transaction

from ..models import Meeting


def meeting_changed_notify(*, meeting: Meeting) -> None:
    """Announce a change of ``meeting`` now instead of at the next beat tick.

    Call it after bumping ``meeting.revision`` (or cancelling). The notice itself is keyed
    on (meeting, revision), so calling this twice, or the beat finding the change first,
    sends nothing twice. Side effects: after commit, one dispatcher run is enqueued.
    """
    from ..tasks import reminders_dispatch

    transaction.on_commit(reminders_dispatch.delay)
