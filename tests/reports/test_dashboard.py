"""The dashboard's figures against a hand-built network (counts, hours, rates, funnel),
period errors, a period without data, who sees it, and a constant number of queries."""

import datetime as dt
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.urls import reverse
from django.utils import translation

from accounts.choices import Profession
from casework.models import Lesson
from evaluation.models import Round
from networks.choices import Role
from networks.models import Membership, Milestone, NetworkPartner, Organisation, ThemeProject
from reports.models import ReportSettings
from reports.selectors import Period, dashboard
from sessions.meetings.models import Attendance
from sessions.shadowing.choices import ShadowingStatus
from tests.evaluation.helpers import answered, ripls_answers
from tests.factories import NetworkFactory, ThemeFactory, member
from tests.reports.helpers import hired, placement
from tests.sessions.factories import MeetingFactory
from tests.sessions.factories_shadowing import ShadowingDayFactory, reflected

pytestmark = pytest.mark.django_db

AMS = ZoneInfo("Europe/Amsterdam")
PERIOD = Period(dt.date(2026, 1, 1), dt.date(2026, 6, 30))
D = dt.date


@pytest.fixture(autouse=True)
def english(settings):
    settings.LANGUAGE_CODE = "en"


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(dt.datetime(2026, 9, 1, 12, tzinfo=AMS), tick=False):
        yield


def _meeting(network, when, fmt="intervisie", status="held", **present):
    meeting = MeetingFactory(
        network=network,
        format=fmt,
        status=status,
        starts_at=dt.datetime(*when, 14, tzinfo=AMS),
        ends_at=dt.datetime(*when, 16, tzinfo=AMS),
    )
    for user, state in present.items():
        Attendance.objects.create(meeting=meeting, user=people_by_key[user], status=state)
    return meeting


people_by_key: dict = {}


@pytest.fixture
def network():
    network = NetworkFactory(name="LIN Oost", slug="lin-oost")
    people_by_key.clear()
    people_by_key.update(
        coordinator=member(network, Role.COORDINATOR),
        care1=member(network, Role.PROFESSIONAL, profession=Profession.DISTRICT_NURSE),
        care2=member(network, Role.PROFESSIONAL, profession=Profession.NURSE),
        social1=member(network, Role.PROFESSIONAL, profession=Profession.SOCIAL_WORKER),
        student1=member(network, Role.STUDENT),
        student2=member(network, Role.STUDENT, student_level="hbo"),
        student3=member(network, Role.STUDENT),
        teacher=member(network, Role.TEACHER),
    )
    p = people_by_key
    _meeting(network, (2026, 2, 10), care1="present", social1="present", student1="absent")
    _meeting(network, (2026, 2, 20), care1="present", care2="late")
    _meeting(network, (2026, 3, 5), "moreel_beraad", social1="present", student1="present")
    _meeting(network, (2026, 3, 9), status="cancelled", care2="present")
    _meeting(network, (2025, 12, 1), care1="present")
    _meeting(NetworkFactory(), (2026, 2, 11))

    def day(shadower, host, date, hours, status=ShadowingStatus.CONFIRMED):
        ShadowingDayFactory(
            network=network,
            shadower=p[shadower],
            host=p[host],
            date=date,
            hours=Decimal(hours),
            status=status,
            **(reflected() if status == ShadowingStatus.CONFIRMED else {}),
        )

    day("student1", "social1", D(2026, 2, 1), "4")
    day("social1", "care1", D(2026, 3, 1), "3.5")
    day("care2", "social1", D(2026, 3, 2), "4", status=ShadowingStatus.PLANNED)
    day("student1", "social1", D(2025, 11, 1), "4")

    theme = ThemeFactory(network=network)
    project = ThemeProject.objects.create(
        network=network,
        theme=theme,
        title="Ondervoeding",
        starts_on=D(2025, 1, 1),
        ends_on=D(2027, 1, 1),
    )
    for status, due in (
        ("done", D(2026, 3, 1)),
        ("delayed", D(2026, 4, 1)),
        ("planned", D(2026, 6, 1)),
        ("planned", D(2026, 12, 1)),
    ):
        Milestone.objects.create(project=project, title=status, due_on=due, status=status)
    lesson = Lesson.objects.create(
        teacher=p["teacher"],
        title="Signalen",
        school="ROC",
        programme="MBO-V",
        level="mbo",
        starts_on=D(2026, 4, 1),
        objectives="Signaleren",
    )
    lesson.themes.add(theme)

    shown_round = Round.objects.create(
        network=network,
        instrument_code="ripls-1",
        wave=0,
        opens_on=D(2026, 4, 1),
        closes_on=D(2026, 5, 1),
    )
    for _ in range(5):
        answered(shown_round, member(network, Role.PROFESSIONAL), ripls_answers(4))
    small_round = Round.objects.create(
        network=network,
        instrument_code="ripls-1",
        wave=1,
        opens_on=D(2026, 6, 1),
        closes_on=D(2026, 6, 20),
    )
    for _ in range(4):
        answered(small_round, member(network, Role.PROFESSIONAL), ripls_answers(4))

    hired(network, p["student1"], start=D(2026, 1, 5), end=D(2026, 3, 31))
    placement(
        network,
        p["student2"],
        start=D(2026, 2, 1),
        end=D(2026, 6, 30),
        outcome="none",
        outcome_recorded_on=D(2026, 7, 1),
    )
    placement(network, p["student1"], start=D(2026, 6, 1), end=D(2026, 12, 31))
    hired(network, p["student3"], start=D(2026, 1, 10), end=D(2026, 4, 30), stayed=True)
    hired(network, p["student3"], start=D(2025, 1, 10), end=D(2025, 4, 30), stayed=True)
    return network


