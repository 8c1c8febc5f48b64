"""What reports shows on the network page (through :mod:`networks.sections`): the
Placements and Dashboard buttons."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from networks.sections import register_network_action

from . import permissions


def register_pages() -> None:
    register_network_action(
        "reports.placements",
        url=lambda network: reverse("reports:placements", args=[network.slug]),
        label=_("Placements"),
        order=75,
        visible=permissions.can_see_placements,
    )
    register_network_action(
        "reports.dashboard",
        url=lambda network: reverse("reports:dashboard", args=[network.slug]),
        label=_("Dashboard"),
        order=72,
        visible=permissions.can_see_dashboard,
    )
