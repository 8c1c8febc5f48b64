"""The invitation mailed when a meeting or a series is planned, the coordinator's "remind
them now", and the signed answer links both carry.

- **One mail per invitee**: a single meeting is one invitation, a series is one invitation
  (never one per meeting). Its rows are written by the scheduling service in the same
  transaction as the meetings (``invitations_record``), so none is missed; the unique key
  sends nothing twice. Before sending, the dispatcher asks again (``still_due``): a
  meeting cancelled or started, a person who left or switched these mails off, gets none.
- **Answer links**: one per choice (yes / maybe / no), signed with the project's
  SECRET_KEY (``django.core.signing``) for one person and one meeting or series; no sign-in
  needed. A forged or altered link answers 404. The link opens a page that asks to confirm
  (a mail scanner that follows links must not answer for the person).
- **Calendar file**: a series is one VEVENT with its recurrence rule (RRULE), the dates it
  skips (EXDATE) and, for a meeting moved on its own, an override (RECURRENCE-ID); all in
  Europe/Amsterdam wall-clock time with its VTIMEZONE, so a meeting at 15:00 stays at 15:00
  across the daylight-saving change. Why one event rather than its instances: see README,
  *Invitations*.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass

import icalendar
from dateutil import rrule
from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, gettext_noop

from sessions.reminders.dispatcher import record
from sessions.reminders.kinds import REGISTRY, Due
from sessions.reminders.mail import Group, compose, personal, render_plain

from .choices import MeetingStatus, Repeat, RsvpAnswer
from .models import Meeting, MeetingSeries
from .reminders import MeetingData, MeetingKind, meeting_url, series_uid

INVITATION = "meeting_invitation"
NUDGE_NOW = "rsvp_nudge_now"

# --- signed answer links --------------------------------------------------------------------

SALT = "meetings.invitation-answer"


class InvalidToken(Exception):
    pass


@dataclass(frozen=True)
class AnswerLink:
    user_pk: int
    answer: str
    meeting_pk: int | None = None
    series_pk: int | None = None


def answer_token(*, user_pk: int, answer: str, meeting_pk=None, series_pk=None) -> str:
    """A link's token: for one person, one meeting (``meeting_pk``) or series, one answer."""
    data = {"u": user_pk, "a": answer}
    if series_pk is not None:
        data["s"] = series_pk
    else:
        data["m"] = meeting_pk
    return signing.dumps(data, salt=SALT, compress=False)


def answer_token_read(token: str) -> AnswerLink:
    """What a token says; InvalidToken when it is forged, altered or damaged."""
    try:
        data = signing.loads(token, salt=SALT)
    except signing.BadSignature as error:
        raise InvalidToken from error
    if not isinstance(data, dict) or not isinstance(data.get("u"), int):
        raise InvalidToken
    answer = data.get("a")
    meeting_pk, series_pk = data.get("m"), data.get("s")
    if answer not in RsvpAnswer.values:
        raise InvalidToken
    if not isinstance(meeting_pk, int) and not isinstance(series_pk, int):
        raise InvalidToken
    return AnswerLink(data["u"], answer, meeting_pk if series_pk is None else None, series_pk)


def answer_url(**kwargs) -> str:
    return settings.SITE_URL + reverse("meetings:invitation_answer", args=[answer_token(**kwargs)])


def answer_urls(*, user_pk: int, meeting: Meeting, as_series: bool) -> dict[str, str]:
    """The three answer links of a mail: {"yes": url, "maybe": url, "no": url}."""
    target = {"series_pk": meeting.series_id} if as_series else {"meeting_pk": meeting.pk}
    return {
        answer: answer_url(user_pk=user_pk, answer=answer, **target) for answer in RsvpAnswer.values
    }


# --- the calendar file of a series ------------------------------------------------------------

WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


def _local(moment: dt.datetime) -> dt.datetime:
    return timezone.localtime(moment, timezone.get_default_timezone())


