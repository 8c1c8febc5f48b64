"""Which meetings a person may see, and what the meeting page and the home page show."""

from collections import Counter
from dataclasses import dataclass, field

from django.db.models import OuterRef, Q, QuerySet, Subquery
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.choices import PROFESSION_DOMAIN, Domain, Profession
from networks.choices import Role
from networks.models import Membership

from ..choices import AttendanceStatus, MeetingStatus, RsvpAnswer
from ..models import Attendance, Meeting, Rsvp


def meetings_visible_to(user) -> QuerySet[Meeting]:
    """Meetings of the person's current networks, and exchanges those networks are invited to."""
    if not user.is_authenticated:
        return Meeting.objects.none()
    network_ids = Membership.objects.current().filter(user=user).values("network_id")
    return Meeting.objects.filter(
        Q(network_id__in=network_ids) | Q(invited_networks__in=network_ids)
    ).distinct()


def with_my_answer(queryset: QuerySet[Meeting], user) -> QuerySet[Meeting]:
    """Annotate ``my_answer`` and ``my_waitlisted`` (None when the person has not answered)."""
    mine = Rsvp.objects.filter(meeting=OuterRef("pk"), user=user)
    return queryset.annotate(
        my_answer=Subquery(mine.values("answer")[:1]),
        my_waitlisted=Subquery(mine.values("waitlisted")[:1]),
    )


def upcoming_for(user, *, limit: int = 5) -> list[Meeting]:
    """The person's next meetings (cancelled ones too: they need to know), soonest first."""
    qs = (
        meetings_visible_to(user)
        .filter(ends_at__gte=timezone.now())
        .select_related("network")
        .order_by("starts_at")
    )
    return list(with_my_answer(qs, user)[:limit])


def unanswered_for(user, *, limit: int = 10) -> list[Meeting]:
    """Scheduled meetings still to come that the person has not answered."""
    qs = (
        meetings_visible_to(user)
        .filter(starts_at__gt=timezone.now(), status=MeetingStatus.SCHEDULED)
        .exclude(rsvps__user=user)
        .select_related("network")
        .order_by("starts_at")
    )
    return list(qs[:limit])


@dataclass
class Count:
    key: str
    label: str
    count: int


@dataclass
class MeetingMix:
    """Who comes to a meeting, per domain, profession and role, and what is missing."""

    total: int
    domains: list[Count]
    professions: list[Count]
    roles: list[Count]
    warnings: list[str] = field(default_factory=list)
    basis: str = ""


def roles_of(user_ids, network_ids) -> dict[int, str]:
    """The role of each person in the first of ``network_ids`` they are a current member of."""
    order = {network_id: i for i, network_id in enumerate(network_ids)}
    best: dict[int, tuple[int, str]] = {}
    rows = (
        Membership.objects.current()
        .filter(user_id__in=list(user_ids), network_id__in=list(network_ids))
        .values_list("user_id", "network_id", "role")
    )
    for user_id, network_id, role in rows:
        rank = order.get(network_id, len(order))
        if user_id not in best or rank < best[user_id][0]:
            best[user_id] = (rank, role)
    return {user_id: role for user_id, (_rank, role) in best.items()}


def meeting_mix(meeting: Meeting, people: list, roles: dict[int, str], *, basis: str) -> MeetingMix:
    """The mix of ``people`` (users) coming to or present at ``meeting``."""
    domain_counts = Counter(PROFESSION_DOMAIN.get(p.profession, Domain.CITIZENS) for p in people)
    profession_counts = Counter(p.profession for p in people)
    role_counts = Counter(roles.get(p.pk, Role.GUEST) for p in people)
    students = sum(1 for p in people if p.is_student)
    warnings = []
    if people:
        if not domain_counts.get(Domain.CARE):
            warnings.append(_("No one from the care domain is coming."))
        if not domain_counts.get(Domain.SOCIAL):
            warnings.append(_("No one from the social domain is coming."))
        if not students:
            warnings.append(_("No students are coming."))
    professions = dict(Profession.choices)
    role_labels = dict(Role.choices)
    return MeetingMix(
        total=len(people),
        domains=[Count(d.value, d.label, domain_counts.get(d.value, 0)) for d in Domain],
        professions=[
            Count(key, professions.get(key, key), n)
            for key, n in sorted(profession_counts.items(), key=lambda kv: (-kv[1], kv[0]))
        ],
        roles=[
            Count(key, role_labels.get(key, key), n)
            for key, n in sorted(role_counts.items(), key=lambda kv: (-kv[1], kv[0]))
        ],
        warnings=warnings,
        basis=basis,
    )


