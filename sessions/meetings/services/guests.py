"""Writes of guest speakers who are not members: name them on a meeting, remove them.

They are not users: no account, no mail; their row is personal data of someone outside the
platform, kept only as long as the meeting (deleted with it) or until a coordinator removes
it.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from ..models import GuestSpeaker, Meeting

MAX_GUEST_SPEAKERS = 10


@transaction.atomic
def guest_speaker_add(
    *, meeting: Meeting, name: str, organisation: str, topic: str
) -> GuestSpeaker:
    """Name a guest speaker on ``meeting``. Side effect: one GuestSpeaker row (it shows on
    the meeting page and in the meeting's calendar file). Raises ValidationError for a
    cancelled meeting, an empty name or more than ten speakers."""
    if meeting.is_cancelled:
        raise ValidationError(_("This meeting was cancelled; it gets no guest speakers."))
    if not name.strip():
        raise ValidationError(_("Give the guest speaker's name."))
    if GuestSpeaker.objects.filter(meeting=meeting).count() >= MAX_GUEST_SPEAKERS:
        raise ValidationError(_("A meeting has at most ten guest speakers."))
    return GuestSpeaker.objects.create(
        meeting=meeting,
        name=" ".join(name.split()),
        organisation=" ".join(organisation.split()),
        topic=" ".join(topic.split()),
    )


@transaction.atomic
def guest_speaker_remove(*, speaker: GuestSpeaker) -> None:
    """Remove a guest speaker from their meeting. Side effect: the row is deleted (this is
    how their name and organisation are erased before the meeting itself is)."""
    speaker.delete()
