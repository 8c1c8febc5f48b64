"""The breadcrumb trails of the meetings pages (see :mod:`lin_platform.crumbs`)."""

from django.urls import reverse
from django.utils.translation import gettext as _

from lin_platform.crumbs import Crumb, network_crumb, network_crumbs
from networks.permissions import is_member


def agenda_crumb(network) -> Crumb:
    return Crumb(_("Agenda"), reverse("meetings:network_agenda", args=[network.slug]))


def network_agenda_crumbs(network, here: str) -> list[Crumb]:
    """The network › Agenda › ``here``: pages reached from a network's agenda."""
    return network_crumbs(network, agenda_crumb(network), Crumb(here), home=False)


def _network_trail(network, user, *, with_agenda: bool) -> list[Crumb]:
    """The network (and its agenda) for its members. A meeting of another network that the
    person's network is invited to is visible to them, but that network's pages are not:
    they go back to their own agenda, and the network is named without a link."""
    if not is_member(user, network):
        return [Crumb(_("Agenda"), reverse("meetings:agenda")), Crumb(network.name)]
    return [network_crumb(network), *([agenda_crumb(network)] if with_agenda else [])]


def meeting_crumbs(meeting, user, here: str | None = None, *, with_agenda=True) -> list[Crumb]:
    """The trail to the meeting's page, or with ``here`` to a page of the meeting."""
    trail = _network_trail(meeting.network, user, with_agenda=with_agenda)
    if here is None:
        return [*trail, Crumb(meeting.title)]
    page = reverse("meetings:detail", args=[meeting.network.slug, meeting.pk])
    return [*trail, Crumb(meeting.title, page), Crumb(here)]
