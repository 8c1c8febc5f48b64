"""Permission matrix entries of the reminder preferences and the signed link in mails."""

from sessions.reminders.tokens import preferences_token
from tests.matrix import Entry, everyone, signed_in


def _token_of_professional(w):
    return [preferences_token(user_pk=w.people["professional"].pk, kind="rsvp_nudge")]


# The link works without signing in (it is its own proof); signed in as someone else it is
# refused with a message and changes nothing.
link_answers = everyone(403, anonymous=200, professional=200)

ENTRIES = [
    Entry("reminders:preferences", expect=signed_in(200)),
    Entry(
        "reminders:preferences",
        label="post",
        method="post",
        data=lambda w: {"kinds_on": ["meeting_reminder"], "lead_times": "1d"},
        expect=signed_in(302),
    ),
    Entry("reminders:link", args=_token_of_professional, expect=link_answers),
    Entry(
        "reminders:link",
        label="post",
        method="post",
        args=_token_of_professional,
        data=lambda w: {"switch": "off"},
        expect=link_answers,
    ),
    Entry(
        "reminders:link",
        label="forged",
        method="post",
        args=lambda w: ["eyJ1IjoxfQ:forged:signature"],
        data=lambda w: {"switch": "off"},
        expect=everyone(400),
    ),
]
