"""What a reminder mail looks like: rendered in the recipient's language, text and HTML,
the meeting's .ics attached where it helps, a deterministic Message-ID, and a signed link
to change one's reminders without signing in. No client data: a meeting's agenda (which
may describe a case) is never put in a mail, only its title, time and place.
"""

from __future__ import annotations

import datetime as dt

import icalendar
from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.html import escape

from accounts.tokens import preferences_token

from ..choices import MeetingStatus
from ..services.feeds import site_host
from .kinds import REGISTRY


def message_id_for(pk: int, kind: str) -> str:
    """Deterministic: the same delivery row always carries the same Message-ID, so a mail
    sent again after a crash can be recognised as the same message."""
    return f"<reminder.{pk}.{kind}@{site_host()}>"


def meeting_url(meeting) -> str:
    return settings.SITE_URL + reverse("meetings:detail", args=[meeting.network.slug, meeting.pk])


def meeting_ics(meeting) -> bytes:
    """A minimal VEVENT: the same UID and SEQUENCE (= revision) as the calendar feeds, so
    calendars update the event they already have instead of adding a second one."""
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//LIN Platform//Reminders//EN")
    calendar.add("version", "2.0")
    calendar.add("method", "PUBLISH")
    event = icalendar.Event()
    event.add("uid", f"meeting-{meeting.pk}@{site_host()}")
    event.add("sequence", meeting.revision)
    event.add("dtstamp", meeting.updated_at.astimezone(dt.UTC))
    event.add("dtstart", meeting.starts_at.astimezone(dt.UTC))
    event.add("dtend", meeting.ends_at.astimezone(dt.UTC))
    event.add("summary", meeting.title)
    if meeting.location:
        event.add("location", meeting.location)
    event.add("url", meeting_url(meeting))
    cancelled = meeting.status == MeetingStatus.CANCELLED
    event.add("status", "CANCELLED" if cancelled else "CONFIRMED")
    calendar.add_component(event)
    return calendar.to_ical()


# Placeholders for the two personal parts of a mail: the body is rendered once per
# (kind, object, lead time, language) in a batch and these are filled in per recipient.
NAME_MARK = "LINPERSONALNAME7F3A"
LINK_MARK = "LINPERSONALLINK7F3A"


def _render(delivery, now: dt.datetime, language: str) -> tuple[str, str, str]:
    kind = REGISTRY[delivery.kind]
    meeting = delivery.meeting
    context = {
        "recipient_name": NAME_MARK,
        "preferences_link": LINK_MARK,
        "meeting": meeting,
        "network": delivery.network,
        "site_url": settings.SITE_URL,
        "now": now,
    }
    if meeting is not None:
        context["meeting_url"] = meeting_url(meeting)
        context["is_cancelled"] = meeting.status == MeetingStatus.CANCELLED
    context.update(kind.context(delivery, now))
    with translation.override(language), timezone.override(settings.TIME_ZONE):
        base = f"sessions/email/{kind.template}"
        subject = " ".join(render_to_string(f"{base}_subject.txt", context).split())
        text = render_to_string(f"{base}.txt", context)
        html = render_to_string(f"{base}.html", context)
    return subject, text, html


def build_message(delivery, now: dt.datetime, cache: dict | None = None):
    """The mail for one claimed delivery (``recipient``, ``meeting`` and ``network`` loaded).

    ``cache`` (one dict per batch) keeps rendered bodies and .ics files, so a batch of
    reminders for the same meeting renders its templates once per language.
    """
    cache = cache if cache is not None else {}
    kind = REGISTRY[delivery.kind]
    recipient = delivery.recipient
    meeting = delivery.meeting
    language = recipient.language or settings.LANGUAGE_CODE
    key = ("body", delivery.kind, delivery.object_key, delivery.lead_minutes, language)
    if key not in cache:
        cache[key] = _render(delivery, now, language)
    subject, text, html = cache[key]
    name = recipient.get_short_name()
    link = settings.SITE_URL + reverse(
        "accounts:reminder_link",
        args=[preferences_token(user_pk=recipient.pk, kind=delivery.kind)],
    )
    subject = subject.replace(NAME_MARK, name)
    text = text.replace(NAME_MARK, name).replace(LINK_MARK, link)
    html = html.replace(NAME_MARK, escape(name)).replace(LINK_MARK, escape(link))
    message = EmailMultiAlternatives(
        subject=subject,
        body=text,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[recipient.email],
        headers={
            "Message-ID": delivery.message_id or message_id_for(delivery.pk, delivery.kind),
            "Auto-Submitted": "auto-generated",
            "List-Unsubscribe": f"<{link}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    )
    message.attach_alternative(html, "text/html")
    if kind.attach_ics and meeting is not None:
        ics_key = ("ics", meeting.pk, meeting.revision, meeting.status)
        if ics_key not in cache:
            cache[ics_key] = meeting_ics(meeting)
        message.attach(
            "meeting.ics", cache[ics_key], "text/calendar; charset=utf-8; method=PUBLISH"
        )
    return message
