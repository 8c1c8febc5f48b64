"""Who may see and do what in a network. Views and templates ask these; nothing else decides.

A person sees a network only through a current membership of it; anything else answers
404, so that another network's objects are not even confirmed to exist. A member without
the right role gets 403.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404

from .choices import Role
from .models import Membership, Network


def current_membership(user, network: Network) -> Membership | None:
    """The person's membership in force in ``network``, cached on the user per request."""
    if not user.is_authenticated:
        return None
    cache = user.__dict__.setdefault("_lin_membership_cache", {})
    if network.pk not in cache:
        cache[network.pk] = Membership.objects.current().filter(network=network, user=user).first()
    return cache[network.pk]


def role_in(user, network: Network) -> str | None:
    membership = current_membership(user, network)
    return membership.role if membership else None


def is_member(user, network: Network) -> bool:
    return current_membership(user, network) is not None


def can_manage_network(user, network: Network) -> bool:
    return role_in(user, network) == Role.COORDINATOR


def can_see_members(user, network: Network) -> bool:
    return is_member(user, network)


def can_create_network(user) -> bool:
    return user.is_authenticated and user.is_staff


def get_network_for_member(user, slug: str) -> Network:
    """The network with ``slug`` if ``user`` is a current member; 404 otherwise."""
    network = Network.objects.filter(slug=slug).first()
    if network is None or not is_member(user, network):
        raise Http404
    return network


def get_network_for_coordinator(user, slug: str) -> Network:
    """404 for non-members, 403 for members who are not coordinators."""
    network = get_network_for_member(user, slug)
    if not can_manage_network(user, network):
        raise PermissionDenied
    return network


def get_membership_for_coordinator(user, network: Network, pk: int) -> Membership:
    """A membership of ``network`` (which the caller already manages); 404 otherwise."""
    membership = (
        Membership.objects.select_related("user", "network", "organisation")
        .filter(network=network, pk=pk)
        .first()
    )
    if membership is None:
        raise Http404
    return membership
