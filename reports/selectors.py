"""The figures of a network for a period: what the dashboard shows, the period report's
appendix and its XLSX hold, and the side-by-side comparison.

Each section is a :class:`Section` with one or more :class:`Table` (title, headers, rows of
plain values) and, where there is something to draw, a chart (server-drawn SVG,
:mod:`evaluation.charts`). The dashboard, the PDF and the XLSX all show these same tables.

Every section reads with a fixed number of queries (aggregates, or one ``values`` read of
the rows it counts), so the number of queries does not grow with meetings, members or days.
A period is inclusive: from ``start`` 00:00 to the end of ``end`` in Europe/Amsterdam.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, Q, Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.choices import PROFESSION_DOMAIN, Domain
from casework.models import Case, Lesson
from evaluation import charts
from evaluation.choices import PROFESSION_GROUPS, profession_group
from evaluation.models import CustomInstrument, Response, Round
from evaluation.registry import CUSTOM_PREFIX, custom_as_instrument, get_instrument
from evaluation.selectors import RESPONSE_FIELDS, results_of, role_group, role_group_label
from evaluation.stats import min_group, shown
from networks.choices import MilestoneStatus
from networks.models import Membership, Milestone
from sessions.meetings.choices import AttendanceStatus, MeetingFormat, MeetingStatus
from sessions.meetings.models import Attendance, Meeting
from sessions.shadowing.choices import ShadowingStatus
from sessions.shadowing.models import ShadowingDay

from .choices import Outcome
from .models import Placement

PRESENT = (AttendanceStatus.PRESENT, AttendanceStatus.LATE)
BOTH = (Domain.CARE, Domain.SOCIAL)


@dataclass
class Table:
    title: str
    headers: list[str]
    rows: list[list]
    chart: str | None = None

    @property
    def labelled_rows(self) -> list[list[tuple[str, object]]]:
        """Each cell with its column's heading: on a phone a row reads as a small card."""
        return [list(zip(self.headers, row, strict=False)) for row in self.rows]


@dataclass
class Section:
    key: str
    title: str
    tables: list[Table] = field(default_factory=list)
    empty: bool = False
    note: str = ""


@dataclass
class Period:
    start: dt.date
    end: dt.date

    @property
    def since(self) -> dt.datetime:
        return timezone.make_aware(dt.datetime.combine(self.start, dt.time.min))

    @property
    def until(self) -> dt.datetime:
        return timezone.make_aware(dt.datetime.combine(self.end + dt.timedelta(1), dt.time.min))

    def __str__(self) -> str:
        return f"{self.start:%d-%m-%Y} – {self.end:%d-%m-%Y}"


def default_period(today: dt.date | None = None) -> Period:
    """The last twelve months up to today."""
    today = today or timezone.localdate()
    try:
        start = today.replace(year=today.year - 1) + dt.timedelta(1)
    except ValueError:
        start = today.replace(year=today.year - 1, day=28) + dt.timedelta(1)
    return Period(start, today)


def pct(part: int, whole: int) -> float | None:
    return round(100 * part / whole, 1) if whole else None


def _label(choices, key) -> str:
    return str(choices(key).label) if key in choices.values else (key or "—")


def _counts_chart(rows) -> str | None:
    if not rows:
        return None
    return charts.histogram([(str(label)[:12], int(value)) for label, value in rows])


def _rate_chart(rows) -> str | None:
    bars = [(label, value) for label, value in rows]
    return charts.bars(bars, 0, 100) if bars else None


# --- meetings ----------------------------------------------------------------------------


def _held_meetings(network, period: Period):
    return Meeting.objects.filter(
        network=network, starts_at__gte=period.since, starts_at__lt=period.until
    ).exclude(status=MeetingStatus.CANCELLED)


def activities(network, period: Period) -> Section:
    """Meetings per format and their attendance rate: of the attendance registered, the
    share present or late."""
    rows = list(
        _held_meetings(network, period)
        .values("format")
        .annotate(
            meetings=Count("pk", distinct=True),
            registered=Count("attendances"),
            present=Count("attendances", filter=Q(attendances__status__in=PRESENT)),
        )
        .order_by("format")
    )
    section = Section("activities", _("Activities"))
    if not rows:
        section.empty = True
        return section
    table_rows = [
        [
            _label(MeetingFormat, r["format"]),
            r["meetings"],
            r["present"],
            r["registered"],
            pct(r["present"], r["registered"]),
        ]
        for r in rows
    ]
    total = [sum(r["meetings"] for r in rows), sum(r["present"] for r in rows)]
    registered = sum(r["registered"] for r in rows)
    table_rows.append([_("Total"), total[0], total[1], registered, pct(total[1], registered)])
    section.tables.append(
        Table(
            _("Meetings per format"),
            [_("Format"), _("Meetings"), _("Present"), _("Attendance registered"), _("Rate (%)")],
            table_rows,
            chart=_counts_chart([(row[0], row[1]) for row in table_rows[:-1]]),
        )
    )
    return section


