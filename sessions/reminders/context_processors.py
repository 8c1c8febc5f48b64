"""The number on the bell in the top bar: ``notifications_unread.count`` in every template.

Lazy: the one COUNT query runs only when a page shows the bell (a signed-in person's page),
at most once per page, whatever the number of notifications.
"""

from functools import cached_property

from .selectors import unread_count


class UnreadNotifications:
    def __init__(self, user):
        self._user = user

    @cached_property
    def count(self) -> int:
        return unread_count(self._user)


def notifications(request) -> dict:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {"notifications_unread": UnreadNotifications(user)}
