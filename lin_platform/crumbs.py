"""Breadcrumb trails: a view passes ``crumbs``, a list of :class:`Crumb`, and ``base.html``
renders it (``templates/partials/breadcrumbs.html``); the last crumb is the current page.

Below every app, this module imports none of them: the helpers here name only the URLs of
the pages every app leads back to (home and a network's page). Each app builds the rest of
its trails itself, e.g. ``sessions.meetings.crumbs.meeting_crumbs(meeting, user)``.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import gettext as _


@dataclass(frozen=True)
class Crumb:
    """One step of the trail: a link when it has a ``url``, plain text when it has none."""

    label: str
    url: str | None = None


def home_crumb() -> Crumb:
    return Crumb(_("My networks"), reverse("home"))


def network_crumb(network) -> Crumb:
    return Crumb(network.name, reverse("networks:detail", args=[network.slug]))


def network_crumbs(network, *rest: Crumb, home: bool = True) -> list[Crumb]:
    """My networks › the network › ``rest``; without "My networks" when ``home`` is False."""
    return [*([home_crumb()] if home else []), network_crumb(network), *rest]
