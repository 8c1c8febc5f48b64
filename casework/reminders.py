"""The notice that a coordinator shared a case with someone (reminder kind ``case_shared``).

A guest, resident or expert by experience reads a case only when it was presented in a
meeting they attended or a coordinator shared it with them; a share is a step that is
theirs, so they hear of it through the outbox, switchable under My reminders. The mail
says who shared a case in which network, with a link: never the case's title or texts
(they are about a client).

How a row comes about: ``casework.services.case_share_set`` records a ``CaseShare`` per new
share and, in the same transaction, the delivery rows (``announce_shares``), and asks for a
dispatcher run after commit. ``due`` finds open shares of the last day too, so the beat's
minute catches one that was missed; a share taken back, an archived case, a person who left
the network or switched the notice off, or a share older than a day gets no mail.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop

from networks.models import Membership
from sessions.reminders.kinds import AMSTERDAM, Due, Kind

from .models import Case, CaseShare

CASE_SHARED = "case_shared"


class CaseShared(Kind):
    code = CASE_SHARED
    label = _("A notice when a coordinator shares a case with me")
    template = "casework/email/case_shared"
    model = "casework.CaseShare"
    order = 120
    window = dt.timedelta(days=1)

    def shares(self, now, *, network_ids=None, recipient_ids=None, object_ids=None):
        shares = CaseShare.objects.filter(
            withdrawn_at__isnull=True,
            shared_at__lte=now,
            shared_at__gte=now - self.window,
            case__archived_at__isnull=True,
            person__is_active=True,
        )
        if object_ids is not None:
            shares = shares.filter(pk__in=object_ids)
        if network_ids is not None:
            shares = shares.filter(case__network_id__in=network_ids)
        if recipient_ids is not None:
            shares = shares.filter(person_id__in=recipient_ids)
        return shares.select_related("person", "case")

    def due(self, now, *, network_ids=None, recipient_ids=None, object_ids=None):
        shares = [
            share
            for share in self.shares(
                now, network_ids=network_ids, recipient_ids=recipient_ids, object_ids=object_ids
            )
            if share.person.wants_reminder(self.code)
        ]
        if not shares:
            return []
        members = set(
            Membership.objects.current(on=now.astimezone(AMSTERDAM).date())
            .filter(
                network_id__in={s.case.network_id for s in shares},
                user_id__in={s.person_id for s in shares},
            )
            .values_list("network_id", "user_id")
        )
        return [
            Due(
                self.code,
                f"case-share:{share.pk}",
                share.person_id,
                0,
                share.shared_at,
                share.case.network_id,
                object_id=share.pk,
            )
            for share in shares
            if (share.case.network_id, share.person_id) in members
        ]

    def target_queryset(self):
        return CaseShare.objects.select_related("case__network", "shared_by", "person")

    def context(self, delivery, now):
        share = delivery.target
        if share is None:
            return {}
        return {
            "shared_by_name": share.shared_by.get_full_name() if share.shared_by else "",
            "case_url": settings.SITE_URL
            + reverse("casework:case_detail", args=[share.case.network.slug, share.case_id]),
        }

    def withdraw_reason(self, delivery):
        return gettext_noop(
            "No longer due: the share was taken back or the case archived, the person left "
            "the network or switched this notice off, or the share is more than a day old."
        )

    def describe(self, delivery) -> str:
        share = delivery.target
        return share.person.get_full_name() if share is not None else ""


def announce_shares(*, case: Case, person_ids: set[int], now: dt.datetime) -> None:
    """Record the notices of new shares in the current transaction; send them after commit."""
    from sessions.reminders.dispatcher import record
    from sessions.reminders.services import reminders_send_soon

    shares = CaseShare.objects.filter(
        case=case, person_id__in=person_ids, withdrawn_at__isnull=True
    ).values_list("pk", flat=True)
    dues = CaseShared().due(now, object_ids=set(shares))
    if dues:
        record(dues)
        reminders_send_soon()


KINDS = (CaseShared,)
