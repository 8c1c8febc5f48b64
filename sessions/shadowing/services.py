"""Writes of shadowing days (meelopen): offering dagdelen, requesting and logging days,
editing and cancelling them, the host's answers, reflections, and teachers' feedback.

Every function checks its own invariants and raises ``ValidationError`` with a message for
the person (nothing is changed then); the views have already checked who may act, and the
functions check it again so that no other caller can skip it.

What "the other domain" means, the usual times of a dagdeel and the hours a day may have
are pure rules in ``rules``; these functions apply them to the database.
"""

import uuid
from dataclasses import dataclass
from datetime import date, datetime, time
from decimal import Decimal

from dateutil.rrule import WEEKLY, rrule
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef, Q, Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from networks.choices import ShadowingSameDomainPolicy
from networks.models import Network
from sessions.reminders.services import reminders_send_soon

from . import notices
from . import permissions as perms
from .choices import (
    ACTIVE_STATUSES,
    EDITABLE_STATUSES,
    ShadowingSource,
    ShadowingStatus,
)
from .models import ShadowingDay, ShadowingFeedback, ShadowingSlot
from .permissions import (
    can_host_in,
    can_shadow_in,
    partner_network_ids,
)
from .rules import (
    MAX_HOURS,
    check_times,
    crosses_domains,
    hours_between,
    same_domain,
    times_or_defaults,
)
from .transitions import Action, shadowing_day_transition


def _check_same_domain(*, network: Network, shadower: User, host: User, reason: str) -> str:
    """The reason to keep ('' when the host is of the other domain)."""
    if not same_domain(shadower, host):
        return ""
    if network.shadowing_same_domain == ShadowingSameDomainPolicy.REFUSE:
        raise ValidationError(
            _(
                "%(host)s works in the same domain as you (%(domain)s). In this network a "
                "shadowing day is with someone of the other domain."
            )
            % {"host": host, "domain": host.get_domain_display()}
        )
    if not reason.strip():
        raise ValidationError(
            _(
                "%(host)s works in the same domain as you (%(domain)s). Say why you want to "
                "shadow them all the same."
            )
            % {"host": host, "domain": host.get_domain_display()}
        )
    return reason.strip()


def _check_own_calendar(
    *, shadower: User, on: date, starts_at: time, ends_at: time, hours: Decimal, exclude_pk=None
) -> None:
    """No two live days of one person overlap, and one date holds at most 12 hours."""
    # Lock the person: two requests at once must not both pass the overlap check.
    User.objects.select_for_update().filter(pk=shadower.pk).first()
    days = ShadowingDay.objects.filter(shadower=shadower, date=on, status__in=ACTIVE_STATUSES)
    if exclude_pk is not None:
        days = days.exclude(pk=exclude_pk)
    overlapping = days.filter(starts_at__lt=ends_at, ends_at__gt=starts_at).first()
    if overlapping is not None:
        raise ValidationError(
            _(
                "This overlaps with your shadowing day with %(host)s on %(date)s "
                "(%(start)s–%(end)s)."
            )
            % {
                "host": overlapping.host,
                "date": on.strftime("%d-%m-%Y"),
                "start": overlapping.starts_at.strftime("%H:%M"),
                "end": overlapping.ends_at.strftime("%H:%M"),
            }
        )
    total = days.aggregate(total=Sum("hours"))["total"] or Decimal(0)
    if total + hours > MAX_HOURS:
        raise ValidationError(
            _("With this day you would log more than %(max)s hours on %(date)s.")
            % {"max": int(MAX_HOURS), "date": on.strftime("%d-%m-%Y")}
        )


# --- Offered dagdelen ----------------------------------------------------------------------


