"""Reads of the outbox: the log a coordinator sees for their network, and a person's
notifications."""

from django.db.models import QuerySet

from .models import Delivery, DeliveryStatus, Notification

LOG_FILTERS = {
    "pending": [DeliveryStatus.PENDING, DeliveryStatus.SENDING],
    "sent": [DeliveryStatus.SENT],
    "failed": [DeliveryStatus.FAILED],
    "withdrawn": [DeliveryStatus.WITHDRAWN],
    "shown": [DeliveryStatus.SHOWN],
}


def deliveries_of_network(network, status: str = "") -> QuerySet[Delivery]:
    qs = (
        Delivery.objects.filter(network=network)
        .select_related("recipient")
        .prefetch_related("target")
    )
    if status in LOG_FILTERS:
        qs = qs.filter(status__in=LOG_FILTERS[status])
    return qs.order_by("-due_at", "-pk")


def notifications_of(user) -> QuerySet[Notification]:
    """``user``'s notifications, newest first."""
    return (
        Notification.objects.filter(recipient_id=user.pk)
        .select_related("network")
        .order_by("-created_at", "-pk")
    )


def unread_count(user) -> int:
    """How many of ``user``'s notifications are unread: one query."""
    return Notification.objects.filter(recipient_id=user.pk, read_at__isnull=True).count()
