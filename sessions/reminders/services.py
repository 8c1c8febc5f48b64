"""Writes of the outbox that the feature apps call."""

from django.db import transaction


def reminders_send_soon() -> None:
    """Run the dispatcher right after the current transaction commits instead of at the
    next beat tick, for notices that should go out at once (a change, a cancellation).

    The notices themselves are delivery rows under a unique key, so calling this twice, or
    the beat finding the change first, sends nothing twice. Side effects: after commit, one
    dispatcher run is enqueued.
    """
    from .tasks import reminders_dispatch

    transaction.on_commit(reminders_dispatch.delay)
