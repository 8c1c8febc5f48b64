"""Reads of shadowing days: logbooks, the host's inbox, teachers' and coordinators' views,
and the questions reminders ask ("which days are due for X at time T").

Every list is read in a fixed number of queries, whatever the number of days.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal

from django.db.models import (
    BooleanField,
    Case,
    Count,
    Exists,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Sum,
    Value,
    When,
)
from django.utils import timezone

from accounts.choices import Domain, Profession
from networks.choices import Role
from networks.models import Membership, Network

from .choices import (
    ACTIVE_STATUSES,
    AWAITING_CONFIRMATION,
    CLOSED_STATUSES,
    COUNTS_FOR_HOURS,
    COUNTS_FOR_PROGRESS,
    DAGDEEL_COUNT,
    HELD_STATUSES,
    HOST_INBOX_STATUSES,
    PENDING_STATUSES,
    ShadowingStatus,
)
from .models import ShadowingDay, ShadowingFeedback, ShadowingSlot
from .permissions import (
    HOST_ROLES,
    followed_students,
    partner_network_ids,
    shadows,
    taught_students,
)
from .rules import crosses_domains, domain_of

HAPPENED = list(HELD_STATUSES)


def _with_people(qs: QuerySet[ShadowingDay]) -> QuerySet[ShadowingDay]:
    return qs.select_related(
        "network", "host_network", "shadower", "host", "cancelled_by"
    ).prefetch_related(
        Prefetch("feedback", queryset=ShadowingFeedback.objects.select_related("author"))
    )


# --- Who sees which days -------------------------------------------------------------------


def days_visible_to(user, network: Network) -> QuerySet[ShadowingDay]:
    """The days of ``network`` that ``user`` may see, with their reflections: the one
    visibility rule of ``permissions.can_see_day`` as a filter (the shadower, the host, the
    network's coordinators, and the teachers who teach the shadower). No query of its own."""
    days = ShadowingDay.objects.filter(network=network)
    if not user.is_authenticated:
        return days.none()
    coordinator = Membership.objects.current().filter(
        network=network, user_id=user.pk, role=Role.COORDINATOR
    )
    return days.filter(
        Q(shadower_id=user.pk)
        | Q(host_id=user.pk)
        | Q(Exists(coordinator))
        | Q(shadower_id__in=taught_students(user, network))
    )


# --- The shadower's logbook ---------------------------------------------------------------


def days_of_shadower(user, network: Network) -> QuerySet[ShadowingDay]:
    return _with_people(ShadowingDay.objects.filter(shadower=user, network=network))


@dataclass
class Tally:
    key: str
    label: str
    hours: Decimal = Decimal(0)
    days: int = 0


@dataclass
class Logbook:
    days: list[ShadowingDay]
    required: int
    confirmed_dagdelen: int = 0
    awaiting_dagdelen: int = 0
    hours_total: Decimal = Decimal(0)
    per_domain: list[Tally] = field(default_factory=list)
    per_profession: list[Tally] = field(default_factory=list)

    @property
    def percent(self) -> int:
        if not self.required:
            return 100
        return min(100, round(100 * self.confirmed_dagdelen / self.required))

    @property
    def remaining(self) -> int:
        return max(0, self.required - self.confirmed_dagdelen)

    @property
    def complete(self) -> bool:
        return self.confirmed_dagdelen >= self.required


def logbook(days: list[ShadowingDay], required: int) -> Logbook:
    """Progress and hours per host domain and profession, counted over days that happened
    (hours of days awaiting confirmation count; progress counts confirmed dagdelen only)."""
    book = Logbook(days=days, required=required)
    domains: dict[str, Tally] = {}
    professions: dict[str, Tally] = {}
    for day in days:
        if day.status in COUNTS_FOR_PROGRESS:
            book.confirmed_dagdelen += DAGDEEL_COUNT[day.dagdeel]
        elif day.status in AWAITING_CONFIRMATION:
            book.awaiting_dagdelen += DAGDEEL_COUNT[day.dagdeel]
        if day.status not in COUNTS_FOR_HOURS:
            continue
        book.hours_total += day.hours
        domain = day.host.domain
        profession = day.host.profession
        tally = domains.setdefault(domain, Tally(domain, Domain(domain).label))
        tally.hours += day.hours
        tally.days += 1
        tally = professions.setdefault(profession, Tally(profession, Profession(profession).label))
        tally.hours += day.hours
        tally.days += 1
    book.per_domain = sorted(domains.values(), key=lambda t: -t.hours)
    book.per_profession = sorted(professions.values(), key=lambda t: -t.hours)
    return book


# --- Hosts --------------------------------------------------------------------------------


def host_candidates(network: Network) -> QuerySet[Membership]:
    """Current members who may host: of this network and of partner networks."""
    ids = [network.pk, *partner_network_ids(network)]
    return (
        Membership.objects.current()
        .filter(network_id__in=ids, role__in=HOST_ROLES)
        .select_related("user", "network", "organisation")
        .order_by("user__full_name", "user__email")
    )


def other_domain_professions(user) -> list[str]:
    """The professions whose members are of the other domain for ``user``."""
    return [code for code in Profession.values if crosses_domains(user.domain, domain_of(code))]


def open_slots_for(
    user,
    network: Network,
    *,
    domain: str = "",
    profession: str = "",
    place: str = "",
    start: date | None = None,
    end: date | None = None,
) -> QuerySet[ShadowingSlot]:
    """Half-days from today on, of this network and its partners, that nobody booked (nor
    asked for), that fit the filters: ``domain`` "other" or "own" (for ``user``), a host
    ``profession``, a ``place`` (part of the place or organisation) and a date range. Those
    of the other domain come first, then the nearest date; each slot carries
    ``other_domain``. No query of its own but the partner networks."""
    taken = ShadowingDay.objects.filter(slot=OuterRef("pk"), status__in=ACTIVE_STATUSES)
    ids = [network.pk, *partner_network_ids(network)]
    other = other_domain_professions(user)
    slots = (
        ShadowingSlot.objects.filter(network_id__in=ids, date__gte=timezone.localdate())
        .exclude(host=user)
        .exclude(Exists(taken))
        .annotate(
            other_domain=Case(
                When(host__profession__in=other, then=Value(True)),
                default=Value(False),
                output_field=BooleanField(),
            )
        )
    )
    if domain == "other":
        slots = slots.filter(host__profession__in=other)
    elif domain == "own":
        slots = slots.exclude(host__profession__in=other)
    if profession:
        slots = slots.filter(host__profession=profession)
    if place.strip():
        slots = slots.filter(
            Q(place__icontains=place.strip()) | Q(organisation_name__icontains=place.strip())
        )
    if start is not None:
        slots = slots.filter(date__gte=start)
    if end is not None:
        slots = slots.filter(date__lte=end)
    return slots.select_related("host", "network").order_by("-other_domain", "date", "starts_at")


def next_fitting_slots(user, network: Network, taken: ShadowingSlot, *, limit: int = 3):
    """When ``taken`` went to someone else: the open half-days that fit best instead, from
    its date on (other domain first, then the nearest date), at most ``limit``."""
    return list(open_slots_for(user, network, start=taken.date).exclude(pk=taken.pk)[:limit])


def slots_of_host(user, network: Network) -> QuerySet[ShadowingSlot]:
    """The host's half-days from today on; ``booked`` when a day is agreed on it,
    ``requested`` when someone only asked for it."""
    agreed = [status for status in ACTIVE_STATUSES if status != ShadowingStatus.REQUESTED]
    booked = ShadowingDay.objects.filter(slot=OuterRef("pk"), status__in=agreed)
    requested = ShadowingDay.objects.filter(slot=OuterRef("pk"), status=ShadowingStatus.REQUESTED)
    return (
        ShadowingSlot.objects.filter(host=user, network=network, date__gte=timezone.localdate())
        .annotate(booked=Exists(booked), requested=Exists(requested))
        .order_by("date", "starts_at")
    )


def last_slot_of(host) -> ShadowingSlot | None:
    """The half-day the host offered last: its place and notes fill the next offer."""
    return ShadowingSlot.objects.filter(host=host).order_by("-created_at", "-pk").first()


def days_hosted_by(user, network: Network) -> QuerySet[ShadowingDay]:
    return _with_people(ShadowingDay.objects.filter(host=user, host_network=network))


# --- Teachers -----------------------------------------------------------------------------


def student_memberships(network: Network) -> QuerySet[Membership]:
    return (
        Membership.objects.current()
        .filter(network=network, role=Role.STUDENT)
        .select_related("user")
        .order_by("user__full_name", "user__email")
    )


@dataclass
class StudentRow:
    student: object
    book: Logbook
    awaiting_feedback: int
    last_reflection: ShadowingDay | None


def students_overview(network: Network, viewer=None) -> list[StudentRow]:
    """Each current student of ``network`` (only those ``viewer`` follows, when given: all
    for a coordinator, the taught ones for a teacher) with progress and reflections without
    feedback; three queries whatever the number of students and days."""
    memberships = student_memberships(network)
    if viewer is not None:
        memberships = memberships.filter(user_id__in=followed_students(viewer, network))
    memberships = list(memberships)
    ids = [m.user_id for m in memberships]
    days_by_student: dict[int, list[ShadowingDay]] = defaultdict(list)
    days = (
        ShadowingDay.objects.filter(network=network, shadower_id__in=ids)
        .select_related("host")
        .annotate(feedback_count=Count("feedback"))
        .order_by("-date", "-starts_at")
    )
    for day in days:
        days_by_student[day.shadower_id].append(day)
    rows = []
    for membership in memberships:
        own = days_by_student[membership.user_id]
        reflections = [d for d in own if d.reflection_written_at is not None]
        rows.append(
            StudentRow(
                student=membership.user,
                book=logbook(own, network.shadowing_dagdelen_required_for(membership.user)),
                awaiting_feedback=sum(1 for d in reflections if d.feedback_count == 0),
                last_reflection=reflections[0] if reflections else None,
            )
        )
    return rows


def student_of(network: Network, user_pk: int, viewer=None):
    """A current student of ``network`` (that ``viewer`` follows, when given), or None."""
    memberships = student_memberships(network).filter(user_id=user_pk)
    if viewer is not None:
        memberships = memberships.filter(user_id__in=followed_students(viewer, network))
    membership = memberships.first()
    return membership.user if membership else None


# --- Coordinators -------------------------------------------------------------------------


@dataclass
class PatternMatrix:
    start: date
    end: date
    shadower_professions: list[tuple[str, str]]
    host_professions: list[tuple[str, str]]
    cells: dict[tuple[str, str], dict]
    hours_per_domain: list[Tally]
    total_days: int
    total_hours: Decimal
    # What waits now, whatever the period: a request from last month still waits.
    open_requests: int
    open_confirmations: int
    # Teachers who shadowed, counted apart from the students and professionals above.
    teacher_days: int = 0
    teacher_hours: Decimal = Decimal(0)
    teacher_hours_per_domain: list[Tally] = field(default_factory=list)

    def row(self, shadower_profession: str) -> list[dict | None]:
        return [self.cells.get((shadower_profession, p)) for p, _label in self.host_professions]

    @property
    def table(self) -> list[tuple[str, list[dict | None]]]:
        """(label of who shadowed, cells per host profession), for the template."""
        return [(label, self.row(code)) for code, label in self.shadower_professions]

    @property
    def labelled_table(self) -> list[tuple[str, list[tuple[str, dict | None]]]]:
        """As ``table``, each cell with the label of its host profession (the column), so a
        phone can show the matrix as one card per row."""
        labels = [label for _code, label in self.host_professions]
        return [(label, list(zip(labels, cells, strict=True))) for label, cells in self.table]


def days_in_period(network: Network, start: date, end: date) -> QuerySet[ShadowingDay]:
    return ShadowingDay.objects.filter(network=network, date__gte=start, date__lte=end)


def _by_teacher():
    """Whether the day's shadower is a current teacher of the day's network."""
    return Exists(
        Membership.objects.current().filter(
            network_id=OuterRef("network_id"), user_id=OuterRef("shadower_id"), role=Role.TEACHER
        )
    )


def pattern_matrix(network: Network, start: date, end: date) -> PatternMatrix:
    """Which professions shadowed which (days that happened in the period; teachers' days
    apart), hours per host domain, and what waits for the host now, whatever the period;
    two queries."""
    happened = (
        days_in_period(network, start, end)
        .filter(status__in=HAPPENED)
        .annotate(by_teacher=_by_teacher())
    )
    rows = (
        happened.values("shadower__profession", "host__profession", "by_teacher")
        .annotate(days=Count("pk"), hours=Sum("hours"))
        .order_by()
    )
    cells: dict[tuple[str, str], dict] = {}
    domains: dict[str, Tally] = {}
    teacher_domains: dict[str, Tally] = {}
    shadower_professions, host_professions = set(), set()
    for row in rows:
        domain = domain_of(row["host__profession"])
        if row["by_teacher"]:
            tally = teacher_domains.setdefault(domain, Tally(domain, Domain(domain).label))
            tally.hours += row["hours"]
            tally.days += row["days"]
            continue
        key = (row["shadower__profession"], row["host__profession"])
        cell = cells.setdefault(key, {"days": 0, "hours": Decimal(0)})
        cell["days"] += row["days"]
        cell["hours"] += row["hours"]
        shadower_professions.add(key[0])
        host_professions.add(key[1])
        tally = domains.setdefault(domain, Tally(domain, Domain(domain).label))
        tally.hours += row["hours"]
        tally.days += row["days"]
    counts = ShadowingDay.objects.filter(network=network).aggregate(
        requested=Count("pk", filter=Q(status=ShadowingStatus.REQUESTED)),
        done=Count("pk", filter=Q(status__in=AWAITING_CONFIRMATION)),
    )

    def labelled(professions):
        return sorted(((p, Profession(p).label) for p in professions), key=lambda x: str(x[1]))

    def by_hours(tallies):
        return sorted(tallies.values(), key=lambda t: -t.hours)

    return PatternMatrix(
        start=start,
        end=end,
        shadower_professions=labelled(shadower_professions),
        host_professions=labelled(host_professions),
        cells=cells,
        hours_per_domain=by_hours(domains),
        total_days=sum(c["days"] for c in cells.values()),
        total_hours=sum((c["hours"] for c in cells.values()), Decimal(0)),
        open_requests=counts["requested"],
        open_confirmations=counts["done"],
        teacher_days=sum(t.days for t in teacher_domains.values()),
        teacher_hours=sum((t.hours for t in teacher_domains.values()), Decimal(0)),
        teacher_hours_per_domain=by_hours(teacher_domains),
    )


def export_rows(network: Network, start: date, end: date) -> QuerySet[ShadowingDay]:
    return (
        days_in_period(network, start, end)
        .select_related("shadower", "host", "host_network")
        .order_by("date", "starts_at")
    )


# --- Reminders: which days are due for X at time T ----------------------------------------
# The reminder mechanism (deliveries with a unique key) is built elsewhere; these answer
# its question for each kind so that adding a kind is a few lines there.


def _local_date(at: datetime) -> date:
    return timezone.localtime(at).date()


def due_day_before(at: datetime) -> QuerySet[ShadowingDay]:
    """Planned days that take place tomorrow (local time): remind shadower and host."""
    return ShadowingDay.objects.filter(
        status=ShadowingStatus.PLANNED, date=_local_date(at) + timedelta(days=1)
    ).select_related("shadower", "host", "network")


def due_reflection(at: datetime, after_days: int = 2) -> QuerySet[ShadowingDay]:
    """Planned days that took place ``after_days`` or more days ago without a reflection:
    remind the shadower (the delivery key keeps it to once per day)."""
    return ShadowingDay.objects.filter(
        status=ShadowingStatus.PLANNED,
        date__lte=_local_date(at) - timedelta(days=after_days),
    ).select_related("shadower", "network")


def due_host_confirmation(at: datetime, pending_days: int = 3) -> QuerySet[ShadowingDay]:
    """Days whose reflection has waited ``pending_days`` or more for the host's confirmation:
    remind the host."""
    return ShadowingDay.objects.filter(
        status=ShadowingStatus.DONE,
        reflection_written_at__lte=at - timedelta(days=pending_days),
    ).select_related("host", "shadower", "network")


def due_cancellation_notice(at: datetime, window: timedelta) -> QuerySet[ShadowingDay]:
    """Days cancelled within ``window`` before ``at``: tell the other person (once per day;
    a notice older than the window is not sent any more, e.g. after a long outage)."""
    return ShadowingDay.objects.filter(
        status=ShadowingStatus.CANCELLED,
        cancelled_at__lte=at,
        cancelled_at__gte=at - window,
    ).select_related("shadower", "host", "network")


def due_move_notice(at: datetime, window: timedelta) -> QuerySet[ShadowingDay]:
    """Days the shadower moved within ``window`` before ``at`` and that still go ahead:
    tell the host (once per move)."""
    return ShadowingDay.objects.filter(
        status__in=PENDING_STATUSES,
        moved_at__lte=at,
        moved_at__gte=at - window,
    ).select_related("shadower", "host", "network")


def teacher_digest(teacher, network: Network, since: datetime) -> QuerySet[ShadowingDay]:
    """For the teacher's weekly digest: reflections of the network's students written since
    ``since``, newest first, with the number of feedback notes they have."""
    students = taught_students(teacher, network)
    return (
        ShadowingDay.objects.filter(
            network=network,
            shadower_id__in=students,
            reflection_written_at__gte=since,
        )
        .select_related("shadower", "host")
        .annotate(feedback_count=Count("feedback"))
        .order_by("-reflection_written_at")
    )


def feedback_queue(teacher, network: Network) -> QuerySet[ShadowingDay]:
    """The teacher's queue: reflections of the students they teach in ``network`` that have
    no feedback yet, oldest first (on days that were not declined or cancelled)."""
    has_feedback = ShadowingFeedback.objects.filter(day_id=OuterRef("pk"))
    return (
        ShadowingDay.objects.filter(
            network=network,
            shadower_id__in=taught_students(teacher, network),
            reflection_written_at__isnull=False,
        )
        .exclude(status__in=CLOSED_STATUSES)
        .exclude(Exists(has_feedback))
        .select_related("network", "shadower", "host")
        .order_by("reflection_written_at", "pk")
    )


def teachers_of(network: Network) -> QuerySet[Membership]:
    """The recipients of the weekly digest line."""
    return (
        Membership.objects.current()
        .filter(network=network, role=Role.TEACHER)
        .select_related("user")
    )


def _current_student(network_field: str = "network_id"):
    return Membership.objects.current().filter(
        network_id=OuterRef(network_field), user_id=OuterRef("shadower_id"), role=Role.STUDENT
    )


def awaiting_feedback_schools(since: datetime, network_ids=None) -> set[tuple[int, int]]:
    """(network, school) pairs where reflections of current students written since
    ``since`` have no feedback yet; the school is the student's membership organisation.
    Only teachers of that school teach those students, so only they get the digest; a
    student whose membership names no school is taught by no teacher, so such reflections
    name no pair. One query."""
    has_feedback = ShadowingFeedback.objects.filter(day_id=OuterRef("pk"))
    qs = ShadowingDay.objects.filter(reflection_written_at__gte=since).filter(
        Exists(_current_student()), ~Exists(has_feedback)
    )
    if network_ids is not None:
        qs = qs.filter(network_id__in=network_ids)
    school = Subquery(_current_student().values("organisation_id")[:1])
    return set(
        qs.order_by()
        .annotate(school=school)
        .filter(school__isnull=False)
        .values_list("network_id", "school")
        .distinct()
    )


def awaiting_feedback(teacher, network: Network, since: datetime) -> list[ShadowingDay]:
    """The lines of a teacher's digest: reflections of the network's students since
    ``since`` that have no feedback yet, newest first."""
    return [day for day in teacher_digest(teacher, network, since) if day.feedback_count == 0]


# --- Reflections that mention a word (the themes board) -----------------------------------

REFLECTION_FIELDS = (
    "reflection_seen",
    "reflection_surprised",
    "reflection_take_away",
    "reflection_question",
)


@dataclass
class Mentions:
    """The reflections of a network that mention one name: how many there are, and those
    the viewer may open (newest first, at most the limit asked for)."""

    count: int = 0
    visible: list[ShadowingDay] = field(default_factory=list)
    visible_count: int = 0


def reflections_mentioning(
    network: Network, names: dict[int, str], viewer, *, limit: int = 5
) -> dict[int, Mentions]:
    """For each ``key: name``, the reflections on days of ``network`` whose text mentions
    ``name`` (case-insensitive). ``visible`` holds only days the viewer may see under the
    one visibility rule (``days_visible_to``); the text itself is left to the day's page.

    Two queries whatever the number of names and days: the ids of the days the viewer may
    see, and the written reflections.
    """
    result = {key: Mentions() for key in names}
    wanted = {key: name.casefold() for key, name in names.items() if name.strip()}
    if not wanted or not viewer.is_authenticated:
        return result
    written = ShadowingDay.objects.filter(network=network, reflection_written_at__isnull=False)
    visible_ids = set(
        days_visible_to(viewer, network)
        .filter(reflection_written_at__isnull=False)
        .values_list("pk", flat=True)
    )
    days = (
        written.select_related("shadower")
        .only("pk", "date", "dagdeel", "network_id", "host_id", "shadower", *REFLECTION_FIELDS)
        .order_by("-date", "-pk")
    )

    def may_see(day) -> bool:
        return day.pk in visible_ids

    for day in days:
        text = " ".join(getattr(day, name) for name in REFLECTION_FIELDS).casefold()
        visible = None
        for key, name in wanted.items():
            if name not in text:
                continue
            mentions = result[key]
            mentions.count += 1
            if visible is None:
                visible = may_see(day)
            if visible:
                mentions.visible_count += 1
                if len(mentions.visible) < limit:
                    mentions.visible.append(day)
    return result


# --- The home page ------------------------------------------------------------------------


@dataclass
class Progress:
    network: Network
    confirmed: int
    required: int

    @property
    def percent(self) -> int:
        if not self.required:
            return 100
        return min(100, round(100 * self.confirmed / self.required))


@dataclass
class ShadowingHome:
    """What the home page shows about shadowing: a student's progress per network and open
    items, and a host's requests and confirmations."""

    progress: list[Progress] = field(default_factory=list)
    to_reflect: list[ShadowingDay] = field(default_factory=list)
    waiting_for_host: list[ShadowingDay] = field(default_factory=list)
    requests: list[ShadowingDay] = field(default_factory=list)
    to_confirm: list[ShadowingDay] = field(default_factory=list)

    def __bool__(self) -> bool:
        return any(
            (self.progress, self.to_reflect, self.waiting_for_host, self.requests, self.to_confirm)
        )


def home_for(user, memberships: list[Membership], *, today: date | None = None) -> ShadowingHome:
    """From the person's current memberships (with their networks, as the home page has
    them): one query for all their days, or none when no role of theirs shadows or hosts."""
    home = ShadowingHome()
    if not any(shadows(m.role, m.network) or m.role in HOST_ROLES for m in memberships):
        return home
    today = today or timezone.localdate()
    networks = {m.network_id: m.network for m in memberships}
    student_networks = [m.network for m in memberships if m.role == Role.STUDENT]
    days = (
        ShadowingDay.objects.filter(
            Q(shadower=user, network_id__in=networks)
            | Q(
                host=user,
                host_network_id__in=networks,
                status__in=HOST_INBOX_STATUSES,
            )
        )
        .exclude(status__in=CLOSED_STATUSES)
        .select_related("network", "shadower", "host")
        .order_by("date", "starts_at")
    )
    confirmed: dict[int, int] = defaultdict(int)
    for day in days:
        if day.shadower_id == user.pk:
            if day.status in COUNTS_FOR_PROGRESS:
                confirmed[day.network_id] += DAGDEEL_COUNT[day.dagdeel]
            elif day.awaits_reflection and day.date <= today:
                home.to_reflect.append(day)
            elif day.status in HOST_INBOX_STATUSES:
                home.waiting_for_host.append(day)
        else:
            if day.is_request:
                home.requests.append(day)
            else:
                home.to_confirm.append(day)
    home.progress = [
        Progress(network, confirmed[network.pk], network.shadowing_dagdelen_required_for(user))
        for network in student_networks
    ]
    return home


@dataclass
class FeedbackWaiting:
    network: Network
    count: int


def feedback_waiting_for(user, memberships: list[Membership]) -> list[FeedbackWaiting]:
    """For a teacher's home page: per network, how many reflections of the students they
    teach wait for feedback (as in ``feedback_queue``); one query whatever the number of
    networks and days, none for someone who teaches nowhere."""
    teaching = {m.network_id: m.network for m in memberships if m.role == Role.TEACHER}
    if not teaching:
        return []
    rule = Q(pk__in=[])
    for network_id in teaching:
        rule |= Q(network_id=network_id, shadower_id__in=taught_students(user, network_id))
    has_feedback = ShadowingFeedback.objects.filter(day_id=OuterRef("pk"))
    rows = (
        ShadowingDay.objects.filter(rule, reflection_written_at__isnull=False)
        .exclude(status__in=CLOSED_STATUSES)
        .exclude(Exists(has_feedback))
        .values("network_id")
        .annotate(n=Count("pk"))
        .order_by("network_id")
    )
    return sorted(
        (FeedbackWaiting(teaching[row["network_id"]], row["n"]) for row in rows),
        key=lambda item: item.network.name,
    )
