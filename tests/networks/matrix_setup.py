"""Permission matrix entries of setting up a network and the yearly self-check."""

from networks.models import FundingPeriod, NetworkPartner
from tests.factories import OrganisationFactory, ThemeFactory
from tests.matrix import Entry, coordinators, only


def _partner(network, contact=None):
    return NetworkPartner.objects.create(
        network=network, organisation=OrganisationFactory(), contact=contact
    )


def _funding(network):
    return FundingPeriod.objects.create(
        network=network, funder="ZonMw", starts_on="2026-01-01", ends_on="2027-12-31"
    )


def _args(make):
    return lambda w: [w.network.slug, make(w.network).pk]


def _foreign(make):
    return lambda w: [w.network.slug, make(w.other_network).pk]


def _theme(network):
    return ThemeFactory(network=network)


def _contact_is_the_professional(w):
    """The professional is contact person of a partner: they answer the self-check."""
    w.extra["partner"] = _partner(w.network, contact=w.people["professional"])
    return [w.network.slug]


def _slug(w):
    return [w.network.slug]


ENTRIES = [
    Entry("networks:setup", args=_slug, expect=coordinators(200)),
    Entry(
        "networks:setup",
        label="post",
        method="post",
        args=_slug,
        data=lambda w: {"focus": "Ondervoeding thuis", "learning_needs": "Signaleren"},
        expect=coordinators(302),
    ),
    Entry("networks:partner_add", args=_slug, expect=coordinators(200)),
    Entry(
        "networks:partner_add",
        label="post",
        method="post",
        args=_slug,
        data=lambda w: {"name": "Thuiszorg Oost", "kind": "care_provider", "brings_time": "on"},
        expect=coordinators(302),
    ),
    Entry(
        "networks:partner_edit",
        args=_args(_partner),
        foreign_args=_foreign(_partner),
        expect=coordinators(200),
    ),
    Entry(
        "networks:partner_remove",
        method="post",
        args=_args(_partner),
        foreign_args=_foreign(_partner),
        expect=coordinators(302),
    ),
    Entry("networks:theme_add", args=_slug, expect=coordinators(200)),
    Entry(
        "networks:theme_add",
        label="post",
        method="post",
        args=_slug,
        data=lambda w: {"name": "Valpreventie", "description": "Vallen voorkomen"},
        expect=coordinators(302),
    ),
    Entry(
        "networks:theme_edit",
        args=_args(_theme),
        foreign_args=_foreign(_theme),
        expect=coordinators(200),
    ),
    Entry(
        "networks:theme_archive",
        method="post",
        args=_args(_theme),
        foreign_args=_foreign(_theme),
        expect=coordinators(302),
    ),
    Entry("networks:funding_add", args=_slug, expect=coordinators(200)),
    Entry(
        "networks:funding_add",
        label="post",
        method="post",
        args=_slug,
        data=lambda w: {"funder": "Gemeente", "starts_on": "2026-01-01", "ends_on": "2026-12-31"},
        expect=coordinators(302),
    ),
    Entry(
        "networks:funding_remove",
        method="post",
        args=_args(_funding),
        foreign_args=_foreign(_funding),
        expect=coordinators(302),
    ),
    Entry("networks:self_check", args=_contact_is_the_professional, expect=only(["professional"])),
    Entry(
        "networks:self_check",
        label="post",
        method="post",
        args=_contact_is_the_professional,
        data=lambda w: {
            "partner": w.extra["partner"].pk,
            "shared_vision": 3,
            "co_ownership": 2,
            "people_and_time": 4,
        },
        expect=only(["professional"], 302),
    ),
]