@transaction.atomic
def shadowing_slot_offer(
    *,
    host: User,
    network: Network,
    on: date,
    dagdeel: str,
    place: str,
    starts_at: time | None = None,
    ends_at: time | None = None,
    organisation_name: str = "",
    note: str = "",
) -> ShadowingSlot:
    """Publish a dagdeel on which someone may shadow ``host``.

    Side effects: one ShadowingSlot row.
    """
    if not can_host_in(host, network):
        raise PermissionDenied
    if on < timezone.localdate():
        raise ValidationError(_("You can only offer half-days from today on."))
    starts_at, ends_at = times_or_defaults(dagdeel, starts_at, ends_at)
    check_times(starts_at, ends_at, hours_between(starts_at, ends_at))
    if ShadowingSlot.objects.filter(host=host, date=on, dagdeel=dagdeel).exists():
        raise ValidationError(_("You already offer this half-day."))
    try:
        with transaction.atomic():
            return ShadowingSlot.objects.create(
                network=network,
                host=host,
                date=on,
                dagdeel=dagdeel,
                starts_at=starts_at,
                ends_at=ends_at,
                place=place,
                organisation_name=organisation_name,
                note=note,
            )
    except IntegrityError as error:
        raise ValidationError(_("You already offer this half-day.")) from error


class Repeat:
    """How often a series of half-days comes back."""

    ONCE = "once"
    WEEKLY = "weekly"
    FORTNIGHTLY = "fortnightly"
    WEEKS_BETWEEN = {ONCE: 0, WEEKLY: 1, FORTNIGHTLY: 2}


MAX_SERIES = 26


@dataclass
class SeriesPlan:
    """The dates of a series: those that will be offered, and those skipped with why."""

    free: list[date]
    clashes: list[tuple[date, str]]


def series_dates(first: date, repeat: str, count: int) -> list[date]:
    """``count`` dates from ``first`` on: once, weekly or every other week
    (dateutil's rrule, so a series crosses the daylight-saving change on the same weekday)."""
    if repeat not in Repeat.WEEKS_BETWEEN:
        raise ValidationError(_("Choose how often the half-day comes back."))
    if repeat == Repeat.ONCE:
        return [first]
    if not 1 <= count <= MAX_SERIES:
        raise ValidationError(
            _("A series has between 1 and %(max)s half-days.") % {"max": MAX_SERIES}
        )
    return [
        moment.date()
        for moment in rrule(
            WEEKLY,
            interval=Repeat.WEEKS_BETWEEN[repeat],
            count=count,
            dtstart=datetime.combine(first, time()),
        )
    ]


def shadowing_slot_series_plan(
    *, host: User, dates: list[date], dagdeel: str, starts_at: time, ends_at: time
) -> SeriesPlan:
    """Which of ``dates`` clash with the host's own offers or days (hosted or shadowed,
    not declined or cancelled) at overlapping times or on the same half-day. Two queries,
    whatever the number of dates."""
    offers = ShadowingSlot.objects.filter(host=host, date__in=dates).filter(
        Q(dagdeel=dagdeel) | Q(starts_at__lt=ends_at, ends_at__gt=starts_at)
    )
    days = (
        ShadowingDay.objects.filter(date__in=dates, status__in=ACTIVE_STATUSES)
        .filter(Q(host=host) | Q(shadower=host))
        .filter(starts_at__lt=ends_at, ends_at__gt=starts_at)
        .select_related("shadower", "host")
    )
    why: dict[date, str] = {}
    for slot in offers:
        why.setdefault(
            slot.date,
            _("you already offer %(dagdeel)s %(start)s–%(end)s")
            % {
                "dagdeel": slot.get_dagdeel_display().lower(),
                "start": slot.starts_at.strftime("%H:%M"),
                "end": slot.ends_at.strftime("%H:%M"),
            },
        )
    for day in days:
        if day.host_id == host.pk:
            text = _("%(name)s shadows you %(start)s–%(end)s")
            name = day.shadower
        else:
            text = _("you shadow %(name)s %(start)s–%(end)s")
            name = day.host
        why.setdefault(
            day.date,
            text
            % {
                "name": name,
                "start": day.starts_at.strftime("%H:%M"),
                "end": day.ends_at.strftime("%H:%M"),
            },
        )
    return SeriesPlan(
        free=[on for on in dates if on not in why],
        clashes=sorted(why.items()),
    )


