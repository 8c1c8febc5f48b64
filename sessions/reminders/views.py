"""The reminder log of a network, for its coordinators: sent, failed (with the reason),
pending and withdrawn deliveries. Staff see every network's log in the admin."""

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils.translation import gettext as _

from lin_platform.crumbs import Crumb, network_crumbs
from networks.permissions import get_network_for_coordinator

from .pages import log_parent
from .selectors import LOG_FILTERS, deliveries_of_network

PAGE_SIZE = 50


@login_required
def reminder_log(request, slug: str):
    network = get_network_for_coordinator(request.user, slug)
    status = request.GET.get("status", "")
    if status not in LOG_FILTERS:
        status = ""
    page = Paginator(deliveries_of_network(network, status), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    parent = log_parent(network)
    context = {
        "crumbs": network_crumbs(
            network, *([parent] if parent else []), Crumb(_("Sent reminders")), home=False
        ),
        "network": network,
        "page": page,
        "status": status,
        "filters": list(LOG_FILTERS),
    }
    return render(request, "reminders/log.html", context)
