"""What a reminder mail looks like: rendered in the recipient's language, text and HTML,
the meeting's .ics attached where it helps, a deterministic Message-ID, and a signed link
to change one's reminders without signing in. No client data: a meeting's agenda (which
may describe a case) is never put in a mail, only its title, time and place.

Two ways to the same mail:

- ``build_message`` is the straightforward one: a Django ``EmailMultiAlternatives`` per
  recipient. Mail backends other than SMTP (files in development, the outbox in tests) get
  this object.
- ``prepare`` gives the bytes Django's SMTP backend would put on the wire for that object,
  but cheaply: the MIME message of a group (kind, object, lead time, language, .ics) is
  built and serialised once with placeholders (``MailTemplate``), and per recipient only the
  personal parts are put in (name, preferences link, address, Message-ID, date). Where a
  recipient's values could change how the message is encoded (a line break in a name, a
  non-ASCII name in a 7-bit body, a line past the 998-byte limit, an address that needs
  quoting) ``prepare`` falls back to serialising ``build_message``. A test holds the two
  byte for byte equal apart from the MIME boundaries.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass
from email.utils import formatdate

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.core.mail.message import forbid_multi_line_headers, sanitize_address
from django.template import Context, Engine, Library, engines
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.html import escape

from lin_platform.site import site_host

from .kinds import REGISTRY
from .tokens import preferences_token


def message_id_for(pk: int, kind: str) -> str:
    """Deterministic: the same delivery row always carries the same Message-ID, so a mail
    sent again after a crash can be recognised as the same message."""
    return f"<reminder.{pk}.{kind}@{site_host()}>"


# Placeholders for the personal parts of a mail: the body is rendered once per
# (kind, object, lead time, language) in a batch and these are filled in per recipient.
NAME_MARK = "LINPERSONALNAME7F3A"
LINK_MARK = "LINPERSONALLINK7F3A"
# Only in a MailTemplate: where the escaped name and link go in the HTML, and the headers.
HTML_NAME_MARK = "LINPERSONALHTMLNAME7F3A"
HTML_LINK_MARK = "LINPERSONALHTMLLINK7F3A"
TO_MARK = "LINPERSONALTO7F3A@template.invalid"
MESSAGE_ID_MARK = "<LINPERSONALMESSAGEID7F3A>"
DATE_MARK = "LINPERSONALDATE7F3A"


def _render(delivery, now: dt.datetime, language: str) -> tuple[str, str, str]:
    kind = REGISTRY[delivery.kind]
    context = {
        "recipient_name": NAME_MARK,
        "preferences_link": LINK_MARK,
        "target": delivery.target,
        "network": delivery.network,
        "site_url": settings.SITE_URL,
        "now": now,
    }
    context.update(kind.context(delivery, now))
    with translation.override(language), timezone.override(settings.TIME_ZONE):
        base = kind.template
        subject = " ".join(render_plain(f"{base}_subject.txt", context).split())
        text = render_plain(f"{base}.txt", context)
        html = render_to_string(f"{base}.html", context)
    return subject, text, html


# Filters for the plain-text engine (``register``: this module is one of its builtins).
register = Library()


@register.filter(is_safe=True)
def join(value, arg):
    """Django's ``join`` with autoescape off does ``arg.join(value)``, which fails (and
    gives the list itself) for lazy translations: make them text first."""
    try:
        return str(arg).join(str(item) for item in value)
    except TypeError:
        return value


@functools.cache
def _plain_engine() -> Engine:
    """The project's template engine, with autoescape off."""
    default = engines["django"].engine
    return Engine(
        dirs=default.dirs,
        loaders=default.loaders,
        libraries=default.libraries,
        builtins=[*default.builtins, "sessions.reminders.mail"],
        string_if_invalid=default.string_if_invalid,
        debug=default.debug,
        autoescape=False,
    )


def render_plain(name: str, context: dict) -> str:
    """A subject or plain-text body: rendered with autoescape off (and its includes with
    it), so "Zorg & welzijn" and "'t Hart" stay as they are; only the HTML part is escaped."""
    return _plain_engine().get_template(name).render(Context(context, autoescape=False))


@dataclass(frozen=True)
class Group:
    """What the mails of one (kind, object, lead time, language) share within a batch."""

    key: tuple
    subject: str
    text: str  # with NAME_MARK and LINK_MARK where the personal parts go
    html: str
    # (filename, content, MIME type) of the one attachment (a meeting's .ics), or None
    attachment: tuple[str, bytes, str] | None