def domain_of(profession: str) -> str:
    return PROFESSION_DOMAIN.get(profession, Domain.CITIZENS)


def _attendees(network, period: Period) -> list[dict]:
    rows = list(
        Attendance.objects.filter(meeting__in=_held_meetings(network, period), status__in=PRESENT)
        .values(
            "meeting_id",
            "meeting__starts_at",
            "user_id",
            "user__profession",
            "user__student_level",
        )
        .order_by("meeting__starts_at", "pk")
    )
    for row in rows:
        # A person's domain follows from their profession (``User.domain``).
        row["domain"] = domain_of(row["user__profession"])
    return rows


def _roles(network, user_ids) -> dict[int, str]:
    """Each person's role in the network (their latest membership)."""
    roles = {}
    for row in (
        Membership.objects.filter(network=network, user_id__in=user_ids)
        .order_by("starts_on", "pk")
        .values("user_id", "role")
    ):
        roles[row["user_id"]] = row["role"]
    return roles


def people(network, period: Period, attendees: list[dict] | None = None) -> Section:
    """People reached (present or late at a meeting at least once): by domain, profession
    group and role (students by level); first-time and returning participants (returning:
    present at a meeting of the network before the period)."""
    attendees = _attendees(network, period) if attendees is None else attendees
    section = Section("people", _("People reached"))
    persons = {}
    for row in attendees:
        persons[row["user_id"]] = row
    if not persons:
        section.empty = True
        return section
    roles = _roles(network, list(persons))
    earlier = set(
        Attendance.objects.filter(
            meeting__network=network,
            meeting__starts_at__lt=period.since,
            status__in=PRESENT,
            user_id__in=list(persons),
        )
        .exclude(meeting__status=MeetingStatus.CANCELLED)
        .values_list("user_id", flat=True)
        .distinct()
    )
    domains = Counter(_label(Domain, p["domain"]) for p in persons.values())
    groups = Counter(
        str(PROFESSION_GROUPS.get(profession_group(p["user__profession"]), "—"))
        for p in persons.values()
    )
    by_role = Counter(
        role_group_label(
            role_group({"role": roles.get(uid, ""), "student_level": p["user__student_level"]})
        )
        for uid, p in persons.items()
    )
    for title, counter, header in (
        (_("By domain"), domains, _("Domain")),
        (_("By profession group"), groups, _("Profession group")),
        (_("By role"), by_role, _("Role")),
    ):
        rows = [[label, count] for label, count in sorted(counter.items())]
        section.tables.append(Table(title, [header, _("People")], rows, chart=_counts_chart(rows)))
    returning = len(earlier)
    first = len(persons) - returning
    rows = [[_("First time"), first], [_("Returning"), returning], [_("Total"), len(persons)]]
    section.tables.append(
        Table(
            _("First-time and returning participants"),
            [_("Participants"), _("People")],
            rows,
            chart=_counts_chart(rows[:2]),
        )
    )
    return section


def mix(network, period: Period, attendees: list[dict] | None = None) -> Section:
    """Per month, the share of meetings held at which someone of the care domain and
    someone of the social domain were both present."""
    attendees = _attendees(network, period) if attendees is None else attendees
    section = Section("mix", _("Interprofessional mix"))
    meetings = list(
        _held_meetings(network, period).values_list("pk", "starts_at").order_by("starts_at")
    )
    if not meetings:
        section.empty = True
        return section
    domains = defaultdict(set)
    for row in attendees:
        domains[row["meeting_id"]].add(row["domain"])
    months: dict[str, list[int]] = {}
    for pk, starts_at in meetings:
        month = timezone.localtime(starts_at).strftime("%Y-%m")
        held, both = months.setdefault(month, [0, 0])
        months[month] = [held + 1, both + (1 if set(BOTH) <= domains[pk] else 0)]
    rows = [[month, held, both, pct(both, held)] for month, (held, both) in months.items()]
    all_held = sum(r[1] for r in rows)
    all_both = sum(r[2] for r in rows)
    rows.append([_("Total"), all_held, all_both, pct(all_both, all_held)])
    section.tables.append(
        Table(
            _("Meetings with both domains present, per month"),
            [_("Month"), _("Meetings"), _("Both domains"), _("Share (%)")],
            rows,
            chart=_rate_chart([(r[0], r[3] or 0.0) for r in rows[:-1]]),
        )
    )
    return section


