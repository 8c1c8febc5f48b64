"""How a person wants each kind of notice: by mail, in the platform's notification centre,
both (the default) or not at all.

The choice is kept with the kinds switched off (``User.reminders_off``): the plain code of a
kind means "not at all" (what the one-click link in a mail writes), ``<code>@mail`` means
"not by mail" and ``<code>@platform`` "not in the platform". A person who never chose
anything gets both.
"""

MAIL = "mail"
PLATFORM = "platform"
CHANNELS = (MAIL, PLATFORM)


def channel_off(code: str, channel: str) -> str:
    """The entry of ``reminders_off`` that switches one channel of a kind off."""
    return f"{code}@{channel}"


def channels_for(user, code: str) -> frozenset[str]:
    """The channels by which ``user`` gets kind ``code`` (empty: switched off)."""
    off = set(getattr(user, "reminders_off", None) or [])
    if code in off:
        return frozenset()
    return frozenset(channel for channel in CHANNELS if channel_off(code, channel) not in off)


def wants(user, code: str, channel: str) -> bool:
    return channel in channels_for(user, code)
