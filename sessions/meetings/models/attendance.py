"""Answers to invitations (RSVP, with a waiting list), attendance, and roles in a meeting."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from ..choices import AttendanceStatus, MeetingRoleKind, RsvpAnswer
from .meetings import Meeting


class Rsvp(models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="rsvps")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="rsvps"
    )
    answer = models.CharField(_("answer"), max_length=10, choices=RsvpAnswer.choices)
    reason = models.CharField(_("reason"), max_length=300, blank=True)
    # A "yes" beyond the capacity waits; moved up in answer order when a place frees up.
    waitlisted = models.BooleanField(_("on the waiting list"), default=False)
    answered_at = models.DateTimeField(_("answered at"))

    class Meta:
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        constraints = [
            models.UniqueConstraint(fields=["meeting", "user"], name="one_rsvp_per_person"),
            models.CheckConstraint(
                condition=models.Q(waitlisted=False) | models.Q(answer=RsvpAnswer.YES),
                name="only_yes_waits",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.meeting}: {self.get_answer_display()}"


class Attendance(models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="attendances")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="attendances"
    )
    status = models.CharField(_("status"), max_length=10, choices=AttendanceStatus.choices)
    checked_in_at = models.DateTimeField(_("checked in at"), null=True, blank=True)
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("attendance")
        verbose_name_plural = _("attendance")
        constraints = [
            models.UniqueConstraint(fields=["meeting", "user"], name="one_attendance_per_person")
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.meeting}: {self.get_status_display()}"


class MeetingRole(models.Model):
    """A part someone plays in one meeting: the case-bringer of an intervisie, the note-taker,
    the pair presenting a klinische les. (The facilitator is a field of the meeting.)"""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="roles")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="meeting_roles"
    )
    kind = models.CharField(_("role"), max_length=20, choices=MeetingRoleKind.choices)

    class Meta:
        verbose_name = _("role in a meeting")
        verbose_name_plural = _("roles in meetings")
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "user", "kind"], name="one_role_kind_per_person"
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.get_kind_display()} ({self.meeting})"
