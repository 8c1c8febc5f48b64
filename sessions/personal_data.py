"""The meetings app's part of a person's personal data: answers, attendance, roles, actions,
shadowing days, feedback, offered dagdelen and the reminders sent to them.

Registered with ``accounts.personal_data`` from ``MeetingsConfig.ready()``. The export
holds what the person did and wrote; of the people they met it names no one, and of a day
they hosted it holds neither the visitor's learning goals nor their reflection.
"""

from django.db.models import Count, Q
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, gettext_noop

from accounts.choices import ReminderKind
from accounts.personal_data import choice, iso, number, register

from .choices import (
    ACTIVE_STATUSES,
    AttendanceStatus,
    Dagdeel,
    MeetingFormat,
    MeetingRoleKind,
    RsvpAnswer,
    ShadowingSource,
    ShadowingStatus,
)
from .models import (
    ActionKind,
    ActionStatus,
    Attendance,
    BreakoutGroupMember,
    Delivery,
    DeliveryStatus,
    Meeting,
    MeetingAction,
    MeetingRecord,
    MeetingRole,
    MeetingSeries,
    Rsvp,
    ShadowingDay,
    ShadowingFeedback,
    ShadowingSlot,
)
from .services.reminders import reminders_send_soon
from .services.rsvp import rsvp_fill_from_waiting_list

COVERS = (
    "meetings.MeetingSeries.created_by",
    "meetings.Meeting.facilitator",
    "meetings.Meeting.created_by",
    "meetings.Rsvp.user",
    "meetings.Attendance.user",
    "meetings.Attendance.registered_by",
    "meetings.MeetingRole.user",
    "meetings.BreakoutGroupMember.user",
    "meetings.MeetingRecord.updated_by",
    "meetings.MeetingAction.owner",
    "meetings.MeetingAction.created_by",
    "meetings.MeetingAction.closed_by",
    "meetings.Delivery.recipient",
    "meetings.ShadowingSlot.host",
    "meetings.ShadowingDay.shadower",
    "meetings.ShadowingDay.host",
    "meetings.ShadowingDay.cancelled_by",
    "meetings.ShadowingFeedback.author",
)

# Stored untranslated, shown translated in the reminder log (like the dispatcher's reasons).
WITHDRAWN_REASON = gettext_noop("The person's personal data was erased.")


def _meeting(meeting: Meeting) -> dict:
    return {
        "meeting": meeting.title,
        "network": meeting.network.name,
        "format": choice(meeting.format, MeetingFormat),
        "starts_at": iso(meeting.starts_at),
    }


def _times(obj) -> dict:
    return {
        "date": iso(obj.date),
        "dagdeel": choice(obj.dagdeel, Dagdeel),
        "from": iso(obj.starts_at),
        "until": iso(obj.ends_at),
    }


def export(user) -> dict:
    rsvps = Rsvp.objects.filter(user=user).select_related("meeting__network")
    attendances = Attendance.objects.filter(user=user).select_related("meeting__network")
    roles = MeetingRole.objects.filter(user=user).select_related("meeting__network")
    facilitated = Meeting.objects.filter(facilitator=user).select_related("network")
    groups = BreakoutGroupMember.objects.filter(user=user).select_related(
        "group", "meeting__network"
    )
    scheduled = Meeting.objects.filter(created_by=user).select_related("network")
    series = MeetingSeries.objects.filter(created_by=user).select_related("network")
    registered = (
        Attendance.objects.filter(registered_by=user)
        .values("meeting__title", "meeting__starts_at", "meeting__network__name")
        .annotate(people=Count("pk"))
        .order_by("meeting__starts_at", "meeting__title")
    )
    records = MeetingRecord.objects.filter(updated_by=user).select_related("meeting__network")
    actions = (
        MeetingAction.objects.filter(Q(owner=user) | Q(created_by=user) | Q(closed_by=user))
        .select_related("meeting__network")
        .order_by("created_at", "pk")
    )
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
    deliveries = Delivery.objects.filter(recipient=user).order_by("due_at", "pk")
    by_start = "meeting__starts_at"
    return {
        "answers": [
            {
                **_meeting(r.meeting),
                "answer": choice(r.answer, RsvpAnswer),
                "reason": r.reason,
                "waiting_list": r.waitlisted,
                "answered_at": iso(r.answered_at),
            }
            for r in rsvps.order_by(by_start, "pk")
        ],
        "attendance": [
            {
                **_meeting(a.meeting),
                "status": choice(a.status, AttendanceStatus),
                "checked_in_at": iso(a.checked_in_at),
            }
            for a in attendances.order_by(by_start, "pk")
        ],
        "meeting_roles": [
            {**_meeting(r.meeting), "role": choice(r.kind, MeetingRoleKind)}
            for r in roles.order_by(by_start, "pk")
        ]
        + [
            {**_meeting(m), "role": {"code": "facilitator", "label": _("Facilitator")}}
            for m in facilitated.order_by("starts_at", "pk")
        ],
        "breakout_groups": [
            {**_meeting(g.meeting), "group": g.group.number}
            for g in groups.order_by(by_start, "pk")
        ],
        "meetings_you_scheduled": [_meeting(m) for m in scheduled.order_by("starts_at", "pk")],
        "series_you_scheduled": [
            {
                "series": s.title,
                "network": s.network.name,
                "format": choice(s.format, MeetingFormat),
            }
            for s in series.order_by("created_at", "pk")
        ],
        # The attendance lists this person filled in: how many people, not who.
        "attendance_you_registered": [
            {
                "meeting": row["meeting__title"],
                "network": row["meeting__network__name"],
                "starts_at": iso(row["meeting__starts_at"]),
                "people": row["people"],
            }
            for row in registered
        ],
        "records_you_saved_last": [
            {**_meeting(r.meeting), "saved_at": iso(r.updated_at)}
            for r in records.order_by(by_start, "pk")
        ],
        "actions": [
            {
                **_meeting(a.meeting),
                "kind": choice(a.kind, ActionKind),
                "text": a.text,
                "due_on": iso(a.due_on),
                "status": choice(a.status, ActionStatus),
                "yours": a.owner_id == user.pk,
                "recorded_by_you": a.created_by_id == user.pk,
                "closed_by_you": a.closed_by_id == user.pk,
            }
            for a in actions
        ],
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
        # What was sent when; not the mails themselves.
        "reminders_sent_to_you": [
            {
                "kind": choice(d.kind, ReminderKind),
                "due_at": iso(d.due_at),
                "sent_at": iso(d.sent_at),
                "status": choice(d.status, DeliveryStatus),
            }
            for d in deliveries
        ],
    }


