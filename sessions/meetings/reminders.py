"""The reminder kinds about meetings, registered from ``MeetingsConfig.ready()``.

What each kind answers is described in ``sessions.reminders.kinds``: what is due now?

``Kind.due(now, ...)`` computes, from the database alone, the reminders that are due at
``now``: one ``Due`` per (kind, object, recipient, lead time). The dispatcher stores them as
``Delivery`` rows under a unique key, and asks the same question again just before sending
(restricted to the claimed rows): a reminder that is no longer due (meeting moved or
cancelled, person left, declined or switched the kind off) is withdrawn instead of sent.
Because the answer depends only on the database and the clock, nothing is scheduled ahead
in the broker, and a rescheduled meeting simply produces other keys.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

import icalendar
from django.conf import settings
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop

from accounts.models import User
from lin_platform.site import site_host
from networks.choices import Role
from networks.models import Membership
from sessions.reminders.kinds import Due, Kind, digest_moment

from .choices import MeetingRoleKind, MeetingStatus, RsvpAnswer
from .models import Meeting, MeetingRole, Rsvp
from .models.guests import guest_speaker_lines


def meeting_url(meeting) -> str:
    return settings.SITE_URL + reverse("meetings:detail", args=[meeting.network.slug, meeting.pk])


def series_uid(series_pk: int) -> str:
    """The UID of a series' recurring event in its invitation's calendar file."""
    return f"series-{series_pk}@{site_host()}"


def meeting_ics(meeting) -> bytes:
    """A minimal VEVENT: the same UID and SEQUENCE (= revision) as the calendar feeds, so
    calendars update the event they already have instead of adding a second one.

    A meeting of a series that was invited as one recurring event (it has a
    ``recurrence_id``) is that event's occurrence: the series' UID with the RECURRENCE-ID,
    so a change or cancellation updates the occurrence instead of adding an event."""
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//LIN Platform//Reminders//EN")
    calendar.add("version", "2.0")
    calendar.add("method", "PUBLISH")
    event = icalendar.Event()
    if meeting.series_id is not None and meeting.recurrence_id is not None:
        from .invitations import add_timezone

        add_timezone(calendar)
        event.add("uid", series_uid(meeting.series_id))
        event.add(
            "recurrence-id",
            meeting.recurrence_id.astimezone(timezone.get_default_timezone()),
        )
    else:
        event.add("uid", f"meeting-{meeting.pk}@{site_host()}")
    event.add("sequence", meeting.revision)
    event.add("dtstamp", meeting.updated_at.astimezone(dt.UTC))
    event.add("dtstart", meeting.starts_at.astimezone(dt.UTC))
    event.add("dtend", meeting.ends_at.astimezone(dt.UTC))
    event.add("summary", meeting.title)
    if meeting.location:
        event.add("location", meeting.location)
    event.add("url", meeting_url(meeting))
    # What and who, never the agenda (it may hold what a mail must not carry).
    description = [meeting.get_format_display(), *guest_speaker_lines(meeting)]
    event.add("description", "\n".join(str(line) for line in description))
    cancelled = meeting.status == MeetingStatus.CANCELLED
    event.add("status", "CANCELLED" if cancelled else "CONFIRMED")
    calendar.add_component(event)
    return calendar.to_ical()


def _language_of(delivery) -> str:
    return delivery.recipient.language or settings.LANGUAGE_CODE


class MeetingKind(Kind):
    """A kind whose object is one meeting: the mail gets the meeting, its link and whether
    it was cancelled; with ``attach_ics`` the meeting's .ics goes along."""

    model = "meetings.Meeting"
    attach_ics = False

    def target_queryset(self):
        return Meeting.objects.select_related("network")

    def context(self, delivery, now):
        meeting = delivery.target
        if meeting is None:
            return {}
        return {
            "meeting": meeting,
            "meeting_url": meeting_url(meeting),
            "is_cancelled": meeting.status == MeetingStatus.CANCELLED,
        }

    def attachment_key(self, delivery):
        meeting = delivery.target
        if not self.attach_ics or meeting is None:
            return None
        # The description is in the recipient's language, like the mail.
        return ("ics", meeting.pk, meeting.revision, meeting.status, _language_of(delivery))

    def attachment(self, delivery):
        with translation.override(_language_of(delivery)):
            ics = meeting_ics(delivery.target)
        return "meeting.ics", ics, "text/calendar; charset=utf-8; method=PUBLISH"

    def withdraw_reason(self, delivery):
        meeting = delivery.target
        if meeting is None:
            return None
        if meeting.is_cancelled:
            return gettext_noop("The meeting was cancelled.")
        if f"@{int(meeting.starts_at.timestamp())}" not in delivery.object_key:
            return gettext_noop("The meeting was moved to another time.")
        return None


