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
    the Message-ID header (found without parsing the whole message) for speed."""

    def __init__(self, parse: bool = True):
        self.parse = parse
        self.received: list[tuple[str, str, str]] = []
        self.lock = threading.Lock()

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 (aiosmtpd's name)
        content = envelope.original_content or envelope.content
        if self.parse:
            message = message_from_bytes(content, policy=default_policy)
            item = (envelope.rcpt_tos[0], message["Message-ID"], str(message["Subject"]))
        else:
            start = content.find(b"Message-ID: ")
            end = content.find(b"\r\n", start)
            item = (envelope.rcpt_tos[0], content[start + 12 : end].decode(), "")
        with self.lock:
            self.received.append(item)
        return "250 Message accepted for delivery"


def start_sink(parse: bool = True) -> tuple[Controller, Sink, int]:
    sink = Sink(parse)
    port = free_port()
    controller = Controller(sink, hostname="127.0.0.1", port=port)
    controller.start()
    return controller, sink, port