@transaction.atomic
def shadowing_slot_series_offer(
    *,
    host: User,
    network: Network,
    first: date,
    dagdeel: str,
    place: str,
    repeat: str = Repeat.ONCE,
    count: int = 1,
    starts_at: time | None = None,
    ends_at: time | None = None,
    organisation_name: str = "",
    note: str = "",
) -> tuple[list[ShadowingSlot], SeriesPlan]:
    """Offer the same half-day once, weekly or every other week, ``count`` times. Dates
    that clash with the host's own offers or days are skipped (the plan says which and
    why); the others are created, sharing one series id. Nothing is created when every
    date clashes.

    Side effects: one ShadowingSlot row per free date.
    """
    if not can_host_in(host, network):
        raise PermissionDenied
    if first < timezone.localdate():
        raise ValidationError(_("You can only offer half-days from today on."))
    if not place.strip():
        raise ValidationError(_("Say where the day takes place."))
    starts_at, ends_at = times_or_defaults(dagdeel, starts_at, ends_at)
    check_times(starts_at, ends_at, hours_between(starts_at, ends_at))
    dates = series_dates(first, repeat, count)
    # Lock the host: two offers at once must not both pass the clash check.
    User.objects.select_for_update().filter(pk=host.pk).first()
    plan = shadowing_slot_series_plan(
        host=host, dates=dates, dagdeel=dagdeel, starts_at=starts_at, ends_at=ends_at
    )
    if not plan.free:
        if len(dates) == 1:
            raise ValidationError(
                _("You cannot offer this half-day: %(why)s.") % {"why": plan.clashes[0][1]}
            )
        raise ValidationError(_("Every date of this series clashes with what you already do."))
    series = uuid.uuid4() if len(dates) > 1 else None
    slots = ShadowingSlot.objects.bulk_create(
        [
            ShadowingSlot(
                network=network,
                host=host,
                date=on,
                dagdeel=dagdeel,
                starts_at=starts_at,
                ends_at=ends_at,
                place=place.strip(),
                organisation_name=organisation_name.strip(),
                note=note.strip(),
                series=series,
            )
            for on in plan.free
        ]
    )
    return slots, plan


@transaction.atomic
def shadowing_slot_series_withdraw(
    *, slot: ShadowingSlot, by: User
) -> tuple[int, list[ShadowingSlot]]:
    """Take back ``slot`` and the later half-days of its series that nobody asked for.

    Returns how many were withdrawn and the ones kept because someone booked or requested
    them (their requests are answered one by one). Side effects: deletes those slot rows.
    """
    if slot.host_id != by.pk:
        raise PermissionDenied
    if slot.series is None:
        raise ValidationError(_("This half-day is not part of a series."))
    taken = ShadowingDay.objects.filter(slot=OuterRef("pk"), status__in=ACTIVE_STATUSES)
    later = (
        ShadowingSlot.objects.select_for_update()
        .filter(host=by, series=slot.series, date__gte=slot.date)
        .annotate(taken=Exists(taken))
        .order_by("date")
    )
    kept = [s for s in later if s.taken]
    free = [s.pk for s in later if not s.taken]
    ShadowingSlot.objects.filter(pk__in=free).delete()
    return len(free), kept


@transaction.atomic
def shadowing_slot_withdraw(*, slot: ShadowingSlot, by: User) -> None:
    """Take back an offered dagdeel that nobody has booked.

    Side effects: deletes the ShadowingSlot row (declined requests keep their day, without
    the slot).
    """
    if slot.host_id != by.pk:
        raise PermissionDenied
    if slot.days.filter(status__in=ACTIVE_STATUSES).exists():
        raise ValidationError(_("Someone has booked this half-day; decline their request instead."))
    slot.delete()


# --- Requesting and logging days -----------------------------------------------------------


