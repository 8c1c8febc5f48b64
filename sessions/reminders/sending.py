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
dispatcher treats them alike: 5xx is permanent, anything else is tried again later. When
the connection breaks, the mail whose content was on its way gets the error (it may have
arrived: it is sent again later with the same Message-ID, the same window as before) and the
rest go out over a new connection.
"""

from __future__ import annotations

import smtplib
from collections.abc import Iterator

from django.core.mail.backends.smtp import EmailBackend as SmtpBackend

from .mail import Outgoing, build_message, prepare

CRLF = b"\r\n"


class BackendSender:
    """Any Django mail backend: one ``send_messages`` per mail, the straightforward way."""

    def __init__(self, connection):
        self.connection = connection

    def prepare(self, delivery, now, cache):
        return build_message(delivery, now, cache)

    def finish(self) -> None:
        pass

    def send(self, messages: list) -> Iterator[tuple[int, Exception | None]]:
        for index, message in enumerate(messages):
            try:
                # One connection for the whole run: open() is a no-op while it is open.
                self.connection.open()
                self.connection.send_messages([message])
            except (smtplib.SMTPException, OSError) as error:
                # The connection may be broken: start a fresh one for the next mail.
                self.connection.close()
                yield index, error
            else:
                yield index, None


class _Broken(Exception):
    """The connection is unusable; the mail ``index`` gets ``error``."""

    def __init__(self, error: Exception, index: int):
        super().__init__(error)
        self.error = error
        self.index = index


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

    def send(self, mails: list[Outgoing]) -> Iterator[tuple[int, Exception | None]]:
        done = 0
        while done < len(mails):
            try:
                connection = self._connection()
            except (smtplib.SMTPException, OSError) as error:
                self._drop()
                for index in range(done, len(mails)):
                    yield index, error
                return
            if connection.has_extn("pipelining"):
                steps = self._pipelined(connection, mails, done)
            else:
                steps = self._one_by_one(connection, mails, done)
            try:
                for index, error in steps:
                    done = index + 1
                    yield index, error
            except _Broken as broken:
                self._drop()
                # The mail in flight gets the error; the rest go over a new connection.
                done = broken.index + 1
                yield broken.index, broken.error

    def _one_by_one(self, connection, mails, start):
        for index in range(start, len(mails)):
            mail = mails[index]
            try:
                connection.sendmail(mail.sender, [mail.recipient], mail.data)
            except smtplib.SMTPServerDisconnected as error:
                raise _Broken(error, index) from error
            except smtplib.SMTPResponseException as error:
                if error.smtp_code == 421:  # the server is closing the connection
                    raise _Broken(error, index) from error
                yield index, error
            except smtplib.SMTPRecipientsRefused as error:
                if any(code == 421 for code, _msg in error.recipients.values()):
                    raise _Broken(error, index) from error
                yield index, error
            except OSError as error:
                raise _Broken(error, index) from error
            else:
                yield index, None

    def _pipelined(self, connection, mails, start):
        """RFC 2920: write [content of mail n-1, RSET if needed, MAIL, RCPT, DATA of mail n]
        at once, then read the replies in order. DATA ends a group (its content is only
        sent after 354), so at most one mail's content awaits its answer."""
        size = connection.has_extn("size")
        waiting = None  # index of the mail whose content was sent, answer not yet read
        pending = b""  # its content, written together with the next envelope
        reset = False  # the last envelope failed half-way: RSET before the next one
        index = start
        self.busy = True
        try:
            for index in range(start, len(mails)):
                mail = mails[index]
                options = f" size={len(mail.data)}" if size else ""
                envelope = (
                    f"MAIL FROM:{smtplib.quoteaddr(mail.sender)}{options}\r\n"
                    f"RCPT TO:{smtplib.quoteaddr(mail.recipient)}\r\n"
                    "DATA\r\n"
                ).encode("ascii")
                connection.send(pending + (b"RSET\r\n" if reset else b"") + envelope)
                pending = b""
                if waiting is not None:
                    yield waiting, self._answer(connection)
                    waiting = None
                if reset:
                    connection.getreply()
                    reset = False
                replies = [connection.getreply() for _ in range(3)]
                (mail_code, mail_msg), (rcpt_code, rcpt_msg), (data_code, data_msg) = replies
                if 421 in (mail_code, rcpt_code, data_code):
                    raise _Broken(smtplib.SMTPResponseException(421, data_msg), index)
                if data_code == 354 and mail_code == 250 and rcpt_code in (250, 251):
                    pending, waiting = _dot_stuffed(mail.data), index
                    continue
                if data_code == 354:
                    # Content expected although the envelope failed: the only way out of
                    # DATA without sending a message is to drop the connection.
                    error = smtplib.SMTPDataError(data_code, b"DATA accepted after a refusal")
                    raise _Broken(error, index)
                reset = mail_code == 250
                if mail_code != 250:
                    yield index, smtplib.SMTPSenderRefused(mail_code, mail_msg, mail.sender)
                elif rcpt_code not in (250, 251):
                    yield (
                        index,
                        smtplib.SMTPRecipientsRefused({mail.recipient: (rcpt_code, rcpt_msg)}),
                    )
                else:
                    yield index, smtplib.SMTPDataError(data_code, data_msg)
            if waiting is not None:
                connection.send(pending)
                answer = self._answer(connection)
                self.busy = False
                yield waiting, answer
            self.busy = False
        except (smtplib.SMTPServerDisconnected, OSError) as error:
            # The mail whose content was sent gets the error (it may have arrived); one
            # whose envelope only was sent goes again over the next connection.
            raise _Broken(error, index if waiting is None else waiting) from error

    @staticmethod
    def _answer(connection) -> Exception | None:
        code, message = connection.getreply()
        if code == 250:
            return None
        if code == 421:
            raise smtplib.SMTPServerDisconnected(f"{code} {message.decode(errors='replace')}")
        return smtplib.SMTPDataError(code, message)


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
