"""Putting prepared mails on the wire, with a result per mail, in order.

``sender_for(connection)`` picks how, from the Django mail backend in use:

- Django's SMTP backend: ``SmtpSender`` speaks SMTP itself over the backend's connection
  (opened by the backend, so host, port, TLS and login settings are Django's), sending the
  pre-serialised bytes of ``mail.prepare``. When the server announces PIPELINING (RFC 2920)
  the envelope of the next mail (MAIL, RCPT, DATA) travels in the same write as the content
  of the previous one: one round trip per mail instead of four. Without it, one
  ``smtplib.SMTP.sendmail`` per mail.
- any other backend (files in development, the outbox in tests): ``BackendSender`` hands
  it ``mail.build_message`` objects, one ``send_messages`` call per mail.

Either way a mail counts as sent only once the server has answered 250 to its content.
Errors come back per mail as the exceptions ``smtplib.SMTP.sendmail`` raises, so the
dispatcher treats them alike (``dispatcher.is_permanent``): a 5xx about the recipient or
the message fails that mail; a 4xx at any stage (MAIL, RCPT, DATA, end of data), a 503
(commands out of sequence: our side's state, never the mail's fault) and a broken
connection put it back with a back-off. After a refused envelope the transaction is reset
(RSET) before the next mail — also at the end of a ``send`` call, so the next chunk starts
clean — and a 503 drops the connection. When the connection breaks, the mail whose content
was on its way gets the error (it may have arrived: it is sent again later with the same
Message-ID, the same window as before) and the rest go out over a new connection.
"""

from __future__ import annotations

import collections
import functools
import itertools
import smtplib
from collections.abc import Iterable, Iterator
from typing import Any

from django.core.mail.backends.smtp import EmailBackend as SmtpBackend

from .mail import SIMPLE_ADDRESS, Outgoing, build_message, prepare

CRLF = b"\r\n"


class BackendSender:
    """Any Django mail backend: one ``send_messages`` per mail, the straightforward way."""

    def __init__(self, connection):
        self.connection = connection

    def prepare(self, delivery, now, cache):
        return build_message(delivery, now, cache)

    def finish(self) -> None:
        pass

    def send(self, items: Iterable[tuple[Any, Any]]) -> Iterator[tuple[Any, Exception | None]]:
        for key, message in items:
            try:
                # One connection for the whole run: open() is a no-op while it is open.
                self.connection.open()
                self.connection.send_messages([message])
            except (smtplib.SMTPException, OSError) as error:
                # The connection may be broken: start a fresh one for the next mail.
                self.connection.close()
                yield key, error
            else:
                yield key, None


class _Broken(Exception):
    """The connection is unusable: the mail ``key`` (if any) gets ``error``; ``carry`` are
    mails taken from the queue but not sent, to go first over the next connection."""

    def __init__(self, error: Exception, key, carry: list):
        super().__init__(error)
        self.error = error
        self.key = key
        self.carry = carry


