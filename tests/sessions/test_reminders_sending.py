"""The fast way to a reminder mail gives the same mail, and the SMTP conversation (pipelined
or not) gets a result per mail: sent, failed for good, or tried again later.

The SMTP tests talk to a real aiosmtpd server on loopback (tests/e2e/smtp_sink.py)."""

import datetime as dt
import email
import re
import smtplib
from email import policy

import icalendar
import pytest
from django.core.mail.message import sanitize_address

from sessions.reminders import mail as reminder_mail
from sessions.reminders import sending
from sessions.reminders.dispatcher import claim, dispatch, plan
from sessions.reminders.mail import Group, MailTemplate, build_message, compose, prepare, serialise
from sessions.reminders.models import Delivery, DeliveryStatus
from tests.e2e.smtp_sink import start_sink
from tests.factories import MembershipFactory, NetworkFactory, UserFactory
from tests.sessions.factories_reminders import MeetingFactory, RsvpFactory

START = dt.datetime(2025, 3, 12, 14, 0, tzinfo=dt.UTC)
DUE = START - dt.timedelta(hours=2)


def normalised(data: bytes) -> bytes:
    """The MIME boundaries are random per message, the date is the moment of building."""
    boundaries = dict.fromkeys(re.findall(rb'boundary="([^"]+)"', data))
    for number, boundary in enumerate(boundaries):
        data = data.replace(boundary, b"BOUNDARY-%d" % number)
    return re.sub(rb"\r\nDate: [^\r\n]+\r\n", b"\r\nDate: (date)\r\n", data)


@pytest.fixture(autouse=True)
def steady_tokens(monkeypatch):
    """A signed token carries the second it was made: the same one per person here, so a
    mail built twice is the same mail."""
    made = {}
    real = reminder_mail.preferences_token

    def token(*, user_pk, kind=""):
        return made.setdefault((user_pk, kind), real(user_pk=user_pk, kind=kind))

    monkeypatch.setattr(reminder_mail, "preferences_token", token)


@pytest.fixture
def meeting(db):
    network = NetworkFactory(name="LIN Oost", slug="lin-oost")
    meeting = MeetingFactory(network=network, title="Intervisie maart", starts_at=START, revision=2)
    # Changed long ago (revision 2): no change notice now, only the reminder.
    type(meeting).objects.filter(pk=meeting.pk).update(updated_at=START - dt.timedelta(days=9))
    meeting.refresh_from_db()
    return meeting


def invite(meeting, **user_kwargs):
    user = UserFactory(**user_kwargs)
    MembershipFactory(network=meeting.network, user=user, starts_on=dt.date(2020, 1, 1))
    RsvpFactory(meeting=meeting, user=user)
    return user


def claimed():
    plan(DUE)
    _token, rows = claim(DUE, 100)
    return rows


@pytest.fixture
def serialised(monkeypatch):
    """Counts the mails built the straightforward way inside ``prepare``."""
    calls = []

    def spy(message):
        calls.append(message.to[0])
        return serialise(message)

    monkeypatch.setattr(reminder_mail, "serialise", spy)
    return calls


@pytest.mark.parametrize(
    ("full_name", "address", "language", "templated"),
    [
        ("Anna de Vries", "anna@example.org", "en", True),
        ("Anna de Vries", "anna@example.org", "nl", True),
        ("Zoë Jansen", "zoe@example.org", "nl", True),
        ("<b>Bob</b> & Co", "bob@example.org", "en", True),
        ("Piet", "Piet.Bakker+lin@EXAMPLE.org", "en", True),
        ("Jan", "jan@bücher.de", "en", True),
        ("Mies", "mies@[127.0.0.1]", "en", True),
        ("Kees", '"kees de boer"@example.org', "en", True),
        ("Lange", f"{'l' * 80}@example.org", "en", True),  # a folded To: header
        ("Jan\nKlaas", "jan@example.org", "en", False),  # a line break in a name
        ("𝔛" * 150, "long@example.org", "en", True),  # 600 bytes of name
        ("LINPERSONALLINK7F3A", "odd@example.org", "en", False),
    ],
)
def test_prepared_mail_is_the_straightforward_mail_byte_for_byte(
    meeting, serialised, full_name, address, language, templated
):
    invite(meeting, full_name=full_name, email=address, language=language)
    [row] = claimed()
    cache = {}
    fast = prepare(row, DUE, cache)
    slow = serialise(build_message(row, DUE, cache))
    assert normalised(fast.data) == normalised(slow.data)
    assert (fast.sender, fast.recipient) == (slow.sender, slow.recipient)
    assert serialised == ([] if templated else [address])

    # And it is the mail people should get.
    message = email.message_from_bytes(fast.data, policy=policy.default)
    assert message["Message-ID"] == f"<reminder.{row.pk}.meeting_reminder@127.0.0.1>"
    assert message["Auto-Submitted"] == "auto-generated"
    assert (
        message["Subject"]
        == {
            "en": "Reminder: Intervisie maart on 12 March 15:00",
            "nl": "Herinnering: Intervisie maart op 12 maart 15:00",
        }[language]
    )
    assert [part.get_content_type() for part in message.walk()] == [
        "multipart/mixed",
        "multipart/alternative",
        "text/plain",
        "text/html",
        "text/calendar",
    ]
    text, html, ics = list(message.walk())[2:]
    assert (text.get_content_charset(), html.get_content_charset()) == ("utf-8", "utf-8")
    lines = text.get_content().splitlines()
    if templated:
        hello = {"en": "Hello", "nl": "Hallo"}[language]
        assert lines[0] == f"{hello} {full_name.split(' ')[0]},"
    link = str(message["List-Unsubscribe"]).strip().removeprefix("<").removesuffix(">")
    assert link.startswith("http://127.0.0.1:8000/herinneringen/")
    assert len([line for line in lines if line.endswith(f": {link}")]) == 1  # the footer
    assert (ics.get_filename(), ics.get_param("method")) == ("meeting.ics", "PUBLISH")
    [event] = icalendar.Calendar.from_ical(ics.get_content()).walk("VEVENT")
    assert (str(event["uid"]), event["sequence"]) == (f"meeting-{meeting.pk}@127.0.0.1", 2)
    assert "mevrouw" not in fast.data.decode()


