"""Demo data of the network's set-up: what partners bring and who their contact person is,
focus and learning needs, a funding period, and the self-check of last year and this year.
Idempotent; a constant number of queries per chunk of networks."""

from datetime import date
from decimal import Decimal

from networks.models import FundingPeriod, Membership, NetworkPartner, PreconditionCheck

# Organisation key -> (people, time, money, place, what it brings).
CONTRIBUTIONS = {
    "team-dapperbuurt": (
        True,
        True,
        False,
        True,
        "Twee wijkverpleegkundigen vier uur per maand; de teamruimte voor de bijeenkomsten.",
    ),
    "team-indische-buurt": (
        True,
        True,
        False,
        False,
        "Stageplaatsen en een wijkverpleegkundige als praktijkbegeleider.",
    ),
    "gc-oosterpark": (
        True,
        True,
        False,
        False,
        "POH ouderen brengt casuïstiek in; meeloopdagen voor studenten.",
    ),
    "buurtwerk-oost": (
        True,
        False,
        False,
        True,
        "Vrijwilligers en het buurthuis voor de themabijeenkomsten.",
    ),
    "gemeente-amsterdam": (
        False,
        True,
        True,
        False,
        "Wmo-consulenten schuiven aan; subsidie voor de coördinatie.",
    ),
    "smaakvol": (
        False,
        False,
        True,
        False,
        "Eiwitverrijkte maaltijden voor het project ondervoeding.",
    ),
    "de-hofstede": (
        True,
        True,
        False,
        True,
        "Verzorgenden krijgen uren voor het LIN; de grote zaal.",
    ),
    "gemeente-apeldoorn": (False, False, True, False, "Subsidie voor twee jaar."),
}

FOCUS = {
    "amsterdam-oost": (
        "Ouderen in Oost blijven langer goed thuis wonen: ondervoeding, vallen en eenzaamheid "
        "vroeg zien, samen met het sociaal domein.",
        "Signaleren van ondervoeding; samen beslissen met cliënt en naasten; de sociale kaart "
        "van de wijk kennen.",
    ),
    "hofstede": (
        "Moreel beraad en klinische lessen op de afdelingen, met studenten als koppel.",
        "Omgaan met onbegrepen gedrag; palliatieve zorg.",
    ),
}

FUNDING = {
    "amsterdam-oost": ("ZonMw – Samen leren in de wijk", Decimal("120000"), 2),
    "hofstede": ("Gemeente Apeldoorn", None, 1),
}

# Scores of (shared vision, co-ownership, people and time): last year, this year.
SCORES = ((3, 2, 2), (4, 3, 3))


def seed_setup(ctx) -> None:
    networks = [d for d in ctx.networks if d.key in FOCUS or d.key in FUNDING]
    by_pk = {d.network.pk: d for d in ctx.networks}
    partners = list(
        NetworkPartner.objects.filter(network_id__in=list(by_pk)).select_related("organisation")
    )
    contacts = {}
    for m in (
        Membership.objects.current()
        .filter(network_id__in=list(by_pk), organisation__isnull=False)
        .order_by("starts_on", "pk")
    ):
        contacts.setdefault((m.network_id, m.organisation_id), m.user_id)
    changed = []
    for partner in partners:
        demo = by_pk[partner.network_id]
        key = next(
            (k for k, o in demo.organisations.items() if o.pk == partner.organisation_id), ""
        )
        if key not in CONTRIBUTIONS or partner.contribution:
            continue
        people, time, money, place, text = CONTRIBUTIONS[key]
        partner.brings_people, partner.brings_time = people, time
        partner.brings_money, partner.brings_place = money, place
        partner.contribution = text
        partner.contact_id = contacts.get((partner.network_id, partner.organisation_id))
        changed.append(partner)
    NetworkPartner.objects.bulk_update(
        changed, ["brings_people", "brings_time", "brings_money", "brings_place",
                  "contribution", "contact"],
    )  # fmt: skip

    this_year = ctx.today.year
    checks = [
        PreconditionCheck(
            network_id=p.network_id,
            partner=p,
            year=year,
            respondent_id=p.contact_id,
            shared_vision=s[0],
            co_ownership=s[1],
            people_and_time=s[2],
        )  # fmt: skip
        for p in changed
        if p.contact_id
        for year, s in zip((this_year - 1, this_year), SCORES, strict=True)
    ]
    PreconditionCheck.objects.bulk_create(checks, ignore_conflicts=True)
    ctx.record(PreconditionCheck, len(checks))

    existing = set(
        FundingPeriod.objects.filter(network__in=[d.network for d in networks]).values_list(
            "network_id", flat=True
        )
    )
    periods = []
    for demo in networks:
        network = demo.network
        if demo.key in FOCUS and not network.focus:
            network.focus, network.learning_needs = FOCUS[demo.key]
            network.save(update_fields=["focus", "learning_needs"])
        if demo.key in FUNDING and network.pk not in existing:
            funder, amount, years = FUNDING[demo.key]
            periods.append(
                FundingPeriod(
                    network=network,
                    funder=funder,
                    amount=amount,
                    starts_on=date(this_year - 1, 1, 1),
                    ends_on=date(this_year - 1 + years, 12, 31),
                )  # fmt: skip
            )
    FundingPeriod.objects.bulk_create(periods)
    ctx.record(FundingPeriod, len(periods))
