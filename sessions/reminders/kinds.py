"""The kinds of reminder, and for each the one question that matters: what is due now?

``Kind.due(now, ...)`` computes, from the database alone, the reminders that are due at
``now``: one ``Due`` per (kind, object, recipient, lead time). The dispatcher stores them as
``Delivery`` rows under a unique key, and asks the same question again just before sending
(restricted to the claimed rows): a reminder that is no longer due (meeting moved or
cancelled, person left, declined or switched the kind off) is withdrawn instead of sent.
Because the answer depends only on the database and the clock, nothing is scheduled ahead
in the broker, and a rescheduled meeting simply produces other keys.

This module knows no feature: the apps above (meetings, shadowing, ...) write their kinds
as subclasses of ``Kind`` and register them from ``AppConfig.ready()`` with
``register_kinds``. A kind's ``code`` is what a person switches off under *My reminders*
and what a delivery row stores; its ``label`` is how that switch reads.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils.functional import Promise

AMSTERDAM = ZoneInfo("Europe/Amsterdam")


@dataclass(frozen=True)
class Due:
    kind: str
    object_key: str
    # The account the mail is for; None for a mail to an address without one (``email``).
    recipient_id: int | None
    lead_minutes: int
    due_at: dt.datetime
    network_id: int
    # The primary key of what the reminder is about, an instance of the kind's ``model``
    # (a meeting, a shadowing day); None for a kind about no one object (a digest).
    object_id: int | None = None
    # The address of a mail to no account (``recipient_id`` None), e.g. an invitee's.
    email: str = ""

    @property
    def key(self) -> tuple[str, str, int, int]:
        return (self.kind, self.object_key, self.recipient_id, self.lead_minutes)


class Kind:
    code: str = ""
    label: str | Promise = ""
    # The mail's templates: "<template>_subject.txt", "<template>.txt", "<template>.html".
    template: str = ""
    # The model ``Due.object_id`` names ("app_label.ModelName"), or "" for none.
    model: str = ""
    # Listed under My reminders in this order (smaller first).
    order: int = 100
    # Whether a person can switch it off under My reminders (an invitation to someone who
    # may have no account yet cannot be).
    switchable: bool = True
    # Sent at the lead times the person sets under My reminders (``User.meeting_reminder_minutes``):
    # such a kind cannot be on without at least one lead time.
    uses_lead_times: bool = False

    def due(
        self,
        now: dt.datetime,
        *,
        network_ids: set[int] | None = None,
        recipient_ids: set[int] | None = None,
        object_ids: set[int] | None = None,
    ) -> list[Due]:
        """The reminders due at ``now``; the keyword arguments narrow the question to the
        rows the dispatcher is about to send (``None``: no restriction)."""
        raise NotImplementedError

    def target_queryset(self):
        """How to load this kind's objects for a batch of mails (with what the mail reads of
        them), or None for the plain model."""
        return None

    def context(self, delivery, now: dt.datetime) -> dict:
        """Extra template context for one delivery (``target``, recipient and network are
        given)."""
        return {}

    def attachment_key(self, delivery) -> tuple | None:
        """What names the file attached to this delivery's mail, or None for no file: the
        mails of a batch with the same key share one file (``attachment`` is asked once)."""
        return None

    def attachment(self, delivery) -> tuple[str, bytes, str]:
        """The attached file as (filename, content, MIME type)."""
        raise NotImplementedError

    def withdraw_reason(self, delivery) -> str | None:
        """Why a claimed delivery is no longer due (untranslated, ``gettext_noop``), or None
        to let the dispatcher say it in general terms."""
        return None

    def still_due(self, rows, now: dt.datetime) -> set[tuple] | None:
        """The keys (``Due.key``) among the claimed ``rows`` that are still due at ``now``;
        None to let the dispatcher ask ``due`` (restricted to the rows). A kind whose rows
        are not all answers of ``due`` (a resent invitation) says it here."""
        return None

    def message(self, delivery, now: dt.datetime):
        """The whole mail (an ``EmailMultiAlternatives``) for a kind that builds its own:
        one to an address without an account has no name to greet and no preferences link.
        None (the default): the reminder mail of ``template``, per recipient."""
        return None

    def describe(self, delivery) -> str:
        """What the delivery is about, for the coordinator's log (its object's name)."""
        target = delivery.target
        return str(target) if target is not None else ""


REGISTRY: dict[str, Kind] = {}


def register(cls: type[Kind]) -> type[Kind]:
    """Register one kind (usable as a class decorator). A code is registered once."""
    if not cls.code or not cls.template:
        raise ValueError(f"{cls.__name__} needs a code and a template")
    existing = REGISTRY.get(cls.code)
    if existing is not None and type(existing) is not cls:
        raise ValueError(f"reminder kind {cls.code!r} is registered twice")
    REGISTRY[cls.code] = cls()
    return cls


def register_kinds(*classes: type[Kind]) -> None:
    """Called from a feature app's ``AppConfig.ready()``."""
    for cls in classes:
        register(cls)


def kind_choices(*, switchable_only: bool = True) -> list[tuple[str, str | Promise]]:
    """(code, label) of the kinds a person can switch off (or, with
    ``switchable_only=False``, of every registered kind), in the order of My reminders."""
    kinds = sorted(REGISTRY.values(), key=lambda kind: (kind.order, kind.code))
    return [(k.code, k.label) for k in kinds if k.switchable or not switchable_only]


def kind_label(code: str) -> str | Promise:
    kind = REGISTRY.get(code)
    return kind.label if kind is not None else code


def digest_moment(now: dt.datetime) -> dt.datetime:
    """The last Monday 08:00 in Amsterdam at or before ``now`` (as an aware datetime)."""
    local = now.astimezone(AMSTERDAM)
    monday = local.date() - dt.timedelta(days=local.weekday())
    moment = dt.datetime.combine(monday, dt.time(8, 0), tzinfo=AMSTERDAM)
    if moment > now:
        moment = dt.datetime.combine(monday - dt.timedelta(days=7), dt.time(8, 0), tzinfo=AMSTERDAM)
    return moment


def network_url(delivery) -> str:
    from django.urls import reverse

    return settings.SITE_URL + reverse("networks:detail", args=[delivery.network.slug])
