"""Which text fields of accounts the privacy guard checks (none: they are the person's own)."""

from lin_platform import privacy


def register() -> None:
    from .models import User

    privacy.not_about_clients(
        User,
        "password",
        "full_name",
        "programme",
        "calendar_token",
        reason="the account holder's own data (or a secret), never about a client",
    )
