"""What meetings show on the network page (:mod:`networks.sections`): the Agenda button
and the network's next three meetings the person may see (one query); and the Agenda crumb
of the reminder log (:mod:`sessions.reminders.pages`), which the agenda links to."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from networks.sections import register_network_action, register_network_section
from sessions.reminders.pages import register_log_parent


def _next_meetings(request, network):
    from .selectors.meetings import next_of_network

    return {"meetings": next_of_network(network, request.user, limit=3)}


def register_network_page() -> None:
    register_network_action(
        "meetings.agenda",
        url=lambda network: reverse("meetings:network_agenda", args=[network.slug]),
        label=_("Agenda"),
        order=10,
    )
    register_network_section(
        "meetings.next",
        template="meetings/partials/network_next_meetings.html",
        context=_next_meetings,
        order=10,
    )
    register_log_parent(
        label=_("Agenda"),
        url=lambda network: reverse("meetings:network_agenda", args=[network.slug]),
    )
