"""A real SMTP server on loopback (aiosmtpd) that keeps what it receives, for the end-to-end
test and the benchmark."""

import socket
import threading
from email import message_from_bytes
from email.policy import default as default_policy

from aiosmtpd.controller import Controller


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


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

    async def handle_EHLO(self, server, session, envelope, hostname, responses):  # noqa: N802
        session.host_name = hostname
        if self.pipelining:
            responses.insert(-1, "250-PIPELINING")
        return responses

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):  # noqa: N802
        reply = self.replies.get(address)
        if reply is not None:
            return reply
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 (aiosmtpd's name)
        content = envelope.original_content or envelope.content
        reply = self.data_replies.get(envelope.rcpt_tos[0])
        if reply is not None:
            return reply
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


def start_sink(parse: bool = True, pipelining: bool = True) -> tuple[Controller, Sink, int]:
    sink = Sink(parse, pipelining)
    port = free_port()
    controller = Controller(sink, hostname="127.0.0.1", port=port)
    controller.start()
    return controller, sink, port
