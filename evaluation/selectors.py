"""Reads of evaluation: a round's results, the paired change of a follow-up, a meeting's and
a series' evaluations, and what a person has to answer.

Every results function reads the responses it needs in one query (``values``), scores them
in Python, and hides each figure about fewer than ``EVALUATION_MIN_GROUP`` respondents
(``stats``): the number of queries does not grow with the responses.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, Exists, OuterRef, Q
from django.utils import timezone

from accounts.choices import Domain, StudentLevel
from networks.choices import Role

from . import instruments as inst
from .choices import PROFESSION_GROUPS, profession_group
from .instruments import Instrument
from .models import Response, Round, RoundInvitee
from .registry import get_instrument
from .stats import Change, Summary, complementary, paired_change, shown, summarise

RESPONSE_FIELDS = (
    "pk",
    "instrument_code",
    "respondent_id",
    "role",
    "profession",
    "domain",
    "student_level",
    "answers",
)


def role_group(row: dict) -> str:
    """The role, students by level ("student:mbo")."""
    if row["role"] == Role.STUDENT and row["student_level"]:
        return f"{Role.STUDENT}:{row['student_level']}"
    return row["role"] or ""


def role_group_label(key: str) -> str:
    if key.startswith(f"{Role.STUDENT}:"):
        level = key.split(":", 1)[1]
        level_label = StudentLevel(level).label if level in StudentLevel.values else level
        return f"{Role.STUDENT.label} ({level_label})"
    return str(Role(key).label) if key in Role.values else "—"


def _domain_label(key: str) -> str:
    return str(Domain(key).label) if key in Domain.values else "—"


def _group_label(key: str) -> str:
    return str(PROFESSION_GROUPS.get(key, "—"))


BREAKDOWNS = (
    ("domain", lambda row: row["domain"] or "", _domain_label),
    ("profession_group", lambda row: profession_group(row["profession"]), _group_label),
    ("role", role_group, role_group_label),
)


@dataclass
class Group:
    key: str
    label: str
    summary: Summary


@dataclass
class SubscaleResult:
    code: str
    label: str
    low: float
    high: float
    overall: Summary
    breakdowns: dict[str, list[Group]] = field(default_factory=dict)


@dataclass
class RoundResults:
    round: Round
    instrument: Instrument
    invited: int
    answered: int
    subscales: list[SubscaleResult]
    open_answers: list[tuple[str, list[str]]]
    shown: bool

    @property
    def response_rate(self) -> float | None:
        return self.answered / self.invited if self.invited else None


def submitted_rows(**filters) -> list[dict]:
    return list(
        Response.objects.filter(submitted_at__isnull=False, **filters)
        .order_by("pk")
        .values(*RESPONSE_FIELDS)
    )


def _breakdown(rows, scores, subscale, low, high, key_of, label_of) -> list[Group]:
    grouped: dict[str, list[float]] = defaultdict(list)
    counts: dict[str, int] = defaultdict(int)
    for row, score in zip(rows, scores, strict=True):
        key = key_of(row)
        counts[key] += 1
        if score[subscale.code] is not None:
            grouped[key].append(score[subscale.code])
    hidden = complementary(dict(counts))
    groups = []
    for key in sorted(counts, key=lambda k: label_of(k)):
        summary = summarise(grouped[key], low, high)
        if key in hidden:
            summary = Summary(n=counts[key], suppressed=True)
        groups.append(Group(key, label_of(key), summary))
    return groups


def results_of(instrument: Instrument, rows: list[dict]) -> tuple[list[SubscaleResult], list]:
    """Subscale results and open answers of ``rows`` (submitted responses)."""
    scores = [instrument.score(row["answers"]) for row in rows]
    results = []
    for subscale in instrument.subscales:
        low, high = instrument.subscale_range(subscale)
        values = [s[subscale.code] for s in scores if s[subscale.code] is not None]
        result = SubscaleResult(
            subscale.code, str(subscale.label), low, high, summarise(values, low, high)
        )
        if not result.overall.suppressed:
            for name, key_of, label_of in BREAKDOWNS:
                result.breakdowns[name] = _breakdown(
                    rows, scores, subscale, low, high, key_of, label_of
                )
        results.append(result)
    open_answers = []
    if shown(len(rows)):
        for item in instrument.items:
            if item.kind == inst.TEXT:
                texts = [row["answers"][item.code] for row in rows if row["answers"].get(item.code)]
                open_answers.append((str(item.text), texts))
    return results, open_answers


def round_results(round_: Round) -> RoundResults:
    instrument = get_instrument(round_.instrument_code, network=round_.network)
    rows = submitted_rows(round=round_)
    invited = RoundInvitee.objects.filter(round=round_).count()
    subscales, open_answers = results_of(instrument, rows)
    return RoundResults(
        round=round_,
        instrument=instrument,
        invited=invited,
        answered=len(rows),
        subscales=subscales,
        open_answers=open_answers,
        shown=shown(len(rows)),
    )


@dataclass
class ChangeResult:
    code: str
    label: str
    overall: Change
    by_domain: list[tuple[str, Change]]


def baseline_of(round_: Round) -> Round | None:
    if round_.is_baseline:
        return None
    return Round.objects.filter(
        network_id=round_.network_id, instrument_code=round_.instrument_code, wave=0
    ).first()


def paired_results(baseline: Round, follow_up: Round) -> list[ChangeResult]:
    """The change from ``baseline`` to ``follow_up`` of those who answered both (linked by
    the person; responses whose link was cut by erasure are not paired)."""
    instrument = get_instrument(follow_up.instrument_code, network=follow_up.network)
    before = {
        row["respondent_id"]: row
        for row in submitted_rows(round=baseline, respondent__isnull=False)
    }
    after = {
        row["respondent_id"]: row
        for row in submitted_rows(round=follow_up, respondent__isnull=False)
    }
    people = sorted(set(before) & set(after))
    results = []
    for subscale in instrument.subscales:
        pairs_by_domain: dict[str, list] = defaultdict(list)
        pairs = []
        for person in people:
            b = instrument.score(before[person]["answers"])[subscale.code]
            a = instrument.score(after[person]["answers"])[subscale.code]
            if b is None or a is None:
                continue
            pairs.append((b, a))
            pairs_by_domain[before[person]["domain"] or ""].append((b, a))
        overall = paired_change(pairs)
        by_domain = []
        if not overall.suppressed:
            hidden = complementary({k: len(v) for k, v in pairs_by_domain.items()})
            for key in sorted(pairs_by_domain, key=_domain_label):
                change = paired_change(pairs_by_domain[key])
                if key in hidden:
                    change = Change(n=len(pairs_by_domain[key]), suppressed=True)
                by_domain.append((_domain_label(key), change))
        results.append(ChangeResult(subscale.code, str(subscale.label), overall, by_domain))
    return results


def rounds_of(network):
    """The network's rounds with their numbers of invitees and sent answers (one query)."""
    return (
        Round.objects.filter(network=network)
        .annotate(
            invited=Count("invitees", distinct=True),
            answered=Count(
                "responses", filter=Q(responses__submitted_at__isnull=False), distinct=True
            ),
        )
        .order_by("instrument_code", "wave")
    )


