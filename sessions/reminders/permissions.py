"""Who may open a notification: the person it is for; everyone else gets 404."""

from django.http import Http404

from .models import Notification


def get_notification_for_recipient(user, pk: int) -> Notification:
    notification = (
        Notification.objects.select_related("network").filter(pk=pk, recipient_id=user.pk).first()
    )
    if notification is None:
        raise Http404
    return notification