def erase(user, *, by) -> None:
    """What goes when the person's data is erased; what stays is what the network counts.

    * answers, meeting roles and breakout groups of meetings that have not started are
      deleted (a place freed on a full meeting goes to the first on its waiting list), and
      they no longer facilitate those meetings; what happened in past meetings stays;
    * reminders not yet sent to them are withdrawn;
    * on the days they shadowed, the learning goals, the reflection and the reason for a
      same-domain host are blanked and teachers' feedback on them is deleted (it is about
      them); date, hours and professions stay for the network's figures;
    * days not yet held, as visitor or as host, are cancelled (by them) with a reason the
      other person reads in their language, and the other person gets the cancellation
      notice at once; offered dagdelen from today on that nobody booked are withdrawn.
    """
    now = timezone.now()
    today = timezone.localdate(now)
    upcoming = Q(meeting__starts_at__gt=now)

    freed = set(
        Rsvp.objects.filter(upcoming, user=user, answer=RsvpAnswer.YES, waitlisted=False)
        .exclude(meeting__capacity__isnull=True)
        .values_list("meeting_id", flat=True)
    )
    Rsvp.objects.filter(upcoming, user=user).delete()
    for meeting in Meeting.objects.filter(pk__in=freed):
        rsvp_fill_from_waiting_list(meeting=meeting)
    MeetingRole.objects.filter(upcoming, user=user).delete()
    BreakoutGroupMember.objects.filter(upcoming, user=user).delete()
    Meeting.objects.filter(facilitator=user, starts_at__gt=now).update(facilitator=None)

    Delivery.objects.filter(recipient=user, status=DeliveryStatus.PENDING).update(
        status=DeliveryStatus.WITHDRAWN, reason=WITHDRAWN_REASON
    )

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
        .filter(date__gte=today, status__in=[ShadowingStatus.REQUESTED, ShadowingStatus.PLANNED])
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
        "meetings",
        title=gettext_lazy("Meetings and shadowing"),
        kept=gettext_lazy(
            "Your answers to meetings, your attendance, your roles in meetings and breakout "
            "groups, the meetings you scheduled and the actions agreed for you; your shadowing "
            "days as visitor (with your learning goals and reflections, and the feedback on "
            "them) and as host, the dagdelen you offered, the feedback you wrote, and which "
            "reminders were sent to you and when (not the mails themselves)."
        ),
        on_erase=gettext_lazy(
            "Your answers and roles for meetings still to come are removed; your attendance "
            "of past meetings stays, under “Former member”. Reminders not yet sent are "
            "withdrawn. Your learning goals and reflections are blanked; the dates, hours and "
            "professions of your shadowing days stay for the network's figures. Shadowing days "
            "still to come are cancelled, and the dagdelen you offered are withdrawn."
        ),
        export=export,
        erase=erase,
        covers=COVERS,
    )
