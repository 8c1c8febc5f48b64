"""The shadowing app's part of a person's personal data: the days they shadowed (with their
learning goals, reflections and the feedback on them) and hosted, the days they cancelled,
the feedback they wrote and the dagdelen they offered.

Registered with ``accounts.personal_data`` from ``ShadowingConfig.ready()``. Of a day they
hosted the export holds neither the visitor's learning goals nor their reflection.
"""

from django.db.models import Count, Q
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts.personal_data import choice, iso, number, register
from sessions.reminders.services import reminders_send_soon

from .choices import ACTIVE_STATUSES, OPEN_STATUSES, Dagdeel, ShadowingSource, ShadowingStatus
from .models import ShadowingDay, ShadowingFeedback, ShadowingSlot

COVERS = (
    "shadowing.ShadowingSlot.host",
    "shadowing.ShadowingDay.shadower",
    "shadowing.ShadowingDay.host",
    "shadowing.ShadowingDay.cancelled_by",
    "shadowing.ShadowingFeedback.author",
)


def _times(obj) -> dict:
    return {
        "date": iso(obj.date),
        "dagdeel": choice(obj.dagdeel, Dagdeel),
        "from": iso(obj.starts_at),
        "until": iso(obj.ends_at),
    }


def export(user) -> dict:
    shadowed = (
        ShadowingDay.objects.filter(shadower=user)
        .select_related("network", "host_network")
        .prefetch_related("feedback")
        .order_by("date", "starts_at", "pk")
    )
    hosted = (
        ShadowingDay.objects.filter(host=user)
        .select_related("network", "host_network")
        .order_by("date", "starts_at", "pk")
    )
    cancelled = (
        ShadowingDay.objects.filter(cancelled_by=user)
        .select_related("network")
        .order_by("date", "starts_at", "pk")
    )
    feedback = (
        ShadowingFeedback.objects.filter(author=user)
        .select_related("day__network")
        .order_by("created_at", "pk")
    )
    slots = (
        ShadowingSlot.objects.filter(host=user)
        .select_related("network")
        .annotate(booked=Count("days", filter=Q(days__status__in=ACTIVE_STATUSES)))
        .order_by("date", "starts_at", "pk")
    )
    return {
        "shadowing_days_you_shadowed": [
            {
                **_times(d),
                "network": d.network.name,
                "host_network": d.host_network.name,
                "hours": number(d.hours),
                "source": choice(d.source, ShadowingSource),
                "status": choice(d.status, ShadowingStatus),
                "organisation": d.organisation_name,
                "place": d.place,
                "learning_goals": d.learning_goals,
                "same_domain_reason": d.same_domain_reason,
                "reflection": {
                    "seen": d.reflection_seen,
                    "surprised": d.reflection_surprised,
                    "take_away": d.reflection_take_away,
                    "question": d.reflection_question,
                    "written_at": iso(d.reflection_written_at),
                },
                "decline_reason": d.decline_reason,
                "cancel_reason": d.cancel_reason,
                "feedback_you_received": [
                    {"text": f.text, "written_at": iso(f.created_at)} for f in d.feedback.all()
                ],
            }
            for d in shadowed
        ],
        # Days others spent with this person: when and where, not the visitor's words.
        "shadowing_days_you_hosted": [
            {
                **_times(d),
                "network": d.network.name,
                "host_network": d.host_network.name,
                "hours": number(d.hours),
                "status": choice(d.status, ShadowingStatus),
                "organisation": d.organisation_name,
                "place": d.place,
                "decline_reason": d.decline_reason,
                "cancel_reason": d.cancel_reason,
            }
            for d in hosted
        ],
        "shadowing_days_you_cancelled": [
            {
                **_times(d),
                "network": d.network.name,
                "cancelled_at": iso(d.cancelled_at),
                "reason": d.cancel_reason,
            }
            for d in cancelled
        ],
        "feedback_you_wrote": [
            {
                "network": f.day.network.name,
                "shadowing_day": iso(f.day.date),
                "text": f.text,
                "written_at": iso(f.created_at),
            }
            for f in feedback
        ],
        "dagdelen_you_offered": [
            {
                **_times(s),
                "network": s.network.name,
                "organisation": s.organisation_name,
                "place": s.place,
                "note": s.note,
                "booked": bool(s.booked),
            }
            for s in slots
        ],
    }


def erase(user, *, by) -> None:
    """On the days they shadowed, the learning goals, the reflection and the reason for a
    same-domain host are blanked and teachers' feedback on them is deleted (it is about
    them); date, hours and professions stay for the network's figures. Days not yet held,
    as visitor or as host, are cancelled (by them) with a reason the other person reads in
    their language, and the other person gets the cancellation notice at once; offered
    dagdelen from today on that nobody booked are withdrawn."""
    now = timezone.now()
    today = timezone.localdate(now)
    words = {
        "learning_goals": "",
        "same_domain_reason": "",
        "reflection_seen": "",
        "reflection_surprised": "",
        "reflection_take_away": "",
        "reflection_question": "",
    }
    # Only rows with words left: a second erasure touches nothing.
    ShadowingDay.objects.filter(shadower=user).exclude(**words).update(**words, updated_at=now)
    ShadowingFeedback.objects.filter(day__shadower=user).delete()

    not_held = (
        ShadowingDay.objects.filter(Q(shadower=user) | Q(host=user))
        .filter(date__gte=today, status__in=OPEN_STATUSES)
        .select_related("shadower", "host")
    )
    cancelled_any = False
    for day in not_held:
        other = day.host if day.shadower_id == user.pk else day.shadower
        with translation.override(other.language or "nl"):
            day.cancel_reason = _(
                "Cancelled: the other person left the platform and had their data erased."
            )
        day.status = ShadowingStatus.CANCELLED
        day.cancelled_at = now
        day.cancelled_by = user
        day.save(
            update_fields=["status", "cancel_reason", "cancelled_at", "cancelled_by", "updated_at"]
        )
        cancelled_any = True
    if cancelled_any:
        reminders_send_soon()  # the other person hears it now, not at the next beat tick
    ShadowingSlot.objects.filter(host=user, date__gte=today).exclude(
        days__status__in=ACTIVE_STATUSES
    ).delete()


def register_section() -> None:
    register(
        "shadowing",
        title=gettext_lazy("Shadowing"),
        kept=gettext_lazy(
            "Your shadowing days as visitor (with your learning goals and reflections, and the "
            "feedback on them) and as host, the half-days you offered and the feedback you wrote."
        ),
        on_erase=gettext_lazy(
            "Your learning goals and reflections are blanked; the dates, hours and professions "
            "of your shadowing days stay for the network's figures. Shadowing days still to "
            "come are cancelled, and the half-days you offered are withdrawn."
        ),
        export=export,
        erase=erase,
        covers=COVERS,
    )