def _sections(network, period=PERIOD):
    with translation.override("en"):
        return {s.key: s for s in dashboard(network, period)}


def _tables(section):
    return {t.title: t.rows for t in section.tables}


def test_activities_per_format_with_attendance_rate(network):
    assert _tables(_sections(network)["activities"]) == {
        "Meetings per format": [
            ["Peer consultation (intervisie)", 2, 4, 5, 80.0],
            ["Moral case deliberation (moreel beraad)", 1, 2, 2, 100.0],
            ["Total", 3, 6, 7, 85.7],
        ]
    }


def test_people_reached_by_domain_group_and_role_first_time_and_returning(network):
    assert _tables(_sections(network)["people"]) == {
        "By domain": [["Care", 3], ["Social domain", 1]],
        "By profession group": [["Nursing and care", 3], ["Social domain", 1]],
        "By role": [["Professional", 3], ["Student (mbo)", 1]],
        "First-time and returning participants": [
            ["First time", 3],
            ["Returning", 1],
            ["Total", 4],
        ],
    }


def test_share_of_meetings_with_both_domains_per_month(network):
    assert _tables(_sections(network)["mix"]) == {
        "Meetings with both domains present, per month": [
            ["2026-02", 2, 1, 50.0],
            ["2026-03", 1, 1, 100.0],
            ["Total", 3, 2, 66.7],
        ]
    }


def test_shadowing_days_and_hours_per_pair_and_reciprocity(network):
    assert _tables(_sections(network)["shadowing"]) == {
        "Confirmed days per pair of domains": [
            ["Care → Social domain", 1, 4.0],
            ["Social domain → Care", 1, 3.5],
        ],
        "Reciprocity between care and social domain": [[1, 1, 100.0]],
    }


def test_cases_lessons_and_milestones(network):
    assert _tables(_sections(network)["learning"]) == {
        "Cases and lessons": [["Cases presented", 0], ["Lessons linked to themes", 1]],
        "Milestones due in the period": [["Done", 1], ["Late", 2], ["Still open", 0]],
    }


def test_evaluation_results_under_the_threshold(network):
    rows = _tables(_sections(network)["evaluation"])["Questionnaire rounds closed in the period"]
    assert [row[1:] for row in rows] == [
        ["T0", 5, "Teamwork and collaboration", 36.0],
        ["T0", 5, "Negative professional identity (reversed)", 6.0],
        ["T0", 5, "Positive professional identity", 16.0],
        ["T0", 5, "Roles and responsibilities (reversed)", 6.0],
        ["T1", 4, "—", "too few answers to show"],
    ]


