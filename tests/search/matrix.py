"""Permission matrix entry of the search page: every signed-in person searches (and finds
only what they may open, tests/search/test_search.py)."""

from tests.matrix import Entry, signed_in

ENTRIES = [
    Entry("search:results", expect=signed_in(200)),
]
