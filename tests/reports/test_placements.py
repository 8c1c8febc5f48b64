"""Placements: adding one, refusals (overlap, end before start, outcome before the end),
recording the outcome, who sees which, and the list in a constant number of queries."""

import datetime as dt

import pytest
from django.db import IntegrityError
from django.urls import reverse
from django.utils import timezone

from networks.choices import Role
from reports.models import Placement
from tests.factories import NetworkFactory, member
from tests.reports.helpers import hired, host, placement

pytestmark = pytest.mark.django_db

D = dt.date


@pytest.fixture
def network():
    return NetworkFactory(name="LIN Oost", slug="lin-oost")


@pytest.fixture
def people(network):
    return {
        "coordinator": member(network, Role.COORDINATOR),
        "teacher": member(network, Role.TEACHER),
        "student": member(network, Role.STUDENT, full_name="Sanne Student"),
        "other_student": member(network, Role.STUDENT, full_name="Omar Ander"),
        "professional": member(network, Role.PROFESSIONAL),
    }


def _post_new(client, network, people, start, end):
    client.force_login(people["coordinator"])
    return client.post(
        reverse("reports:placement_create", args=[network.slug]),
        {
            "student": people["student"].pk,
            "host": host().pk,
            "starts_on": start,
            "ends_on": end,
            "teacher": people["teacher"].pk,
            "supervisor": people["professional"].pk,
        },
    )


def test_coordinator_adds_a_placement(client, network, people):
    response = _post_new(client, network, people, "2026-02-01", "2026-06-30")

    assert response.status_code == 302
    saved = Placement.objects.get()
    assert (saved.student, saved.starts_on, saved.ends_on, saved.teacher) == (
        people["student"],
        D(2026, 2, 1),
        D(2026, 6, 30),
        people["teacher"],
    )


def test_a_placement_ending_before_it_starts_is_refused(client, network, people):
    response = _post_new(client, network, people, "2026-06-30", "2026-02-01")

    assert response.status_code == 200
    assert response.context["form"].errors["ends_on"] == [
        "Een stage kan niet eindigen voordat hij begint."
    ]
    assert Placement.objects.count() == 0


def test_the_database_refuses_a_placement_ending_before_it_starts(network, people):
    with pytest.raises(IntegrityError):
        placement(network, people["student"], start=D(2026, 6, 30), end=D(2026, 2, 1))


def test_an_overlapping_placement_of_the_same_student_is_refused(client, network, people):
    placement(network, people["student"], start=D(2026, 1, 1), end=D(2026, 3, 31))

    response = _post_new(client, network, people, "2026-03-31", "2026-06-30")

    assert response.context["form"].errors["starts_on"] == [
        "Deze student heeft in die periode al een stage in dit netwerk."
    ]
    assert Placement.objects.count() == 1


def test_overlap_in_another_network_or_of_another_student_is_fine(client, network, people):
    other = NetworkFactory()
    placement(other, people["student"], start=D(2026, 1, 1), end=D(2026, 12, 31))
    placement(network, people["other_student"], start=D(2026, 1, 1), end=D(2026, 12, 31))

    response = _post_new(client, network, people, "2026-02-01", "2026-06-30")

    assert response.status_code == 302
    assert Placement.objects.filter(network=network, student=people["student"]).count() == 1


def _outcome_url(network, p):
    return reverse("reports:placement_outcome", args=[network.slug, p.pk])


def test_teacher_records_a_contract_after_the_end(client, network, people):
    today = timezone.localdate()
    p = placement(
        network,
        people["student"],
        start=today - dt.timedelta(days=100),
        end=today - dt.timedelta(days=1),
        teacher=people["teacher"],
    )
    client.force_login(people["teacher"])

    response = client.post(
        _outcome_url(network, p),
        {
            "outcome": "accepted",
            "contract_organisation": host("Buurtzorg Oost").pk,
            "contract_kind": "flex",
            "contract_starts_on": today.isoformat(),
        },
    )

    assert response.status_code == 302
    p.refresh_from_db()
    assert (p.outcome, p.contract_organisation.name, p.contract_kind, p.outcome_recorded_on) == (
        "accepted",
        "Buurtzorg Oost",
        "flex",
        today,
    )
    assert p.outcome_recorded_by == people["teacher"]


