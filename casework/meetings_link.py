"""The link from casework to meetings: the one place where casework reads the meetings app.

Cases are presented in a klinische les or casuïstiekbespreking, and lessons use meetings
as material; the themes board and the teacher's planning show coming and past meetings.
Everything casework needs from meetings goes through these few reads, so the apps stay
apart (DESIGN: neither imports the other except through a clearly named link).
"""

from django.db.models import Prefetch, QuerySet
from django.utils import timezone

from sessions.meetings.choices import AttendanceStatus, MeetingFormat, MeetingStatus
from sessions.meetings.models import Attendance, Meeting

CASE_FORMATS = (MeetingFormat.KLINISCHE_LES, MeetingFormat.CASUISTIEK)


def meetings_of_networks(network_ids) -> QuerySet[Meeting]:
    return Meeting.objects.filter(network_id__in=network_ids).select_related("network")


def meetings_for_case(network) -> QuerySet[Meeting]:
    """Meetings a case of ``network`` can be presented in: its own, not cancelled."""
    return (
        Meeting.objects.filter(network=network)
        .exclude(status=MeetingStatus.CANCELLED)
        .order_by("-starts_at")
    )


def coming_meetings(network_ids, *, now=None) -> QuerySet[Meeting]:
    now = now or timezone.now()
    return (
        meetings_of_networks(network_ids)
        .filter(starts_at__gte=now)
        .exclude(status=MeetingStatus.CANCELLED)
        .prefetch_related("themes")
        .order_by("starts_at")
    )


def theme_meeting_prefetches(*, now=None, limit: int = 3) -> list[Prefetch]:
    """Prefetches on Theme: ``coming_meetings`` and ``past_meetings``, ``limit`` of each."""
    now = now or timezone.now()
    coming = (
        Meeting.objects.filter(starts_at__gte=now)
        .select_related("network")
        .exclude(status=MeetingStatus.CANCELLED)
        .order_by("starts_at")
    )
    past = (
        Meeting.objects.filter(starts_at__lt=now)
        .select_related("network")
        .exclude(status=MeetingStatus.CANCELLED)
        .order_by("-starts_at")
    )
    return [
        Prefetch("meetings", queryset=coming[:limit], to_attr="coming_meetings"),
        Prefetch("meetings", queryset=past[:limit], to_attr="past_meetings"),
    ]


def attended_meeting_ids(user) -> QuerySet:
    """The meetings ``user`` was marked present or late at, as a subquery of ids."""
    return Attendance.objects.filter(
        user=user, status__in=(AttendanceStatus.PRESENT, AttendanceStatus.LATE)
    ).values("meeting_id")


def is_coming(meeting: Meeting, *, now=None) -> bool:
    return (
        meeting.starts_at >= (now or timezone.now()) and meeting.status != MeetingStatus.CANCELLED
    )


__all__ = [
    "CASE_FORMATS",
    "Meeting",
    "attended_meeting_ids",
    "coming_meetings",
    "is_coming",
    "meetings_for_case",
    "meetings_of_networks",
    "theme_meeting_prefetches",
]
