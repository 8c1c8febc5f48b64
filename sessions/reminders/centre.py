"""The notification centre: the items of one person, newest first, each with what it says
in the reader's language and whether it may still be opened.

An item whose object the person may no longer see (they left the network, the day was
cancelled, the meeting is gone) reads "no longer available" and says nothing of what it was
about. Whether an item may be opened is asked of its kind (``Kind.available``, a batch with
a fixed number of queries per kind; ``Kind.opens`` for the one item being opened, through
the app's permission getters), so a page of items costs the same number of queries however
many it holds.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from django.contrib.contenttypes.prefetch import GenericPrefetch
from django.db.models import prefetch_related_objects
from django.utils import timezone

from .kinds import REGISTRY, member_networks
from .models import Notification


@dataclass
class Item:
    notification: Notification
    # What it says, in the reader's language; "" when it is no longer available.
    text: str
    available: bool

    @property
    def pk(self) -> int:
        return self.notification.pk

    @property
    def is_read(self) -> bool:
        return self.notification.is_read

    @property
    def created_at(self):
        return self.notification.created_at

    @property
    def kind_label(self) -> str:
        return self.notification.kind_label


def _load_targets(notifications: list[Notification]) -> None:
    querysets = {}
    for kind in REGISTRY.values():
        queryset = kind.centre_queryset()
        if queryset is None:
            queryset = kind.target_queryset()
        if queryset is not None:
            querysets.setdefault(queryset.model, queryset)
    prefetch_related_objects(notifications, GenericPrefetch("target", list(querysets.values())))


def items_for(user, notifications: list[Notification]) -> list[Item]:
    """The centre's items for ``notifications`` of ``user`` (their network loaded)."""
    if not notifications:
        return []
    for notification in notifications:
        notification.recipient = user  # it is theirs: spare the query
    _load_targets(notifications)
    networks = member_networks(user)
    by_kind = defaultdict(list)
    for notification in notifications:
        by_kind[notification.kind].append(notification)
    available: set[int] = set()
    for code, group in by_kind.items():
        kind = REGISTRY.get(code)
        if kind is not None:
            available |= kind.available(user, group, networks)
    now = timezone.now()
    items = []
    for notification in notifications:
        ok = notification.pk in available
        text = REGISTRY[notification.kind].notice(notification, now) if ok else ""
        items.append(Item(notification, text, ok))
    return items


def open_url(user, notification: Notification) -> str | None:
    """Where opening ``notification`` leads, or None when it is no longer available."""
    kind = REGISTRY.get(notification.kind)
    if kind is None:
        return None
    notification.recipient = user
    _load_targets([notification])
    if notification.object_id is not None and notification.target is None:
        return None
    return kind.opens(user, notification)
