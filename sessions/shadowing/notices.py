"""Notices that a step of a shadowing day is someone's now, written by the services in the
transaction of the step itself (``sessions.reminders.services.notify``):

| kind | event | to whom |
|---|---|---|
| ``shadowing_request`` | someone asks to shadow a host on an offered half-day | the host |
| ``shadowing_accepted`` / ``shadowing_declined`` | the host answers | the shadower |
| ``shadowing_confirmed`` | the host confirms the day took place | the shadower |
| ``shadowing_feedback`` | a teacher gives feedback on the reflection | the shadower |
| ``reflection_waiting`` | a reflection is written | the shadower's teachers: one item per
  reflection in the platform, one mail per teacher per day listing what waits |

Each goes by mail, in the platform or both, as the person chose under My reminders. The
notices say who and when, never a word of the learning goals, a reflection, feedback or a
reason (free text may name a client). A notice about a day the person may no longer see (a
cancelled day, a network they left) reads "no longer available".
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db.models import Exists, OuterRef, Q
from django.http import Http404
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, gettext_noop

from networks.choices import Role
from networks.models import Membership
from sessions.reminders.kinds import AMSTERDAM, EventKind, InLanguage, current_member_pairs
from sessions.reminders.services import notify, notify_mail, notify_platform

from .choices import CLOSED_STATUSES, ShadowingStatus
from .models import ShadowingDay, ShadowingFeedback
from .permissions import get_day_for_viewer, taught_students

REQUEST = "shadowing_request"
ACCEPTED = "shadowing_accepted"
DECLINED = "shadowing_declined"
CONFIRMED = "shadowing_confirmed"
FEEDBACK = "shadowing_feedback"
REFLECTION_WAITING = "reflection_waiting"

# The daily mail to teachers goes out at this hour (Amsterdam time).
BUNDLE_HOUR = dt.time(8, 0)


def _date(day: ShadowingDay) -> str:
    return date_format(day.date, "j F")


def _visible_day_ids(user, days: list[ShadowingDay]) -> set[int]:
    """The days among ``days`` that ``user`` may see under the one visibility rule
    (``permissions.can_see_day``: shadower, host, the network's coordinators, the teachers
    who teach the shadower). One query, whatever the number of days."""
    if not days:
        return set()
    rule = Q(shadower_id=user.pk) | Q(host_id=user.pk)
    for network_id in {day.network_id for day in days}:
        coordinator = Membership.objects.current().filter(
            network_id=network_id, user_id=user.pk, role=Role.COORDINATOR
        )
        rule |= Q(network_id=network_id) & (
            Q(Exists(coordinator)) | Q(shadower_id__in=taught_students(user, network_id))
        )
    return set(
        ShadowingDay.objects.filter(pk__in=[day.pk for day in days])
        .filter(rule)
        .values_list("pk", flat=True)
    )


class DayNotice(EventKind):
    """A notice about one shadowing day; it opens the day's page."""

    model = "shadowing.ShadowingDay"

    def target_queryset(self):
        return ShadowingDay.objects.select_related("network", "host_network", "shadower", "host")

    def link(self, item) -> str:
        day = item.target
        return reverse("shadowing:day", args=[day.network.slug, day.pk])

    def still_valid(self, rows, now):
        return {row.pk for row in rows if row.target is not None and not row.target.is_cancelled}

    def available(self, user, items, networks):
        days = [
            item.target
            for item in items
            if item.target is not None
            and not item.target.is_cancelled
            and item.network_id in networks
        ]
        visible = _visible_day_ids(user, days)
        return {item.pk for item in items if item.target is not None and item.target.pk in visible}

    def opens(self, user, item):
        day = item.target
        if day is None or day.is_cancelled:
            return None
        if not current_member_pairs({(item.network_id, user.pk)}, timezone.now()):
            return None
        try:
            day = get_day_for_viewer(user, day.network.slug, day.pk)
        except Http404:
            return None
        return self.link(item)


class RequestReceived(DayNotice):
    code = REQUEST
    label = gettext_lazy("A notice when someone asks to shadow me (as host)")
    order = 210

    def notice(self, item, now):
        day = item.target
        return _("%(name)s asks to shadow you on %(date)s (%(dagdeel)s).") % {
            "name": day.shadower.get_full_name(),
            "date": _date(day),
            "dagdeel": day.get_dagdeel_display().lower(),
        }


class RequestAccepted(DayNotice):
    code = ACCEPTED
    label = gettext_lazy("A notice when my request to shadow someone is accepted")
    order = 220

    def notice(self, item, now):
        day = item.target
        return _("%(name)s accepted your request: you shadow them on %(date)s.") % {
            "name": day.host.get_full_name(),
            "date": _date(day),
        }


