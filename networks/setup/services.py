"""Writes of the network's set-up. Each is one action; the model constraints are the last
word, the checks here give the clear message first."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from networks.models import (
    FundingPeriod,
    Network,
    NetworkPartner,
    Organisation,
    PreconditionCheck,
    Theme,
)

CONTRIBUTION_FIELDS = ("part", "contact", "brings_people", "brings_time", "brings_money",
                       "brings_place", "contribution")  # fmt: skip


def organisation_matching(name: str) -> Organisation | None:
    """An existing organisation with this name, whatever its case or spacing."""
    return Organisation.objects.filter(name__iexact=" ".join(name.split())).first()


@transaction.atomic
def network_partner_add(
    *, network: Network, organisation: Organisation | None = None, name: str = "",
    kind: str = "", city: str = "", **contribution,
) -> NetworkPartner:  # fmt: skip
    """Make an organisation a partner of ``network``: an existing one, or a new one by name.
    A name that exists already is refused with the existing one offered (the form does
    that); a partner twice is refused. Side effects: maybe an Organisation row; a
    NetworkPartner row."""
    if organisation is None:
        name = " ".join(name.split())
        if organisation_matching(name) is not None:
            raise ValidationError(
                _("%(name)s exists already: choose it from the list.") % {"name": name}
            )
        organisation = Organisation.objects.create(name=name, kind=kind, city=city)
    if NetworkPartner.objects.filter(network=network, organisation=organisation).exists():
        raise ValidationError(
            _("%(name)s is a partner of this network already.") % {"name": organisation.name}
        )
    return NetworkPartner.objects.create(network=network, organisation=organisation, **contribution)


def network_partner_update(*, partner: NetworkPartner, **contribution) -> NetworkPartner:
    for field in CONTRIBUTION_FIELDS:
        if field in contribution:
            setattr(partner, field, contribution[field])
    partner.save()
    return partner


def network_partner_remove(*, partner: NetworkPartner) -> None:
    """Side effect: the partner's self-check answers go with it."""
    partner.delete()


def theme_add(*, network: Network, name: str, description: str = "") -> Theme:
    """A new theme; an archived one with the same name comes back instead."""
    name = " ".join(name.split())
    slug = slugify(name)[:100]
    if not slug:
        raise ValidationError(_("Give the theme a name with letters or digits."))
    theme = Theme.objects.filter(network=network, slug=slug).first()
    if theme is not None and theme.archived_at is None:
        raise ValidationError(
            _("This network has a theme %(name)s already.") % {"name": name}
        ) from None
    if theme is not None:
        theme.archived_at = None
        theme.description = description or theme.description
        theme.save(update_fields=["archived_at", "description"])
        return theme
    try:
        with transaction.atomic():
            return Theme.objects.create(
                network=network, name=name, slug=slug, description=description
            )
    except IntegrityError:
        raise ValidationError(
            _("This network has a theme %(name)s already.") % {"name": name}
        ) from None


def theme_update(*, theme: Theme, name: str, description: str) -> Theme:
    name = " ".join(name.split())
    slug = slugify(name)[:100]
    if not slug:
        raise ValidationError(_("Give the theme a name with letters or digits."))
    if Theme.objects.filter(network=theme.network_id, slug=slug).exclude(pk=theme.pk).exists():
        raise ValidationError(
            _("This network has a theme %(name)s already.") % {"name": name}
        ) from None
    theme.name, theme.slug, theme.description = name, slug, description
    theme.save(update_fields=["name", "slug", "description"])
    return theme


def theme_archive(*, theme: Theme) -> Theme:
    """Archive, never delete: meetings, cases, lessons and projects keep the theme; it is
    no longer offered for new ones."""
    if theme.archived_at is None:
        theme.archived_at = timezone.now()
        theme.save(update_fields=["archived_at"])
    return theme


def theme_restore(*, theme: Theme) -> Theme:
    theme.archived_at = None
    theme.save(update_fields=["archived_at"])
    return theme


def network_profile_update(*, network: Network, focus: str, learning_needs: str) -> Network:
    network.focus, network.learning_needs = focus, learning_needs
    network.save(update_fields=["focus", "learning_needs"])
    return network


def funding_period_add(
    *, network: Network, funder: str, starts_on, ends_on, amount: Decimal | None = None,
    note: str = "",
) -> FundingPeriod:  # fmt: skip
    if ends_on < starts_on:
        raise ValidationError(_("The funding period ends before it starts."))
    return FundingPeriod.objects.create(
        network=network, funder=funder, starts_on=starts_on, ends_on=ends_on, amount=amount,
        note=note,
    )  # fmt: skip


def funding_period_remove(*, period: FundingPeriod) -> None:
    period.delete()


def precondition_check_answer(
    *, partner: NetworkPartner, respondent, year: int, shared_vision: int, co_ownership: int,
    people_and_time: int, remark: str = "",
) -> PreconditionCheck:  # fmt: skip
    """This year's answer of a partner; answering again the same year replaces it."""
    check, _created = PreconditionCheck.objects.update_or_create(
        partner=partner,
        year=year,
        defaults={
            "network_id": partner.network_id,
            "respondent": respondent,
            "shared_vision": shared_vision,
            "co_ownership": co_ownership,
            "people_and_time": people_and_time,
            "remark": remark,
            "answered_at": timezone.now(),
        },
    )
    return check
