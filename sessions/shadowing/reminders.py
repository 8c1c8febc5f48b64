"""The reminder kinds about shadowing days (meelopen), registered like the meeting kinds.

Each asks ``sessions.shadowing.selectors`` which days are due and keeps the recipients who
are still current members of the network the reminder is about and have not switched the
kind off. The mails say when and where, and with whom; never a word of a reflection or of
the learning goals (they may describe clients).
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop

from networks.choices import Role
from networks.models import Membership
from sessions.reminders.kinds import AMSTERDAM, Due, Kind, digest_moment

from . import selectors as shadowing_selectors
from .models import ShadowingDay

# Reminders about a day are sent at this hour (Amsterdam time), not at midnight.
MORNING = dt.time(8, 0)


def morning_of(date: dt.date) -> dt.datetime:
    return dt.datetime.combine(date, MORNING, tzinfo=AMSTERDAM)


def day_key(day: ShadowingDay, what: str) -> str:
    """Names the day at its date and half-day: a day moved to another date is a new key."""
    return f"shadowing-day:{day.pk}@{day.date.isoformat()}:{day.dagdeel}:{what}"


def current_members(pairs: set[tuple[int, int]], now: dt.datetime) -> set[tuple[int, int]]:
    """Those (network id, user id) pairs that are a current membership; one query."""
    if not pairs:
        return set()
    today = now.astimezone(AMSTERDAM).date()
    rows = (
        Membership.objects.current(on=today)
        .filter(
            network_id__in={n for n, _u in pairs},
            user_id__in={u for _n, u in pairs},
        )
        .values_list("network_id", "user_id")
    )
    return set(rows) & pairs


def _wants(user, code: str) -> bool:
    return user.is_active and user.wants_reminder(code)


class ShadowingKind(Kind):
    """A kind whose object is one shadowing day; ``days()`` says which days are due."""

    model = "shadowing.ShadowingDay"
    reason = ""

    def days(self, now: dt.datetime):
        raise NotImplementedError

    def narrowed(self, now, object_ids, network_ids):
        qs = self.days(now)
        if object_ids is not None:
            qs = qs.filter(pk__in=object_ids)
        return list(qs.select_related("network", "host_network", "shadower", "host"))

    def target_queryset(self):
        return ShadowingDay.objects.select_related("network", "host_network", "shadower", "host")

    def context(self, delivery, now):
        day = delivery.target
        if day is None:
            return {}
        return {
            "day": day,
            "role": delivery.object_key.rsplit(":", 1)[-1],
            "day_url": settings.SITE_URL
            + reverse("shadowing:day", args=[day.network.slug, day.pk]),
        }

    def withdraw_reason(self, delivery):
        return self.reason

    def link(self, item) -> str:
        """In the notification centre: the day's page."""
        day = item.target
        return reverse("shadowing:day", args=[day.network.slug, day.pk])


class ShadowingDayBefore(ShadowingKind):
    """The day before a planned shadowing day, at 08:00 Amsterdam time (or at once when the
    day is planned later than that), to the shadower and to the host."""

    code = "shadowing_day_before"
    label = _("A reminder the day before a shadowing day")
    order = 60
    template = "shadowing/email/shadowing_day_before"
    reason = gettext_noop(
        "No longer due: the day is no longer planned (declined or cancelled), or the person "
        "left the network or switched this reminder off."
    )

    def days(self, now):
        return shadowing_selectors.due_day_before(now)

    def due(self, now, *, network_ids=None, recipient_ids=None, object_ids=None):
        days = self.narrowed(now, object_ids, network_ids)
        wanted = []
        for day in days:
            due_at = morning_of(day.date - dt.timedelta(days=1))
            if now < due_at:
                continue
            wanted.append((day, day.shadower, day.network_id, "shadower", due_at))
            wanted.append((day, day.host, day.host_network_id, "host", due_at))
        return self._dues(wanted, now, network_ids, recipient_ids)

    def key_what(self, role: str) -> str:
        """The last part of the delivery key: whom the mail is for (read back by
        ``context``), after what it is about where a kind needs to say so."""
        return role

    def _dues(self, wanted, now, network_ids, recipient_ids) -> list[Due]:
        wanted = [
            item
            for item in wanted
            if _wants(item[1], self.code)
            and (recipient_ids is None or item[1].pk in recipient_ids)
            and (network_ids is None or item[2] in network_ids)
        ]
        members = current_members(
            {(network_id, user.pk) for _d, user, network_id, *_ in wanted}, now
        )
        return [
            Due(
                self.code,
                day_key(day, self.key_what(role)),
                user.pk,
                0,
                due_at,
                network_id,
                object_id=day.pk,
            )
            for day, user, network_id, role, due_at in wanted
            if (network_id, user.pk) in members
        ]