GROUP = Group(
    key=("test",),
    subject="Reminder",
    text="Hello LINPERSONALNAME7F3A,\n\nPlain ASCII.\n-- LINPERSONALLINK7F3A\n",
    html="<p>Hello LINPERSONALNAME7F3A,</p><a href='LINPERSONALLINK7F3A'>x</a>",
    attachment=None,
)


@pytest.mark.parametrize(
    ("name", "encoding"),
    [
        ("Anna", None),
        ("Zoë", b"8bit"),  # the body would be 8-bit
        ("X" * 990, b"quoted-printable"),  # a line past 998 bytes
    ],
)
def test_a_template_takes_only_values_that_keep_its_encoding(settings, name, encoding):
    link = "http://127.0.0.1:8000/r/abc/"
    person = {"name": name, "link": link, "email": "a@example.org", "message_id": "<1@x>"}
    template = MailTemplate.build(GROUP)
    data = template.render(
        {
            "name": name,
            "html_name": name,
            "link": link,
            "html_link": link,
            "email": "a@example.org",
            "message_id": "<1@x>",
            "date": "Wed, 12 Mar 2025 12:00:00 -0000",
        }
    )
    assert (data is None) == (encoding is not None)
    slow = serialise(compose(GROUP, **person)).data
    if encoding is None:
        assert normalised(data) == normalised(slow)
    else:  # what the straightforward way makes of it instead
        assert b"Content-Transfer-Encoding: " + encoding + b"\r\n" in slow


HEADER_VALUES = [
    "",
    "<reminder.12.meeting_reminder@127.0.0.1>",
    "Wed, 12 Mar 2025 12:00:00 -0000",
    '"kees de boer"@example.org',
    "a, b; c",
    "=?utf-8?q?zo=C3=AB?=@example.org",
    "x\ty",
    "two  spaces",
] + ["<" + "x" * n + ">" for n in range(40, 90)]


@pytest.mark.parametrize("name", ["To", "Message-ID", "List-Unsubscribe", "Date"])
def test_header_lines_are_folded_as_the_message_classes_fold_them(name):
    policy = email.policy.compat32.clone(linesep="\r\n")
    for value in HEADER_VALUES:
        assert reminder_mail.header_line(policy, name, value) == policy.fold_binary(name, value)


ADDRESSES = [
    "anna@example.org",
    "Piet.Bakker+lin@EXAMPLE.org",
    "o'brien@example.org",
    "a/b=c?d^e`f{g}h|i~j#k$l%m&n*o@x-y.example.org",
    "a..b@example.org",
    ".a@example.org",
    "a.@example.org",
    '"kees de boer"@example.org',
    "zoë@example.org",
    "jan@bücher.de",
    "mies@[127.0.0.1]",
    "Anna <anna@example.org>",
    "LIN Platform <noreply@lin-platform.local>",
]


def test_plain_addresses_are_taken_as_they_are_others_are_parsed(settings):
    for address in ADDRESSES:
        try:
            expected = sanitize_address(address, settings.DEFAULT_CHARSET)
        except ValueError:
            continue
        assert reminder_mail.envelope_address(address) == expected
        assert sending._quoted(expected) == smtplib.quoteaddr(expected)


def test_a_personal_subject_is_not_templated():
    assert MailTemplate.build(Group(("t",), "Hi LINPERSONALNAME7F3A", "x", "y", None)) is None


