"""The network's mails in the outbox: an invitation to join a network.

An invitation is mailed to an address that may have no account yet, so its rows carry the
address (``Delivery.email``, no recipient) and the kind builds its own mail (the network's
invitation mail: no greeting by name, no reminder preferences link, which an address
without an account has nothing to do with).

How a row comes about: ``networks.services.invitation_create`` announces the invitation
(``networks.outbox``, which this app listens to from ``RemindersConfig.ready()``); the
listener records the row in the request's transaction and asks for a dispatcher run after
commit (``reminders_send_soon``). ``due`` also finds open invitations of the last
``REMINDERS_INVITATION_WINDOW`` seconds without a row, so the beat's minute catches one the
listener missed. A resend is a new row under a new key (``invitation.<pk>.<n>``).

Before sending, an invitation that was withdrawn, used or has expired is withdrawn from the
outbox instead of mailed.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop

from networks import outbox
from networks.models import Invitation

from .kinds import Due, Kind, register_kinds

INVITATION = "network_invitation"


def _window() -> dt.timedelta:
    return dt.timedelta(seconds=getattr(settings, "REMINDERS_INVITATION_WINDOW", 2 * 3600))


def _open(now: dt.datetime):
    return Invitation.objects.filter(
        accepted_at__isnull=True, revoked_at__isnull=True, expires_at__gt=now
    )


def _due(kind: str, invitation: Invitation, key: str, now: dt.datetime) -> Due:
    return Due(
        kind=kind,
        object_key=key,
        recipient_id=None,
        lead_minutes=0,
        due_at=min(invitation.created_at, now),
        network_id=invitation.network_id,
        object_id=invitation.pk,
        email=invitation.email,
    )


class InvitationKind(Kind):
    code = INVITATION
    label = _("Invitation to a network")
    template = "networks/email/invitation"  # the mail is built by networks.services
    model = "networks.Invitation"
    order = 900
    switchable = False

    def due(self, now, *, network_ids=None, recipient_ids=None, object_ids=None):
        """Open invitations without a row: those of ``object_ids``, or else those made in
        the last window (older ones were mailed when they were made)."""
        invitations = _open(now).filter(created_at__lte=now)
        if object_ids is not None:
            invitations = invitations.filter(pk__in=object_ids)
        else:
            invitations = invitations.filter(created_at__gte=now - _window())
        if network_ids is not None:
            invitations = invitations.filter(network_id__in=network_ids)
        return [
            _due(self.code, invitation, f"invitation.{invitation.pk}", now)
            for invitation in invitations.only("pk", "network_id", "email", "created_at")
        ]

    def still_due(self, rows, now):
        """Every claimed row (first mail or resend) of an invitation that is still open."""
        open_ids = set(
            _open(now).filter(pk__in={row.object_id for row in rows}).values_list("pk", flat=True)
        )
        return {
            (row.kind, row.object_key, row.recipient_id, row.lead_minutes)
            for row in rows
            if row.object_id in open_ids
        }

    def target_queryset(self):
        return Invitation.objects.select_related("network", "invited_by")

    def message(self, delivery, now):
        from networks.services import invitation_message

        message = invitation_message(invitation=delivery.target)
        message.extra_headers["Message-ID"] = delivery.message_id
        message.extra_headers["Auto-Submitted"] = "auto-generated"
        return message

    def withdraw_reason(self, delivery):
        return gettext_noop("The invitation was withdrawn, used or has expired.")

    def describe(self, delivery) -> str:
        return delivery.email


def on_network_event(event: str, obj) -> None:
    """The listener ``networks.outbox`` calls inside the network's write."""
    from .dispatcher import record
    from .models import Delivery
    from .services import reminders_send_soon

    now = timezone.now()
    if event == "invitation":
        key = f"invitation.{obj.pk}"
    elif event == "invitation_resent":
        earlier = Delivery.objects.filter(kind=INVITATION, object_id=obj.pk).count()
        key = f"invitation.{obj.pk}.{earlier + 1}"
    else:
        return
    record([_due(INVITATION, obj, key, now)])
    reminders_send_soon()


def register() -> None:
    register_kinds(InvitationKind)
    outbox.connect(on_network_event)
