"""The outbox holds no free text: its text fields are keys, tokens and SMTP answers."""

from lin_platform import privacy


def register() -> None:
    from .models import Delivery, Notification

    privacy.not_about_clients(
        Delivery,
        "kind",
        "object_key",
        "claim_token",
        "reason",
        "message_id",
        reason="written by the platform: kind and object keys, tokens, the mail server's answer",
    )
    privacy.not_about_clients(
        Notification,
        "kind",
        "object_key",
        reason="written by the platform: the kind and the key of what a notice is about",
    )
