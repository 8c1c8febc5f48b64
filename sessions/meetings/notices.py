"""Notices that a meeting asks something of a person, written by the services in the
transaction of the change itself (``sessions.reminders.services.notify``):

- ``meeting_role``: given a role in a meeting (facilitator, note-taker, case-bringer,
  presenter): to that person;
- ``meeting_action``: an action agreed in a meeting is put in their name: to that person.

Each goes by mail, in the platform or both, as the person chose under My reminders; nothing
for the one who made the change themself. The notices name the meeting, its date and the
role; never the agenda or an action's text (free text may name a client). A notice about a
meeting the person may no longer see, or one that was cancelled, reads "no longer
available".
"""

from __future__ import annotations

from django.http import Http404
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from sessions.reminders.kinds import EventKind, current_member_pairs
from sessions.reminders.services import notify

from .choices import MeetingRoleKind
from .models import ActionStatus, Meeting, MeetingAction
from .permissions import get_meeting_for_member

ROLE = "meeting_role"
ACTION = "meeting_action"
FACILITATOR = "facilitator"


def _when(meeting: Meeting) -> str:
    return date_format(timezone.localtime(meeting.starts_at), "j F H:i")


def _sees(meeting: Meeting, networks: set[int]) -> bool:
    """``can_see_meeting`` read from what is loaded: a member of its network or of an
    invited one (``networks`` are the reader's current networks)."""
    return meeting.network_id in networks or any(
        network.pk in networks for network in meeting.invited_networks.all()
    )


def _opens(user, meeting: Meeting, item) -> bool:
    if meeting is None or meeting.is_cancelled:
        return False
    if not current_member_pairs({(item.network_id, user.pk)}, timezone.now()):
        return False
    try:
        get_meeting_for_member(user, meeting.pk)
    except Http404:
        return False
    return True


class RoleGiven(EventKind):
    code = ROLE
    label = gettext_lazy("A notice when I am given a role in a meeting")
    model = "meetings.Meeting"
    order = 170

    def target_queryset(self):
        return Meeting.objects.select_related("network")

    def centre_queryset(self):
        return Meeting.objects.select_related("network").prefetch_related("invited_networks")

    def _role(self, item) -> str:
        # The key: meeting-role:<meeting>:<role>[:series]
        return item.object_key.split(":")[2]

    def notice(self, item, now):
        meeting = item.target
        role = self._role(item)
        label = _("facilitator") if role == FACILITATOR else MeetingRoleKind(role).label.lower()
        values = {"role": label, "title": meeting.title, "when": _when(meeting)}
        if item.object_key.endswith(":series"):
            return (
                _(
                    "You are the %(role)s of “%(title)s” on %(when)s and of the next meetings "
                    "of its series."
                )
                % values
            )
        return _("You are the %(role)s of “%(title)s” on %(when)s.") % values

    def link(self, item):
        meeting = item.target
        return reverse("meetings:detail", args=[meeting.network.slug, meeting.pk])

    def still_valid(self, rows, now):
        return {row.pk for row in rows if row.target is not None and not row.target.is_cancelled}

    def available(self, user, items, networks):
        return {
            item.pk
            for item in items
            if item.target is not None
            and not item.target.is_cancelled
            and item.network_id in networks
            and _sees(item.target, networks)
        }

    def opens(self, user, item):
        return self.link(item) if _opens(user, item.target, item) else None


class ActionAssigned(EventKind):
    code = ACTION
    label = gettext_lazy("A notice when an action agreed in a meeting is put in my name")
    model = "meetings.MeetingAction"
    order = 180

    def target_queryset(self):
        return MeetingAction.objects.select_related("meeting__network")

    def centre_queryset(self):
        return MeetingAction.objects.select_related("meeting__network").prefetch_related(
            "meeting__invited_networks"
        )

    def notice(self, item, now):
        meeting = item.target.meeting
        values = {"title": meeting.title, "when": _when(meeting)}
        if item.target.due_on:
            values["due"] = date_format(item.target.due_on, "j F")
            return (
                _("An action agreed in “%(title)s” (%(when)s) is yours, before %(due)s.") % values
            )
        return _("An action agreed in “%(title)s” (%(when)s) is yours.") % values

    def link(self, item):
        meeting = item.target.meeting
        return reverse("meetings:record", args=[meeting.network.slug, meeting.pk]) + "#actions"

    def still_valid(self, rows, now):
        return {
            row.pk
            for row in rows
            if row.target is not None
            and row.target.is_open
            and row.target.owner_id == row.recipient_id
        }

    def available(self, user, items, networks):
        return {
            item.pk
            for item in items
            if item.target is not None
            and item.network_id in networks
            and _sees(item.target.meeting, networks)
        }

    def opens(self, user, item):
        action = item.target
        return self.link(item) if action and _opens(user, action.meeting, item) else None


NOTICE_KINDS = (RoleGiven, ActionAssigned)


# --- what the services call, inside their transaction --------------------------------------


def role_given(*, meeting: Meeting, person, role: str, by=None, series: bool = False) -> None:
    """Tell ``person`` they have ``role`` (``"facilitator"`` or a ``MeetingRoleKind``) in
    ``meeting`` (and, with ``series``, in the next meetings of its series)."""
    if person is None:
        return
    key = f"meeting-role:{meeting.pk}:{role}" + (":series" if series else "")
    notify(
        kind=ROLE,
        recipient=person,
        network=meeting.network,
        key=key,
        target=meeting,
        by=by,
    )


def action_assigned(*, action: MeetingAction, by=None) -> None:
    if action.owner_id is None:
        return
    notify(
        kind=ACTION,
        recipient=action.owner,
        network=action.meeting.network,
        key=f"meeting-action:{action.pk}",
        target=action,
        by=by,
    )


# --- demo data --------------------------------------------------------------------------------


def seed_notices_demo(ctx) -> None:
    """The ``seed_demo`` seeder (after the method records): the role and action notices of
    the meetings still to come, in the platform only (the demo sends no mail). Idempotent."""
    from sessions.reminders.models import Notification
    from sessions.reminders.services import notify_platform

    from .models import MeetingRole

    before = Notification.objects.count()
    coming = timezone.now()
    for role in MeetingRole.objects.filter(meeting__starts_at__gt=coming).select_related(
        "meeting__network", "user"
    ):
        notify_platform(
            kind=ROLE,
            recipient=role.user,
            network=role.meeting.network,
            key=f"meeting-role:{role.meeting_id}:{role.kind}",
            target=role.meeting,
        )
    for action in MeetingAction.objects.filter(
        owner__isnull=False, status=ActionStatus.OPEN
    ).select_related("meeting__network", "owner"):
        notify_platform(
            kind=ACTION,
            recipient=action.owner,
            network=action.meeting.network,
            key=f"meeting-action:{action.pk}",
            target=action,
        )
    ctx.record(Notification, Notification.objects.count() - before)
