"""Guest speakers of a meeting who are not members of the platform.

A guest speaker is named on the meeting (name, organisation, topic) without an account: they
are not users, receive nothing from the platform, and their row goes with the meeting, or
when a coordinator removes it.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from .meetings import Meeting


class GuestSpeaker(models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="guest_speakers")
    name = models.CharField(_("name"), max_length=200)
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    topic = models.CharField(_("topic"), max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("guest speaker")
        verbose_name_plural = _("guest speakers")
        ordering = ["created_at", "pk"]
        constraints = [models.CheckConstraint(condition=~models.Q(name=""), name="guest_has_name")]

    def __str__(self) -> str:
        return f"{self.name} ({self.organisation})" if self.organisation else self.name

    def describe(self) -> str:
        """One line for a calendar's description: "Name (Organisation): topic"."""
        return f"{self}: {self.topic}" if self.topic else str(self)


def guest_speaker_lines(meeting) -> list[str]:
    """The lines naming a meeting's guest speakers in a calendar file's description, in the
    active language (uses ``meeting.guest_speakers.all()``, so a prefetch serves it)."""
    from django.utils.translation import gettext

    return [
        gettext("Guest speaker: %(speaker)s") % {"speaker": speaker.describe()}
        for speaker in meeting.guest_speakers.all()
    ]
