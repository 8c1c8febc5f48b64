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
    # Whether it can also be an item in the notification centre (a mail to an address
    # without an account cannot).
    in_platform: bool = True
    # An event kind (``EventKind``): its rows are written by the event itself, in the
    # event's transaction (``services.notify``); the dispatcher plans none of its own.
    event: bool = False

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

    def centre_queryset(self):
        """How to load this kind's objects for the notification centre (what ``notice`` and
        ``available`` read of them), or None for ``target_queryset``."""
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

    # --- the notification centre ----------------------------------------------------------

    def notice(self, item, now: dt.datetime) -> str:
        """What the notification centre says of ``item`` (a ``Notification``, its target
        and network loaded), in the active language: the subject of its mail. A kind about
        no one object (a digest) says its label and the network."""
        if not self.model:
            return f"{self.label} ({item.network.name})"
        from .mail import render_plain

        context = {
            "recipient_name": item.recipient.get_short_name(),
            "target": item.target,
            "network": item.network,
            "site_url": settings.SITE_URL,
            "now": now,
        }
        context.update(self.context(item, now))
        return " ".join(render_plain(f"{self.template}_subject.txt", context).split())

    def link(self, item) -> str:
        """Where the person acts on ``item`` (a path): its object's page, else the
        network's."""
        target = item.target
        if target is not None and hasattr(target, "get_absolute_url"):
            return target.get_absolute_url()
        from django.urls import reverse

        return reverse("networks:detail", args=[item.network.slug])

    def available(self, user, items: list, networks: set[int]) -> set[int]:
        """The pks of ``items`` (notifications of ``user``, targets loaded) that ``user``
        may still open: those of a network ``networks`` (the ids of the networks they are a
        current member of) holds whose object, if the kind has one, still exists. A kind
        narrows it with its own permission rule, in a fixed number of queries."""
        return {
            item.pk
            for item in items
            if item.network_id in networks and (not self.model or item.target is not None)
        }

    def opens(self, user, item) -> str | None:
        """The address to open ``item`` at, or None when ``user`` may no longer see what it
        is about. A kind asks its app's permission getters here."""
        return self.link(item) if self.available(user, [item], member_networks(user)) else None


def member_networks(user, now: dt.datetime | None = None) -> set[int]:
    """The networks ``user`` is a current member of (one query)."""
    from networks.models import Membership

    today = (now or dt.datetime.now(dt.UTC)).astimezone(AMSTERDAM).date()
    return set(
        Membership.objects.current(on=today)
        .filter(user_id=user.pk)
        .values_list("network_id", flat=True)
    )


def current_member_pairs(pairs: set[tuple[int, int]], now: dt.datetime) -> set[tuple[int, int]]:
    """Those (network id, user id) pairs that are a current membership; one query."""
    from networks.models import Membership

    if not pairs:
        return set()
    today = now.astimezone(AMSTERDAM).date()
    rows = (
        Membership.objects.current(on=today)
        .filter(network_id__in={n for n, _u in pairs}, user_id__in={u for _n, u in pairs})
        .values_list("network_id", "user_id")
    )
    return set(rows) & pairs


class EventKind(Kind):
    """A notice that a step is the person's now (a request to answer, an answer, feedback,
    a role): written by the event's own service with ``services.notify`` in the event's
    transaction, as a notification and/or a delivery row, by the channels the person
    chose. The dispatcher plans nothing for it; before sending it asks again whether the
    person still wants the mail, is still a member of the network and whether what it is
    about still stands (``still_valid``).

    Its mail is the one notice mail (``reminders/email/notice``): the sentence of
    ``notice`` and a link to where to act; never a word of what people wrote.
    """

    event = True
    template = "reminders/email/notice"
    order = 200

    def due(self, now, *, network_ids=None, recipient_ids=None, object_ids=None):
        return []

    def still_valid(self, rows, now: dt.datetime) -> set[int]:
        """The pks of ``rows`` (deliveries, targets loaded) whose object still stands."""
        return {row.pk for row in rows if not self.model or row.target is not None}

    def still_due(self, rows, now):
        from .channels import MAIL, wants

        valid = self.still_valid(rows, now)
        members = current_member_pairs(
            {(row.network_id, row.recipient_id) for row in rows if row.recipient_id}, now
        )
        return {
            (row.kind, row.object_key, row.recipient_id, row.lead_minutes)
            for row in rows
            if row.pk in valid
            and row.recipient_id
            and row.recipient.is_active
            and wants(row.recipient, self.code, MAIL)
            and (row.network_id, row.recipient_id) in members
        }

    def withdraw_reason(self, delivery):
        from django.utils.translation import gettext_noop

        return gettext_noop(
            "No longer due: the person switched these mails off or left the network, or what "
            "the notice was about no longer stands."
        )

    def notice(self, item, now):
        raise NotImplementedError

    def context(self, delivery, now):
        return {
            "notice": InLanguage(lambda: self.notice(delivery, now)),
            "action_url": settings.SITE_URL + self.link(delivery),
        }


class InLanguage:
    """A text made when the template shows it: the mail's context is gathered before the
    recipient's language is switched on, its templates are rendered within it."""

    def __init__(self, make):
        self._make = make

    def __str__(self) -> str:
        return str(self._make())

    def __bool__(self) -> bool:
        return True


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
