"""Writes of the outbox that the feature apps call."""

from django.db import transaction
from django.utils import timezone


def reminders_send_soon() -> None:
    """Run the dispatcher right after the current transaction commits instead of at the
    next beat tick, for notices that should go out at once (a change, a cancellation).

    The notices themselves are delivery rows under a unique key, so calling this twice, or
    the beat finding the change first, sends nothing twice. Side effects: after commit, one
    dispatcher run is enqueued.
    """
    from .tasks import reminders_dispatch

    transaction.on_commit(reminders_dispatch.delay)


def _content_type_of(target):
    from django.contrib.contenttypes.models import ContentType

    return ContentType.objects.get_for_model(type(target)) if target is not None else None


def _in_event_transaction() -> None:
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError(
            "notify() writes its rows in the event's transaction: call it inside one."
        )


def _told(recipient, by) -> bool:
    """Whether ``recipient`` is someone to tell: an active account, not the one who acted."""
    return (
        recipient is not None
        and recipient.is_active
        and not (by is not None and getattr(by, "pk", None) == recipient.pk)
    )


def notify_platform(*, kind: str, recipient, network, key: str, target=None, by=None) -> bool:
    """Put a notice of ``kind`` in ``recipient``'s notification centre, when they want this
    kind in the platform. Call it inside the event's transaction: a rolled-back event leaves
    no notice. Once per (kind, key, recipient): a repeated event adds nothing.

    Side effects: at most one Notification row. Returns whether one is wanted.
    """
    from .channels import PLATFORM, wants
    from .models import Notification

    _in_event_transaction()
    if not _told(recipient, by) or not wants(recipient, kind, PLATFORM):
        return False
    Notification.objects.bulk_create(
        [
            Notification(
                recipient=recipient,
                kind=kind,
                object_key=key,
                network=network,
                content_type=_content_type_of(target),
                object_id=target.pk if target is not None else None,
                created_at=timezone.now(),
            )
        ],
        ignore_conflicts=True,
    )
    return True


def notify_mail(
    *, kind: str, recipient, network, key: str, target=None, by=None, due_at=None
) -> bool:
    """Queue the mail of ``kind`` to ``recipient`` (a delivery row, sent by the dispatcher;
    right after commit unless ``due_at`` lies ahead), when they want this kind by mail. Call
    it inside the event's transaction. Once per (kind, key, recipient): a second row under
    the same key is not made, so several events of one day can share one mail.

    Side effects: at most one Delivery row; after commit, a dispatcher run.
    """
    from .channels import MAIL, wants
    from .dispatcher import record
    from .kinds import Due

    _in_event_transaction()
    if not _told(recipient, by) or not wants(recipient, kind, MAIL):
        return False
    now = timezone.now()
    due_at = due_at or now
    record(
        [
            Due(
                kind,
                key,
                recipient.pk,
                0,
                due_at,
                network.pk,
                object_id=target.pk if target is not None else None,
            )
        ]
    )
    if due_at <= now:
        reminders_send_soon()
    return True


def notify(*, kind: str, recipient, network, key: str, target=None, by=None) -> None:
    """Tell ``recipient`` of an event by the channels they chose for ``kind`` (both by
    default): a notification in the platform and a mail. Nothing for the person who acted
    (``by``), for an inactive account, or when the kind is switched off.

    Must be called inside the event's transaction (``RuntimeError`` otherwise), so nothing
    is told of an event that rolled back. Side effects: see ``notify_platform`` and
    ``notify_mail``.
    """
    notify_platform(kind=kind, recipient=recipient, network=network, key=key, target=target, by=by)
    notify_mail(kind=kind, recipient=recipient, network=network, key=key, target=target, by=by)


def notification_open(*, notification) -> None:
    """Mark one notification read (once: the first moment stays). Side effects: read_at."""
    from .models import Notification

    if notification.read_at is None:
        now = timezone.now()
        Notification.objects.filter(pk=notification.pk, read_at__isnull=True).update(read_at=now)
        notification.read_at = now


def notifications_mark_all_read(*, user) -> int:
    """Mark every unread notification of ``user`` read; returns how many. Side effects:
    read_at on those rows."""
    from .models import Notification

    return Notification.objects.filter(recipient=user, read_at__isnull=True).update(
        read_at=timezone.now()
    )
