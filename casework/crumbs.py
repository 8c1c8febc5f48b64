"""The breadcrumb trails of casework's pages (see :mod:`lin_platform.crumbs`)."""

from django.urls import reverse
from django.utils.translation import gettext as _

from lin_platform.crumbs import Crumb, home_crumb, network_crumbs


def case_crumbs(network, here: str) -> list[Crumb]:
    """My networks › the network › Cases › ``here``."""
    cases = Crumb(_("Cases"), reverse("casework:case_list", args=[network.slug]))
    return network_crumbs(network, cases, Crumb(here))


def lesson_crumbs(*rest: Crumb) -> list[Crumb]:
    """My networks › Lessons › ``rest``."""
    return [home_crumb(), Crumb(_("Lessons"), reverse("casework:lessons")), *rest]