def _group(delivery, now: dt.datetime, cache: dict) -> Group:
    kind = REGISTRY[delivery.kind]
    language = delivery.recipient.language or settings.LANGUAGE_CODE
    key = ("body", delivery.kind, delivery.object_key, delivery.lead_minutes, language)
    if key not in cache:
        cache[key] = _render(delivery, now, language)
    attachment, attachment_key = None, kind.attachment_key(delivery)
    if attachment_key is not None:
        if ("attachment", attachment_key) not in cache:
            cache[("attachment", attachment_key)] = kind.attachment(delivery)
        attachment = cache[("attachment", attachment_key)]
    return Group((key, attachment_key), *cache[key], attachment)


@dataclass(frozen=True)
class Personal:
    """The parts of a mail that differ per recipient."""

    name: str
    link: str
    email: str
    message_id: str


def personal(delivery, link_around: tuple[str, str] | None = None) -> Personal:
    """``link_around``: the preferences URL split where the token goes (``link_parts``),
    to spare a ``reverse`` per recipient."""
    recipient = delivery.recipient
    token = preferences_token(user_pk=recipient.pk, kind=delivery.kind)
    if link_around is not None and _URL_SAFE.fullmatch(token):
        link = link_around[0] + token + link_around[1]
    else:
        link = settings.SITE_URL + reverse("reminders:link", args=[token])
    return Personal(
        name=recipient.get_short_name(),
        link=link,
        email=recipient.email,
        message_id=delivery.message_id or message_id_for(delivery.pk, delivery.kind),
    )


# What ``reverse`` leaves as it is in a path segment (signed tokens are made of these).
_URL_SAFE = re.compile(r"[A-Za-z0-9_.~:-]+")


def link_parts() -> tuple[str, str]:
    url = settings.SITE_URL + reverse("reminders:link", args=["TOKEN"])
    before, after = url.split("TOKEN")
    return before, after


