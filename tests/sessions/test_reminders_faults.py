"""Faults of the SMTP server, through the dispatcher, over the path production takes (Django's
SMTP backend → ``sending.SmtpSender``), pipelined and not, to a real server on loopback that
misbehaves on request (tests/e2e/smtp_sink.py): every due reminder is delivered exactly once,
the recipient refused with a 550 fails with the server's answer, and nothing fails for good
because of a 4xx, a dropped connection or a slow server.

Runs on SQLite and on PostgreSQL (``DATABASE_URL``)."""

import datetime as dt
import time
from collections import Counter

import pytest
from django.core.mail import get_connection

from sessions.reminders import dispatcher, sending
from sessions.reminders.dispatcher import claim, dispatch
from sessions.reminders.models import Delivery, DeliveryStatus
from tests.e2e.smtp_sink import start_sink
from tests.factories import MembershipFactory, NetworkFactory, UserFactory
from tests.sessions.factories_reminders import MeetingFactory, RsvpFactory

START = dt.datetime(2025, 3, 12, 14, 0, tzinfo=dt.UTC)
DUE = START - dt.timedelta(hours=2)


@pytest.fixture
def meeting(db):
    network = NetworkFactory(name="LIN Oost", slug="lin-oost")
    meeting = MeetingFactory(network=network, title="Intervisie maart", starts_at=START, revision=2)
    type(meeting).objects.filter(pk=meeting.pk).update(updated_at=START - dt.timedelta(days=9))
    meeting.refresh_from_db()
    return meeting


def invite_many(meeting, count):
    people = []
    for n in range(count):
        user = UserFactory(email=f"p{n}@example.org", language="en")
        MembershipFactory(network=meeting.network, user=user, starts_on=dt.date(2020, 1, 1))
        RsvpFactory(meeting=meeting, user=user)
        people.append(user)
    return people


@pytest.fixture(params=[True, False], ids=["pipelining", "one-by-one"])
def smtp(request, settings):
    controller, sink, port = start_sink(pipelining=request.param)
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", port
    settings.EMAIL_TIMEOUT = 5
    # The production path, not a stand-in.
    assert isinstance(sending.sender_for(get_connection()), sending.SmtpSender)
    yield sink
    controller.stop()


def drain(rounds=12) -> Counter:
    """Dispatch until nothing is pending; a row put back waits for its back-off, which is
    skipped here (the clock stays where it is, so the reminder stays due)."""
    totals = Counter()
    for _ in range(rounds):
        totals.update(dispatch(now=DUE))
        pending = Delivery.objects.filter(status=DeliveryStatus.PENDING)
        if not pending.exists():
            break
        pending.update(next_attempt_at=DUE)
    return totals


def received(sink) -> Counter:
    return Counter(message_id for _to, message_id, _subject in sink.received)


def assert_each_sent_once(sink, refused=()):
    rows = list(Delivery.objects.select_related("recipient"))
    sent = {row.message_id for row in rows if row.status == DeliveryStatus.SENT}
    arrived = received(sink)
    assert [m for m, n in arrived.items() if n > 1] == []  # no duplicates
    assert set(arrived) == sent  # nothing accepted that is not marked sent, and back
    statuses = Counter(row.status for row in rows)
    assert statuses == Counter(
        {DeliveryStatus.SENT: len(rows) - len(refused), DeliveryStatus.FAILED: len(refused)}
    )
    assert {row.recipient.email for row in rows if row.status == "failed"} == set(refused)


FAULTS = {
    # greylisting: the chunk boundary fell after a 451 at RCPT (bug: "503 nested MAIL")
    "451-at-rcpt": {"tempfail": {"RCPT": 3}},
    "451-at-mail": {"tempfail": {"MAIL": 4}},
    "451-at-data": {"tempfail": {"DATA": 3}},
    "451-at-end-of-data": {"tempfail": {"END": 3}},
    "dropped-connection": {"drop_at": {3, 4, 11}},
    "all-at-once": {"tempfail": {"MAIL": 7, "RCPT": 5, "DATA": 6, "END": 4}, "drop_at": {9}},
}


