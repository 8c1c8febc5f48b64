"""The dispatcher: record what is due, claim it, send it, mark it — exactly once.

One run (``dispatch``) is what the periodic Celery task does every minute:

1. ``plan``: every kind says what is due now; each answer becomes a ``Delivery`` row under
   the unique key (kind, object, recipient, lead time). Two dispatchers planning at once
   insert the same keys; the constraint keeps one row.
2. ``claim``: due rows (pending and past ``next_attempt_at``, or stuck in "sending" longer
   than ``REMINDERS_CLAIM_TIMEOUT`` because a worker died) are locked with
   ``select_for_update(skip_locked=True)`` and taken by a conditional UPDATE carrying a
   fresh claim token, so a row belongs to exactly one dispatcher even where row locks do
   not exist (SQLite).
3. ``send_batch``: each kind is asked again whether the claimed rows are still due; those
   that are not are withdrawn with the reason. The rest go out over one SMTP connection
   (``sending``: pre-serialised messages, pipelined where the server allows), in chunks of
   ``REMINDERS_MARK_EVERY`` mails and at most a third of ``REMINDERS_CLAIM_TIMEOUT``; the
   bookkeeping is one bulk update per outcome per chunk, and after each chunk the claim on
   the rows still held is renewed (a lease: a worker still sending never loses its rows).
   The time budget is checked per chunk; what is left when it is spent goes back to
   pending. Any 4xx, a 503 or a broken connection puts the row back with an exponential
   back-off (capped below the broker's visibility timeout); only a 5xx about the recipient
   or the message marks it failed, with the server's answer (``is_permanent``).

The window in which a mail can be sent twice is the time between the SMTP server accepting
a message and its chunk's "sent" update (at most one chunk): a worker killed exactly there
sends those again after the claim timeout, with the same Message-ID.
"""

from __future__ import annotations

import collections
import datetime as dt
import logging
import smtplib
import time
import uuid
from collections import defaultdict

from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.contrib.contenttypes.prefetch import GenericPrefetch
from django.core.mail import get_connection
from django.db import transaction
from django.db.models import CharField, F, Q, Value
from django.db.models.functions import Cast, Concat, Greatest
from django.utils import timezone
from django.utils.translation import gettext_noop

from lin_platform.site import site_host

from .channels import MAIL, PLATFORM, channels_for
from .kinds import REGISTRY, Due
from .models import Delivery, DeliveryStatus, Notification
from .sending import sender_for

logger = logging.getLogger(__name__)


def _setting(name: str, default):
    return getattr(settings, name, default)


# --- 1. plan --------------------------------------------------------------------------------


def plan(now: dt.datetime) -> int:
    """Record a row for every reminder due at ``now`` that has none yet; returns how many."""
    created = 0
    for kind in REGISTRY.values():
        created += _record(kind.due(now))
    return created


def _record(dues: list[Due]) -> int:
    if not dues:
        return 0
    by_kind = defaultdict(list)
    for due in dues:
        by_kind[due.kind].append(due)
    created = 0
    for kind, items in by_kind.items():
        content_type = _content_type(kind)
        keys = {due.object_key for due in items}
        existing = set(
            Delivery.objects.filter(kind=kind, object_key__in=keys).values_list(
                "kind", "object_key", "recipient_id", "lead_minutes"
            )
        )
        # Rows to an address (no account) are told apart by their object_key.
        new = [
            Delivery(
                kind=due.kind,
                object_key=due.object_key,
                recipient_id=due.recipient_id,
                email=due.email,
                lead_minutes=due.lead_minutes,
                network_id=due.network_id,
                content_type=content_type if due.object_id is not None else None,
                object_id=due.object_id,
                due_at=due.due_at,
                next_attempt_at=due.due_at,
            )
            for due in items
            if due.key not in existing
        ]
        # Another dispatcher may have inserted the same keys meanwhile: the unique
        # constraint keeps one row, ignore_conflicts keeps this one quiet.
        Delivery.objects.bulk_create(new, ignore_conflicts=True, batch_size=500)
        created += len(new)
    return created


def record(dues: list[Due]) -> int:
    """Record rows a kind made itself (a resent invitation); returns how many are new."""
    return _record(dues)


def _content_type(code: str):
    """The content type of what a kind's reminders are about, or None."""
    kind = REGISTRY.get(code)
    if kind is None or not kind.model:
        return None
    return ContentType.objects.get_for_model(apps.get_model(kind.model))


