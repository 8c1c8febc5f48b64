"""Template filters that ask :mod:`sessions.shadowing.permissions`, for pages of other apps
(the network page) that offer a way into shadowing."""

from django import template

from ..permissions import has_shadowing_page

register = template.Library()


@register.filter
def has_shadowing_page_in(user, network) -> bool:
    return has_shadowing_page(user, network)
