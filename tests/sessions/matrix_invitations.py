"""Permission matrix entries of the invitations (issue 14, points 1–3): the signed answer
link (no sign-in; forged or altered: 404), answering a whole series, and "remind them now"."""

from sessions.meetings.invitations import answer_token
from tests.matrix import Entry, coordinators, everyone, members
from tests.sessions.factories import MeetingFactory, MeetingSeriesFactory


def _series_meeting(network):
    series = MeetingSeriesFactory(network=network)
    first = MeetingFactory(network=network, series=series)
    MeetingFactory(network=network, series=series)
    return first.pk


def _meeting(w):
    return MeetingFactory(network=w.network).pk


def _foreign(w):
    return MeetingFactory(network=w.other_network).pk


def _link_of_professional(w):
    meeting = MeetingFactory(network=w.network)
    return [answer_token(user_pk=w.people["professional"].pk, answer="yes", meeting_pk=meeting.pk)]


def _forged(w):
    token = _link_of_professional(w)[0]
    return [token[:-3] + ("xyz" if not token.endswith("xyz") else "abc")]


# The link works without signing in (it is its own proof) and for the person it was sent
# to; signed in as someone else it is refused and changes nothing.
link_answers = everyone(403, anonymous=200, professional=200)

ENTRIES = [
    Entry(
        "meetings:rsvp_series",
        method="post",
        args=lambda w: [w.network.slug, _series_meeting(w.network)],
        foreign_args=lambda w: [w.network.slug, _series_meeting(w.other_network)],
        data=lambda w: {"answer": "yes"},
        expect=members(302),
    ),
    Entry(
        "meetings:remind_unanswered",
        method="post",
        args=lambda w: [w.network.slug, _meeting(w)],
        foreign_args=lambda w: [w.network.slug, _foreign(w)],
        expect=coordinators(302),
    ),
    Entry("meetings:invitation_answer", args=_link_of_professional, expect=link_answers),
    Entry(
        "meetings:invitation_answer",
        label="post",
        method="post",
        args=_link_of_professional,
        data=lambda w: {"answer": "maybe"},
        expect=link_answers,
    ),
    Entry(
        "meetings:invitation_answer",
        label="forged",
        args=_forged,
        expect=everyone(404),
    ),
    Entry(
        "meetings:invitation_answer",
        label="forged-post",
        method="post",
        args=_forged,
        data=lambda w: {"answer": "yes"},
        expect=everyone(404),
    ),
]
