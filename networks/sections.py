"""What other apps show on the network page, without ``networks`` knowing those apps.

``networks`` sits below meetings, shadowing and casework, so its page cannot load their
template tags or name their URLs. Instead (like pretix's ``nav_event`` signal) the apps
register what they contribute from their ``AppConfig.ready()``::

    from networks.sections import ACTIONS, register_network_section

    register_network_section(
        "meetings.agenda",
        place=ACTIONS,
        template="networks/partials/network_action.html",
        context=lambda request, network: {"url": ..., "label": _("Agenda")},
        order=10,
    )

``context(request, network)`` returns the template's context, or ``None`` when the section
is not shown to this person. :func:`render_network_sections` renders the sections of one
place in ``order`` (then key), each with the request (so ``user`` and ``request`` are there)
and ``network`` in its context.

Places: :data:`ACTIONS` (the buttons next to the network's name; the template
``networks/partials/network_action.html`` renders one from ``url``, ``label`` and an
optional ``primary``) and :data:`BODY` (blocks between the description and the themes).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe

ACTIONS = "actions"
BODY = "body"
PLACES = (ACTIONS, BODY)

#: The template of one button among the :data:`ACTIONS`.
ACTION_TEMPLATE = "networks/partials/network_action.html"

SectionContext = Callable[..., "dict | None"]


@dataclass(frozen=True)
class NetworkSection:
    key: str
    place: str
    template: str
    context: SectionContext
    order: int


_sections: dict[str, NetworkSection] = {}


def register_network_section(
    key: str,
    *,
    template: str,
    context: SectionContext,
    order: int,
    place: str = BODY,
) -> None:
    """Show ``template`` on the network page at ``place``; registering a key again replaces it."""
    if place not in PLACES:
        raise ValueError(f"unknown place {place!r} for network section {key!r}")
    _sections[key] = NetworkSection(key, place, template, context, order)


def register_network_action(
    key: str, *, url: Callable, label, order: int, visible: Callable | None = None
) -> None:
    """A button next to the network's name: ``url(network)``, shown when ``visible(user, network)``
    is true (always without ``visible``)."""

    def context(request, network):
        if visible is not None and not visible(request.user, network):
            return None
        return {"url": url(network), "label": label}

    register_network_section(
        key, place=ACTIONS, template=ACTION_TEMPLATE, context=context, order=order
    )


def register_own_actions() -> None:
    """The page's own buttons, in between those of other apps (their orders: agenda 10,
    themes 30, cases 40, shadowing 60)."""
    from django.urls import reverse
    from django.utils.translation import gettext_lazy as _

    from . import permissions

    register_network_action(
        "networks.members",
        url=lambda network: reverse("networks:members", args=[network.slug]),
        label=_("Members"),
        order=20,
    )
    register_network_action(
        "networks.projects",
        url=lambda network: reverse("networks:project_list", args=[network.slug]),
        label=_("Theme projects"),
        order=50,
    )

    def invite(request, network):
        if not permissions.can_manage_network(request.user, network):
            return None
        url = reverse("networks:invite", args=[network.slug])
        return {"url": url, "label": _("Invite people"), "primary": True}

    register_network_section(
        "networks.invite", place=ACTIONS, template=ACTION_TEMPLATE, context=invite, order=90
    )

    def setup(request, network):
        if not permissions.can_manage_network(request.user, network):
            return None
        return {"url": reverse("networks:setup", args=[network.slug]), "label": _("Set up")}

    register_network_section(
        "networks.setup", place=ACTIONS, template=ACTION_TEMPLATE, context=setup, order=85
    )

    def self_check(request, network):
        from .models import NetworkPartner

        is_contact = getattr(request, "lin_partner_contact", None)
        if is_contact is None:
            is_contact = NetworkPartner.objects.filter(
                network=network, contact=request.user
            ).exists()
        if not is_contact:
            return None
        url = reverse("networks:self_check", args=[network.slug])
        return {"url": url, "label": _("Yearly self-check")}

    register_network_section(
        "networks.self_check", place=ACTIONS, template=ACTION_TEMPLATE, context=self_check,
        order=86,
    )  # fmt: skip


def sections(place: str) -> list[NetworkSection]:
    return sorted(
        (s for s in _sections.values() if s.place == place), key=lambda s: (s.order, s.key)
    )


def render_network_sections(request, network, place: str) -> list[SafeString]:
    """The HTML of the sections at ``place`` that are shown to ``request.user``, in order."""
    rendered = []
    for section in sections(place):
        context = section.context(request, network)
        if context is None:
            continue
        html = render_to_string(
            section.template, {"network": network, **context}, request=request
        ).strip()
        rendered.append(mark_safe(html))
    return rendered