def open_rounds_for(user, network, now=None) -> list[dict]:
    """The rounds of ``network`` ``user`` may answer now, with whether they sent them (one
    query)."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    sent = Response.objects.filter(
        round=OuterRef("pk"), respondent=user, submitted_at__isnull=False
    )
    rounds = (
        Round.objects.filter(
            network=network,
            invitees__user=user,
            opened_at__isnull=False,
            opens_on__lte=today,
            closes_on__gte=today,
        )
        .annotate(sent=Exists(sent))
        .order_by("closes_on", "pk")
    )
    items = []
    for round_ in rounds:
        instrument = get_instrument(round_.instrument_code, network=network)
        if instrument is not None:
            items.append({"round": round_, "instrument": instrument, "sent": round_.sent})
    return items


# --- meetings -----------------------------------------------------------------------------


def meeting_results(meeting) -> tuple[Instrument, list[SubscaleResult], list, int]:
    rows = submitted_rows(meeting=meeting)
    code = rows[0]["instrument_code"] if rows else None
    instrument = get_instrument(code or "meeting-1") or inst.MEETING_EVALUATION
    subscales, open_answers = results_of(instrument, rows)
    return instrument, subscales, open_answers, len(rows)


def series_trend(series) -> list[dict]:
    """Per held meeting of ``series``: the mean meeting rating and n (hidden when too few)."""
    instrument = inst.MEETING_EVALUATION
    subscale = instrument.subscales[0]
    rows = list(
        Response.objects.filter(
            meeting__series=series, submitted_at__isnull=False, instrument_code=instrument.code
        )
        .order_by("meeting__starts_at", "pk")
        .values("meeting_id", "meeting__starts_at", "meeting__title", "answers")
    )
    by_meeting: dict[int, dict] = {}
    for row in rows:
        entry = by_meeting.setdefault(
            row["meeting_id"],
            {"starts_at": row["meeting__starts_at"], "title": row["meeting__title"], "v": []},
        )
        value = instrument.score(row["answers"])[subscale.code]
        if value is not None:
            entry["v"].append(value)
    low, high = instrument.subscale_range(subscale)
    return [
        {
            "meeting_id": pk,
            "starts_at": entry["starts_at"],
            "title": entry["title"],
            "summary": summarise(entry["v"], low, high),
        }
        for pk, entry in by_meeting.items()
    ]


def open_rounds_home(user, memberships, *, now=None) -> list[dict]:
    """For the home page: the open rounds of the person's current networks they are invited
    to and have not sent yet, closing soonest first (one query; none without memberships)."""
    network_ids = [m.network_id for m in memberships]
    if not network_ids:
        return []
    now = now or timezone.now()
    today = timezone.localdate(now)
    sent = Response.objects.filter(
        round=OuterRef("pk"), respondent=user, submitted_at__isnull=False
    )
    rounds = (
        Round.objects.filter(
            network_id__in=network_ids,
            invitees__user=user,
            opened_at__isnull=False,
            opens_on__lte=today,
            closes_on__gte=today,
        )
        .exclude(Exists(sent))
        .select_related("network")
        .distinct()
        .order_by("closes_on", "pk")
    )
    items = []
    for round_ in rounds:
        instrument = inst.builtin(round_.instrument_code)
        items.append({"round": round_, "title": instrument.title if instrument else None})
    return items