def _targets() -> GenericPrefetch:
    """Loads what the claimed rows are about, with what each kind's mail needs of it."""
    querysets = {}
    for kind in REGISTRY.values():
        queryset = kind.target_queryset()
        if queryset is not None:
            querysets.setdefault(queryset.model, queryset)
    return GenericPrefetch("target", list(querysets.values()))


# --- 2. claim -------------------------------------------------------------------------------


def _claimable(now: dt.datetime) -> Q:
    stale = now - dt.timedelta(seconds=_setting("REMINDERS_CLAIM_TIMEOUT", 600))
    return Q(status=DeliveryStatus.PENDING, next_attempt_at__lte=now) | Q(
        status=DeliveryStatus.SENDING, claimed_at__lt=stale
    )


def claim(now: dt.datetime, limit: int) -> tuple[str, list[Delivery]]:
    """Take up to ``limit`` due rows for this dispatcher; returns (claim token, rows)."""
    token = uuid.uuid4().hex
    with transaction.atomic():
        ids = list(
            Delivery.objects.select_for_update(skip_locked=True)
            .filter(_claimable(now))
            .order_by("next_attempt_at", "pk")
            .values_list("pk", flat=True)[:limit]
        )
        if not ids:
            return token, []
        Delivery.objects.filter(_claimable(now), pk__in=ids).update(
            status=DeliveryStatus.SENDING,
            claimed_at=now,
            claim_token=token,
            attempts=F("attempts") + 1,
            message_id=Concat(
                Value("<reminder."),
                Cast("pk", CharField()),
                Value("."),
                F("kind"),
                Value(f"@{site_host()}>"),
                output_field=CharField(),
            ),
        )
    rows = list(
        Delivery.objects.filter(claim_token=token, status=DeliveryStatus.SENDING)
        .select_related("recipient", "network")
        .prefetch_related(_targets())
        .order_by("pk")
    )
    return token, rows


# --- 3. send --------------------------------------------------------------------------------


def _still_due(rows: list[Delivery], now: dt.datetime) -> set[tuple]:
    """The keys among ``rows`` that their kind still considers due at ``now``."""
    keys = set()
    by_kind = defaultdict(list)
    for row in rows:
        by_kind[row.kind].append(row)
    for code, items in by_kind.items():
        kind = REGISTRY.get(code)
        if kind is None:
            continue
        own = kind.still_due(items, now)
        if own is not None:
            keys |= own
            continue
        object_ids = {row.object_id for row in items if row.object_id}
        dues = kind.due(
            now,
            network_ids={row.network_id for row in items},
            recipient_ids={row.recipient_id for row in items if row.recipient_id},
            object_ids=object_ids or None,
        )
        keys |= {due.key for due in dues}
    return keys


def _withdraw_reason(row: Delivery) -> str:
    kind = REGISTRY.get(row.kind)
    reason = kind.withdraw_reason(row) if kind is not None else None
    if reason:
        return reason
    return gettext_noop(
        "No longer due: the person declined, left the network, switched this reminder off, "
        "or the moment has passed."
    )


def _refusal(code) -> bool:
    """A 5xx, but not 503 (bad sequence of commands: the state of our own session, never
    the mail's fault)."""
    return isinstance(code, int) and 500 <= code < 600 and code != 503


def is_permanent(error: Exception) -> bool:
    """Only a 5xx about the recipient (RCPT) or the message (DATA, end of data; a message
    too big at MAIL) fails a mail for good. Everything else — any 4xx (greylisting, a full
    queue), a 503, a 5xx about the sender at MAIL, a dropped connection, a timeout — puts
    it back with a back-off."""
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        codes = [code for code, _msg in error.recipients.values()]
        return bool(codes) and all(_refusal(code) for code in codes)
    if isinstance(error, smtplib.SMTPSenderRefused):
        return error.smtp_code in (552, 555)  # the message's size or parameters
    if isinstance(error, smtplib.SMTPDataError):
        return _refusal(error.smtp_code)
    return False


