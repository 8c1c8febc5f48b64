"""Template helpers that ask :mod:`networks.permissions`, so templates decide nothing themselves."""

from django import template

from networks import permissions

register = template.Library()


@register.filter
def is_member_of(user, network) -> bool:
    """True when ``user`` is a current member of ``network`` (cached per request).

    A meeting of another network that the person's network is invited to is visible to
    them, but that network's own pages are not: links to them would answer 404.
    """
    return permissions.is_member(user, network)