class ShadowingReflection(ShadowingDayBefore):
    """Two days after a planned day, at 08:00, to the shadower while no reflection is
    written. Not sent for days that are more than a week past that moment (a day logged
    long afterwards, or a dispatcher that was down), so the first run sends no backlog."""

    code = "shadowing_reflection"
    label = _("A reminder to write the reflection on my shadowing day")
    order = 70
    template = "shadowing/email/shadowing_reflection"
    after_days = 2
    window = dt.timedelta(days=7)
    reason = gettext_noop(
        "No longer due: the reflection was written or the day was declined or cancelled, or "
        "the person left the network or switched this reminder off."
    )

    def days(self, now):
        oldest = (now - self.window).astimezone(AMSTERDAM).date() - dt.timedelta(
            days=self.after_days
        )
        return shadowing_selectors.due_reflection(now, after_days=self.after_days).filter(
            date__gte=oldest
        )

    def due(self, now, *, network_ids=None, recipient_ids=None, object_ids=None):
        wanted = []
        for day in self.narrowed(now, object_ids, network_ids):
            due_at = morning_of(day.date + dt.timedelta(days=self.after_days))
            if due_at <= now <= due_at + self.window:
                wanted.append((day, day.shadower, day.network_id, "shadower", due_at))
        return self._dues(wanted, now, network_ids, recipient_ids)


class ShadowingConfirmation(ShadowingDayBefore):
    """To the host, when a day's reflection has waited three days for their confirmation;
    once, and not when it has waited more than a week longer than that."""

    code = "shadowing_confirmation"
    label = _("A reminder when a shadowing day waits for my confirmation as host")
    order = 80
    template = "shadowing/email/shadowing_confirmation"
    pending_days = 3
    window = dt.timedelta(days=7)
    reason = gettext_noop(
        "No longer due: the host confirmed or declined the day, or left the network or "
        "switched this reminder off."
    )

    def days(self, now):
        pending = dt.timedelta(days=self.pending_days)
        return shadowing_selectors.due_host_confirmation(
            now, pending_days=self.pending_days
        ).filter(reflection_written_at__gte=now - pending - self.window)

    def due(self, now, *, network_ids=None, recipient_ids=None, object_ids=None):
        pending = dt.timedelta(days=self.pending_days)
        wanted = [
            (day, day.host, day.host_network_id, "host", day.reflection_written_at + pending)
            for day in self.narrowed(now, object_ids, network_ids)
        ]
        return self._dues(wanted, now, network_ids, recipient_ids)


class ShadowingCancelled(ShadowingDayBefore):
    """At once when the shadower or the host cancels a day (``shadowing_day_cancel`` runs
    the dispatcher right after commit): to the other one. Once per day, and not when the
    cancellation is more than a day old (a dispatcher that was down, someone who joined
    later)."""

    code = "shadowing_cancelled"
    label = _("A notice when the other person cancels a shadowing day")
    order = 90
    template = "shadowing/email/shadowing_cancelled"
    window = dt.timedelta(days=1)
    reason = gettext_noop(
        "No longer due: the person left the network or switched this notice off, or the "
        "cancellation is more than a day old."
    )

    def days(self, now):
        return shadowing_selectors.due_cancellation_notice(now, self.window)

    def key_what(self, role: str) -> str:
        return f"cancelled:{role}"

    def due(self, now, *, network_ids=None, recipient_ids=None, object_ids=None):
        wanted = []
        for day in self.narrowed(now, object_ids, network_ids):
            if day.cancelled_by_host:
                wanted.append((day, day.shadower, day.network_id, "shadower", day.cancelled_at))
            else:
                wanted.append((day, day.host, day.host_network_id, "host", day.cancelled_at))
        return self._dues(wanted, now, network_ids, recipient_ids)


