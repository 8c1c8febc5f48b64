"""Signed links that let a person change their reminder preferences without signing in.

The token names the person and, optionally, one kind of reminder; it is signed with the
project's SECRET_KEY (``django.core.signing``), so it cannot be forged or pointed at
someone else. It does not expire: a mail from months ago must still let one switch off.
"""

from django.core import signing

from .kinds import kind_choices

# Unchanged since the link lived in accounts: links in mails already sent must keep working.
SALT = "accounts.reminder-preferences"


class InvalidToken(Exception):
    pass


def preferences_token(*, user_pk: int, kind: str = "") -> str:
    return signing.dumps({"u": user_pk, "k": kind}, salt=SALT, compress=False)


def preferences_token_read(token: str) -> tuple[int, str]:
    """(user pk, kind or "") of a token; InvalidToken when forged, damaged or of a kind
    no app registers."""
    try:
        data = signing.loads(token, salt=SALT)
    except signing.BadSignature as error:
        raise InvalidToken from error
    if not isinstance(data, dict) or not isinstance(data.get("u"), int):
        raise InvalidToken
    kind = data.get("k") or ""
    if kind and kind not in dict(kind_choices()):
        raise InvalidToken
    return data["u"], kind