def backoff(attempts: int) -> dt.timedelta:
    """1, 2, 4, ... minutes, capped below the broker's visibility timeout: a retry is a row
    picked up by a later run, never a task held back in the broker."""
    visibility = (getattr(settings, "CELERY_BROKER_TRANSPORT_OPTIONS", {}) or {}).get(
        "visibility_timeout", 3600
    )
    cap = min(_setting("REMINDERS_RETRY_MAX_DELAY", 1800), visibility // 2)
    return dt.timedelta(seconds=min(60 * 2 ** max(attempts - 1, 0), cap))


def lease_seconds() -> float:
    """How long a chunk may take at most: a third of ``REMINDERS_CLAIM_TIMEOUT``. The claim
    on the rows still to send is renewed after every chunk, so a worker that is still
    sending never has its rows taken as stale by another one, however slow the server."""
    return max(_setting("REMINDERS_CLAIM_TIMEOUT", 600) / 3, 0.05)


def send_batch(
    token: str,
    rows: list[Delivery],
    now: dt.datetime,
    connection=None,
    deadline: float | None = None,
) -> dict:
    """Send claimed rows; returns counts per outcome.

    Rows are sent in chunks of at most ``REMINDERS_MARK_EVERY`` (default 50) mails and at
    most ``lease_seconds()``; each chunk's outcomes are written as soon as the server has
    answered for the whole chunk, and the claim on the rows still to send is renewed
    (``claimed_at``, with the token: only the owner renews). A worker that dies leaves at
    most one chunk sent but still "sending" (sent again, with the same Message-ID, after
    the claim timeout). When ``deadline`` (``time.monotonic()``) has passed after a chunk,
    the rest of the batch is released back to "pending" for the next run."""
    wanted = _still_due(rows, now)
    chunk_size = max(1, _setting("REMINDERS_MARK_EVERY", 50))
    lease = lease_seconds()
    counts = dict.fromkeys(("sent", "withdrawn", "failed", "retry", "released", "shown"), 0)
    cache: dict = {}
    own_connection = connection is None
    connection = connection or get_connection()
    sender = sender_for(connection)
    queue = collections.deque(rows)
    started = time.monotonic()
    try:
        while queue:
            if deadline is not None and time.monotonic() >= deadline:
                counts["released"] += _release(token, [row.pk for row in queue])
                break
            chunk_ends = time.monotonic() + lease
            if deadline is not None:
                chunk_ends = min(chunk_ends, deadline)
            outcomes = _send_chunk(token, queue, chunk_size, chunk_ends, now, wanted, sender, cache)
            for key, value in outcomes.items():
                counts[key] += value
            if queue:
                # The moment on the claim's clock (``now`` is the moment of the claim).
                moment = now + dt.timedelta(seconds=time.monotonic() - started)
                _renew(token, [row.pk for row in queue], moment)
    finally:
        sender.finish()
        if own_connection:
            connection.close()
    return counts


def _renew(token: str, pks: list[int], moment: dt.datetime) -> None:
    Delivery.objects.filter(claim_token=token, status=DeliveryStatus.SENDING, pk__in=pks).update(
        claimed_at=moment
    )


def _release(token: str, pks: list[int]) -> int:
    """Rows claimed but not tried go back to "pending", due as they were."""
    return Delivery.objects.filter(
        claim_token=token, status=DeliveryStatus.SENDING, pk__in=pks
    ).update(
        status=DeliveryStatus.PENDING,
        claimed_at=None,
        claim_token="",
        attempts=Greatest(F("attempts") - 1, 0),
    )


def _send_chunk(token, queue, chunk_size, chunk_ends, now, wanted, sender, cache) -> dict:
    """Send up to ``chunk_size`` rows from the front of ``queue``, taking no new one after
    ``chunk_ends`` (``time.monotonic()``); rows not taken go back to the front."""
    max_attempts = _setting("REMINDERS_MAX_ATTEMPTS", 8)
    sent, withdrawn, failed, retry, shown = [], [], [], [], []
    to_send, in_platform = [], []
    for _ in range(min(chunk_size, len(queue))):
        row = queue.popleft()
        if (row.kind, row.object_key, row.recipient_id, row.lead_minutes) not in wanted:
            row.reason = _withdraw_reason(row)
            withdrawn.append(row)
            continue
        by_mail, by_platform = _channels(row)
        if by_platform:
            in_platform.append(row)
        if not by_mail:
            if by_platform:
                shown.append(row)
            else:
                row.reason = _withdraw_reason(row)
                withdrawn.append(row)
        elif row.attempts > max_attempts:
            row.reason = f"Gave up after {max_attempts} attempts. {row.reason}"[:500]
            failed.append(row)
        else:
            to_send.append(row)
    _notifications_from(in_platform)
    taken = 0

    def prepared():
        # Lazily: the sender prepares the next mail while the server takes in the last.
        nonlocal taken
        for row in to_send:
            if taken and time.monotonic() >= chunk_ends:
                return  # the chunk took its time: mark it, renew the claim, go on
            taken += 1
            try:
                mail = sender.prepare(row, now, cache)
            except ValueError as error:  # an address that cannot be put in a mail
                row.reason = f"{type(error).__name__}: {error}"[:500]
                failed.append(row)
            else:
                yield row, mail

    try:
        for row, error in sender.send(prepared()):
            if error is None:
                sent.append(row)
                continue
            row.reason = f"{type(error).__name__}: {error}"[:500]
            (failed if is_permanent(error) else retry).append(row)
    finally:
        # Also when something unexpected broke off the chunk: what the server accepted is
        # marked sent; the rest stays "sending" and is taken up after the claim timeout.
        _record_outcomes(token, now, sent, withdrawn, failed, retry, shown)
    queue.extendleft(reversed(to_send[taken:]))
    return {
        "sent": len(sent),
        "withdrawn": len(withdrawn),
        "failed": len(failed),
        "retry": len(retry),
        "shown": len(shown),
    }


def _channels(row: Delivery) -> tuple[bool, bool]:
    """(by mail, in the platform) for a claimed row that is still due. An event kind put
    its notification in the platform at the event; a kind that cannot be switched off (an
    invitation) goes by mail only."""
    kind = REGISTRY.get(row.kind)
    if kind is None or row.recipient_id is None or not kind.switchable:
        return True, False
    channels = channels_for(row.recipient, row.kind)
    return MAIL in channels, PLATFORM in channels and kind.in_platform and not kind.event


def _notifications_from(rows: list[Delivery]) -> None:
    """The notification-centre items of reminders that fell due, one per delivery key: a
    second dispatcher, or a row claimed again after a crash, adds none."""
    if not rows:
        return
    Notification.objects.bulk_create(
        [
            Notification(
                recipient_id=row.recipient_id,
                kind=row.kind,
                object_key=row.object_key,
                lead_minutes=row.lead_minutes,
                network_id=row.network_id,
                content_type_id=row.content_type_id,
                object_id=row.object_id,
                created_at=row.due_at,
            )
            for row in rows
        ],
        ignore_conflicts=True,
    )


def _record_outcomes(token, now, sent, withdrawn, failed, retry, shown=()) -> None:
    mine = Delivery.objects.filter(claim_token=token, status=DeliveryStatus.SENDING)
    if sent:
        mine.filter(pk__in=[r.pk for r in sent]).update(
            status=DeliveryStatus.SENT, sent_at=timezone.now(), reason=""
        )
    if shown:
        mine.filter(pk__in=[r.pk for r in shown]).update(status=DeliveryStatus.SHOWN, reason="")
    for status, rows in ((DeliveryStatus.WITHDRAWN, withdrawn), (DeliveryStatus.FAILED, failed)):
        for reason, pks in _group_by_reason(rows).items():
            mine.filter(pk__in=pks).update(status=status, reason=reason)
    for row in retry:
        mine.filter(pk=row.pk).update(
            status=DeliveryStatus.PENDING,
            reason=row.reason,
            next_attempt_at=now + backoff(row.attempts),
        )


def _group_by_reason(rows) -> dict[str, list[int]]:
    groups = defaultdict(list)
    for row in rows:
        groups[row.reason].append(row.pk)
    return groups


# --- one run --------------------------------------------------------------------------------


def dispatch(now: dt.datetime | None = None, budget: float | None = None) -> dict:
    """Plan, then claim and send batches until nothing is due or the time budget is spent."""
    started = time.monotonic()
    budget = _setting("REMINDERS_DISPATCH_BUDGET", 50) if budget is None else budget
    batch_size = _setting("REMINDERS_BATCH_SIZE", 200)
    deadline = started + budget
    totals = {"planned": plan(now or timezone.now()), "sent": 0, "withdrawn": 0}
    totals.update(failed=0, retry=0)
    connection = get_connection()
    try:
        while time.monotonic() < deadline:
            moment = now or timezone.now()
            token, rows = claim(moment, batch_size)
            if not rows:
                break
            for key, value in send_batch(token, rows, moment, connection, deadline).items():
                if value:  # "released" only when the budget ran out half-way
                    totals[key] = totals.get(key, 0) + value
    finally:
        connection.close()
    if any(totals.values()):
        logger.info("reminders dispatched: %s", totals)
    return totals