def meeting_key(meeting: Meeting, suffix: str = "") -> str:
    """Names the meeting *at its current start*: moving it makes every old key stale."""
    return f"meeting:{meeting.pk}@{int(meeting.starts_at.timestamp())}{suffix}"


class MeetingData:
    """Everything the meeting kinds need for a set of meetings, in a constant number of
    queries: the meetings, who is invited (current members of the meeting's network and of
    invited networks), those people, their answers and their roles."""

    def __init__(self, meetings: list[Meeting], recipient_ids: set[int] | None):
        self.meetings = meetings
        ids = [m.pk for m in meetings]
        network_ids = {m.network_id for m in meetings}
        invited = defaultdict(set)
        for meeting in meetings:
            for network in meeting.invited_networks.all():
                invited[meeting.pk].add(network.pk)
                network_ids.add(network.pk)
        members = Membership.objects.current().filter(network_id__in=network_ids)
        rsvps = Rsvp.objects.filter(meeting_id__in=ids)
        roles = MeetingRole.objects.filter(meeting_id__in=ids)
        if recipient_ids is not None:
            members = members.filter(user_id__in=recipient_ids)
            rsvps = rsvps.filter(user_id__in=recipient_ids)
            roles = roles.filter(user_id__in=recipient_ids)
        self.members_of: dict[int, set[int]] = defaultdict(set)
        self.coordinators_of: dict[int, set[int]] = defaultdict(set)
        for network_id, user_id, role in members.values_list("network_id", "user_id", "role"):
            self.members_of[network_id].add(user_id)
            if role == Role.COORDINATOR:
                self.coordinators_of[network_id].add(user_id)
        self.invited_networks = invited
        self.rsvp = {
            (m, u): (answer, waitlisted)
            for m, u, answer, waitlisted in rsvps.values_list(
                "meeting_id", "user_id", "answer", "waitlisted"
            )
        }
        self.roles: dict[int, list[tuple[int, str]]] = defaultdict(list)
        for m, u, kind in roles.values_list("meeting_id", "user_id", "kind"):
            self.roles[m].append((u, kind))
        user_ids = set().union(*self.members_of.values()) if self.members_of else set()
        self.users = {
            user.pk: user
            for user in User.objects.filter(pk__in=user_ids, is_active=True).only(
                "pk", "reminders_off", "meeting_reminder_minutes"
            )
        }

    def invitees(self, meeting: Meeting) -> set[int]:
        ids = set(self.members_of.get(meeting.network_id, ()))
        for network_id in self.invited_networks.get(meeting.pk, ()):
            ids |= self.members_of.get(network_id, set())
        return {pk for pk in ids if pk in self.users}

    def declined(self, meeting: Meeting, user_id: int) -> bool:
        answer = self.rsvp.get((meeting.pk, user_id))
        return answer is not None and answer[0] == RsvpAnswer.NO

    def wants(self, user_id: int, kind: str) -> bool:
        user = self.users.get(user_id)
        return user is not None and user.wants_reminder(kind)


def upcoming_meetings(
    now: dt.datetime,
    horizon: dt.timedelta,
    meeting_ids: set[int] | None,
    *,
    statuses=(MeetingStatus.SCHEDULED,),
    extra: Q | None = None,
) -> list[Meeting]:
    qs = Meeting.objects.filter(
        status__in=statuses, starts_at__gt=now, starts_at__lte=now + horizon
    ).prefetch_related("invited_networks")
    if meeting_ids is not None:
        qs = qs.filter(pk__in=meeting_ids)
    if extra is not None:
        qs = qs.filter(extra)
    return list(qs)