@transaction.atomic
def shadowing_day_request(
    *,
    shadower: User,
    network: Network,
    slot: ShadowingSlot,
    learning_goals: str,
    same_domain_reason: str = "",
) -> ShadowingDay:
    """Ask to shadow the host of ``slot``; the host accepts or declines.

    Side effects: one ShadowingDay row (status requested) that books the slot; the host is
    told (``notices.request_received``).
    """
    if not can_shadow_in(shadower, network):
        raise PermissionDenied
    if slot.network_id != network.pk and slot.network_id not in partner_network_ids(network):
        raise PermissionDenied
    if slot.host_id == shadower.pk:
        raise ValidationError(_("You cannot shadow yourself."))
    if slot.date < timezone.localdate():
        raise ValidationError(_("This half-day has passed."))
    if slot.days.filter(status__in=ACTIVE_STATUSES).exists():
        raise ValidationError(_("This half-day has already been booked. Choose another one."))
    if not learning_goals.strip():
        raise ValidationError(_("Write down what you want to learn on this day."))
    hours = hours_between(slot.starts_at, slot.ends_at)
    reason = _check_same_domain(
        network=network, shadower=shadower, host=slot.host, reason=same_domain_reason
    )
    _check_own_calendar(
        shadower=shadower, on=slot.date, starts_at=slot.starts_at, ends_at=slot.ends_at, hours=hours
    )
    host_membership = slot.host.memberships.filter(network=slot.network).first()
    organisation = slot.organisation_name or (
        str(host_membership.organisation)
        if host_membership and host_membership.organisation
        else ""
    )
    try:
        with transaction.atomic():
            day = ShadowingDay.objects.create(
                network=network,
                host_network=slot.network,
                shadower=shadower,
                host=slot.host,
                slot=slot,
                source=ShadowingSource.SLOT,
                date=slot.date,
                dagdeel=slot.dagdeel,
                starts_at=slot.starts_at,
                ends_at=slot.ends_at,
                hours=hours,
                organisation_name=organisation,
                place=slot.place,
                learning_goals=learning_goals.strip(),
                same_domain_reason=reason,
                status=ShadowingStatus.REQUESTED,
            )
    except IntegrityError as error:
        # Someone else booked the slot between our check and our insert.
        raise ValidationError(
            _("This half-day has already been booked. Choose another one.")
        ) from error
    notices.request_received(day=day)
    return day


@transaction.atomic
def shadowing_day_log(
    *,
    shadower: User,
    network: Network,
    host: User,
    host_network: Network,
    on: date,
    dagdeel: str,
    place: str,
    learning_goals: str,
    starts_at: time | None = None,
    ends_at: time | None = None,
    hours: Decimal | None = None,
    organisation_name: str = "",
    same_domain_reason: str = "",
) -> ShadowingDay:
    """Log a day arranged outside the platform; the host confirms it after the reflection.

    Side effects: one ShadowingDay row (status planned).
    """
    if not can_shadow_in(shadower, network):
        raise PermissionDenied
    if host_network.pk != network.pk and host_network.pk not in partner_network_ids(network):
        raise ValidationError(_("The host is not a member of this network or a partner network."))
    if not can_host_in(host, host_network):
        raise ValidationError(_("%(host)s cannot host shadowing days.") % {"host": host})
    if host.pk == shadower.pk:
        raise ValidationError(_("You cannot shadow yourself."))
    if not learning_goals.strip():
        raise ValidationError(_("Write down what you want to learn on this day."))
    starts_at, ends_at = times_or_defaults(dagdeel, starts_at, ends_at)
    hours = hours if hours is not None else hours_between(starts_at, ends_at)
    check_times(starts_at, ends_at, hours)
    reason = _check_same_domain(
        network=network, shadower=shadower, host=host, reason=same_domain_reason
    )
    _check_own_calendar(shadower=shadower, on=on, starts_at=starts_at, ends_at=ends_at, hours=hours)
    return ShadowingDay.objects.create(
        network=network,
        host_network=host_network,
        shadower=shadower,
        host=host,
        source=ShadowingSource.LOGGED,
        date=on,
        dagdeel=dagdeel,
        starts_at=starts_at,
        ends_at=ends_at,
        hours=hours,
        organisation_name=organisation_name,
        place=place,
        learning_goals=learning_goals.strip(),
        same_domain_reason=reason,
        status=ShadowingStatus.PLANNED,
    )


