"""Reads of the network's set-up pages."""

from collections import defaultdict

from django.db.models import QuerySet

from networks.models import FundingPeriod, Network, NetworkPartner, PreconditionCheck, Theme


def partners_of(network: Network) -> QuerySet[NetworkPartner]:
    return (
        NetworkPartner.objects.filter(network=network)
        .select_related("organisation", "contact")
        .order_by("organisation__name")
    )


def themes_of(network: Network) -> QuerySet[Theme]:
    """Current themes first, then the archived ones."""
    return Theme.objects.filter(network=network).order_by("archived_at", "name")


def active_themes(network: Network) -> QuerySet[Theme]:
    return Theme.objects.filter(network=network, archived_at__isnull=True).order_by("name")


def funding_periods_of(network: Network) -> QuerySet[FundingPeriod]:
    return FundingPeriod.objects.filter(network=network).order_by("-starts_on", "funder")


def partners_answering_for(user, network: Network) -> QuerySet[NetworkPartner]:
    """The partners of ``network`` whose contact person ``user`` is."""
    return partners_of(network).filter(contact=user)


def self_check_history(network: Network) -> list[dict]:
    """Per year (newest first): each partner's answers and the year's average per question."""
    checks = (
        PreconditionCheck.objects.filter(network=network)
        .select_related("partner__organisation")
        .order_by("-year", "partner__organisation__name")
    )
    years: dict[int, list[PreconditionCheck]] = defaultdict(list)
    for check in checks:
        years[check.year].append(check)
    history = []
    for year, answers in years.items():
        n = len(answers)
        history.append(
            {
                "year": year,
                "answers": answers,
                "averages": {
                    field: round(sum(getattr(a, field) for a in answers) / n, 1)
                    for field in ("shared_vision", "co_ownership", "people_and_time")
                },
            }
        )
    return history
