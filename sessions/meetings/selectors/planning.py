"""Warnings before a meeting or a series is saved: not refusals, a confirm step.

- another meeting of the network overlapping in time;
- the facilitator, or a person with a role in the meeting, already facilitating or having a
  role in another meeting then (of any network; one the coordinator cannot see is named
  only as "a meeting of another network");
- an identical meeting or series: same title, format and start.
"""

from __future__ import annotations

import hashlib
from datetime import datetime

from django.db.models import Q
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from ..choices import MeetingStatus
from ..models import Meeting, MeetingRole

# More than this many warnings are summed up in one line.
MAX_WARNINGS = 10


def _when(meeting: Meeting) -> str:
    start = timezone.localtime(meeting.starts_at)
    end = timezone.localtime(meeting.ends_at)
    return f"{date_format(start, 'l j F Y, H:i')}–{date_format(end, 'H:i')}"


def planning_warnings(
    *,
    network,
    title: str,
    format: str,
    occurrences: list[tuple[datetime, datetime]],
    people: list | None = None,
    exclude_ids: set[int] | frozenset = frozenset(),
) -> list[str]:
    """What the coordinator should know before saving meetings at ``occurrences`` (start,
    end); ``people``: the facilitator and the people with a role (users); ``exclude_ids``:
    the meetings being edited. In the person's language; empty when nothing clashes."""
    if not occurrences:
        return []
    people = [p for p in (people or []) if p is not None]
    names = {p.pk: p.get_full_name() for p in people}
    lo = min(start for start, _end in occurrences)
    hi = max(end for _start, end in occurrences)
    about = Q(network=network)
    if names:
        about |= Q(facilitator_id__in=names) | Q(roles__user_id__in=names)
    candidates = list(
        Meeting.objects.filter(about, starts_at__lt=hi, ends_at__gt=lo)
        .exclude(status=MeetingStatus.CANCELLED)
        .exclude(pk__in=exclude_ids)
        .select_related("network")
        .distinct()
        .order_by("starts_at")
    )
    roles: dict[int, set[int]] = {}
    if names and candidates:
        for meeting_id, user_id in MeetingRole.objects.filter(
            meeting__in=candidates, user_id__in=names
        ).values_list("meeting_id", "user_id"):
            roles.setdefault(meeting_id, set()).add(user_id)
    starts = {start for start, _end in occurrences}
    key = (title.strip().casefold(), format)
    warnings: list[str] = []
    for other in candidates:
        if not any(other.starts_at < end and other.ends_at > start for start, end in occurrences):
            continue
        own = other.network_id == network.pk
        if (
            own
            and (other.title.strip().casefold(), other.format) == key
            and (other.starts_at in starts)
        ):
            if other.series_id:
                text = _(
                    "An identical series exists: “%(title)s” (%(format)s) has a meeting "
                    "on %(when)s."
                )
            else:
                text = _("An identical meeting exists: “%(title)s” (%(format)s) on %(when)s.")
            warnings.append(
                text
                % {"title": other.title, "format": other.get_format_display(), "when": _when(other)}
            )
        elif own:
            warnings.append(
                _("Another meeting of this network overlaps: “%(title)s” on %(when)s.")
                % {"title": other.title, "when": _when(other)}
            )
        busy = ({other.facilitator_id} | roles.get(other.pk, set())) & set(names)
        for user_id in sorted(busy, key=lambda pk: names[pk]):
            if own:
                text = _("%(name)s is already taking part in “%(title)s” on %(when)s.")
            else:
                text = _(
                    "%(name)s is already taking part in a meeting of another network on %(when)s."
                )
            warnings.append(
                text % {"name": names[user_id], "title": other.title, "when": _when(other)}
            )
    if len(warnings) > MAX_WARNINGS:
        rest = len(warnings) - MAX_WARNINGS
        warnings = warnings[:MAX_WARNINGS] + [_("… and %(count)d more.") % {"count": rest}]
    return warnings


def warnings_digest(warnings: list[str]) -> str:
    """Names a set of warnings: "save anyway" confirms exactly the warnings that were shown
    (when the form was changed meanwhile and others arise, they are shown again)."""
    return hashlib.sha256("\n".join(warnings).encode()).hexdigest()[:24]
