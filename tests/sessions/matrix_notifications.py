"""Permission matrix entries of the notification centre: the list and "mark all read" for
everyone signed in; one notification is opened only by the person it is for."""

from django.contrib.contenttypes.models import ContentType

from sessions.meetings.models import Meeting
from sessions.reminders.models import Notification
from tests.matrix import LOGIN, Entry, everyone, signed_in
from tests.sessions.factories import MeetingFactory


def _notification(w, *, target=True):
    meeting = MeetingFactory(network=w.network)
    notification = Notification.objects.create(
        recipient=w.people["professional"],
        kind="meeting_role",
        object_key=f"meeting-role:{meeting.pk}:note_taker",
        network=w.network,
        content_type=ContentType.objects.get_for_model(Meeting) if target else None,
        object_id=meeting.pk if target else None,
    )
    if not target:
        meeting.delete()
    return [notification.pk]


# Only the person it is for opens it (a redirect to where to act); to everyone else it does
# not exist.
only_theirs = everyone(404, anonymous=LOGIN)

ENTRIES = [
    Entry("reminders:notifications", expect=signed_in(200)),
    Entry("reminders:notifications_read", method="post", expect=signed_in(302)),
    Entry(
        "reminders:notification",
        args=_notification,
        expect={**only_theirs, "professional": 302},
    ),
    Entry(
        "reminders:notification",
        label="gone",
        args=lambda w: _notification(w, target=False),
        expect={**only_theirs, "professional": 200},
    ),
]