def amsterdam_vtimezone() -> icalendar.Timezone:
    """The EU rules of Europe/Amsterdam as a compact VTIMEZONE (last Sunday of March and of
    October), which every calendar client reads."""
    tz = icalendar.Timezone()
    tz.add("tzid", "Europe/Amsterdam")
    for name, component, start, frm, to, month in (
        ("CEST", icalendar.TimezoneDaylight, dt.datetime(1981, 3, 29, 2, 0), 1, 2, 3),
        ("CET", icalendar.TimezoneStandard, dt.datetime(1996, 10, 27, 3, 0), 2, 1, 10),
    ):
        part = component()
        part.add("tzname", name)
        part.add("dtstart", start)
        part.add("tzoffsetfrom", dt.timedelta(hours=frm))
        part.add("tzoffsetto", dt.timedelta(hours=to))
        part.add("rrule", {"freq": "yearly", "bymonth": month, "byday": "-1SU"})
        tz.add_component(part)
    return tz


def add_timezone(calendar: icalendar.Calendar) -> None:
    if settings.TIME_ZONE == "Europe/Amsterdam":
        calendar.add_component(amsterdam_vtimezone())
    else:  # pragma: no cover - the platform runs in Europe/Amsterdam
        calendar.add_missing_timezones()


def series_rule(series: MeetingSeries, until: dt.datetime) -> dict:
    """The series' rule as RRULE parts, ending at ``until`` (the last occurrence, UTC)."""
    if series.repeat == Repeat.MONTHLY:
        return {
            "freq": "monthly",
            "byday": f"{series.week_of_month}{WEEKDAYS[series.weekday]}",
            "until": until,
        }
    return {
        "freq": "weekly",
        "interval": series.interval or 1,
        "byday": WEEKDAYS[series.weekday],
        "until": until,
    }


def _rule_occurrences(series: MeetingSeries, first: dt.datetime, last: dt.datetime):
    """The rule's occurrences from ``first`` to ``last`` (aware, local wall-clock)."""
    naive = _local(first).replace(tzinfo=None)
    if series.repeat == Repeat.MONTHLY:
        rule = rrule.rrule(
            rrule.MONTHLY,
            dtstart=naive,
            byweekday=rrule.weekday(series.weekday)(series.week_of_month),
        )
    else:
        rule = rrule.rrule(
            rrule.WEEKLY, dtstart=naive, interval=series.interval or 1, byweekday=series.weekday
        )
    zone = timezone.get_default_timezone()
    end = _local(last).replace(tzinfo=None)
    return [moment.replace(tzinfo=zone) for moment in rule.between(naive, end, inc=True)]


def _describe(meeting: Meeting, page_url: str) -> str:
    lines = [f"{meeting.get_format_display()} · {meeting.network.name}"]
    if meeting.online_url:
        lines.append(_("Online: %(url)s") % {"url": meeting.online_url})
    lines.append(page_url)
    return "\n\n".join(lines)


def _fill(event: icalendar.Event, meeting: Meeting) -> None:
    event.add("summary", meeting.title)
    place = ", ".join(part for part in (meeting.location, meeting.online_url) if part)
    if place:
        event.add("location", place)
    page = meeting_url(meeting)
    event.add("url", meeting.online_url or page)
    event.add("description", _describe(meeting, page))


