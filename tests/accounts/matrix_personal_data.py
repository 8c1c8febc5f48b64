"""Permission matrix entries of “My data”: the page, the download, erasure and its
confirmation. Everyone signed in sees only their own data; erasing needs one's password.
In the matrix world the coordinator and the other network's coordinator are the only
coordinators of their networks, so their own erasure is refused (the page again, with the
reason, and nothing changed: see test_personal_data_erase.py)."""

from tests.factories import PASSWORD
from tests.matrix import Entry, everyone, signed_in

ENTRIES = [
    Entry("accounts:personal_data", expect=signed_in(200)),
    Entry("accounts:personal_data_download", expect=signed_in(200)),
    Entry("accounts:personal_data_erase", expect=signed_in(200)),
    Entry(
        "accounts:personal_data_erase",
        label="post",
        method="post",
        data=lambda w: {"password": PASSWORD},
        expect=signed_in(302, coordinator=200, other_coordinator=200),
    ),
    Entry(
        "accounts:personal_data_erase",
        label="wrong-password",
        method="post",
        data=lambda w: {"password": "not-the-password"},
        expect=signed_in(200),
    ),
    # The confirmation after erasure: a signed-in person has nothing erased to confirm.
    Entry("accounts:personal_data_erased", expect=everyone(302, anonymous=200)),
]
