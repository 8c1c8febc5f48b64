"""Breakout groups of a meeting: the attendees divided into mixed groups."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .meetings import Meeting


class BreakoutGroup(models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="breakout_groups")
    number = models.PositiveSmallIntegerField(_("number"))

    class Meta:
        verbose_name = _("breakout group")
        verbose_name_plural = _("breakout groups")
        ordering = ["meeting", "number"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "number"], name="one_group_number"),
            models.CheckConstraint(condition=Q(number__gte=1), name="group_number_positive"),
        ]

    def __str__(self) -> str:
        return _("Group %(number)s") % {"number": self.number}


class BreakoutGroupMember(models.Model):
    group = models.ForeignKey(BreakoutGroup, on_delete=models.CASCADE, related_name="members")
    # The meeting again, so that the database itself keeps a person in one group per meeting.
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="+")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="breakout_groups"
    )

    class Meta:
        verbose_name = _("group member")
        verbose_name_plural = _("group members")
        constraints = [
            models.UniqueConstraint(fields=["meeting", "user"], name="one_group_per_person")
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.group}"
