"""How the network's writes hand their mail to the outbox without knowing it.

The outbox (``sessions.reminders``) sits above this app in the layering: networks may not
import it. So a write here only *announces* what happened (``announce("invitation",
invitation)``, inside its transaction) and the outbox, which registered a listener from
its ``AppConfig.ready()`` (``connect``), records the mail as a delivery row in the same
transaction and asks for a dispatcher run right after commit. The request never talks to
the mail server: the worker sends the row, and tries again later while the server is down.

Events: ``"invitation"`` (a new invitation: mail its link) and ``"invitation_resent"``
(the same link once more, a new mail); ``"membership_started"`` (someone accepted an
invitation and is now a member: the evaluation app invites them to an open baseline round).
Listeners ignore the events they do not know.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

Listener = Callable[[str, Any], None]

_listeners: list[Listener] = []


def connect(listener: Listener) -> None:
    """Called from the outbox's ``AppConfig.ready()``; connecting twice is harmless."""
    if listener not in _listeners:
        _listeners.append(listener)


def announce(event: str, obj: Any) -> None:
    """Tell the outbox about ``event`` concerning ``obj``; call it inside the transaction
    that writes ``obj``. Raises RuntimeError when no outbox listens (the mail would be
    lost)."""
    if not _listeners:
        raise RuntimeError("No outbox listens for network mail (sessions.reminders missing?)")
    for listener in list(_listeners):
        listener(event, obj)
