"""What apps above meetings show on a meeting's page, without meetings knowing them (like
:mod:`networks.sections` for the network page). From its ``AppConfig.ready()`` an app
registers a section::

    from sessions.meetings.sections import register_meeting_section

    register_meeting_section(
        "evaluation.meeting",
        template="evaluation/partials/meeting_section.html",
        context=lambda request, meeting: {...} or None,
        order=10,
    )

``context(request, meeting)`` returns the template's context, or ``None`` when the section
is not shown to this person. The sections are rendered in ``order`` (then key) in the
meeting page's side column, with the request and ``meeting`` in their context.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe


@dataclass(frozen=True)
class MeetingSection:
    key: str
    template: str
    context: Callable[..., dict | None]
    order: int


_sections: dict[str, MeetingSection] = {}


def register_meeting_section(
    key: str, *, template: str, context: Callable[..., dict | None], order: int
) -> None:
    """Show ``template`` on every meeting page; registering a key again replaces it."""
    _sections[key] = MeetingSection(key, template, context, order)


def render_meeting_sections(request, meeting) -> list[SafeString]:
    rendered = []
    for section in sorted(_sections.values(), key=lambda s: (s.order, s.key)):
        context = section.context(request, meeting)
        if context is None:
            continue
        html = render_to_string(
            section.template, {"meeting": meeting, **context}, request=request
        ).strip()
        rendered.append(mark_safe(html))
    return rendered