# --- shadowing ---------------------------------------------------------------------------


def shadowing(network, period: Period) -> Section:
    """Confirmed shadowing days and hours per pair of domains (the shadower's → the
    host's), and reciprocity: the days the lesser direction between care and social has
    as a share of the greater one (100 % when both ways are equal)."""
    rows = list(
        ShadowingDay.objects.filter(
            network=network,
            status=ShadowingStatus.CONFIRMED,
            date__gte=period.start,
            date__lte=period.end,
        )
        .values("shadower__profession", "host__profession")
        .annotate(days=Count("pk"), hours=Sum("hours"))
    )
    section = Section("shadowing", _("Shadowing"))
    if not rows:
        section.empty = True
        return section
    # Professions → domains (``User.domain`` is derived from the profession).
    merged: dict[tuple[str, str], dict] = {}
    for r in rows:
        key = (domain_of(r["shadower__profession"]), domain_of(r["host__profession"]))
        pair = merged.setdefault(
            key, {"shadower__domain": key[0], "host__domain": key[1], "days": 0, "hours": 0}
        )
        pair["days"] += r["days"]
        pair["hours"] += r["hours"] or Decimal(0)
    rows = [merged[key] for key in sorted(merged)]
    table_rows = [
        [
            f"{_label(Domain, r['shadower__domain'])} → {_label(Domain, r['host__domain'])}",
            r["days"],
            float(r["hours"] or Decimal(0)),
        ]
        for r in rows
    ]
    section.tables.append(
        Table(
            _("Confirmed days per pair of domains"),
            [_("Shadower → host"), _("Days"), _("Hours")],
            table_rows,
            chart=_counts_chart([(row[0], row[1]) for row in table_rows]),
        )
    )
    pairs = {(r["shadower__domain"], r["host__domain"]): r["days"] for r in rows}
    care_social = pairs.get((Domain.CARE, Domain.SOCIAL), 0)
    social_care = pairs.get((Domain.SOCIAL, Domain.CARE), 0)
    greater = max(care_social, social_care)
    section.tables.append(
        Table(
            _("Reciprocity between care and social domain"),
            [_("Care → social"), _("Social → care"), _("Reciprocity (%)")],
            [[care_social, social_care, pct(min(care_social, social_care), greater)]],
        )
    )
    return section


# --- casework and theme projects ------------------------------------------------------------


def learning(network, period: Period) -> Section:
    """Cases presented at a meeting in the period, lessons (starting in the period) linked
    to the network's themes, and the theme projects' milestones due in the period: done,
    late (delayed, or past due and not done) or still open."""
    cases = Case.objects.filter(
        network=network,
        status="presented",
        meeting__starts_at__gte=period.since,
        meeting__starts_at__lt=period.until,
    ).count()
    lessons = (
        Lesson.objects.filter(
            themes__network=network, starts_on__gte=period.start, starts_on__lte=period.end
        )
        .values("pk")
        .distinct()
        .count()
    )
    today = timezone.localdate()
    milestones = Milestone.objects.filter(
        project__network=network, due_on__gte=period.start, due_on__lte=period.end
    ).aggregate(
        done=Count("pk", filter=Q(status=MilestoneStatus.DONE)),
        late=Count(
            "pk",
            filter=Q(status=MilestoneStatus.DELAYED)
            | (Q(due_on__lt=today) & ~Q(status=MilestoneStatus.DONE)),
        ),
        total=Count("pk"),
    )
    section = Section("learning", _("Cases, lessons and theme projects"))
    if not cases and not lessons and not milestones["total"]:
        section.empty = True
        return section
    open_ = milestones["total"] - milestones["done"] - milestones["late"]
    section.tables.append(
        Table(
            _("Cases and lessons"),
            [_("What"), _("Number")],
            [[_("Cases presented"), cases], [_("Lessons linked to themes"), lessons]],
        )
    )
    rows = [
        [_("Done"), milestones["done"]],
        [_("Late"), milestones["late"]],
        [_("Still open"), open_],
    ]
    section.tables.append(
        Table(
            _("Milestones due in the period"),
            [_("Milestones"), _("Number")],
            rows,
            chart=_counts_chart(rows) if milestones["total"] else None,
        )
    )
    return section


# --- evaluation ----------------------------------------------------------------------------


