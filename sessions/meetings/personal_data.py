"""The meetings app's part of a person's personal data: answers, attendance, roles, breakout
groups, the meetings and series they scheduled, records and actions.

Registered with ``accounts.personal_data`` from ``MeetingsConfig.ready()``. The export
holds what the person did and wrote; of the people they met it names no one.
"""

from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts.personal_data import choice, iso, register

from .choices import AttendanceStatus, MeetingFormat, MeetingRoleKind, RsvpAnswer
from .models import (
    ActionKind,
    ActionStatus,
    Attendance,
    BreakoutGroupMember,
    Certificate,
    Meeting,
    MeetingAction,
    MeetingRecord,
    MeetingRole,
    MeetingSeries,
    Rsvp,
)
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
    "meetings.Certificate.user",
)


def _meeting(meeting: Meeting) -> dict:
    return {
        "meeting": meeting.title,
        "network": meeting.network.name,
        "format": choice(meeting.format, MeetingFormat),
        "starts_at": iso(meeting.starts_at),
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
    certificates = Certificate.objects.filter(user=user).order_by("issued_at", "pk")
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
        "certificates_of_attendance": [
            {
                "verification_code": c.code,
                "name": c.holder_name,
                "network": c.network_name,
                "from": iso(c.period_start),
                "until": iso(c.period_end),
                "meetings": c.meetings,
                "learning_hours": str(c.hours),
                "issued_at": iso(c.issued_at),
            }
            for c in certificates
        ],
    }


def erase(user, *, by) -> None:
    """What goes when the person's data is erased; what stays is what the network counts.

    * certificates of attendance are deleted (their verification codes no longer check);
    * answers, meeting roles and breakout groups of meetings that have not started are
      deleted (a place freed on a full meeting goes to the first on its waiting list), and
      they no longer facilitate those meetings; what happened in past meetings stays.
    """
    now = timezone.now()
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
    # A certificate names the person: it goes, and its code then checks as "not found".
    Certificate.objects.filter(user=user).delete()


def register_section() -> None:
    register(
        "meetings",
        title=gettext_lazy("Meetings"),
        kept=gettext_lazy(
            "Your answers to meetings, your attendance, your roles in meetings and breakout "
            "groups, the meetings you scheduled, the actions agreed for you and your "
            "certificates of attendance."
        ),
        on_erase=gettext_lazy(
            "Your answers and roles for meetings still to come are removed, and your "
            "certificates of attendance (their codes no longer check); your attendance of "
            "past meetings stays, under “Former member”."
        ),
        export=export,
        erase=erase,
        covers=COVERS,
    )
