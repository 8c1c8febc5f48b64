"""The structured record of a meeting (per method step) and the actions agreed in it.

The record holds the note-taker's text per record field of the method (see
``sessions.meetings.methods``), kept per method so that switching method loses nothing. Actions and
advice agreed in a meeting stay open, and show on the next meetings of the same series,
until someone closes them.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from .meetings import Meeting


class MeetingRecord(models.Model):
    meeting = models.OneToOneField(Meeting, on_delete=models.CASCADE, related_name="record")
    method = models.CharField(_("method"), max_length=40)
    # {method key: {record field key: text}}; keys are checked against sessions.meetings.methods.
    entries = models.JSONField(_("notes"), default=dict, blank=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("meeting record")
        verbose_name_plural = _("meeting records")

    def __str__(self) -> str:
        return str(self.meeting)

    def notes_for(self, method_key: str) -> dict[str, str]:
        return dict(self.entries.get(method_key, {}))


class ActionKind(models.TextChoices):
    ACTION = "action", _("Action")
    ADVICE = "advice", _("Advice")


class ActionStatus(models.TextChoices):
    OPEN = "open", pgettext_lazy("action", "Open")
    CLOSED = "closed", pgettext_lazy("action", "Closed")


class MeetingAction(models.Model):
    """An action or piece of advice agreed in ``meeting``."""

    meeting = models.ForeignKey(
        Meeting,
        on_delete=models.CASCADE,
        related_name="actions",
        verbose_name=_("agreed in"),
    )
    kind = models.CharField(
        _("kind"), max_length=10, choices=ActionKind.choices, default=ActionKind.ACTION
    )
    text = models.CharField(_("what"), max_length=500)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="meeting_actions",
        verbose_name=_("who"),
    )
    due_on = models.DateField(_("before"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=ActionStatus.choices, default=ActionStatus.OPEN
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    closed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("agreed action")
        verbose_name_plural = _("agreed actions")
        ordering = ["created_at", "pk"]
        constraints = [
            models.CheckConstraint(condition=~Q(text=""), name="action_has_text"),
            models.CheckConstraint(
                condition=(Q(status=ActionStatus.OPEN) & Q(closed_at__isnull=True))
                | (Q(status=ActionStatus.CLOSED) & Q(closed_at__isnull=False)),
                name="action_closed_has_moment",
            ),
        ]
        indexes = [models.Index(fields=["meeting", "status"])]

    def __str__(self) -> str:
        return self.text

    @property
    def is_open(self) -> bool:
        return self.status == ActionStatus.OPEN