def evaluation(network, period: Period) -> Section:
    """The rounds that closed in the period: answers and each subscale's mean, through the
    evaluation app's own scoring and suppression (``EVALUATION_MIN_GROUP``): a round or
    subscale with fewer respondents says so instead of a figure."""
    rounds = list(
        Round.objects.filter(
            network=network, closes_on__gte=period.start, closes_on__lte=period.end
        ).order_by("closes_on", "pk")
    )
    section = Section("evaluation", _("Evaluation"))
    if not rounds:
        section.empty = True
        return section
    customs = {
        c.code: custom_as_instrument(c) for c in CustomInstrument.objects.filter(network=network)
    }
    by_round = defaultdict(list)
    for row in (
        Response.objects.filter(submitted_at__isnull=False, round__in=rounds)
        .order_by("pk")
        .values(*RESPONSE_FIELDS, "round_id")
    ):
        by_round[row["round_id"]].append(row)
    rows = []
    hidden = _("too few answers to show")
    for round_ in rounds:
        code = round_.instrument_code
        instrument = customs.get(code) if code.startswith(CUSTOM_PREFIX) else get_instrument(code)
        if instrument is None:
            continue
        answers = by_round[round_.pk]
        if not shown(len(answers)):
            rows.append([str(instrument.title), round_.label, len(answers), "—", hidden])
            continue
        results, _open = results_of(instrument, answers)
        for result in results:
            mean = None if result.overall.suppressed else round(result.overall.mean, 2)
            rows.append(
                [
                    str(instrument.title),
                    round_.label,
                    len(answers),
                    result.label,
                    mean if mean is not None else hidden,
                ]
            )
    section.tables.append(
        Table(
            _("Questionnaire rounds closed in the period"),
            [_("Questionnaire"), _("Measurement"), _("Answers"), _("Subscale"), _("Mean")],
            rows,
        )
    )
    section.note = _("Figures about fewer than %(n)s respondents are never shown.") % {
        "n": min_group()
    }
    return section


# --- placements ------------------------------------------------------------------------------


FUNNEL = ("placed", "finished", "offered", "accepted", "stayed")


def funnel_counts(rows: list[dict], today: dt.date) -> dict[str, int]:
    counts = dict.fromkeys(FUNNEL, 0)
    counts["stayed_known"] = 0
    for r in rows:
        counts["placed"] += 1
        counts["finished"] += r["ends_on"] < today
        counts["offered"] += r["outcome"] in (Outcome.OFFERED, Outcome.ACCEPTED)
        counts["accepted"] += r["outcome"] == Outcome.ACCEPTED
        if r["outcome"] == Outcome.ACCEPTED and r["still_there_after_year"] is not None:
            counts["stayed_known"] += 1
            counts["stayed"] += bool(r["still_there_after_year"])
    return counts


def retention(network, period: Period) -> Section:
    """The retention funnel of interns whose placement started in the period, per cohort
    (the year the placement started): placed → finished → contract offered → accepted →
    still there a year after the contract started (where known)."""
    rows = list(
        Placement.objects.filter(
            network=network, starts_on__gte=period.start, starts_on__lte=period.end
        ).values("starts_on", "ends_on", "outcome", "still_there_after_year")
    )
    section = Section("retention", _("Interns: retention funnel"))
    if not rows:
        section.empty = True
        return section
    today = timezone.localdate()
    cohorts = defaultdict(list)
    for r in rows:
        cohorts[r["starts_on"].year].append(r)
    headers = [
        _("Cohort"),
        _("Placed"),
        _("Finished"),
        _("Contract offered"),
        _("Accepted"),
        _("Still there after a year"),
        _("Known after a year"),
    ]
    table_rows = []
    for year in sorted(cohorts):
        c = funnel_counts(cohorts[year], today)
        table_rows.append([str(year), *[c[k] for k in FUNNEL], c["stayed_known"]])
    total = funnel_counts(rows, today)
    table_rows.append([_("Total"), *[total[k] for k in FUNNEL], total["stayed_known"]])
    labels = headers[1:6]
    section.tables.append(
        Table(
            _("Retention funnel per cohort"),
            headers,
            table_rows,
            chart=_counts_chart(list(zip(labels, [total[k] for k in FUNNEL], strict=True))),
        )
    )
    return section


def dashboard(network, period: Period) -> list[Section]:
    attendees = _attendees(network, period)
    return [
        activities(network, period),
        people(network, period, attendees),
        mix(network, period, attendees),
        shadowing(network, period),
        learning(network, period),
        evaluation(network, period),
        retention(network, period),
    ]
