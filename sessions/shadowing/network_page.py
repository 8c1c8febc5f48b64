"""What shadowing shows on the network page (:mod:`networks.sections`): the Shadowing
button, for the people whom the network's shadowing pages lead somewhere."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from networks.sections import register_network_action


def register_network_page() -> None:
    from .permissions import has_shadowing_page

    register_network_action(
        "shadowing.home",
        url=lambda network: reverse("shadowing:home", args=[network.slug]),
        label=_("Shadowing"),
        order=60,
        visible=has_shadowing_page,
    )