@dataclass
class MeetingPage:
    coming: list[Rsvp]
    waiting: list[Rsvp]
    maybe: list[Rsvp]
    declined: list[Rsvp]
    my_rsvp: Rsvp | None
    mix: MeetingMix
    roles: dict[int, str]
    invited_networks: list
    themes: list
    my_attendance: Attendance | None
    # Attendance as registered (or checked in), apart from the answers given beforehand.
    present: list[Attendance] = field(default_factory=list)
    excused: list[Attendance] = field(default_factory=list)
    absent: list[Attendance] = field(default_factory=list)
    guest_speakers: list = field(default_factory=list)

    @property
    def attendance_recorded(self) -> bool:
        return bool(self.present or self.excused or self.absent)


def meeting_page(meeting: Meeting, user) -> MeetingPage:
    """Everything the meeting page shows, in a fixed number of queries."""
    invited = list(meeting.invited_networks.all())
    themes = list(meeting.themes.all())
    rsvps = list(
        Rsvp.objects.filter(meeting=meeting).select_related("user").order_by("answered_at", "pk")
    )
    network_ids = [meeting.network_id, *[n.pk for n in invited]]
    attendances = list(Attendance.objects.filter(meeting=meeting).select_related("user"))
    user_ids = {r.user_id for r in rsvps} | {a.user_id for a in attendances}
    roles = roles_of(user_ids, network_ids)
    coming = [r for r in rsvps if r.answer == RsvpAnswer.YES and not r.waitlisted]
    attendances.sort(key=lambda a: (a.user.full_name or a.user.email).lower())
    present = [
        a for a in attendances if a.status in (AttendanceStatus.PRESENT, AttendanceStatus.LATE)
    ]
    if meeting.is_held or present:
        mix = meeting_mix(meeting, [a.user for a in present], roles, basis="present")
    else:
        mix = meeting_mix(meeting, [r.user for r in coming], roles, basis="coming")
    return MeetingPage(
        coming=coming,
        waiting=[r for r in rsvps if r.answer == RsvpAnswer.YES and r.waitlisted],
        maybe=[r for r in rsvps if r.answer == RsvpAnswer.MAYBE],
        declined=[r for r in rsvps if r.answer == RsvpAnswer.NO],
        my_rsvp=next((r for r in rsvps if r.user_id == user.pk), None),
        mix=mix,
        roles=roles,
        invited_networks=invited,
        themes=themes,
        my_attendance=next((a for a in attendances if a.user_id == user.pk), None),
        present=present,
        excused=[a for a in attendances if a.status == AttendanceStatus.EXCUSED],
        absent=[a for a in attendances if a.status == AttendanceStatus.ABSENT],
        guest_speakers=list(meeting.guest_speakers.all()),
    )


def next_of_network(network, user, *, limit: int = 3) -> list[Meeting]:
    """The next meetings of ``network`` that ``user`` may see (cancelled ones too, marked),
    soonest first, with the person's answer; one query."""
    qs = (
        meetings_visible_to(user)
        .filter(network=network, ends_at__gte=timezone.now())
        .select_related("network")
        .order_by("starts_at")
    )
    return list(with_my_answer(qs, user)[:limit])