def test_retention_funnel_per_cohort(network):
    wide = Period(D(2025, 1, 1), D(2026, 6, 30))
    assert _tables(_sections(network, wide)["retention"]) == {
        "Retention funnel per cohort": [
            ["2025", 1, 1, 1, 1, 1, 1],
            ["2026", 4, 3, 2, 2, 1, 1],
            ["Total", 5, 4, 3, 3, 2, 2],
        ]
    }


def test_a_period_without_data_says_so_per_section(client, network):
    client.force_login(people_by_key["coordinator"])
    response = client.get(
        reverse("reports:dashboard", args=[network.slug]),
        {"start": "2020-01-01", "end": "2020-12-31"},
    )
    assert [s.empty for s in response.context["sections"]] == [True] * 7
    assert response.content.decode().count("Geen gegevens in deze periode.") == 7


@pytest.mark.parametrize(
    ("start", "end", "message"),
    [
        ("2026-06-30", "2026-01-01", "De periode kan niet eindigen voordat hij begint."),
        ("2020-01-01", "2025-01-01", "Een periode mag hoogstens vijf jaar lang zijn."),
    ],
)
def test_period_errors(client, network, start, end, message):
    client.force_login(people_by_key["coordinator"])
    response = client.get(
        reverse("reports:dashboard", args=[network.slug]), {"start": start, "end": end}
    )
    assert response.status_code == 200
    assert response.context["form"].errors["end"] == [message]
    assert response.context["sections"] is None


def test_five_years_less_a_day_is_fine(client, network):
    client.force_login(people_by_key["coordinator"])
    response = client.get(
        reverse("reports:dashboard", args=[network.slug]),
        {"start": "2020-01-01", "end": "2024-12-31"},
    )
    assert response.context["form"].errors == {}


def test_partner_contacts_see_it_only_when_allowed(client, network):
    partner = Organisation.objects.create(name="Welzijn Oost", kind="welfare")
    NetworkPartner.objects.create(network=network, organisation=partner)
    contact = people_by_key["social1"]
    Membership.objects.filter(user=contact).update(organisation=partner)
    client.force_login(contact)
    url = reverse("reports:dashboard", args=[network.slug])

    assert client.get(url).status_code == 403
    ReportSettings.objects.create(network=network, partners_see_dashboard=True)
    assert client.get(url).status_code == 200
    client.force_login(people_by_key["care1"])  # a professional of no partner
    assert client.get(url).status_code == 403


def _grow(network, extra):
    for index in range(extra):
        person = member(network, Role.PROFESSIONAL, profession=Profession.SOCIAL_WORKER)
        other = member(network, Role.STUDENT)
        people_by_key[f"x{index}"] = person
        people_by_key[f"y{index}"] = other
        _meeting(
            network,
            (2026, 4, 1 + index),
            "leerlab",
            **{f"x{index}": "present", f"y{index}": "late"},
        )
        ShadowingDayFactory(
            network=network,
            shadower=other,
            host=person,
            date=D(2026, 4, 2),
            status=ShadowingStatus.CONFIRMED,
            **reflected(),
        )
        hired(network, other, start=D(2026, 2, 1), end=D(2026, 3, 1))


@pytest.mark.parametrize("extra", [0, 6])
def test_dashboard_in_a_constant_number_of_queries(
    client, network, extra, django_assert_num_queries
):
    _grow(network, extra)
    client.force_login(people_by_key["coordinator"])
    url = reverse("reports:dashboard", args=[network.slug])

    with django_assert_num_queries(19):  # with the bell's unread count
        response = client.get(url, {"start": "2026-01-01", "end": "2026-06-30"})

    assert response.context["sections"][0].tables[0].rows[-1][1] == 3 + extra


def test_cases_presented_count_those_presented_at_a_meeting_in_the_period(network):
    from tests.casework.factories import CaseFactory

    inside = _meeting(network, (2026, 3, 12), fmt="casuistiek")
    outside = _meeting(network, (2026, 8, 20), fmt="casuistiek")
    CaseFactory(network=network, status="presented", meeting=inside)
    CaseFactory(network=network, status="presented", meeting=inside)
    CaseFactory(network=network, status="presented", meeting=outside)  # after the period
    CaseFactory(network=network, status="draft")  # not presented
    rows = _tables(_sections(network)["learning"])["Cases and lessons"]
    assert rows == [["Cases presented", 2], ["Lessons linked to themes", 1]]