def _lock(day: ShadowingDay) -> ShadowingDay:
    """Re-read the day under a row lock: two clicks at once see one status."""
    return ShadowingDay.objects.select_for_update().get(pk=day.pk)


# --- Editing and cancelling ----------------------------------------------------------------


@transaction.atomic
def shadowing_day_edit(
    *,
    day: ShadowingDay,
    by: User,
    learning_goals: str,
    on: date | None = None,
    dagdeel: str | None = None,
    starts_at: time | None = None,
    ends_at: time | None = None,
    hours: Decimal | None = None,
    place: str | None = None,
    organisation_name: str | None = None,
) -> ShadowingDay:
    """The shadower improves the learning goals of a day the host has not confirmed yet,
    and, for a day they logged themselves, its date, dagdeel, times, hours and place (with
    the same checks as logging it). Leaving ``on`` None keeps the date and time as they are.

    Side effects: the changed fields of the day. A day moved to another date gets its
    reminders at the new date (their keys name the date); when its date, dagdeel or times
    change, ``moved_at`` is set and the host is told at once (after commit).
    """
    if day.shadower_id != by.pk:
        raise PermissionDenied
    locked = _lock(day)
    if locked.status not in EDITABLE_STATUSES:
        raise ValidationError(
            _("This day is %(status)s; it can no longer be changed.")
            % {"status": locked.get_status_display().lower()}
        )
    if not learning_goals.strip():
        raise ValidationError(_("Write down what you want to learn on this day."))
    locked.learning_goals = learning_goals.strip()
    fields = ["learning_goals", "updated_at"]
    if on is not None:
        if not perms.day_is_movable(locked):
            raise ValidationError(
                _(
                    "This day was booked on a half-day the host offered; its date and time stay "
                    "as the host offered them."
                )
            )
        dagdeel = dagdeel or locked.dagdeel
        place = locked.place if place is None else place
        if not place.strip():
            raise ValidationError(_("Say where the day takes place."))
        if locked.status == ShadowingStatus.DONE and on > timezone.localdate():
            raise ValidationError(
                _("Your reflection on this day is written, so the day cannot lie in the future.")
            )
        starts_at, ends_at = times_or_defaults(dagdeel, starts_at, ends_at)
        hours = hours if hours is not None else hours_between(starts_at, ends_at)
        check_times(starts_at, ends_at, hours)
        _check_own_calendar(
            shadower=locked.shadower,
            on=on,
            starts_at=starts_at,
            ends_at=ends_at,
            hours=hours,
            exclude_pk=locked.pk,
        )
        moved = (locked.date, locked.dagdeel, locked.starts_at, locked.ends_at) != (
            on,
            dagdeel,
            starts_at,
            ends_at,
        )
        if moved:
            locked.moved_at = timezone.now()
            fields.append("moved_at")
            reminders_send_soon()
        locked.date, locked.dagdeel = on, dagdeel
        locked.starts_at, locked.ends_at, locked.hours = starts_at, ends_at, hours
        locked.place = place.strip()
        if organisation_name is not None:
            locked.organisation_name = organisation_name.strip()
        fields += ["date", "dagdeel", "starts_at", "ends_at", "hours", "place", "organisation_name"]
    locked.save(update_fields=fields)
    return locked


def shadowing_day_cancel(*, day: ShadowingDay, by: User, reason: str = "") -> ShadowingDay:
    """The shadower withdraws a request or cancels a planned day; the host cancels a planned
    day (with a reason). Not once the day has started, nor a day done or confirmed.

    Side effects: status cancelled with who, when and why; a booked dagdeel is free again;
    reminders still pending for the day are withdrawn when their turn comes; after commit the
    dispatcher runs at once, so the other person gets the notice now.
    """
    reason = reason.strip()

    def check(locked: ShadowingDay) -> None:
        if by.pk == locked.host_id and not reason:
            raise ValidationError(_("Give a reason for cancelling: the visitor reads it."))

    return shadowing_day_transition(
        day=day,
        action=Action.CANCEL,
        by=by,
        check=check,
        cancelled_by=by,
        cancel_reason=reason,
    )


