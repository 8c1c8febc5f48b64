"""Deliveries of reminder mails and the platform's other mails (invitations): one row per
(kind, object, recipient, lead time).

Reminders are rows, not queued messages. The dispatcher (``sessions.reminders.dispatcher``)
creates a
row when a reminder falls due, claims it, sends it and marks it sent; the unique key makes
a second dispatcher, a second beat or a retried task unable to send the same reminder twice.
"""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class DeliveryStatus(models.TextChoices):
    PENDING = "pending", _("Pending")
    SENDING = "sending", _("Sending")
    SENT = "sent", _("Sent")
    FAILED = "failed", _("Failed")
    WITHDRAWN = "withdrawn", _("Withdrawn")
    # The person chose this kind in the platform only: a notification, no mail.
    SHOWN = "shown", _("In the platform only")


class Delivery(models.Model):
    kind = models.CharField(_("kind"), max_length=40)
    # What the reminder is about, including what makes it a different reminder: the start
    # time of a meeting (a rescheduled meeting is a new key), the revision of a change.
    object_key = models.CharField(_("about"), max_length=120)
    # Who the mail is for: an account, or (for a kind that mails an address without an
    # account, such as an invitation to a network) only ``email``.
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="reminder_deliveries",
        verbose_name=_("recipient"),
    )
    email = models.EmailField(_("e-mail address"), blank=True)
    lead_minutes = models.IntegerField(_("minutes before"), default=0)
    network = models.ForeignKey(
        "networks.Network", on_delete=models.CASCADE, related_name="reminder_deliveries"
    )
    # What the reminder is about (a meeting, a shadowing day), or nothing for a digest. A
    # generic relation: this app knows no feature's model; the feature's model declares a
    # GenericRelation, so its deliveries go when it is deleted.
    content_type = models.ForeignKey(
        "contenttypes.ContentType",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("about (type)"),
    )
    object_id = models.PositiveBigIntegerField(_("object"), null=True, blank=True)
    target = GenericForeignKey("content_type", "object_id")
    due_at = models.DateTimeField(_("due at"))
    status = models.CharField(
        _("status"), max_length=12, choices=DeliveryStatus.choices, default=DeliveryStatus.PENDING
    )
    # When a pending row may be tried (again): due_at at first, later after a back-off.
    next_attempt_at = models.DateTimeField(_("next attempt at"))
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    claimed_at = models.DateTimeField(_("claimed at"), null=True, blank=True)
    claim_token = models.CharField(max_length=32, blank=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    reason = models.CharField(_("reason"), max_length=500, blank=True)
    message_id = models.CharField(_("Message-ID"), max_length=200, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        db_table = "meetings_delivery"
        verbose_name = _("reminder delivery")
        verbose_name_plural = _("reminder deliveries")
        ordering = ["-due_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "object_key", "recipient", "lead_minutes"],
                name="one_delivery_per_reminder",
            ),
            # The same for rows addressed to an e-mail address only (NULLs are distinct in
            # the constraint above, so it does not hold them).
            models.UniqueConstraint(
                fields=["kind", "object_key", "email", "lead_minutes"],
                condition=Q(recipient__isnull=True),
                name="one_delivery_per_address",
            ),
            models.CheckConstraint(
                condition=Q(recipient__isnull=False) | ~Q(email=""),
                name="delivery_has_a_recipient_or_address",
            ),
            models.CheckConstraint(
                condition=~Q(status=DeliveryStatus.SENT) | Q(sent_at__isnull=False),
                name="sent_delivery_has_sent_at",
            ),
        ]
        indexes = [
            models.Index(fields=["status", "next_attempt_at"], name="delivery_due_idx"),
            models.Index(fields=["network", "-due_at"], name="delivery_network_idx"),
            models.Index(fields=["content_type", "object_id"], name="delivery_target_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.object_key} → {self.recipient_id or self.email} ({self.status})"

    @property
    def address(self) -> str:
        """Where the mail goes: the account's address, else the row's own."""
        return self.recipient.email if self.recipient_id else self.email

    @property
    def kind_label(self) -> str:
        from .kinds import kind_label

        return kind_label(self.kind)


class Notification(models.Model):
    """One item in a person's notification centre (the bell in the top bar).

    Written in the same transaction as the event it tells of (a request, an answer, a role),
    or by the dispatcher when a reminder falls due, for the kinds the person wants in the
    platform. Its key mirrors a delivery's (kind, object, recipient, lead time), so a second
    dispatcher or a repeated event adds nothing. It stores no text: what it says is made
    when it is shown, in the reader's language, from what it points at (and only while the
    reader may still see that; otherwise it reads "no longer available").
    """

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="notifications",
        verbose_name=_("recipient"),
    )
    kind = models.CharField(_("kind"), max_length=40)
    object_key = models.CharField(_("about"), max_length=120)
    lead_minutes = models.IntegerField(_("minutes before"), default=0)
    network = models.ForeignKey(
        "networks.Network", on_delete=models.CASCADE, related_name="notifications"
    )
    content_type = models.ForeignKey(
        "contenttypes.ContentType",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("about (type)"),
    )
    object_id = models.PositiveBigIntegerField(_("object"), null=True, blank=True)
    target = GenericForeignKey("content_type", "object_id")
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    read_at = models.DateTimeField(_("read at"), null=True, blank=True)

    class Meta:
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "object_key", "recipient", "lead_minutes"],
                name="one_notification_per_notice",
            ),
        ]
        indexes = [
            models.Index(fields=["recipient", "-created_at"], name="notification_list_idx"),
            models.Index(
                fields=["recipient"],
                condition=Q(read_at__isnull=True),
                name="notification_unread_idx",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.object_key} → {self.recipient_id}"

    @property
    def is_read(self) -> bool:
        return self.read_at is not None

    @property
    def kind_label(self) -> str:
        from .kinds import kind_label

        return kind_label(self.kind)
