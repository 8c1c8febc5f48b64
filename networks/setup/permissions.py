"""Who may set up a network: its coordinators (the network getter answers 404 to others
and 403 to members in another role); the self-check is answered by partners' contact
persons. Objects of another network answer 404."""

from django.core.exceptions import PermissionDenied
from django.http import Http404

from networks.models import FundingPeriod, Network, NetworkPartner, Theme
from networks.permissions import get_network_for_member


def _get(model, network: Network, pk: int):
    found = model.objects.filter(network=network, pk=pk).first()
    if found is None:
        raise Http404
    return found


def get_partner(network: Network, pk: int) -> NetworkPartner:
    return _get(NetworkPartner, network, pk)


def get_theme(network: Network, pk: int) -> Theme:
    return _get(Theme, network, pk)


def get_funding_period(network: Network, pk: int) -> FundingPeriod:
    return _get(FundingPeriod, network, pk)


def get_network_for_contact_person(user, slug: str) -> Network:
    """404 for non-members; 403 for members who are no partner's contact person."""
    network = get_network_for_member(user, slug)
    if not NetworkPartner.objects.filter(network=network, contact=user).exists():
        raise PermissionDenied
    return network