class SmtpSender:
    """SMTP over the connection of Django's SMTP backend, pipelined where the server
    allows it."""

    def __init__(self, backend: SmtpBackend):
        self.backend = backend
        self.busy = False  # in the middle of a pipelined exchange

    def finish(self) -> None:
        """After ``send`` was broken off half-way (the caller raised): the connection may
        be waiting for a message's content, so drop it instead of saying QUIT."""
        if self.busy:
            self._drop()

    def prepare(self, delivery, now, cache) -> Outgoing:
        return prepare(delivery, now, cache)

    def _connection(self) -> smtplib.SMTP:
        self.backend.open()  # a no-op while open
        connection = self.backend.connection
        connection.ehlo_or_helo_if_needed()
        return connection

    def _drop(self) -> None:
        """Forget a broken connection without QUIT: it may be in the middle of DATA."""
        self.busy = False
        if self.backend.connection is not None:
            self.backend.connection.close()
            self.backend.connection = None

    def send(self, items: Iterable[tuple[Any, Outgoing]]) -> Iterator[tuple[Any, Exception | None]]:
        """Yields (key, None) for each mail the server accepted, (key, error) otherwise.

        ``items`` is read lazily, one mail ahead: the next mail is prepared while the
        server takes in the current one."""
        queue = iter(items)
        carry: list = []
        while True:
            try:
                connection = self._connection()
            except (smtplib.SMTPException, OSError) as error:
                self._drop()
                for key, _mail in itertools.chain(carry, queue):
                    yield key, error
                return
            if connection.has_extn("pipelining"):
                steps = self._pipelined(connection, queue, carry)
            else:
                steps = self._one_by_one(connection, itertools.chain(carry, queue))
            try:
                yield from steps
                return
            except _Broken as broken:
                self._drop()
                # The mail in flight gets the error; the rest go over a new connection.
                if broken.key is not None:
                    yield broken.key, broken.error
                carry = broken.carry

    def _one_by_one(self, connection, queue):
        for key, mail in queue:
            try:
                connection.sendmail(mail.sender, [mail.recipient], mail.data)
            except smtplib.SMTPServerDisconnected as error:
                raise _Broken(error, key, []) from error
            except smtplib.SMTPResponseException as error:
                if error.smtp_code == 421:  # the server is closing the connection
                    raise _Broken(error, key, []) from error
                yield key, error
                self._reset(connection)
            except smtplib.SMTPRecipientsRefused as error:
                if any(code == 421 for code, _msg in error.recipients.values()):
                    raise _Broken(error, key, []) from error
                yield key, error
                self._reset(connection)
            except OSError as error:
                raise _Broken(error, key, []) from error
            else:
                yield key, None

    @staticmethod
    def _reset(connection) -> None:
        """RSET after a refused mail. ``sendmail`` does it itself after MAIL, RCPT and end of
        data, but not when the DATA command is refused (a 451 there would leave the
        transaction open: "503 nested MAIL" for the next mail). When RSET fails, the next
        mails go over a new connection."""
        try:
            code = connection.rset()[0]
        except (smtplib.SMTPException, OSError) as error:
            raise _Broken(error, None, []) from error
        if code != 250:
            raise _Broken(smtplib.SMTPResponseException(code, b"RSET refused"), None, [])

    def _pipelined(self, connection, queue, carry):
        """RFC 2920: write [content of mail n-1, RSET if needed, MAIL, RCPT, DATA of mail n]
        at once, prepare mail n+1, then read the replies in order. DATA ends a group (the
        content follows its 354), so at most one mail's content awaits its answer."""
        size = connection.has_extn("size")
        ahead = collections.deque(carry)  # taken from the queue, not sent yet
        waiting = None  # key of the mail whose content was sent, answer not yet read
        pending = b""  # its content, written together with the next envelope
        reset = False  # the last envelope failed half-way: RSET before the next one
        current = ahead.popleft() if ahead else _take(queue)
        self.busy = True
        try:
            while current is not None:
                key, mail = current
                options = f" size={len(mail.data)}" if size else ""
                envelope = (
                    f"MAIL FROM:{_quoted(mail.sender)}{options}\r\n"
                    f"RCPT TO:{_quoted(mail.recipient)}\r\n"
                    "DATA\r\n"
                ).encode("ascii")
                connection.send(pending + (b"RSET\r\n" if reset else b"") + envelope)
                pending = b""
                if not ahead:  # while the server works
                    following = _take(queue)
                    if following is not None:
                        ahead.append(following)
                if waiting is not None:
                    answer, waiting_key = self._answer(connection), waiting
                    waiting = None
                    yield waiting_key, answer
                if reset:
                    connection.getreply()
                    reset = False
                replies = [connection.getreply() for _ in range(3)]
                (mail_code, mail_msg), (rcpt_code, rcpt_msg), (data_code, data_msg) = replies
                if 421 in (mail_code, rcpt_code, data_code):
                    error = smtplib.SMTPResponseException(421, data_msg)
                    raise _Broken(error, key, list(ahead))
                if mail_code == 503:
                    # "Nested MAIL" or the like: the server and we disagree about the state
                    # of the session. Not this mail's fault: it goes again later, and the
                    # rest over a new connection.
                    error = smtplib.SMTPSenderRefused(mail_code, mail_msg, mail.sender)
                    raise _Broken(error, key, list(ahead))
                if data_code == 354 and mail_code == 250 and rcpt_code in (250, 251):
                    pending, waiting = _dot_stuffed(mail.data), key
                elif data_code == 354:
                    # Content expected although the envelope failed: the only way out of
                    # DATA without sending a message is to drop the connection.
                    error = smtplib.SMTPDataError(data_code, b"DATA accepted after a refusal")
                    raise _Broken(error, key, list(ahead))
                else:
                    # Whatever failed (MAIL, RCPT or DATA), RSET before the next envelope:
                    # the server may hold a half-open transaction.
                    reset = True
                    if mail_code != 250:
                        yield key, smtplib.SMTPSenderRefused(mail_code, mail_msg, mail.sender)
                    elif rcpt_code not in (250, 251):
                        refused = {mail.recipient: (rcpt_code, rcpt_msg)}
                        yield key, smtplib.SMTPRecipientsRefused(refused)
                    else:
                        yield key, smtplib.SMTPDataError(data_code, data_msg)
                current = ahead.popleft() if ahead else None
            if waiting is not None:
                connection.send(pending)
                answer = self._answer(connection)
                self.busy = False
                yield waiting, answer
            if reset:
                # The last envelope failed: leave no half-open transaction behind for the
                # next call (the next chunk), whose first MAIL would get "503 nested MAIL".
                connection.send(b"RSET\r\n")
                if connection.getreply()[0] != 250:
                    self._drop()  # a new connection is a clean state too
            self.busy = False
        except (smtplib.SMTPServerDisconnected, OSError) as error:
            # The mail whose content was sent gets the error (it may have arrived); one
            # whose envelope only was sent goes again over the next connection.
            unsent = [item for item in (current, *ahead) if item is not None]
            if waiting is None and not unsent:  # only the closing RSET was lost
                self._drop()
                return
            if waiting is not None:
                raise _Broken(error, waiting, unsent) from error
            raise _Broken(error, unsent[0][0], unsent[1:]) from error

    @staticmethod
    def _answer(connection) -> Exception | None:
        code, message = connection.getreply()
        if code == 250:
            return None
        if code == 421:
            raise smtplib.SMTPServerDisconnected(f"{code} {message.decode(errors='replace')}")
        return smtplib.SMTPDataError(code, message)


def _quoted(address: str) -> str:
    """``smtplib.quoteaddr``, without parsing a plain address."""
    if SIMPLE_ADDRESS.fullmatch(address):
        return f"<{address}>"
    return _quoted_parsed(address)


@functools.lru_cache(maxsize=64)  # the sender is the same for every mail
def _quoted_parsed(address: str) -> str:
    return smtplib.quoteaddr(address)


class PreparationError(RuntimeError):
    """Preparing a mail failed with an OSError (a template file, say): not the connection."""


def _take(queue):
    try:
        return next(queue, None)
    except OSError as error:
        raise PreparationError(str(error)) from error


def _dot_stuffed(data: bytes) -> bytes:
    """The content as it goes after DATA (as ``smtplib.SMTP.data`` does it)."""
    data = smtplib._quote_periods(data)  # noqa: SLF001 (the same quoting as sendmail)
    if not data.endswith(CRLF):
        data += CRLF
    return data + b"." + CRLF


def sender_for(connection):
    if isinstance(connection, SmtpBackend):
        return SmtpSender(connection)
    return BackendSender(connection)