def compose(
    group: Group,
    *,
    name: str,
    link: str,
    email: str,
    message_id: str,
    html_name: str | None = None,
    html_link: str | None = None,
) -> EmailMultiAlternatives:
    """The mail of ``group`` with the personal parts filled in (escaped for the HTML
    unless ``html_name``/``html_link`` are given)."""
    html_name = escape(name) if html_name is None else html_name
    html_link = escape(link) if html_link is None else html_link
    message = EmailMultiAlternatives(
        subject=group.subject.replace(NAME_MARK, name),
        body=group.text.replace(NAME_MARK, name).replace(LINK_MARK, link),
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[email],
        headers={
            "Message-ID": message_id,
            "Auto-Submitted": "auto-generated",
            "List-Unsubscribe": f"<{link}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    )
    message.attach_alternative(
        group.html.replace(NAME_MARK, html_name).replace(LINK_MARK, html_link), "text/html"
    )
    if group.attachment is not None:
        message.attach(*group.attachment)
    return message


def build_message(delivery, now: dt.datetime, cache: dict | None = None):
    """The mail for one claimed delivery (``recipient``, ``target`` and ``network`` loaded).

    ``cache`` (one dict per batch) keeps rendered bodies and attachments, so a batch of
    reminders about the same object renders its templates once per language.
    """
    own = REGISTRY[delivery.kind].message(delivery, now)
    if own is not None:
        return own
    cache = cache if cache is not None else {}
    person = personal(delivery)
    return compose(
        _group(delivery, now, cache),
        name=person.name,
        link=person.link,
        email=person.email,
        message_id=person.message_id,
    )


# --- the same mail as bytes, cheaply ------------------------------------------------------


@dataclass(frozen=True)
class Outgoing:
    """One mail as the SMTP conversation needs it: envelope and the serialised message
    (CRLF line ends, not yet dot-stuffed)."""

    sender: str
    recipient: str
    data: bytes


def serialise(message: EmailMultiAlternatives) -> Outgoing:
    """What Django's SMTP backend sends for ``message`` (``EmailBackend._send``)."""
    encoding = message.encoding or settings.DEFAULT_CHARSET
    [recipient] = [sanitize_address(address, encoding) for address in message.recipients()]
    return Outgoing(
        sanitize_address(message.from_email, encoding),
        recipient,
        message.message().as_bytes(linesep="\r\n"),
    )


RFC5322_LINE_LIMIT = 998  # Django switches a body to quoted-printable past this

# Printable ASCII without the whitespace, "," and ";" where compat32 may fold a header.
_UNFOLDABLE = re.compile(r"[\x21-\x2b\x2d-\x3a\x3c-\x7e]*")


def header_line(policy, name: str, value: str) -> bytes:
    """``policy.fold_binary(name, value)`` (compat32), quickly for a value it cannot fold:
    on the header's line when it fits, else alone on a continuation line."""
    if not _UNFOLDABLE.fullmatch(value):
        return _fold(policy, name, value)
    linesep = policy.linesep
    if len(name) + 2 + len(value) <= policy.max_line_length:
        return f"{name}: {value}{linesep}".encode("ascii")
    return f"{name}: {linesep} {value}{linesep}".encode("ascii")


@functools.lru_cache(maxsize=256)
def _fold(policy, name: str, value: str) -> bytes:
    return policy.fold_binary(name, value)  # the Date line is the same for a second


# An address Django's sanitize_address and smtplib's quoteaddr leave as it is (dot-atom).
_ATOM = r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+"
SIMPLE_ADDRESS = re.compile(rf"{_ATOM}(?:\.{_ATOM})*@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*")


def envelope_address(address: str) -> str:
    """``sanitize_address(address, DEFAULT_CHARSET)``, without parsing a plain address."""
    if SIMPLE_ADDRESS.fullmatch(address):
        return address
    return sanitize_address(address, settings.DEFAULT_CHARSET)


_BODY_MARKS = {
    NAME_MARK: "name",
    HTML_NAME_MARK: "html_name",
    LINK_MARK: "link",
    HTML_LINK_MARK: "html_link",
}
_HEADER_MARKS = {TO_MARK: "email", MESSAGE_ID_MARK: "message_id", DATE_MARK: "date", **_BODY_MARKS}


def _marks(marks) -> re.Pattern:
    return re.compile("(" + "|".join(re.escape(mark) for mark in marks) + ")")


_BODY_MARK_RE = _marks(_BODY_MARKS)
_HEADER_MARK_RE = _marks(_HEADER_MARKS)


@dataclass(frozen=True)
class MailTemplate:
    """A group's mail serialised once, cut at the personal parts.

    ``headers`` are the top-level header lines: bytes where they are the same for everyone,
    ``(name, pieces)`` where a personal value goes in; such a line is made per recipient
    the way the message classes make it (Django's header check, then the compat32 policy's
    folding). ``body`` alternates literal bytes and the name of the value that goes between
    them; a value can only change the body's bytes, not its encoding, and ``render``
    declines values that would (then the mail is built the straightforward way).
    """

    headers: tuple
    body: tuple
    sender: str
    policy: object
    boundaries: tuple[str, ...]
    ascii_only: bool  # a body carrying a personal part is 7-bit: the part must be ASCII
    longest_line: int  # bytes, placeholders left out, of the longest line carrying one
    most_slots_on_a_line: int

    @classmethod
    def build(cls, group: Group) -> MailTemplate | None:
        """None when this group cannot be templated (a personal part in the subject, or a
        body that is not sent as 7- or 8-bit text): its mails are built one by one."""
        if NAME_MARK in group.subject or LINK_MARK in group.subject:
            return None
        message = compose(
            group,
            name=NAME_MARK,
            link=LINK_MARK,
            email=TO_MARK,
            message_id=MESSAGE_ID_MARK,
            html_name=HTML_NAME_MARK,
            html_link=HTML_LINK_MARK,
        )
        mime = message.message()
        mime.replace_header("Date", DATE_MARK)
        encodings = {
            part["Content-Transfer-Encoding"]
            for part in mime.walk()
            if part.get_content_type() in ("text/plain", "text/html")
        }
        if not encodings <= {"7bit", "8bit"}:
            return None
        data = mime.as_bytes(linesep="\r\n")
        end_of_headers = data.index(b"\r\n\r\n") + 2
        policy = mime.policy.clone(linesep="\r\n")
        headers = []
        for name, value in mime.raw_items():
            pieces = _HEADER_MARK_RE.split(value)
            if len(pieces) == 1:
                headers.append(policy.fold_binary(name, value))
            else:
                pieces[1::2] = [_HEADER_MARKS[mark] for mark in pieces[1::2]]
                headers.append((name, tuple(pieces)))
        body = _BODY_MARK_RE.split(data[end_of_headers:].decode("utf-8", "surrogateescape"))
        body[0::2] = [piece.encode("utf-8", "surrogateescape") for piece in body[0::2]]
        body[1::2] = [_BODY_MARKS[mark] for mark in body[1::2]]
        text, html = message.body, message.alternatives[0][0]
        expected = sorted(
            ["name"] * text.count(NAME_MARK)
            + ["html_name"] * html.count(HTML_NAME_MARK)
            + ["link"] * text.count(LINK_MARK)
            + ["html_link"] * html.count(HTML_LINK_MARK)
        )
        lines = [line for line in (text + "\n" + html).splitlines() if _BODY_MARK_RE.search(line)]
        template = cls(
            headers=tuple(headers),
            body=tuple(body),
            sender=sanitize_address(message.from_email, settings.DEFAULT_CHARSET),
            policy=policy,
            boundaries=tuple(part.get_boundary() for part in mime.walk() if part.is_multipart()),
            ascii_only="7bit" in encodings,
            longest_line=max(
                (len(_BODY_MARK_RE.sub("", line).encode()) for line in lines), default=0
            ),
            most_slots_on_a_line=max(
                (len(_BODY_MARK_RE.findall(line)) for line in lines), default=0
            ),
        )
        # Every personal part found where it belongs, and the header lines made as the
        # message classes make them: otherwise build these mails one by one.
        marks = {slot: mark for mark, slot in _HEADER_MARKS.items()}
        if sorted(body[1::2]) != expected or template._headers(marks) != data[:end_of_headers]:
            return None
        return template

    def _headers(self, values: dict[str, str]) -> bytes:
        lines = []
        for line in self.headers:
            if isinstance(line, bytes):
                lines.append(line)
                continue
            name, pieces = line
            value = "".join(
                piece if n % 2 == 0 else values[piece] for n, piece in enumerate(pieces)
            )
            # What SafeMIMEText/SafeMIMEMultipart.__setitem__ does, then the generator.
            name, value = forbid_multi_line_headers(name, value, settings.DEFAULT_CHARSET)
            lines.append(header_line(self.policy, name, value))
        return b"".join(lines)

    def render(self, values: dict[str, str]) -> bytes | None:
        """The message with ``values`` put in; None when a value would change how the body
        is encoded or cut up (then the mail must be built the straightforward way)."""
        longest = 0
        for slot in _BODY_MARKS.values():
            value = values[slot]
            if not value.isprintable() or (self.ascii_only and not value.isascii()):
                return None  # a line break in a name; a 7-bit body that would be 8-bit
            longest = max(longest, len(value.encode()))
        if self.longest_line + self.most_slots_on_a_line * longest > RFC5322_LINE_LIMIT:
            return None
        for value in values.values():
            # A value that looks like a placeholder, or contains a MIME boundary.
            if "LINPERSONAL" in value or any(b in value for b in self.boundaries):
                return None
        encoded = {slot: values[slot].encode() for slot in _BODY_MARKS.values()}
        body = b"".join(
            piece if n % 2 == 0 else encoded[piece] for n, piece in enumerate(self.body)
        )
        return self._headers(values) + body


def prepare(delivery, now: dt.datetime, cache: dict) -> Outgoing:
    """The bytes of ``build_message(delivery, now, cache)`` as Django's SMTP backend would
    send them (apart from the MIME boundaries), from the group's template where possible.

    Raises ValueError for an address that cannot be put in a mail."""
    own = REGISTRY[delivery.kind].message(delivery, now)
    if own is not None:  # a kind that builds its own mail (an invitation): no template
        return serialise(own)
    group = _group(delivery, now, cache)
    key = ("template", group.key)
    if key not in cache:
        cache[key] = MailTemplate.build(group)
    template = cache[key]
    if "link" not in cache:
        cache["link"] = link_parts()
    person = personal(delivery, cache["link"])
    if template is not None:
        data = template.render(
            {
                "name": person.name,
                "html_name": escape(person.name),
                "link": person.link,
                "html_link": escape(person.link),
                "email": person.email,
                "message_id": person.message_id,
                "date": formatdate(localtime=settings.EMAIL_USE_LOCALTIME),
            }
        )
        if data is not None:
            return Outgoing(template.sender, envelope_address(person.email), data)
    return serialise(
        compose(
            group,
            name=person.name,
            link=person.link,
            email=person.email,
            message_id=person.message_id,
        )
    )