class MeetingReminder(MeetingKind):
    """Before a meeting, at each lead time the person chose (default 2 days and 2 hours),
    to those who are coming: answered yes (not waiting) or maybe, the facilitator and
    whoever has a role. When several lead times are due at once (a meeting planned at short
    notice, a dispatcher that was down), only the nearest one is sent."""

    code = "meeting_reminder"
    label = _("Reminders before a meeting")
    order = 10
    # Sent at the lead times a person sets under My reminders.
    uses_lead_times = True
    template = "meetings/email/meeting_reminder"
    attach_ics = True
    horizon = dt.timedelta(days=30)

    def due(self, now, *, network_ids=None, recipient_ids=None, object_ids=None):
        meeting_ids = object_ids
        meetings = upcoming_meetings(now, self.horizon, meeting_ids)
        data = MeetingData(meetings, recipient_ids)
        result = []
        for meeting in meetings:
            with_role = {user_id for user_id, _kind in data.roles.get(meeting.pk, ())}
            if meeting.facilitator_id:
                with_role.add(meeting.facilitator_id)
            for user_id in data.invitees(meeting) | (with_role & set(data.users)):
                if not data.wants(user_id, self.code) or data.declined(meeting, user_id):
                    continue
                answer = data.rsvp.get((meeting.pk, user_id))
                coming = answer is not None and (
                    answer[0] == RsvpAnswer.MAYBE or (answer[0] == RsvpAnswer.YES and not answer[1])
                )
                if not coming and user_id not in with_role:
                    continue
                leads = data.users[user_id].meeting_reminder_minutes or []
                due_leads = [
                    lead
                    for lead in leads
                    if isinstance(lead, int)
                    and lead > 0
                    and meeting.starts_at - dt.timedelta(minutes=lead) <= now
                ]
                if not due_leads:
                    continue
                lead = min(due_leads)
                result.append(
                    Due(
                        self.code,
                        meeting_key(meeting),
                        user_id,
                        lead,
                        meeting.starts_at - dt.timedelta(minutes=lead),
                        meeting.network_id,
                        meeting.pk,
                    )
                )
        return result


class RsvpNudge(MeetingKind):
    """Three days before a meeting, to invited members who have not answered."""

    code = "rsvp_nudge"
    label = _("A nudge when I have not answered an invitation")
    order = 20
    template = "meetings/email/rsvp_nudge"
    lead = 3 * 24 * 60

    def due(self, now, *, network_ids=None, recipient_ids=None, object_ids=None):
        meeting_ids = object_ids
        meetings = upcoming_meetings(now, dt.timedelta(minutes=self.lead), meeting_ids)
        data = MeetingData(meetings, recipient_ids)
        return [
            Due(
                self.code,
                meeting_key(meeting),
                user_id,
                self.lead,
                meeting.starts_at - dt.timedelta(minutes=self.lead),
                meeting.network_id,
                meeting.pk,
            )
            for meeting in meetings
            for user_id in data.invitees(meeting)
            if (meeting.pk, user_id) not in data.rsvp and data.wants(user_id, self.code)
        ]


class PreparationReminder(MeetingKind):
    """A week before, to whoever prepares something: the case-bringer of an intervisie,
    the pair presenting a klinische les."""

    code = "preparation"
    label = _("Preparation reminders for my role in a meeting")
    order = 30
    template = "meetings/email/preparation"
    lead = 7 * 24 * 60
    roles = (MeetingRoleKind.CASE_BRINGER, MeetingRoleKind.PRESENTER)

    def due(self, now, *, network_ids=None, recipient_ids=None, object_ids=None):
        meeting_ids = object_ids
        meetings = upcoming_meetings(now, dt.timedelta(minutes=self.lead), meeting_ids)
        data = MeetingData(meetings, recipient_ids)
        result = []
        for meeting in meetings:
            for user_id, role in data.roles.get(meeting.pk, ()):
                if role not in self.roles or user_id not in data.users:
                    continue
                if not data.wants(user_id, self.code) or data.declined(meeting, user_id):
                    continue
                result.append(
                    Due(
                        self.code,
                        meeting_key(meeting, f":{role}"),
                        user_id,
                        self.lead,
                        meeting.starts_at - dt.timedelta(minutes=self.lead),
                        meeting.network_id,
                        meeting.pk,
                    )
                )
        return result

    def context(self, delivery, now):
        role = delivery.object_key.rsplit(":", 1)[-1]
        return {
            **super().context(delivery, now),
            "role": role,
            "role_label": MeetingRoleKind(role).label,
        }


