"""Which meetings a person may see, and what the meeting page and the home page show."""

from collections import Counter
from dataclasses import dataclass, field
from datetime import timedelta

from django.db.models import Count as CountOf
from django.db.models import Exists, Min, OuterRef, Q, QuerySet, Subquery
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


def _one_per_series(queryset: QuerySet[Meeting], same: Q) -> QuerySet[Meeting]:
    """Of each series only its first meeting among those that satisfy ``same`` (the
    condition of ``queryset``); meetings on their own stay."""
    earlier = Meeting.objects.filter(
        same, series_id=OuterRef("series_id"), starts_at__lt=OuterRef("starts_at")
    )
    return queryset.filter(Q(series__isnull=True) | ~Exists(earlier))


def _with_series(meetings: list[Meeting], user, same: Q) -> list[Meeting]:
    """Set on each meeting of a series, from one query over the series' meetings that
    satisfy ``same``: ``series_count`` (how many), ``series_unanswered`` (how many the
    person has not answered) and ``series_answer`` ("yes", "no", "maybe" when every one has
    that answer, "mixed", or None when none is answered)."""
    series_ids = {m.series_id for m in meetings if m.series_id}
    answers: dict[int, list] = {}
    if series_ids:
        rows = with_my_answer(Meeting.objects.filter(same, series_id__in=series_ids), user)
        for series_id, answer in rows.values_list("series_id", "my_answer"):
            answers.setdefault(series_id, []).append(answer)
    for meeting in meetings:
        mine = answers.get(meeting.series_id, [])
        given = {a for a in mine if a is not None}
        meeting.series_count = len(mine)
        meeting.series_unanswered = mine.count(None)
        if not given:
            meeting.series_answer = None
        elif len(given) == 1 and None not in mine:
            meeting.series_answer = given.pop()
        else:
            meeting.series_answer = "mixed"
    return meetings


def upcoming_for(user, *, limit: int = 5) -> list[Meeting]:
    """The person's next meetings (cancelled ones too: they need to know), soonest first;
    a series is one row: its next meeting, with ``series_count`` and ``series_answer``."""
    now = timezone.now()
    same = Q(ends_at__gte=now)
    qs = (
        _one_per_series(meetings_visible_to(user).filter(same), same)
        .select_related("network")
        .order_by("starts_at")
    )
    # The series' answer: over the meetings one can still answer.
    open_ = Q(starts_at__gt=now, status=MeetingStatus.SCHEDULED)
    return _with_series(list(with_my_answer(qs, user)[:limit]), user, open_)


def unanswered_for(user, *, limit: int = 10) -> list[Meeting]:
    """Scheduled meetings still to come that the person has not answered; a series is one
    row: its first unanswered meeting, with ``series_unanswered``."""
    same = Q(starts_at__gt=timezone.now(), status=MeetingStatus.SCHEDULED) & ~Q(rsvps__user=user)
    qs = (
        _one_per_series(meetings_visible_to(user).filter(same), same)
        .select_related("network")
        .order_by("starts_at")
    )
    return _with_series(list(qs[:limit]), user, same)


def series_answers(meeting: Meeting, user) -> dict | None:
    """For the meeting page of a meeting in a series: how the person answered the meetings
    of the series still to come ({"count", "yes", "maybe", "no", "none"}); None outside a
    series or when only this meeting is left."""
    if meeting.series_id is None:
        return None
    rows = with_my_answer(
        Meeting.objects.filter(
            series_id=meeting.series_id,
            status=MeetingStatus.SCHEDULED,
            starts_at__gt=timezone.now(),
        ),
        user,
    ).values_list("my_answer", flat=True)
    answers = Counter(answer or "none" for answer in rows)
    total = sum(answers.values())
    if total < 2:
        return None
    return {"count": total, **{k: answers.get(k, 0) for k in ("yes", "maybe", "no", "none")}}


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


def unanswered_invitees(meeting: Meeting, invited_networks=None) -> list:
    """The people invited to ``meeting`` (current members of its network and of the networks
    invited to it, accounts still active) who have not answered, by name; one query when
    ``invited_networks`` (the meeting's, already loaded) is given."""
    from accounts.models import User

    if invited_networks is None:
        invited_networks = meeting.invited_networks.all()
    network_ids = [meeting.network_id, *[n.pk for n in invited_networks]]
    invited = Membership.objects.current().filter(network_id__in=network_ids).values("user_id")
    answered = Rsvp.objects.filter(meeting=meeting).values("user_id")
    return list(
        User.objects.filter(pk__in=invited, is_active=True)
        .exclude(pk__in=answered)
        .order_by("full_name", "email")
    )


def network_figures(user, network_ids, *, now=None) -> dict[int, dict]:
    """Per network of ``network_ids``: its next scheduled meeting's start (``next``) and the
    number of its meetings this month (``this_month``), cancelled ones not counted; one
    query whatever the number of networks and meetings."""
    now = now or timezone.now()
    local = timezone.localtime(now)
    month_start = local.replace(day=1, hour=0, minute=0, second=0, microsecond=0)
    month_end = (month_start + timedelta(days=32)).replace(day=1)
    rows = (
        Meeting.objects.filter(network_id__in=list(network_ids))
        .exclude(status=MeetingStatus.CANCELLED)
        .values("network_id")
        .annotate(
            next=Min("starts_at", filter=Q(starts_at__gt=now, status=MeetingStatus.SCHEDULED)),
            this_month=CountOf("pk", filter=Q(starts_at__gte=month_start, starts_at__lt=month_end)),
        )
    )
    return {row["network_id"]: row for row in rows}
