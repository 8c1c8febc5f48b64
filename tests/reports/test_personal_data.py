"""Reports' personal data: the export holds one's placements; erasure keeps the placement
(the counts) and removes the name and the reason."""

import datetime as dt

import pytest

from accounts.services import account_erase
from networks.choices import Role
from reports.personal_data import export
from tests.factories import NetworkFactory, member
from tests.reports.helpers import placement

pytestmark = pytest.mark.django_db


def test_export_and_erase():
    network = NetworkFactory(name="LIN Oost")
    student = member(network, Role.STUDENT, full_name="Sanne Student")
    teacher = member(network, Role.TEACHER)
    member(network, Role.COORDINATOR)
    p = placement(
        network,
        student,
        start=dt.date(2025, 1, 1),
        end=dt.date(2025, 6, 30),
        teacher=teacher,
        outcome="none",
        outcome_recorded_on=dt.date(2025, 7, 1),
        reason="Wilde verder studeren",
    )

    data = export(student)
    assert [(r["network"], r["as"], r["starts_on"], r["reason"]) for r in data["placements"]] == [
        ("LIN Oost", ["student"], "2025-01-01", "Wilde verder studeren")
    ]

    account_erase(user=student, by=student)
    account_erase(user=teacher, by=teacher)
    p.refresh_from_db()
    assert (p.outcome, p.reason, p.teacher, str(p.student)) == ("none", "", None, "Voormalig lid")
