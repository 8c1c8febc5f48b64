"""A real SMTP server on loopback (aiosmtpd) that keeps what it receives, for the end-to-end
test, the fault tests and the benchmark. It can misbehave on request (``Faults``): answer 451
at MAIL, RCPT, DATA or the end of data, be slow, drop the connection half-way, or refuse a
recipient for good."""

import asyncio
import socket
import threading
from collections import Counter
from dataclasses import dataclass, field
from email import message_from_bytes
from email.policy import default as default_policy

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, syntax


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class Faults:
    """How the sink misbehaves. ``tempfail`` maps a stage ("MAIL", "RCPT", "DATA" for the
    command, "END" for the answer to the content) to n: every n-th command at that stage is
    answered "451 4.7.1 Try again later" (greylisting, a full queue). ``delay``: seconds the
    content takes to be accepted. ``drop_at``: the numbers of the messages (counted over the
    sink's life, from 1) whose content is answered by dropping the connection instead
    (not accepted). Refusing a recipient for good: ``Sink.replies``."""

    tempfail: dict[str, int] = field(default_factory=dict)
    delay: float = 0.0
    drop_at: set[int] = field(default_factory=set)


TEMPFAIL = "451 4.7.1 Try again later"


class Sink:
    """Collects (recipient, Message-ID, subject) of every mail; ``parse=False`` keeps only
    the Message-ID header (found without parsing the whole message) for speed.

    Announces PIPELINING (RFC 2920) like Postfix or Exim do, unless ``pipelining=False``:
    aiosmtpd reads commands in order from its stream, so it takes pipelined commands, it
    just does not say so. ``replies`` maps a recipient to the answer its RCPT gets (e.g.
    "550 No such user"); ``data_replies`` to the answer its message content gets. ``raw``
    keeps the bytes of every message received."""

    def __init__(self, parse: bool = True, pipelining: bool = True):
        self.parse = parse
        self.pipelining = pipelining
        self.received: list[tuple[str, str, str]] = []
        self.raw: list[bytes] = []
        self.replies: dict[str, str] = {}
        self.data_replies: dict[str, str] = {}
        self.lock = threading.Lock()
        self.faults = Faults()
        self.seen: Counter = Counter()  # commands per stage, for ``Faults.tempfail``
        self.messages = 0  # contents received (accepted or not)
        self.sessions = 0  # connections made
        self.answers: Counter = Counter()  # the 451s given on purpose, per stage
        self.codes: Counter = Counter()  # every reply the server gave ("250 OK", ...)

    def tempfail(self, stage: str) -> bool:
        every = self.faults.tempfail.get(stage)
        with self.lock:
            self.seen[stage] += 1
            if every and self.seen[stage] % every == 0:
                self.answers[(stage, 451)] += 1
                return True
        return False

    async def handle_MAIL(self, server, session, envelope, address, mail_options):  # noqa: N802
        if self.tempfail("MAIL"):
            return TEMPFAIL
        envelope.mail_from = address
        envelope.mail_options.extend(mail_options)
        return "250 OK"

    async def handle_EHLO(self, server, session, envelope, hostname, responses):  # noqa: N802
        session.host_name = hostname
        if self.pipelining:
            responses.insert(-1, "250-PIPELINING")
        return responses

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):  # noqa: N802
        reply = self.replies.get(address)
        if reply is not None:
            return reply
        if self.tempfail("RCPT"):
            return TEMPFAIL
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 (aiosmtpd's name)
        content = envelope.original_content or envelope.content
        with self.lock:
            self.messages += 1
            number = self.messages
        if self.faults.delay:
            await asyncio.sleep(self.faults.delay)
        if number in self.faults.drop_at:
            server.transport.abort()  # no answer: the message is not accepted
            return "421 (never heard: the connection is gone)"
        reply = self.data_replies.get(envelope.rcpt_tos[0])
        if reply is not None:
            return reply
        if self.tempfail("END"):
            return TEMPFAIL
        if self.parse:
            message = message_from_bytes(content, policy=default_policy)
            item = (envelope.rcpt_tos[0], message["Message-ID"], str(message["Subject"]))
        else:
            start = content.find(b"Message-ID: ")
            end = content.find(b"\r\n", start)
            item = (envelope.rcpt_tos[0], content[start + 12 : end].decode(), "")
        with self.lock:
            self.received.append(item)
            if self.parse:
                self.raw.append(content)
        return "250 Message accepted for delivery"


class FaultySMTP(SMTP):
    """aiosmtpd's server, with a say before the 354 of DATA (aiosmtpd has no hook there)."""

    def connection_made(self, transport):
        with self.event_handler.lock:
            self.event_handler.sessions += 1
        super().connection_made(transport)

    async def push(self, status: str) -> None:
        with self.event_handler.lock:
            self.event_handler.codes[status] += 1
        await super().push(status)

    @syntax("DATA")
    async def smtp_DATA(self, arg: str) -> None:  # noqa: N802 (aiosmtpd's name)
        ready = self.envelope is not None and self.envelope.rcpt_tos and not arg
        if ready and self.event_handler.tempfail("DATA"):
            await self.push(TEMPFAIL)  # the transaction stays open: RSET is owed
            return
        await super().smtp_DATA(arg)


class SinkController(Controller):
    def factory(self):
        return FaultySMTP(self.handler, **self.SMTP_kwargs)


def start_sink(parse: bool = True, pipelining: bool = True) -> tuple[Controller, Sink, int]:
    sink = Sink(parse, pipelining)
    port = free_port()
    controller = SinkController(sink, hostname="127.0.0.1", port=port)
    controller.start()
    return controller, sink, port