def series_ics(series: MeetingSeries, meetings: list[Meeting]) -> bytes:
    """The series as one recurring event: DTSTART at the first occurrence in
    Europe/Amsterdam time, the series' RRULE until its last occurrence, an EXDATE for every
    date of the rule without a meeting (a skipped holiday, a cancelled meeting) and an
    override (RECURRENCE-ID) for a meeting moved or changed on its own.

    ``meetings``: every meeting of the series with a ``recurrence_id`` (network loaded)."""
    meetings = sorted(meetings, key=lambda m: m.recurrence_id)
    held = [m for m in meetings if m.status != MeetingStatus.CANCELLED]
    first, last = meetings[0].recurrence_id, meetings[-1].recurrence_id
    master_from = held[0] if held else meetings[0]
    duration = Counter(m.ends_at - m.starts_at for m in held or meetings).most_common(1)[0][0]
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//LIN Platform//Invitations//NL")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    add_timezone(calendar)
    uid = series_uid(series.pk)
    stamp = timezone.now().astimezone(dt.UTC).replace(microsecond=0)
    master = icalendar.Event()
    master.add("uid", uid)
    master.add("dtstamp", stamp)
    master.add("sequence", 0)
    master.add("dtstart", _local(first))
    master.add("dtend", _local(first) + duration)
    master.add("rrule", series_rule(series, last.astimezone(dt.UTC)))
    _fill(master, master_from)
    master.add("status", "CONFIRMED")
    taking_place = {m.recurrence_id for m in held}
    skipped = [
        moment for moment in _rule_occurrences(series, first, last) if moment not in taking_place
    ]
    if skipped:
        master.add("exdate", skipped)
    calendar.add_component(master)
    for meeting in held:
        same = (
            meeting.starts_at == meeting.recurrence_id
            and meeting.ends_at - meeting.starts_at == duration
            and (meeting.title, meeting.location, meeting.online_url)
            == (master_from.title, master_from.location, master_from.online_url)
        )
        if same:
            continue
        override = icalendar.Event()
        override.add("uid", uid)
        override.add("dtstamp", stamp)
        override.add("recurrence-id", _local(meeting.recurrence_id))
        override.add("sequence", meeting.revision)
        override.add("dtstart", _local(meeting.starts_at))
        override.add("dtend", _local(meeting.ends_at))
        _fill(override, meeting)
        override.add("status", "CONFIRMED")
        calendar.add_component(override)
    return calendar.to_ical()


# --- the kinds ----------------------------------------------------------------------------------


def invitation_key(meeting: Meeting) -> str:
    if meeting.series_id is not None and meeting.recurrence_id is not None:
        return f"invitation:series:{meeting.series_id}"
    return f"invitation:meeting:{meeting.pk}"


def _is_series_key(key: str) -> bool:
    return key.startswith("invitation:series:")


def _open(now: dt.datetime):
    return Meeting.objects.filter(status=MeetingStatus.SCHEDULED, starts_at__gt=now)


class AnswerLinksKind(MeetingKind):
    """A meeting kind whose mail carries the person's own answer links: built per recipient
    (``message``), in their language, with the usual greeting, footer and headers."""

    as_series = False

    def extra_context(self, delivery, now) -> dict:
        return {}

    def message(self, delivery, now):
        meeting = delivery.target
        recipient = delivery.recipient
        person = personal(delivery)
        as_series = self.as_series_for(delivery)
        context = {
            "recipient_name": person.name,
            "preferences_link": person.link,
            "target": meeting,
            "network": delivery.network,
            "site_url": settings.SITE_URL,
            "now": now,
            "meeting": meeting,
            "meeting_url": meeting_url(meeting),
            "as_series": as_series,
            "answer_urls": answer_urls(user_pk=recipient.pk, meeting=meeting, as_series=as_series),
            **self.extra_context(delivery, now),
        }
        language = recipient.language or settings.LANGUAGE_CODE
        with translation.override(language), timezone.override(settings.TIME_ZONE):
            subject = " ".join(render_plain(f"{self.template}_subject.txt", context).split())
            text = render_plain(f"{self.template}.txt", context)
            html = render_to_string(f"{self.template}.html", context)
            attachment = self.attachment(delivery) if self.attachment_key(delivery) else None
        group = Group(None, subject, text, html, attachment)
        return compose(
            group,
            name=person.name,
            link=person.link,
            email=person.email,
            message_id=person.message_id,
        )

    def as_series_for(self, delivery) -> bool:
        return False


