"""The outbox holds no free text: its text fields are keys, tokens and SMTP answers."""

from lin_platform import privacy


def register() -> None:
    from .models import Delivery

    privacy.not_about_clients(
        Delivery,
        "kind",
        "object_key",
        "claim_token",
        "reason",
        "message_id",
        reason="written by the platform: kind and object keys, tokens, the mail server's answer",
    )
