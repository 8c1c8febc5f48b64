"""Writes of reports: placements and their outcomes, the coordinator's period text and the
network's report settings."""

from __future__ import annotations

from datetime import date

from django.db import transaction
from django.utils import timezone

from .models import PeriodText, Placement, ReportSettings


def _lock_student(placement: Placement) -> None:
    # Serialise writes about one student's placements so that two overlapping ones cannot
    # both pass the overlap check (SQLite's IMMEDIATE transactions serialise anyway).
    list(
        Placement.objects.select_for_update()
        .filter(network_id=placement.network_id, student_id=placement.student_id)
        .values_list("pk", flat=True)
    )


@transaction.atomic
def placement_save(*, placement: Placement) -> Placement:
    """Create or change a placement (from a validated form's instance). Refuses (raises
    ValidationError) a placement ending before it starts or overlapping another of the same
    student in the same network."""
    _lock_student(placement)
    placement.full_clean()
    placement.save()
    return placement


@transaction.atomic
def placement_outcome_record(*, placement: Placement, by, today: date | None = None) -> Placement:
    """Record what came of the placement (the fields set on ``placement``): only once it has
    ended. Clears the contract's details when there was no contract."""
    placement.outcome_recorded_on = today or timezone.localdate()
    placement.outcome_recorded_by = by
    if placement.outcome not in ("accepted", "offered"):
        placement.contract_organisation = None
        placement.contract_starts_on = None
        placement.contract_kind = ""
        placement.still_there_after_year = None
    placement.full_clean()
    placement.save()
    return placement


@transaction.atomic
def period_text_save(*, network, starts_on: date, ends_on: date, data: dict, by) -> PeriodText:
    text, _created = PeriodText.objects.update_or_create(
        network=network,
        starts_on=starts_on,
        ends_on=ends_on,
        defaults={**data, "updated_by": by},
    )
    return text


def report_settings(network) -> ReportSettings:
    return ReportSettings.objects.filter(network=network).first() or ReportSettings(network=network)


@transaction.atomic
def report_settings_save(*, network, partners_see_dashboard: bool) -> ReportSettings:
    settings_, _created = ReportSettings.objects.update_or_create(
        network=network, defaults={"partners_see_dashboard": partners_see_dashboard}
    )
    return settings_