class MeetingInvitation(AnswerLinksKind):
    """When a meeting or a series is planned: one mail per invitee (a series is one mail),
    with what, when, where, the answer links and the calendar file."""

    code = INVITATION
    label = gettext_lazy("Invitations when a meeting or a series is planned")
    order = 5
    template = "meetings/email/invitation"
    attach_ics = True

    def _dues(self, anchors: dict[str, Meeting], recipient_ids, now) -> list[Due]:
        data = MeetingData(list(anchors.values()), recipient_ids)
        return [
            Due(
                self.code,
                key,
                user_id,
                0,
                min(anchor.created_at, now),
                anchor.network_id,
                anchor.pk,
            )
            for key, anchor in anchors.items()
            for user_id in sorted(data.invitees(anchor))
            if data.wants(user_id, self.code)
        ]

    @staticmethod
    def _anchors(meetings) -> dict[str, Meeting]:
        """The meeting each invitation is about: the first meeting of a series (its smallest
        pk among those still open), or the meeting on its own."""
        anchors: dict[str, Meeting] = {}
        for meeting in sorted(meetings, key=lambda m: m.pk):
            anchors.setdefault(invitation_key(meeting), meeting)
        return anchors

    def due(self, now, *, network_ids=None, recipient_ids=None, object_ids=None):
        """The invitations of the meetings ``object_ids`` (what ``invitations_record``
        asks when a meeting or series is planned). The beat asks with no objects: its
        rows were written with the meetings, in the same transaction, so none is missed,
        and meetings made otherwise (the admin, the demo, imports) invite no one."""
        if object_ids is None:
            return []
        meetings = _open(now).filter(created_at__lte=now, pk__in=object_ids)
        if network_ids is not None:
            meetings = meetings.filter(network_id__in=network_ids)
        anchors = self._anchors(meetings.prefetch_related("invited_networks"))
        return self._dues(anchors, recipient_ids, now)

    def still_due(self, rows, now):
        """A claimed invitation is still due while its meeting (or a meeting of its series)
        is still to come and the person is still invited and wants these mails."""
        series_ids = {
            int(row.object_key.rsplit(":", 1)[1]) for row in rows if _is_series_key(row.object_key)
        }
        meeting_ids = {row.object_id for row in rows if not _is_series_key(row.object_key)}
        in_series = _open(now).filter(series_id__in=series_ids, recurrence_id__isnull=False)
        meetings = in_series | _open(now).filter(pk__in=meeting_ids)
        anchors = self._anchors(meetings.prefetch_related("invited_networks"))
        dues = self._dues(anchors, {r.recipient_id for r in rows}, now)
        return {due.key for due in dues}

    def as_series_for(self, delivery) -> bool:
        return _is_series_key(delivery.object_key)

    def extra_context(self, delivery, now):
        meeting = delivery.target
        if not self.as_series_for(delivery):
            return {"meetings": [meeting]}
        meetings = list(_open(now).filter(series_id=meeting.series_id).order_by("starts_at"))
        return {"meetings": meetings or [meeting], "series": meeting.series}

    def attachment_key(self, delivery):
        meeting = delivery.target
        if meeting is None:
            return None
        if self.as_series_for(delivery):
            return ("series-ics", meeting.series_id)
        return super().attachment_key(delivery)

    def attachment(self, delivery):
        meeting = delivery.target
        if not self.as_series_for(delivery):
            return super().attachment(delivery)
        meetings = list(
            Meeting.objects.filter(series_id=meeting.series_id, recurrence_id__isnull=False)
            .select_related("network")
            .order_by("recurrence_id")
        )
        ics = series_ics(meeting.series, meetings)
        return "series.ics", ics, "text/calendar; charset=utf-8; method=PUBLISH"

    def target_queryset(self):
        return Meeting.objects.select_related("network", "series")

    def withdraw_reason(self, delivery):
        return gettext_noop(
            "No longer due: the meeting was cancelled or has started, or the person left the "
            "network or switched these mails off."
        )

    def describe(self, delivery) -> str:
        meeting = delivery.target
        if meeting is None:
            return ""
        if self.as_series_for(delivery):
            return _("%(title)s (series)") % {"title": meeting.title}
        return meeting.title