class MeetingChange(MeetingKind):
    """At once when a meeting changes in a way people should hear about (its ``revision``
    is bumped by the scheduling services) or is cancelled: one notice per revision, to
    everyone invited who has not declined."""

    code = "meeting_change"
    label = _("Notices when a meeting is changed or cancelled")
    order = 40
    template = "meetings/email/meeting_change"
    attach_ics = True
    # A change older than this is not announced any more (e.g. to someone who joined later).
    window = dt.timedelta(days=1)

    def due(self, now, *, network_ids=None, recipient_ids=None, object_ids=None):
        meeting_ids = object_ids
        meetings = upcoming_meetings(
            now,
            dt.timedelta(days=366),
            meeting_ids,
            statuses=(MeetingStatus.SCHEDULED, MeetingStatus.CANCELLED),
            extra=Q(revision__gt=0, updated_at__gte=now - self.window),
        )
        data = MeetingData(meetings, recipient_ids)
        result = []
        for meeting in meetings:
            recipients = data.invitees(meeting)
            if meeting.facilitator_id in data.users:
                recipients.add(meeting.facilitator_id)
            for user_id in recipients:
                if not data.wants(user_id, self.code) or data.declined(meeting, user_id):
                    continue
                result.append(
                    Due(
                        self.code,
                        f"meeting:{meeting.pk}:rev{meeting.revision}",
                        user_id,
                        0,
                        min(meeting.updated_at, now),
                        meeting.network_id,
                        meeting.pk,
                    )
                )
        return result

    def withdraw_reason(self, delivery):
        return gettext_noop("A newer change notice replaces this one.")


class WeeklyDigest(Kind):
    """Monday 08:00 Amsterdam time, to each network's coordinators: the coming meetings,
    the answers still missing and the domains missing from each meeting."""

    code = "weekly_digest"
    label = _("Weekly overview for coordinators")
    order = 50
    template = "meetings/email/weekly_digest"
    # Sent late only within this window (a dispatcher down for a morning), not days later.
    window = dt.timedelta(hours=12)
    ahead = dt.timedelta(days=14)

    def due(self, now, *, network_ids=None, recipient_ids=None, object_ids=None):
        moment = digest_moment(now)
        if now - moment > self.window:
            return []
        coordinators = Membership.objects.current().filter(role=Role.COORDINATOR)
        if network_ids is not None:
            coordinators = coordinators.filter(network_id__in=network_ids)
        if recipient_ids is not None:
            coordinators = coordinators.filter(user_id__in=recipient_ids)
        rows = list(
            coordinators.filter(user__is_active=True).values_list(
                "network_id", "user_id", "user__reminders_off"
            )
        )
        key_date = moment.date().isoformat()
        return [
            Due(self.code, f"digest:{network_id}:{key_date}", user_id, 0, moment, network_id)
            for network_id, user_id, off in rows
            if self.code not in (off or [])
        ]

    def context(self, delivery, now):
        from accounts.choices import Domain

        meetings = list(
            Meeting.objects.filter(
                network_id=delivery.network_id,
                status=MeetingStatus.SCHEDULED,
                starts_at__gt=now,
                starts_at__lte=now + self.ahead,
            ).prefetch_related("invited_networks")
        )
        data = MeetingData(meetings, None)
        professions = dict(User.objects.filter(pk__in=data.users).values_list("pk", "profession"))
        from accounts.choices import PROFESSION_DOMAIN

        def domain(user_id):
            return PROFESSION_DOMAIN.get(professions.get(user_id), Domain.CITIZENS)

        rows = []
        for meeting in meetings:
            invitees = data.invitees(meeting)
            coming = {
                u
                for u in invitees
                if data.rsvp.get((meeting.pk, u), ("", False))[0] == RsvpAnswer.YES
                and not data.rsvp[(meeting.pk, u)][1]
            }
            expected = {domain(u) for u in invitees}
            present = {domain(u) for u in coming}
            rows.append(
                {
                    "meeting": meeting,
                    "coming": len(coming),
                    "missing_answers": len(
                        [u for u in invitees if (meeting.pk, u) not in data.rsvp]
                    ),
                    "missing_domains": [
                        Domain(d).label for d in Domain.values if d in expected - present
                    ],
                }
            )
        return {"rows": rows, "ahead_days": self.ahead.days}


KINDS = (MeetingReminder, RsvpNudge, PreparationReminder, MeetingChange, WeeklyDigest)