@pytest.mark.parametrize("fault", FAULTS, ids=list(FAULTS))
def test_a_4xx_or_a_drop_never_fails_a_mail_each_goes_out_once(meeting, smtp, settings, fault):
    settings.REMINDERS_MARK_EVERY = 4  # chunk boundaries after refused envelopes too
    for name, value in FAULTS[fault].items():
        setattr(smtp.faults, name, value)
    invite_many(meeting, 22)
    smtp.replies["p5@example.org"] = "550 5.1.1 No such user"
    first = dispatch(now=DUE)
    assert first["failed"] == 1  # the 550, nothing else
    assert first["sent"] + first["retry"] + first["failed"] == 22
    if fault != "dropped-connection":
        assert first["retry"] > 0  # the fault did happen
    drain()
    assert_each_sent_once(smtp, refused=["p5@example.org"])
    refused = Delivery.objects.get(recipient__email="p5@example.org")
    assert refused.reason == (
        "SMTPRecipientsRefused: {'p5@example.org': (550, b'5.1.1 No such user')}"
    )
    assert refused.attempts == 1
    # Our side of the conversation never got out of step: no "503 nested MAIL command"
    # (a transaction left open after a refused envelope), no mail put back for it.
    assert [reply for reply in smtp.codes if "nested" in reply] == []
    assert not Delivery.objects.filter(reason__contains="503").exists()


def test_a_5xx_about_the_message_fails_it_a_503_does_not(meeting, smtp):
    invite_many(meeting, 3)
    smtp.data_replies["p1@example.org"] = "554 5.6.0 Rejected as spam"
    smtp.data_replies["p2@example.org"] = "503 5.5.1 Bad sequence of commands"
    totals = dispatch(now=DUE)
    assert (totals["sent"], totals["failed"], totals["retry"]) == (1, 1, 1)
    statuses = dict(Delivery.objects.values_list("recipient__email", "status"))
    assert statuses == {
        "p0@example.org": "sent",
        "p1@example.org": "failed",
        "p2@example.org": "pending",
    }


def test_a_worker_still_sending_keeps_its_claim_however_slow_the_server(
    meeting, smtp, settings, monkeypatch
):
    """A slow server (50 ms per mail, 100 mails: longer than the claim timeout of 3 s): the
    claim is renewed after every chunk, and a chunk takes at most a third of the timeout, so
    another worker looking for stale rows at any moment finds none of this worker's. (A
    timeout of 3 s, not 1 s: on a busy 2-core machine a chunk of a third of a second can be
    held up long enough to be taken for a dead worker's.)"""
    settings.REMINDERS_CLAIM_TIMEOUT = 3
    smtp.faults.delay = 0.05
    invite_many(meeting, 100)
    real_send = sending.SmtpSender.send
    stolen = []
    claimed = []  # when the worker's claim was made: claimed_at = DUE on its clock

    def claim_and_note(moment, limit):
        token, rows = claim(moment, limit)
        claimed.append(time.monotonic())
        return token, rows

    def send_while_another_worker_looks(self, mails):
        for item in real_send(self, mails):
            yield item
            # Another worker's claim now, on the same clock as the claim (DUE at the start).
            moment = DUE + dt.timedelta(seconds=time.monotonic() - claimed[0])
            _token, rows = claim(moment, 100)
            stolen.extend(rows)

    monkeypatch.setattr(dispatcher, "claim", claim_and_note)
    monkeypatch.setattr(sending.SmtpSender, "send", send_while_another_worker_looks)
    assert dispatch(now=DUE)["sent"] == 100
    assert time.monotonic() - claimed[0] > 4.5
    assert stolen == []
    assert_each_sent_once(smtp)


def test_the_time_budget_is_kept_per_chunk_and_the_rest_goes_back(meeting, smtp, settings):
    settings.REMINDERS_MARK_EVERY = 5
    smtp.faults.delay = 0.1
    invite_many(meeting, 30)
    started = time.monotonic()
    first = dispatch(now=DUE, budget=1.5)
    assert time.monotonic() - started < 3
    assert 0 < first["sent"] < 30
    assert first["released"] == 30 - first["sent"]
    released = Delivery.objects.filter(status=DeliveryStatus.PENDING)
    assert released.count() == first["released"]
    assert set(released.values_list("claim_token", "attempts", "claimed_at")) == {("", 0, None)}
    assert dispatch(now=DUE)["sent"] == first["released"]
    assert_each_sent_once(smtp)