# --- over SMTP -----------------------------------------------------------------------------


@pytest.fixture(params=[True, False], ids=["pipelining", "one-by-one"])
def smtp(request, settings):
    controller, sink, port = start_sink(pipelining=request.param)
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", port
    yield sink
    controller.stop()


def statuses():
    return dict(Delivery.objects.values_list("recipient__email", "status"))


def test_every_mail_goes_out_once_with_the_servers_answer_per_recipient(meeting, smtp):
    people = [invite(meeting, email=f"p{n}@example.org", language="en") for n in range(7)]
    smtp.replies["p1@example.org"] = "550 No such user"
    smtp.replies["p3@example.org"] = "451 Try again later"
    smtp.data_replies["p5@example.org"] = "554 Rejected as spam"
    totals = dispatch(now=DUE)
    assert {k: totals[k] for k in ("sent", "failed", "retry")} == {
        "sent": 4,
        "failed": 2,
        "retry": 1,
    }
    assert statuses() == {
        "p0@example.org": "sent",
        "p1@example.org": "failed",
        "p2@example.org": "sent",
        "p3@example.org": "pending",
        "p4@example.org": "sent",
        "p5@example.org": "failed",
        "p6@example.org": "sent",
    }
    rows = {row.recipient_id: row for row in Delivery.objects.all()}
    assert rows[people[1].pk].reason == (
        "SMTPRecipientsRefused: {'p1@example.org': (550, b'No such user')}"
    )
    assert rows[people[5].pk].reason == "SMTPDataError: (554, b'Rejected as spam')"
    assert sorted(message_id for _to, message_id, _subject in smtp.received) == sorted(
        row.message_id for row in rows.values() if row.status == DeliveryStatus.SENT
    )
    # What arrived is what the straightforward path builds.
    [arrived] = [raw for raw in smtp.raw if b"To: p0@example.org" in raw]
    row = rows[people[0].pk]
    expected = serialise(build_message(row, DUE)).data
    assert normalised(arrived) == normalised(expected)

    del smtp.replies["p3@example.org"]
    dispatch(now=DUE + dt.timedelta(minutes=1))
    assert statuses()["p3@example.org"] == "sent"
    assert len(smtp.received) == 5


def test_a_server_closing_the_connection_costs_one_retry_the_rest_goes_out(meeting, smtp):
    for n in range(5):
        invite(meeting, email=f"p{n}@example.org")
    smtp.data_replies["p2@example.org"] = "421 Shutting down"
    dispatch(now=DUE)
    assert statuses() == {
        "p0@example.org": "sent",
        "p1@example.org": "sent",
        "p2@example.org": "pending",
        "p3@example.org": "sent",
        "p4@example.org": "sent",
    }
    assert sorted(to for to, _id, _subject in smtp.received) == [
        "p0@example.org",
        "p1@example.org",
        "p3@example.org",
        "p4@example.org",
    ]


def test_no_server_means_every_mail_is_tried_again_later(meeting, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", 9  # discard: nobody listens
    for n in range(3):
        invite(meeting, email=f"p{n}@example.org")
    assert dispatch(now=DUE)["retry"] == 3
    assert set(statuses().values()) == {"pending"}


def test_sent_rows_are_marked_per_chunk_so_a_crash_resends_at_most_one_chunk(
    meeting, smtp, settings, monkeypatch
):
    """The worker breaks off after the server accepted 5 mails (chunks of 2): the first two
    chunks are marked sent at once, the mail accepted in the third is marked by the
    clean-up; what was not sent stays "sending" and goes out after the claim timeout."""
    settings.REMINDERS_MARK_EVERY = 2
    for n in range(8):
        invite(meeting, email=f"p{n}@example.org")
    real_send = sending.SmtpSender.send
    marked_before_crash = []

    def crashing_send(self, mails):
        for index, error in real_send(self, mails):
            yield index, error
            if len(smtp.received) == 5:
                marked_before_crash.append(Delivery.objects.filter(status="sent").count())
                raise RuntimeError("worker killed")

    monkeypatch.setattr(sending.SmtpSender, "send", crashing_send)
    with pytest.raises(RuntimeError):
        dispatch(now=DUE)
    assert marked_before_crash == [4]
    counts = dict.fromkeys(("sent", "sending"), 0)
    for status in Delivery.objects.values_list("status", flat=True):
        counts[status] += 1
    assert counts == {"sent": 5, "sending": 3}

    monkeypatch.setattr(sending.SmtpSender, "send", real_send)
    dispatch(now=DUE + dt.timedelta(minutes=11))  # after REMINDERS_CLAIM_TIMEOUT (600 s)
    assert set(statuses().values()) == {"sent"}
    received = [message_id for _to, message_id, _subject in smtp.received]
    assert len(received) == len(set(received)) == 8