# --- The host's answers --------------------------------------------------------------------


@transaction.atomic
def shadowing_day_accept(*, day: ShadowingDay, by: User) -> ShadowingDay:
    """The host accepts a request. Side effects: status planned, accepted_at set; the
    shadower is told."""
    day = shadowing_day_transition(day=day, action=Action.ACCEPT, by=by)
    notices.request_answered(day=day, accepted=True)
    return day


@transaction.atomic
def shadowing_day_decline(*, day: ShadowingDay, by: User, reason: str) -> ShadowingDay:
    """The host declines a request, a planned day, or a logged day that did not happen.

    Side effects: status declined with the reason; the slot is free again; the shadower is
    told (not the reason: it is read on the day's page).
    """
    if day.host_id != by.pk:
        raise PermissionDenied
    if not reason.strip():
        raise ValidationError(_("Give a reason for declining."))
    day = shadowing_day_transition(
        day=day, action=Action.DECLINE, by=by, decline_reason=reason.strip()
    )
    notices.request_answered(day=day, accepted=False)
    return day


@transaction.atomic
def shadowing_day_confirm(*, day: ShadowingDay, by: User) -> ShadowingDay:
    """The host confirms the day took place. Side effects: status confirmed; the shadower
    is told."""
    day = shadowing_day_transition(day=day, action=Action.CONFIRM, by=by)
    notices.day_confirmed(day=day)
    return day


# --- Reflection and feedback ---------------------------------------------------------------


@transaction.atomic
def shadowing_day_reflect(
    *,
    day: ShadowingDay,
    by: User,
    seen: str,
    surprised: str,
    take_away: str,
    question: str,
) -> ShadowingDay:
    """The shadower writes (or improves) the reflection; the day is then done.

    Side effects: the reflection fields, status done (a confirmed day stays confirmed); the
    first time, the shadower's teachers are told that it waits for their feedback.
    """
    first = []

    def check(locked: ShadowingDay) -> None:
        if not all(answer.strip() for answer in (seen, surprised, take_away, question)):
            raise ValidationError(_("Answer each of the four questions."))
        first.append(locked.reflection_written_at is None)

    day = shadowing_day_transition(
        day=day,
        action=Action.REFLECT,
        by=by,
        check=check,
        reflection_seen=seen.strip(),
        reflection_surprised=surprised.strip(),
        reflection_take_away=take_away.strip(),
        reflection_question=question.strip(),
    )
    if first[0]:
        notices.reflection_written(day=day)
    return day


@transaction.atomic
def shadowing_feedback_give(*, day: ShadowingDay, teacher: User, text: str) -> ShadowingFeedback:
    """A teacher of the student writes feedback on the reflection; the student sees it.

    Side effects: one ShadowingFeedback row; the student is told.
    """
    if not perms.is_teacher_of(teacher, day):
        raise PermissionDenied
    if not day.has_reflection:
        raise ValidationError(_("There is no reflection yet to give feedback on."))
    if not text.strip():
        raise ValidationError(_("Write your feedback."))
    feedback = ShadowingFeedback.objects.create(day=day, author=teacher, text=text.strip())
    notices.feedback_given(feedback=feedback)
    return feedback


__all__ = [
    "crosses_domains",
    "same_domain",
    "shadowing_day_accept",
    "shadowing_day_cancel",
    "shadowing_day_confirm",
    "shadowing_day_decline",
    "shadowing_day_edit",
    "shadowing_day_log",
    "shadowing_day_reflect",
    "shadowing_day_request",
    "shadowing_day_transition",
    "shadowing_feedback_give",
    "shadowing_slot_offer",
    "shadowing_slot_series_offer",
    "shadowing_slot_series_plan",
    "shadowing_slot_series_withdraw",
    "shadowing_slot_withdraw",
]
