"""The breadcrumb trails of the shadowing pages (see :mod:`lin_platform.crumbs`)."""

from django.urls import reverse
from django.utils.translation import gettext as _

from lin_platform.crumbs import Crumb, network_crumbs


def shadowing_crumbs(network, here: str) -> list[Crumb]:
    """My networks › the network › Shadowing › ``here``."""
    shadowing = Crumb(_("Shadowing"), reverse("shadowing:home", args=[network.slug]))
    return network_crumbs(network, shadowing, Crumb(here))


def crumbs_context(network, here: str) -> dict:
    """The trail for a page's context; it is left out when the page is printed (the
    logbook for the school portfolio)."""
    return {"crumbs": shadowing_crumbs(network, here), "crumbs_class": "no-print"}
