"""Reads of reminder deliveries: the log a coordinator sees for their network."""

from django.db.models import QuerySet

from .models import Delivery, DeliveryStatus

LOG_FILTERS = {
    "pending": [DeliveryStatus.PENDING, DeliveryStatus.SENDING],
    "sent": [DeliveryStatus.SENT],
    "failed": [DeliveryStatus.FAILED],
    "withdrawn": [DeliveryStatus.WITHDRAWN],
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