class ShadowingMoved(ShadowingDayBefore):
    """At once when the shadower moves a day they logged themselves to another date, dagdeel
    or time (``shadowing_day_edit`` runs the dispatcher right after commit): to the host.
    Once per move (the key names the new date and the moment of the move); not when the
    move is more than a day old."""

    code = "shadowing_moved"
    label = _("A notice when a shadowing day I host is moved to another date or time")
    order = 100
    template = "shadowing/email/shadowing_moved"
    window = dt.timedelta(days=1)
    reason = gettext_noop(
        "No longer due: the day was cancelled or declined, the host left the network or "
        "switched this notice off, or the move is more than a day old."
    )

    def days(self, now):
        return shadowing_selectors.due_move_notice(now, self.window)

    def due(self, now, *, network_ids=None, recipient_ids=None, object_ids=None):
        wanted = [
            (
                day,
                day.host,
                day.host_network_id,
                f"moved@{day.moved_at:%Y%m%dT%H%M%S}:host",
                day.moved_at,
            )
            for day in self.narrowed(now, object_ids, network_ids)
        ]
        return self._dues(wanted, now, network_ids, recipient_ids)


class TeacherDigest(Kind):
    """Monday 08:00 Amsterdam time, to each teacher of a network in which reflections of
    current students they teach (same school) from the last four weeks wait for feedback:
    one mail per network, listing them. No mail when nothing waits."""

    code = "teacher_digest"
    label = _("Weekly overview for teachers: reflections waiting for feedback")
    order = 110
    template = "shadowing/email/teacher_digest"
    window = dt.timedelta(hours=12)
    looks_back = dt.timedelta(days=28)

    def due(self, now, *, network_ids=None, recipient_ids=None, object_ids=None):
        moment = digest_moment(now)
        if now - moment > self.window:
            return []
        # Only the teachers who teach a waiting student (same school) get the digest.
        schools = shadowing_selectors.awaiting_feedback_schools(
            moment - self.looks_back, network_ids
        )
        if not schools:
            return []
        teachers = Membership.objects.current(on=now.astimezone(AMSTERDAM).date()).filter(
            role=Role.TEACHER, network_id__in={n for n, _school in schools}, user__is_active=True
        )
        if recipient_ids is not None:
            teachers = teachers.filter(user_id__in=recipient_ids)
        key_date = moment.date().isoformat()
        return [
            Due(
                self.code, f"teacher-digest:{network_id}:{key_date}", user_id, 0, moment, network_id
            )
            for network_id, user_id, off, school in teachers.values_list(
                "network_id", "user_id", "user__reminders_off", "organisation_id"
            )
            if self.code not in (off or []) and (network_id, school) in schools
        ]

    def context(self, delivery, now):
        moment = digest_moment(now)
        days = shadowing_selectors.awaiting_feedback(
            delivery.recipient, delivery.network, moment - self.looks_back
        )
        return {
            "days": days,
            "weeks": self.looks_back.days // 7,
            "students_url": settings.SITE_URL
            + reverse("shadowing:students", args=[delivery.network.slug]),
        }

    def withdraw_reason(self, delivery):
        return gettext_noop(
            "No longer due: every reflection got feedback, or the teacher left the network or "
            "switched this reminder off."
        )


KINDS = (
    ShadowingDayBefore,
    ShadowingReflection,
    ShadowingConfirmation,
    ShadowingCancelled,
    ShadowingMoved,
    TeacherDigest,
)
