"""Permission matrix: calendar downloads and the personal subscription feed."""

from tests.matrix import Entry, everyone, members, signed_in
from tests.sessions.factories import MeetingFactory

ENTRIES = [
    Entry(
        "meetings:meeting_ics",
        args=lambda w: [w.network.slug, MeetingFactory(network=w.network).pk],
        foreign_args=lambda w: [w.network.slug, MeetingFactory(network=w.other_network).pk],
        expect=members(200),
    ),
    Entry("meetings:feed_settings", expect=signed_in(200)),
    Entry("meetings:feed_renew", method="post", expect=signed_in(302)),
    Entry("meetings:feed_disable", method="post", expect=signed_in(302)),
    # Calendar apps do not sign in: the right token answers everyone, a wrong one nobody.
    Entry(
        "meetings:feed",
        args=lambda w: [w.people["professional"].calendar_token],
        expect=everyone(200),
    ),
    Entry(
        "meetings:feed", label="wrong-token", args=lambda w: ["not-a-token"], expect=everyone(404)
    ),
]
