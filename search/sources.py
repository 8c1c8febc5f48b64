"""What search looks through, kind by kind, and how.

Each kind is one query over the objects the person may open, taken from the owning app's
own visibility selector (``meetings_visible_to``, ``meetings_with_readable_record``,
``readable_cases_q``, ``lessons_visible_to``, ``projects_visible_to``, the memberships of
the person's networks), so search can never show more than the pages do.

On PostgreSQL the texts are matched with full-text search in the Dutch configuration
(stemming: "ondervoeding" finds "ondervoed"), ranked, with a highlighted snippet; on SQLite
every word must occur somewhere in the texts (``icontains``), newest first.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any

from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank, SearchVector
from django.db import connection
from django.db.models import CharField, F, Q, QuerySet, TextField, Value
from django.db.models.functions import Cast, Coalesce, Concat
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from casework.models import Case
from casework.permissions import readable_cases_q
from casework.selectors import lessons_visible_to
from networks.models import Membership
from networks.projects.permissions import projects_visible_to
from sessions.meetings.models import MeetingRecord
from sessions.meetings.permissions.method import meetings_with_readable_record
from sessions.meetings.selectors.meetings import meetings_visible_to

CONFIG = "dutch"
# The headline marks matches with control characters, never HTML: the text is escaped in
# Python first and the marks become <mark> after, so a text cannot inject markup.
START, STOP = "\x02", "\x03"
PER_KIND = 20


@dataclass(frozen=True)
class Kind:
    key: str
    label: Any
    # The visible objects, with what the result line needs (no query of its own).
    visible: Any
    # Fields searched; the first is the title.
    fields: tuple[str, ...]
    # Fields whose text may be shown as a snippet (a case's story is not: opening the case
    # is what is logged, so only its title shows).
    snippet: tuple[str, ...]
    date_field: str | None
    network_field: str | None
    url: Any
    title: Any
    subtitle: Any


def _meetings(user):
    return meetings_visible_to(user).select_related("network")


def _records(user):
    return MeetingRecord.objects.filter(
        meeting__in=meetings_with_readable_record(user)
    ).select_related("meeting__network")


def _cases(user):
    return Case.objects.filter(readable_cases_q(user)).select_related("network")


def _lessons(user):
    # Without the selector's prefetch: the result line needs the lesson only.
    return lessons_visible_to(user).prefetch_related(None).select_related(None)


def _projects(user):
    return projects_visible_to(user).select_related("network")


def _people(user):
    if not user.is_authenticated:
        return Membership.objects.none()
    mine = Membership.objects.current().filter(user=user).values("network_id")
    return (
        Membership.objects.current()
        .filter(network_id__in=mine, user__is_active=True)
        .select_related("user", "network")
    )


def _local(value) -> str:
    if isinstance(value, datetime):
        value = timezone.localtime(value)
    return value


KINDS: tuple[Kind, ...] = (
    Kind(
        "meeting", _("Meetings"), _meetings, ("title", "agenda", "location"),
        ("title", "agenda"), "starts_at", "network",
        lambda m: reverse("meetings:detail", args=[m.network.slug, m.pk]),
        lambda m: m.title, lambda m: m.network.name,
    ),
    Kind(
        "record", _("Meeting records"), _records, ("meeting__title", "entries"),
        ("entries",), "meeting__starts_at", "meeting__network",
        lambda r: reverse("meetings:record", args=[r.meeting.network.slug, r.meeting_id]),
        lambda r: r.meeting.title, lambda r: r.meeting.network.name,
    ),
    Kind(
        "case", _("Cases"), _cases,
        ("title", "situation", "questions_care", "questions_social", "outcome"),
        ("title",), "created_at", "network",
        lambda c: reverse("casework:case_detail", args=[c.network.slug, c.pk]),
        lambda c: c.title, lambda c: c.network.name,
    ),
    Kind(
        "lesson", _("Lessons"), _lessons, ("title", "course", "programme", "objectives"),
        ("title", "objectives"), "starts_on", "themes__network",
        lambda lesson: reverse("casework:lesson_detail", args=[lesson.pk]),
        lambda lesson: lesson.title, lambda lesson: lesson.programme,
    ),
    Kind(
        "project", _("Theme projects"), _projects, ("title", "aim"),
        ("title", "aim"), "starts_on", "network",
        lambda p: reverse("networks:project_detail", args=[p.network.slug, p.pk]),
        lambda p: p.title, lambda p: p.network.name,
    ),
    Kind(
        "person", _("People"), _people, ("user__full_name", "user__programme"),
        ("user__full_name",), None, "network",
        lambda m: reverse("networks:members", args=[m.network.slug]),
        lambda m: m.user.get_full_name(), lambda m: m.network.name,
    ),
)  # fmt: skip

KIND_BY_KEY = {kind.key: kind for kind in KINDS}


@dataclass
class Hit:
    kind: Kind
    title: str
    subtitle: str
    url: str
    snippet: str
    when: Any


def is_postgres() -> bool:
    return connection.vendor == "postgresql"


def _text(field: str):
    # JSON (a record's notes) is searched as its text.
    if field == "entries":
        return Cast(field, TextField())
    return Coalesce(Cast(field, TextField()), Value("", output_field=TextField()))


def _filtered(kind: Kind, qs: QuerySet, *, network, since: date | None, until: date | None):
    if network is not None:
        qs = qs.filter(**{kind.network_field: network})
    if kind.date_field and since:
        start = datetime.combine(since, time.min, tzinfo=timezone.get_current_timezone())
        qs = qs.filter(**{f"{kind.date_field}__gte": start if "_at" in kind.date_field else since})
    if kind.date_field and until:
        end = datetime.combine(until, time.max, tzinfo=timezone.get_current_timezone())
        qs = qs.filter(**{f"{kind.date_field}__lte": end if "_at" in kind.date_field else until})
    return qs


def _postgres(kind: Kind, qs: QuerySet, words: str) -> QuerySet:
    query = SearchQuery(words, config=CONFIG, search_type="websearch")
    vector = SearchVector(*(_text(f) for f in kind.fields), config=CONFIG)
    parts = []
    for f in kind.snippet:
        parts += [_text(f), Value(" · ", output_field=TextField())]
    source = Concat(*parts[:-1], output_field=TextField()) if len(parts) > 2 else parts[0]
    return (
        qs.annotate(search_vector=vector)
        .filter(search_vector=query)
        .annotate(
            search_rank=SearchRank(F("search_vector"), query),
            search_snippet=SearchHeadline(
                source,
                query,
                config=CONFIG,
                start_sel=START,
                stop_sel=STOP,
                max_words=30,
                min_words=10,
                max_fragments=2,
            ),
        )  # fmt: skip
        .order_by("-search_rank", "-pk")
    )


def _sqlite(kind: Kind, qs: QuerySet, words: str) -> QuerySet:
    for word in words.split()[:20]:
        condition = Q()
        for f in kind.fields:
            condition |= Q(**{f"{f}__icontains": word})
        qs = qs.filter(condition)
    order = f"-{kind.date_field}" if kind.date_field else "pk"
    return qs.annotate(search_snippet=Value("", output_field=CharField())).order_by(order, "-pk")


def _marked(text: str) -> str:
    escaped = str(escape(text))
    return mark_safe(escaped.replace(START, "<mark>").replace(STOP, "</mark>"))  # noqa: S308


def search(user, words: str, *, kind: str = "", network=None, since=None, until=None) -> dict:
    """Up to :data:`PER_KIND` hits per kind, one query per kind searched."""
    results = {}
    if not words:
        return results
    for k in KINDS:
        if kind and k.key != kind:
            continue
        if k.date_field is None and (since or until):
            continue  # people have no date: a period asks for things, not people
        qs = _filtered(k, k.visible(user), network=network, since=since, until=until)
        qs = _postgres(k, qs, words) if is_postgres() else _sqlite(k, qs, words)
        if k.key == "lesson":
            qs = qs.distinct()
        hits = []
        for obj in qs[:PER_KIND]:
            when = getattr(obj, k.date_field.split("__")[-1], None) if k.date_field else None
            if k.key == "record":
                when = obj.meeting.starts_at
            hits.append(
                Hit(
                    kind=k, title=k.title(obj), subtitle=k.subtitle(obj), url=k.url(obj),
                    snippet=_marked(obj.search_snippet or ""), when=_local(when) if when else None,
                )
            )  # fmt: skip
        if hits:
            results[k.key] = hits
    return results
