"""What casework shows on the network page (:mod:`networks.sections`): the Themes and
Cases buttons."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from networks.sections import register_network_action


def register_network_page() -> None:
    register_network_action(
        "casework.board",
        url=lambda network: reverse("casework:board", args=[network.slug]),
        label=_("Themes"),
        order=30,
    )
    register_network_action(
        "casework.cases",
        url=lambda network: reverse("casework:case_list", args=[network.slug]),
        label=_("Cases"),
        order=40,
    )
