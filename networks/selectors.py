"""Reads of the network: the querysets its pages need, with their joins."""

from collections import Counter
from dataclasses import dataclass

from django.db.models import Count, QuerySet

from accounts.choices import PROFESSION_DOMAIN, Domain

from .models import Invitation, Membership, Network, Theme


def networks_of(user) -> QuerySet[Membership]:
    """The person's current memberships, with their networks, for the home page."""
    if not user.is_authenticated:
        return Membership.objects.none()
    return (
        Membership.objects.current()
        .filter(user=user)
        .select_related("network", "organisation")
        .order_by("network__name")
    )


def members_of(network: Network, *, domain="", profession="", role="") -> QuerySet[Membership]:
    qs = (
        Membership.objects.current()
        .filter(network=network)
        .select_related("user", "organisation")
        .order_by("user__full_name", "user__email")
    )
    if domain:
        professions = [p for p, d in PROFESSION_DOMAIN.items() if d == domain]
        qs = qs.filter(user__profession__in=professions)
    if profession:
        qs = qs.filter(user__profession=profession)
    if role:
        qs = qs.filter(role=role)
    return qs


def membership_history_of(network: Network) -> QuerySet[Membership]:
    """Memberships that are no longer in force: ended, or past their end date."""
    current_ids = Membership.objects.current().filter(network=network).values("pk")
    return (
        Membership.objects.filter(network=network)
        .exclude(pk__in=current_ids)
        .select_related("user", "organisation", "ended_by")
        .order_by("-ended_at", "-ends_on")
    )


def open_invitations_of(network: Network) -> QuerySet[Invitation]:
    from django.utils import timezone

    return (
        Invitation.objects.filter(
            network=network,
            accepted_at__isnull=True,
            revoked_at__isnull=True,
            expires_at__gt=timezone.now(),
        )
        .select_related("invited_by", "organisation")
        .order_by("-created_at")
    )


@dataclass(frozen=True)
class DomainCount:
    domain: str
    label: str
    count: int


def domain_mix(network: Network) -> list[DomainCount]:
    """Members per domain (every domain listed, zero included), in one query."""
    professions = (
        Membership.objects.current()
        .filter(network=network)
        .values_list("user__profession", flat=True)
    )
    counts = Counter(PROFESSION_DOMAIN.get(p, Domain.CITIZENS) for p in professions)
    return [DomainCount(d.value, d.label, counts.get(d.value, 0)) for d in Domain]


def all_networks_for_staff() -> QuerySet[Network]:
    from django.db.models import Count, Prefetch, Q

    return Network.objects.annotate(
        member_count=Count("memberships", filter=Q(memberships__ended_at__isnull=True))
    ).prefetch_related(
        Prefetch(
            "memberships",
            queryset=Membership.objects.current().filter(role="coordinator").select_related("user"),
            to_attr="coordinators",
        )
    )


def themes_offered(network: Network, *, keep=()) -> QuerySet[Theme]:
    """The themes a form offers: the network's current ones, and archived ones already
    chosen (``keep``: themes or their ids), so editing never drops a theme silently."""
    from django.db.models import Q

    ids = [getattr(t, "pk", t) for t in keep or ()]
    return (
        Theme.objects.filter(network=network)
        .filter(Q(archived_at__isnull=True) | Q(pk__in=ids))
        .order_by("name")
    )


def member_counts(network_ids) -> dict[int, int]:
    """The number of current members per network (one query), for the home page's cards."""
    rows = (
        Membership.objects.current()
        .filter(network_id__in=list(network_ids))
        .values("network_id")
        .annotate(n=Count("user_id", distinct=True))
    )
    return {row["network_id"]: row["n"] for row in rows}
