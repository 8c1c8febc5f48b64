"""Template tags other apps' pages use to show meetings without importing this app.

``{% load meeting_tags %}{% network_next_meetings network %}`` renders
``sessions/partials/network_next_meetings.html``: the next three meetings of the network
the person may see, in one query.
"""

from django import template

from ..selectors.meetings import next_of_network

register = template.Library()


@register.inclusion_tag("meetings/partials/network_next_meetings.html", takes_context=True)
def network_next_meetings(context, network, limit: int = 3):
    user = context["request"].user
    return {"network": network, "meetings": next_of_network(network, user, limit=limit)}