class RequestDeclined(DayNotice):
    code = DECLINED
    label = gettext_lazy("A notice when my shadowing request or day is declined")
    order = 230

    def notice(self, item, now):
        day = item.target
        return _("%(name)s declined your shadowing day on %(date)s.") % {
            "name": day.host.get_full_name(),
            "date": _date(day),
        }


class DayConfirmed(DayNotice):
    code = CONFIRMED
    label = gettext_lazy("A notice when the host confirms my shadowing day")
    order = 240

    def notice(self, item, now):
        day = item.target
        return _("%(name)s confirmed your shadowing day of %(date)s.") % {
            "name": day.host.get_full_name(),
            "date": _date(day),
        }


class FeedbackGiven(DayNotice):
    code = FEEDBACK
    label = gettext_lazy("A notice when a teacher gives feedback on my reflection")
    order = 250

    def notice(self, item, now):
        day = item.target
        return _(
            "A teacher gave feedback on your reflection on the shadowing day with %(name)s "
            "of %(date)s."
        ) % {"name": day.host.get_full_name(), "date": _date(day)}


def _waiting_days(teacher) -> list[ShadowingDay]:
    """Reflections of students ``teacher`` teaches (in any network where they teach) that
    have no feedback yet, oldest first."""
    networks = (
        Membership.objects.current()
        .filter(user_id=teacher.pk, role=Role.TEACHER)
        .values_list("network_id", flat=True)
    )
    rule = Q(pk__in=[])
    for network_id in networks:
        rule |= Q(network_id=network_id, shadower_id__in=taught_students(teacher, network_id))
    return list(
        ShadowingDay.objects.filter(rule, reflection_written_at__isnull=False)
        .exclude(status__in=CLOSED_STATUSES)
        .exclude(Exists(ShadowingFeedback.objects.filter(day_id=OuterRef("pk"))))
        .select_related("network", "shadower", "host")
        .order_by("reflection_written_at")
    )


class ReflectionWaiting(DayNotice):
    """In the platform: one item per reflection, opening the day (where the feedback is
    written). By mail: at most one a day per teacher (the rows of a day share one key),
    listing every reflection of their students still waiting when it is sent."""

    code = REFLECTION_WAITING
    label = gettext_lazy("Daily: reflections of my students waiting for my feedback")
    order = 260

    def notice(self, item, now):
        day = item.target
        if day is None:  # the daily mail
            count = len(self._waiting(item))
            return (
                _("One reflection of your students waits for your feedback.")
                if count == 1
                else _("%(count)s reflections of your students wait for your feedback.")
                % {"count": count}
            )
        return _(
            "%(name)s wrote a reflection on the shadowing day of %(date)s: it waits for your "
            "feedback."
        ) % {"name": day.shadower.get_full_name(), "date": _date(day)}

    def _waiting(self, delivery) -> list[ShadowingDay]:
        cache = delivery.__dict__.setdefault("_lin_waiting", {})
        if "days" not in cache:
            cache["days"] = _waiting_days(delivery.recipient)
        return cache["days"]

    def link(self, item) -> str:
        if item.target is None:
            return reverse("shadowing:students", args=[item.network.slug])
        return super().link(item)

    def _bundle(self, delivery, now) -> str:
        """The daily mail: how many wait, and a line per reflection with its link."""
        lines = [
            _("%(name)s, shadowing day of %(date)s: %(url)s")
            % {
                "name": day.shadower.get_full_name(),
                "date": _date(day),
                "url": settings.SITE_URL
                + reverse("shadowing:day", args=[day.network.slug, day.pk]),
            }
            for day in self._waiting(delivery)
        ]
        return "\n".join([self.notice(delivery, now), *lines])

    def context(self, delivery, now):
        context = super().context(delivery, now)
        if delivery.target is None:
            context["subject"] = context["notice"]
            context["notice"] = InLanguage(lambda: self._bundle(delivery, now))
        return context

    def still_valid(self, rows, now):
        return {row.pk for row in rows if row.recipient_id and self._waiting(row)}

    def withdraw_reason(self, delivery):
        return gettext_noop(
            "No longer due: every reflection got feedback, or the teacher left the network or "
            "switched these mails off."
        )


KINDS = (RequestReceived, RequestAccepted, RequestDeclined, DayConfirmed, FeedbackGiven)
NOTICE_KINDS = (*KINDS, ReflectionWaiting)


# --- what the services call, inside their transaction --------------------------------------


def _key(what: str, day: ShadowingDay) -> str:
    return f"shadowing-day:{day.pk}:{what}"


def request_received(*, day: ShadowingDay) -> None:
    """Tell the host that ``day`` was requested on their half-day."""
    notify(
        kind=REQUEST,
        recipient=day.host,
        network=day.host_network,
        key=_key("requested", day),
        target=day,
        by=day.shadower,
    )


