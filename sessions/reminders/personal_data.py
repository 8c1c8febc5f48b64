"""The outbox's part of a person's personal data: which mails and notices were sent to them
and when (not the mails themselves), their notifications (kind, when, read or not), and
which kinds they switched off (stored on their account row, ``User.reminders_off``; this app
knows the kinds and their labels).

Registered with ``accounts.personal_data`` from ``RemindersConfig.ready()``.
"""

from django.utils.translation import gettext_lazy, gettext_noop

from accounts.personal_data import choice, iso, register

from .channels import CHANNELS
from .kinds import kind_choices
from .models import Delivery, DeliveryStatus, Notification

COVERS = ("reminders.Delivery.recipient", "reminders.Notification.recipient")

# Stored untranslated, shown translated in the reminder log (like the dispatcher's reasons).
WITHDRAWN_REASON = gettext_noop("The person's personal data was erased.")


def _switched_off(entry: str, kinds) -> dict:
    code, _sep, channel = entry.partition("@")
    item = choice(code, kinds)
    if channel in CHANNELS:
        item["only_this_way_off"] = channel
    return item


def export(user) -> dict:
    deliveries = Delivery.objects.filter(recipient=user).order_by("due_at", "pk")
    notifications = Notification.objects.filter(recipient=user).order_by("created_at", "pk")
    kinds = kind_choices(switchable_only=False)
    return {
        "switched_off": [_switched_off(entry, kinds) for entry in user.reminders_off or []],
        # The items of the notification centre: what kind, when, and whether read.
        "notifications": [
            {
                "kind": choice(n.kind, kinds),
                "created_at": iso(n.created_at),
                "read_at": iso(n.read_at),
            }
            for n in notifications
        ],
        # What was sent when; not the mails themselves.
        "reminders_sent_to_you": [
            {
                "kind": choice(d.kind, kinds),
                "due_at": iso(d.due_at),
                "sent_at": iso(d.sent_at),
                "status": choice(d.status, DeliveryStatus),
            }
            for d in deliveries
        ],
    }


def erase(user, *, by) -> None:
    """Mails and notices not yet sent to them are withdrawn; what was sent stays listed.
    Their notifications are deleted."""
    Notification.objects.filter(recipient=user).delete()
    Delivery.objects.filter(recipient=user, status=DeliveryStatus.PENDING).update(
        status=DeliveryStatus.WITHDRAWN, reason=WITHDRAWN_REASON
    )


def register_section() -> None:
    register(
        "reminders",
        title=gettext_lazy("Reminders and notices"),
        kept=gettext_lazy(
            "Which reminders and notices were sent to you and when (not the mails themselves), "
            "and your notifications: of what kind, when, and whether you read them."
        ),
        on_erase=gettext_lazy(
            "Reminders and notices not yet sent are withdrawn; your notifications are deleted."
        ),
        export=export,
        erase=erase,
        covers=COVERS,
    )
