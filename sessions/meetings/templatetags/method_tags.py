"""Template tags the meeting page uses to show the method and the breakout groups.

``{% load method_tags %}{% method_summary meeting %}`` and ``{% groups_summary meeting %}``
render ``sessions/partials/method_summary.html`` and ``groups_summary.html``; each costs a
fixed number of queries, however many steps, actions or people there are.
"""

from django import template

from ..permissions import can_run_meeting
from ..permissions.method import can_read_record, can_write_record, readable_actions
from ..selectors.groups import groups_of
from ..selectors.record import actions_shown_on, method_of, record_of, roles_of

register = template.Library()


@register.inclusion_tag("meetings/partials/method_summary.html", takes_context=True)
def method_summary(context, meeting):
    record = record_of(meeting)
    actions = actions_shown_on(meeting)
    user = context["request"].user
    can_write = can_write_record(user, meeting)
    has_record = bool(record and any(record.entries.values()))
    # Asked only when there is a text to withhold: no query otherwise.
    can_read = can_write or not (has_record or actions) or can_read_record(user, meeting)
    readable = readable_actions(user, actions, can_read=can_read)
    return {
        "meeting": meeting,
        "network": meeting.network,
        "method": method_of(meeting, record),
        "roles": roles_of(meeting),
        "open_actions": [a for a in readable if a.is_open],
        "can_write": can_write,
        "has_record": has_record or len(readable) < len(actions),
        "can_read": can_read,
    }


@register.inclusion_tag("meetings/partials/groups_summary.html", takes_context=True)
def groups_summary(context, meeting):
    user = context["request"].user
    return {
        "meeting": meeting,
        "network": meeting.network,
        "groups": groups_of(meeting),
        "can_run": can_run_meeting(user, meeting),
    }