def request_answered(*, day: ShadowingDay, accepted: bool) -> None:
    """Tell the shadower that the host accepted or declined ``day``."""
    notify(
        kind=ACCEPTED if accepted else DECLINED,
        recipient=day.shadower,
        network=day.network,
        key=_key("accepted" if accepted else "declined", day),
        target=day,
        by=day.host,
    )


def day_confirmed(*, day: ShadowingDay) -> None:
    notify(
        kind=CONFIRMED,
        recipient=day.shadower,
        network=day.network,
        key=_key("confirmed", day),
        target=day,
        by=day.host,
    )


def feedback_given(*, feedback: ShadowingFeedback) -> None:
    day = feedback.day
    notify(
        kind=FEEDBACK,
        recipient=day.shadower,
        network=day.network,
        key=_key(f"feedback.{feedback.pk}", day),
        target=day,
        by=feedback.author,
    )


def next_bundle_moment(now: dt.datetime) -> dt.datetime:
    """The next 08:00 in Amsterdam at or after ``now``."""
    local = now.astimezone(AMSTERDAM)
    moment = dt.datetime.combine(local.date(), BUNDLE_HOUR, tzinfo=AMSTERDAM)
    if moment < now:
        moment = dt.datetime.combine(
            local.date() + dt.timedelta(days=1), BUNDLE_HOUR, tzinfo=AMSTERDAM
        )
    return moment


def teachers_of_shadower(day: ShadowingDay):
    """The current teachers of ``day``'s network who teach its shadower (same school)."""
    from accounts.models import User

    school = (
        Membership.objects.current()
        .filter(
            network_id=day.network_id,
            user_id=day.shadower_id,
            role=Role.STUDENT,
            organisation__isnull=False,
        )
        .values("organisation_id")
    )
    teachers = Membership.objects.current().filter(
        network_id=day.network_id, role=Role.TEACHER, organisation_id__in=school
    )
    return User.objects.filter(pk__in=teachers.values("user_id"))


def reflection_written(*, day: ShadowingDay) -> None:
    """Tell the shadower's teachers that a reflection waits for their feedback: an item per
    reflection in the platform, and the day's one mail (08:00) per teacher."""
    moment = next_bundle_moment(timezone.now())
    for teacher in teachers_of_shadower(day):
        notify_platform(
            kind=REFLECTION_WAITING,
            recipient=teacher,
            network=day.network,
            key=_key("reflection", day),
            target=day,
        )
        notify_mail(
            kind=REFLECTION_WAITING,
            recipient=teacher,
            network=day.network,
            key=f"reflections-waiting:{teacher.pk}:{moment.date().isoformat()}",
            due_at=moment,
        )


# --- demo data --------------------------------------------------------------------------------


def seed_notices_demo(ctx) -> None:
    """The ``seed_demo`` seeder (after the shadowing days): the notices their steps would
    have left in the platform (no mail: the demo sends none). Those about days more than
    two weeks ago are read already. Idempotent (one notice per key)."""
    from datetime import timedelta

    from sessions.reminders.models import Notification

    recent = ctx.today - timedelta(days=14)
    before = Notification.objects.count()
    days = ShadowingDay.objects.select_related("network", "host_network", "shadower", "host")
    for day in days.prefetch_related("feedback"):
        told = []
        if day.status == ShadowingStatus.REQUESTED:
            told.append((REQUEST, day.host, day.host_network, "requested"))
        if day.accepted_at is not None:
            told.append((ACCEPTED, day.shadower, day.network, "accepted"))
        if day.status == ShadowingStatus.DECLINED:
            told.append((DECLINED, day.shadower, day.network, "declined"))
        if day.status == ShadowingStatus.CONFIRMED:
            told.append((CONFIRMED, day.shadower, day.network, "confirmed"))
        for feedback in day.feedback.all():
            told.append((FEEDBACK, day.shadower, day.network, f"feedback.{feedback.pk}"))
        for kind, person, network, what in told:
            notify_platform(
                kind=kind, recipient=person, network=network, key=_key(what, day), target=day
            )
        if day.has_reflection and not day.feedback.all():
            for teacher in teachers_of_shadower(day):
                notify_platform(
                    kind=REFLECTION_WAITING,
                    recipient=teacher,
                    network=day.network,
                    key=_key("reflection", day),
                    target=day,
                )
    Notification.objects.filter(
        read_at__isnull=True,
        content_type__model="shadowingday",
        object_id__in=ShadowingDay.objects.filter(date__lt=recent).values("pk"),
    ).update(read_at=ctx.now)
    ctx.record(Notification, Notification.objects.count() - before)
