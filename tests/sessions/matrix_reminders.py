"""Permission matrix entries of the reminder log."""

from tests.matrix import Entry, coordinators

ENTRIES = [
    Entry(
        "reminders:log",
        args=lambda w: [w.network.slug],
        expect=coordinators(200),
        foreign_args=lambda w: [w.other_network.slug],
    ),
]