def test_a_contract_without_its_details_is_refused(client, network, people):
    today = timezone.localdate()
    p = placement(network, people["student"], start=D(2025, 1, 1), end=today - dt.timedelta(1))
    client.force_login(people["coordinator"])

    response = client.post(_outcome_url(network, p), {"outcome": "offered"})

    errors = response.context["form"].errors
    assert (
        errors["contract_organisation"],
        errors["contract_starts_on"],
        errors["contract_kind"],
    ) == (["Zeg bij welke organisatie."], ["Zeg vanaf wanneer."], ["Zeg wat voor contract."])
    p.refresh_from_db()
    assert p.outcome == ""


def test_an_outcome_before_the_placement_ended_is_refused(client, network, people):
    today = timezone.localdate()
    p = placement(
        network, people["student"], start=today - dt.timedelta(10), end=today + dt.timedelta(5)
    )
    client.force_login(people["coordinator"])

    response = client.post(_outcome_url(network, p), {"outcome": "none", "reason": "Geen plek"})

    assert response.status_code == 200
    end = (today + dt.timedelta(5)).strftime("%d-%m-%Y")
    assert response.context["form"].non_field_errors() == [
        f"De uitkomst kan pas worden vastgelegd als de stage voorbij is (op of na {end})."
    ]
    p.refresh_from_db()
    assert (p.outcome, p.reason) == ("", "")


def test_the_database_refuses_an_outcome_before_the_end(network, people):
    with pytest.raises(IntegrityError):
        placement(
            network,
            people["student"],
            start=D(2026, 1, 1),
            end=D(2026, 3, 1),
            outcome="none",
            outcome_recorded_on=D(2026, 2, 1),
        )


def test_no_contract_clears_the_contract_details(client, network, people):
    p = hired(network, people["student"], start=D(2025, 1, 1), end=D(2025, 6, 1), stayed=True)
    client.force_login(people["coordinator"])

    client.post(_outcome_url(network, p), {"outcome": "none", "reason": "Geen vacature"})

    p.refresh_from_db()
    assert (p.outcome, p.contract_organisation, p.contract_kind, p.reason) == (
        "none",
        None,
        "",
        "Geen vacature",
    )
    assert p.still_there_after_year is None


def test_students_see_their_own_placements_only(client, network, people):
    placement(network, people["student"], start=D(2026, 1, 1), end=D(2026, 3, 1))
    placement(network, people["other_student"], start=D(2026, 1, 1), end=D(2026, 3, 1))
    client.force_login(people["student"])

    response = client.get(reverse("reports:placements", args=[network.slug]))

    assert [p.student for p in response.context["placements"]] == [people["student"]]


def test_another_students_placement_answers_403(client, network, people):
    other = placement(network, people["other_student"], start=D(2026, 1, 1), end=D(2026, 3, 1))
    client.force_login(people["student"])

    response = client.get(reverse("reports:placement", args=[network.slug, other.pk]))

    assert response.status_code == 403


@pytest.mark.parametrize("count", [1, 8])
def test_list_in_a_constant_number_of_queries(
    client, network, people, count, django_assert_num_queries
):
    for index in range(count):
        student = member(network, Role.STUDENT)
        hired(network, student, start=D(2025, 1, 1), end=D(2025, 6, 1 + index))
    client.force_login(people["coordinator"])
    url = reverse("reports:placements", args=[network.slug])

    with django_assert_num_queries(6):  # with the bell's unread count
        response = client.get(url)

    assert len(response.context["placements"]) == count


def test_moving_the_end_past_a_recorded_outcome_is_refused(client, network, people):
    p = hired(network, people["student"], start=D(2025, 1, 1), end=D(2025, 6, 1))
    client.force_login(people["coordinator"])

    response = client.post(
        reverse("reports:placement_edit", args=[network.slug, p.pk]),
        {
            "student": people["student"].pk,
            "host": p.host.pk,
            "starts_on": "2025-01-01",
            "ends_on": "2025-09-01",
        },
    )

    assert response.status_code == 200
    assert response.context["form"].non_field_errors() == [
        "De uitkomst kan pas worden vastgelegd als de stage voorbij is (op of na 01-09-2025)."
    ]
    p.refresh_from_db()
    assert p.ends_on == D(2025, 6, 1)
