"""Demo data of reports (``seed_demo``): per demo network placements of its students with
outcomes — hired (still there after a year, or not yet known), offered but not accepted,
no contract with a reason — and one placement still running, so the retention funnel and
the period report show real shapes. Placements go to the network's students in turn; every
placement of one student lies in its own half-year, so none overlap."""

from __future__ import annotations

import datetime as dt

from networks.choices import Role

from .choices import ContractKind, Outcome
from .models import Placement

# (months before today the placement ended, its length in months, outcome, contract kind,
# still there after a year)
SHAPES = [
    (26, 4, Outcome.ACCEPTED, ContractKind.JOB, True),
    (20, 4, Outcome.ACCEPTED, ContractKind.FLEX, False),
    (14, 4, Outcome.ACCEPTED, ContractKind.JOB, None),
    (9, 4, Outcome.OFFERED, ContractKind.STUDY, None),
    (4, 3, Outcome.NONE, "", None),
    (-3, 5, "", "", None),  # still running
]


def _months(day: dt.date, months: int) -> dt.date:
    month = day.month - 1 + months
    return day.replace(year=day.year + month // 12, month=month % 12 + 1, day=1)


def seed_placements(ctx) -> None:
    rows = []
    # Idempotent: a network that has placements already gets none.
    done = set(
        Placement.objects.filter(network__in=[d.network for d in ctx.networks]).values_list(
            "network_id", flat=True
        )
    )
    for demo in ctx.networks:
        if demo.network.pk in done:
            continue
        students = demo.members(Role.STUDENT)
        teachers = demo.members(Role.TEACHER)
        supervisors = demo.members(Role.PROFESSIONAL)
        hosts = [org for org in demo.organisations.values() if org.kind != "school"] or list(
            demo.organisations.values()
        )
        if not students or not hosts:
            continue
        for index, (ended, length, outcome, kind, stayed) in enumerate(SHAPES):
            ends_on = _months(ctx.today, -ended) - dt.timedelta(days=1)
            starts_on = _months(ends_on, -length)
            host = hosts[index % len(hosts)]
            placement = Placement(
                network=demo.network,
                # One student per placement while there are enough; otherwise in turn,
                # each placement in its own period.
                student=students[index % len(students)],
                host=host,
                starts_on=starts_on,
                ends_on=ends_on,
                teacher=teachers[0] if teachers else None,
                supervisor=supervisors[index % len(supervisors)] if supervisors else None,
            )
            if outcome:
                placement.outcome = outcome
                placement.outcome_recorded_on = ends_on + dt.timedelta(days=7)
                placement.outcome_recorded_by = demo.coordinator
                if outcome in (Outcome.ACCEPTED, Outcome.OFFERED):
                    placement.contract_organisation = host
                    placement.contract_kind = kind
                    placement.contract_starts_on = ends_on + dt.timedelta(days=14)
                    placement.still_there_after_year = stayed
                else:
                    placement.reason = "Geen vacature in het team"
            rows.append(placement)
    Placement.objects.bulk_create(rows)
    ctx.record(Placement, len(rows))