class RsvpNudgeNow(AnswerLinksKind):
    """ "Remind them now" on the meeting page: at once, to the invitees who have not
    answered; at most once per meeting per day (the day is in the row's key)."""

    code = NUDGE_NOW
    label = gettext_lazy("A reminder from the coordinator when I have not answered")
    order = 21
    template = "meetings/email/rsvp_nudge_now"

    def due(self, now, *, network_ids=None, recipient_ids=None, object_ids=None):
        # Rows are made only by the button (``rsvp_remind_now``), never by the beat.
        return []

    def dues_for(self, meeting: Meeting, now: dt.datetime, key: str) -> list[Due]:
        data = MeetingData([meeting], None)
        return [
            Due(self.code, key, user_id, 0, now, meeting.network_id, meeting.pk)
            for user_id in sorted(data.invitees(meeting))
            if (meeting.pk, user_id) not in data.rsvp and data.wants(user_id, self.code)
        ]

    def still_due(self, rows, now):
        meetings = list(
            _open(now)
            .filter(pk__in={r.object_id for r in rows})
            .prefetch_related("invited_networks")
        )
        data = MeetingData(meetings, {r.recipient_id for r in rows})
        by_pk = {m.pk: m for m in meetings}
        keys = set()
        for row in rows:
            meeting = by_pk.get(row.object_id)
            if meeting is None or row.recipient_id not in data.invitees(meeting):
                continue
            if (meeting.pk, row.recipient_id) in data.rsvp:
                continue
            if data.wants(row.recipient_id, self.code):
                keys.add((row.kind, row.object_key, row.recipient_id, row.lead_minutes))
        return keys

    def withdraw_reason(self, delivery):
        return gettext_noop(
            "No longer due: the person answered, left the network or switched these mails off, "
            "or the meeting was cancelled or has started."
        )


KINDS = (MeetingInvitation, RsvpNudgeNow)


# --- services -------------------------------------------------------------------------------------


def invitations_record(*, meeting: Meeting) -> int:
    """Record the invitation rows of a meeting just planned (for a series: of its first
    meeting, which stands for the series) in the current transaction, and ask for a
    dispatcher run after commit. Returns how many rows were made."""
    from sessions.reminders.services import reminders_send_soon

    kind = REGISTRY[INVITATION]
    made = record(kind.due(timezone.now(), object_ids={meeting.pk}))
    reminders_send_soon()
    return made


def nudge_key(meeting: Meeting, day: dt.date) -> str:
    return f"nudge-now:meeting:{meeting.pk}:{day.isoformat()}"


def reminded_today(meeting: Meeting) -> bool:
    from sessions.reminders.models import Delivery

    key = nudge_key(meeting, timezone.localdate())
    return Delivery.objects.filter(kind=NUDGE_NOW, object_key=key).exists()


class AlreadyRemindedToday(ValidationError):
    pass


@transaction.atomic
def rsvp_remind_now(*, meeting: Meeting) -> int:
    """Remind the invitees who have not answered, now, through the outbox; once per meeting
    per day. Side effects: one delivery row per person (sent after commit). Returns how many
    people are reminded. Raises ``AlreadyRemindedToday`` on a second time the same day (also
    for a double click: the meeting row is locked meanwhile), ValidationError when answers
    are closed or no one is left to remind."""
    from sessions.reminders.models import Delivery
    from sessions.reminders.services import reminders_send_soon

    from .services.rsvp import rsvp_problem

    locked = Meeting.objects.select_for_update().get(pk=meeting.pk)
    problem = rsvp_problem(locked)
    if problem:
        raise ValidationError(problem)
    now = timezone.now()
    key = nudge_key(locked, timezone.localdate(now))
    if Delivery.objects.filter(kind=NUDGE_NOW, object_key=key).exists():
        raise AlreadyRemindedToday(
            _("A reminder was already sent today to those who have not answered.")
        )
    dues = REGISTRY[NUDGE_NOW].dues_for(locked, now, key)
    if not dues:
        raise ValidationError(
            _(
                "There is no one to remind: everyone invited has answered or has switched "
                "these reminders off."
            )
        )
    record(dues)
    reminders_send_soon()
    return len(dues)
