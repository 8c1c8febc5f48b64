"""The shadowing and teaching loop (issue 15, points 3–9): each role's own page, a series
of half-days, finding a half-day fast, the teacher's queue, teachers who shadow, and the
fixes of the walk-through."""

import uuid
from datetime import date, timedelta

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from accounts.choices import Profession
from networks.choices import Role
from sessions.shadowing.choices import ShadowingStatus
from sessions.shadowing.models import ShadowingDay, ShadowingFeedback, ShadowingSlot
from tests.factories import member
from tests.helpers import form_errors, messages_of, url
from tests.sessions.factories_shadowing import (
    ShadowingDayFactory,
    ShadowingFeedbackFactory,
    ShadowingSlotFactory,
    reflected,
    same_school,
    social_worker,
)

pytestmark = pytest.mark.django_db


def member_en(network, role, **kwargs):
    return member(network, role, language="en", **kwargs)


@pytest.fixture
def student(network):
    return member_en(
        network, Role.STUDENT, full_name="Sanne Student", profession=Profession.NURSING_STUDENT
    )


@pytest.fixture
def host(network):
    return social_worker(network, full_name="Hamid Host", language="en")


@pytest.fixture
def teacher(network, student):
    teacher = member_en(
        network, Role.TEACHER, full_name="Tineke Teacher", profession=Profession.TEACHER
    )
    same_school(network, teacher, student)
    return teacher


def in_days(n: int) -> date:
    return timezone.localdate() + timedelta(days=n)


def tab_labels(response) -> list[str]:
    return (
        [tab["label"] for tab in response.context["tabs"]]
        if len(response.context["tabs"]) > 1
        else []
    )


# --- 3. Each role's own page --------------------------------------------------------------


@pytest.mark.parametrize(
    ("role", "page"),
    [
        (Role.PROFESSIONAL, "shadowing:host"),
        (Role.STUDENT, "shadowing:logbook"),
        (Role.TEACHER, "shadowing:students"),
        (Role.COORDINATOR, "shadowing:pattern"),
    ],
)
def test_each_role_lands_on_its_own_page(client, network, role, page):
    client.force_login(member_en(network, role))
    response = client.get(url("shadowing:home", network.slug))
    assert response.url == url(page, network.slug)


def test_one_who_is_several_gets_tabs(client, network, host, student, teacher, coordinator):
    client.force_login(host)
    assert tab_labels(client.get(url("shadowing:host", network.slug))) == [
        "Days I host",
        "My logbook",
    ]
    client.force_login(teacher)
    assert tab_labels(client.get(url("shadowing:queue", network.slug))) == [
        "Students",
        "Feedback to give",
        "My logbook",
    ]
    client.force_login(student)
    assert tab_labels(client.get(url("shadowing:logbook", network.slug))) == []


def test_only_a_student_sees_the_required_number(client, network, host, student):
    client.force_login(host)
    assert (
        b"required half-days confirmed"
        not in client.get(url("shadowing:logbook", network.slug)).content
    )
    client.force_login(student)
    assert (
        b"0 of 4 required half-days confirmed."
        in client.get(url("shadowing:logbook", network.slug)).content
    )


# --- 4. A series --------------------------------------------------------------------------


def offer(client, network, **data):
    base = {"date": in_days(7).isoformat(), "dagdeel": "morning", "place": "Buurthuis"}
    return client.post(url("shadowing:slot_offer", network.slug), {**base, **data}, follow=True)


def test_a_weekly_series_is_offered_in_one_form(client, network, host):
    client.force_login(host)
    response = offer(client, network, repeat="weekly", count="4", note="Meld je bij de balie.")
    slots = list(ShadowingSlot.objects.order_by("date"))
    assert [s.date for s in slots] == [in_days(7 + 7 * k) for k in range(4)]
    assert len({s.series for s in slots}) == 1 and slots[0].series is not None
    assert messages_of(response) == ["4 half-days are offered to the network."]


def test_every_other_week(client, network, host):
    client.force_login(host)
    offer(client, network, repeat="fortnightly", count="3")
    assert list(ShadowingSlot.objects.values_list("date", flat=True)) == [
        in_days(7),
        in_days(21),
        in_days(35),
    ]


def test_place_and_notes_are_remembered_from_the_last_offer(client, network, host):
    ShadowingSlotFactory(
        network=network, host=host, place="Buurthuis De Pijp", note="Neem een pen mee."
    )
    client.force_login(host)
    form = client.get(url("shadowing:slot_offer", network.slug)).context["form"]
    assert (form["place"].value(), form["note"].value()) == (
        "Buurthuis De Pijp",
        "Neem een pen mee.",
    )


def test_clashing_dates_are_listed_and_skipped_after_a_confirm_step(client, network, host, student):
    ShadowingSlotFactory(network=network, host=host, date=in_days(14))
    ShadowingDayFactory(
        network=network, shadower=student, host=host, date=in_days(21), status="planned"
    )
    client.force_login(host)
    response = offer(client, network, repeat="weekly", count="4")
    plan = response.context["plan"]
    assert [on for on, _why in plan.clashes] == [in_days(14), in_days(21)]
    assert [why for _on, why in plan.clashes] == [
        "you already offer morning 08:30–12:30",
        "Sanne Student shadows you 08:30–12:30",
    ]
    assert ShadowingSlot.objects.count() == 1
    response = offer(client, network, repeat="weekly", count="4", confirm="1")
    assert sorted(ShadowingSlot.objects.values_list("date", flat=True)) == [
        in_days(7),
        in_days(14),
        in_days(28),
    ]
    assert messages_of(response)[0] == "2 half-days are offered to the network."


def test_a_series_that_clashes_everywhere_creates_nothing(client, network, host):
    ShadowingSlotFactory(network=network, host=host, date=in_days(7))
    ShadowingSlotFactory(network=network, host=host, date=in_days(14), dagdeel="afternoon")
    client.force_login(host)
    response = offer(
        client, network, repeat="weekly", count="2", starts_at="12:00", ends_at="14:00"
    )
    assert form_errors(response) == ["Every date of this series clashes with what you already do."]
    assert ShadowingSlot.objects.count() == 2


@pytest.mark.parametrize("count", ["0", "27", "veel"])
def test_a_bad_number_of_weeks_is_refused(client, network, host, count):
    client.force_login(host)
    response = offer(client, network, repeat="weekly", count=count)
    assert response.status_code == 200
    assert len(form_errors(response, field="count")) == 1
    assert ShadowingSlot.objects.count() == 0


def test_withdrawing_the_later_half_days_of_a_series(client, network, host, student):
    series = uuid.uuid4()
    slots = [
        ShadowingSlotFactory(network=network, host=host, date=in_days(7 * k), series=series)
        for k in range(1, 5)
    ]
    ShadowingDayFactory(
        network=network,
        shadower=student,
        host=host,
        slot=slots[2],
        date=slots[2].date,
        source="slot",
        status=ShadowingStatus.REQUESTED,
    )
    client.force_login(host)
    response = client.post(
        url("shadowing:slot_series_withdraw", network.slug, slots[1].pk), follow=True
    )
    assert sorted(ShadowingSlot.objects.values_list("pk", flat=True)) == [
        slots[0].pk,
        slots[2].pk,
    ]
    assert messages_of(response) == [
        "2 half-days of the series are no longer offered.",
        f"Someone asked for these, so they stay: {slots[2].date:%d-%m-%Y}. Answer or "
        "decline those requests one by one.",
    ]


def test_a_single_half_day_is_withdrawn_alone(client, network, host):
    series = uuid.uuid4()
    first, second = (
        ShadowingSlotFactory(network=network, host=host, date=in_days(7 * k), series=series)
        for k in (1, 2)
    )
    client.force_login(host)
    client.post(url("shadowing:slot_withdraw", network.slug, first.pk))
    assert list(ShadowingSlot.objects.values_list("pk", flat=True)) == [second.pk]


# --- 5. Find a half-day fast -------------------------------------------------------------


@pytest.fixture
def offers(network):
    nurse = member(network, Role.PROFESSIONAL, full_name="Nina Nurse", profession="nurse")
    worker = social_worker(network, full_name="Willem Worker")
    welfare = member(
        network, Role.PROFESSIONAL, full_name="Wim Welzijn", profession="welfare_worker"
    )
    return {
        "nurse": ShadowingSlotFactory(network=network, host=nurse, date=in_days(2)),
        "worker": ShadowingSlotFactory(
            network=network, host=worker, date=in_days(9), place="Zaandam"
        ),
        "welfare": ShadowingSlotFactory(
            network=network, host=welfare, date=in_days(4), place="Amsterdam-Noord"
        ),
    }


def listed(client, network, **query):
    response = client.get(url("shadowing:slots", network.slug), query)
    return [slot.pk for slot in response.context["slots"]], response


def test_the_other_domain_comes_first_then_the_nearest_date(client, network, student, offers):
    client.force_login(student)
    pks, _response = listed(client, network)
    assert pks == [offers["welfare"].pk, offers["worker"].pk, offers["nurse"].pk]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"domain": "other"}, ["welfare", "worker"]),
        ({"domain": "own"}, ["nurse"]),
        ({"profession": "social_worker"}, ["worker"]),
        ({"place": "zaan"}, ["worker"]),
        ({"start": "FROM3", "end": "UNTIL10"}, ["welfare", "worker"]),
        ({"start": "UNTIL10", "end": "FROM3"}, ["welfare", "worker"]),
    ],
)
def test_the_filters(client, network, student, offers, query, expected):
    dates = {"FROM3": in_days(3).isoformat(), "UNTIL10": in_days(10).isoformat()}
    query = {k: dates.get(v, v) for k, v in query.items()}
    client.force_login(student)
    pks, _response = listed(client, network, **query)
    assert pks == [offers[name].pk for name in expected]


def test_a_bad_filter_says_so_and_keeps_the_others(client, network, student, offers):
    client.force_login(student)
    pks, response = listed(client, network, start="31-02-2026", domain="other")
    assert response.status_code == 200
    assert list(response.context["form"].errors["start"]) == ["Enter a valid date."]
    assert pks == [offers["welfare"].pk, offers["worker"].pk]


def test_each_offer_is_a_card_with_its_request_button(client, network, student, offers):
    client.force_login(student)
    html = client.get(url("shadowing:slots", network.slug)).content.decode()
    assert html.count('class="card mb-2 slot-card"') == 3
    assert html.count("slot-request") == 3
    assert "<table" not in html


def test_the_open_list_costs_the_same_for_one_and_many(
    client, network, student, django_assert_num_queries
):
    client.force_login(student)
    ShadowingSlotFactory(network=network, host=social_worker(network))
    client.get(url("shadowing:slots", network.slug))
    with CaptureQueriesContext(connection) as one:
        client.get(url("shadowing:slots", network.slug))
    for k in range(6):
        ShadowingSlotFactory(network=network, host=social_worker(network), date=in_days(k + 1))
    with django_assert_num_queries(len(one)):
        response = client.get(url("shadowing:slots", network.slug), {"domain": "other"})
    assert len(response.context["slots"]) == 7


def test_a_half_day_just_taken_offers_the_next_fitting_ones(client, network, student, offers):
    taken = offers["welfare"]
    other = member_en(network, Role.STUDENT)
    ShadowingDayFactory(
        network=network,
        shadower=other,
        host=taken.host,
        slot=taken,
        date=taken.date,
        source="slot",
        status=ShadowingStatus.REQUESTED,
    )
    client.force_login(student)
    response = client.post(
        url("shadowing:slot_request", network.slug, taken.pk),
        {"learning_goals": "Zien hoe welzijnswerk werkt."},
    )
    assert response.status_code == 200
    assert b"Someone else has just taken this half-day." in response.content
    # From the taken one's date on: the nurse's earlier half-day is not "next".
    assert [s.pk for s in response.context["alternatives"]] == [offers["worker"].pk]
    assert ShadowingDay.objects.filter(shadower=student).count() == 0


# --- 6. The teacher's queue ---------------------------------------------------------------


def reflected_day(network, student, host, *, days_ago, **fields):
    written = timezone.now() - timedelta(days=days_ago)
    return ShadowingDayFactory(
        network=network,
        shadower=student,
        host=host,
        date=timezone.localdate() - timedelta(days=days_ago + 1),
        status=ShadowingStatus.DONE,
        **reflected(reflection_written_at=written),
        **fields,
    )


def test_the_queue_lists_reflections_waiting_for_feedback_oldest_first(
    client, network, student, host, teacher
):
    newer = reflected_day(network, student, host, days_ago=1)
    older = reflected_day(network, student, host, days_ago=5)
    answered = reflected_day(network, student, host, days_ago=9)
    ShadowingFeedbackFactory(day=answered, author=teacher)
    stranger = member_en(network, Role.STUDENT)  # no school: not this teacher's student
    reflected_day(network, stranger, host, days_ago=3)
    ShadowingDayFactory(network=network, shadower=student, host=host)  # no reflection yet
    client.force_login(teacher)
    response = client.get(url("shadowing:queue", network.slug))
    assert [d.pk for d in response.context["days"]] == [older.pk, newer.pk]


def test_feedback_in_place_with_htmx(client, network, student, host, teacher):
    day = reflected_day(network, student, host, days_ago=2)
    client.force_login(teacher)
    response = client.post(
        url("shadowing:feedback", network.slug, day.pk),
        {"text": "Mooie observatie.", "next": url("shadowing:queue", network.slug)},
        headers={"HX-Request": "true"},
    )
    assert response.status_code == 200
    assert response.templates[0].name == "shadowing/partials/queue_item.html"
    assert b"Your feedback is saved; Sanne Student sees it." in response.content
    assert list(ShadowingFeedback.objects.values_list("day", "text")) == [
        (day.pk, "Mooie observatie.")
    ]


def test_empty_feedback_with_htmx_says_so_and_saves_nothing(
    client, network, student, host, teacher
):
    day = reflected_day(network, student, host, days_ago=2)
    client.force_login(teacher)
    response = client.post(
        url("shadowing:feedback", network.slug, day.pk),
        {"text": "  "},
        headers={"HX-Request": "true"},
    )
    assert response.status_code == 200
    assert response.context["error"] == "Write your feedback."
    assert ShadowingFeedback.objects.count() == 0


def test_feedback_without_javascript_returns_to_the_queue(client, network, student, host, teacher):
    day = reflected_day(network, student, host, days_ago=2)
    client.force_login(teacher)
    queue = url("shadowing:queue", network.slug)
    response = client.post(
        url("shadowing:feedback", network.slug, day.pk), {"text": "Goed.", "next": queue}
    )
    assert response.url == queue
    assert client.get(queue).context["days"] == []


def test_the_queue_costs_the_same_for_one_and_many(
    client, network, student, host, teacher, django_assert_num_queries
):
    reflected_day(network, student, host, days_ago=1)
    client.force_login(teacher)
    client.get(url("shadowing:queue", network.slug))
    with CaptureQueriesContext(connection) as one:
        client.get(url("shadowing:queue", network.slug))
    for k in range(2, 8):
        other = member_en(network, Role.STUDENT)
        same_school(network, other, school=student.memberships.get().organisation)
        reflected_day(network, other, social_worker(network), days_ago=k)
    with django_assert_num_queries(len(one)):
        response = client.get(url("shadowing:queue", network.slug))
    assert len(response.context["days"]) == 7


# --- 7. Teachers shadow too ---------------------------------------------------------------


def test_a_teacher_requests_a_half_day(client, network, teacher, host):
    slot = ShadowingSlotFactory(network=network, host=host)
    client.force_login(teacher)
    client.post(
        url("shadowing:slot_request", network.slug, slot.pk),
        {"learning_goals": "Zien wat mijn studenten in de wijk tegenkomen."},
    )
    assert ShadowingDay.objects.get().shadower == teacher


def test_when_the_network_says_no_teachers_do_not_shadow(client, network, teacher, host):
    network.shadowing_teachers = False
    network.save()
    client.force_login(teacher)
    assert client.get(url("shadowing:slots", network.slug)).status_code == 403
    assert client.get(url("shadowing:home", network.slug)).url == url(
        "shadowing:students", network.slug
    )


def test_the_pattern_counts_teachers_apart(client, network, student, teacher, host, coordinator):
    for shadower in (student, teacher):
        ShadowingDayFactory(
            network=network,
            shadower=shadower,
            host=host,
            date=timezone.localdate() - timedelta(days=1),
            status=ShadowingStatus.CONFIRMED,
            **reflected(),
        )
    client.force_login(coordinator)
    matrix = client.get(url("shadowing:pattern", network.slug)).context["matrix"]
    assert (matrix.total_days, matrix.teacher_days) == (1, 1)
    assert [code for code, _label in matrix.shadower_professions] == ["nursing_student"]


# --- 9. The walk-through's findings -------------------------------------------------------


def test_the_pattern_counts_what_waits_whatever_the_period(
    client, network, student, host, coordinator
):
    ShadowingDayFactory(
        network=network,
        shadower=student,
        host=host,
        date=in_days(30),
        status=ShadowingStatus.REQUESTED,
    )
    client.force_login(coordinator)
    response = client.get(
        url("shadowing:pattern", network.slug), {"start": "2020-01-01", "end": "2020-12-31"}
    )
    assert response.context["matrix"].open_requests == 1


def test_the_pattern_shows_this_school_year_by_default(client, network, coordinator):
    with time_machine.travel("2027-03-10 10:00 +01:00", tick=False):
        client.force_login(coordinator)
        matrix = client.get(url("shadowing:pattern", network.slug)).context["matrix"]
    assert (matrix.start, matrix.end) == (date(2026, 8, 1), date(2027, 7, 31))


def test_a_slot_is_booked_only_when_booked(client, network, host, student):
    requested, booked, free = (
        ShadowingSlotFactory(network=network, host=host, date=in_days(k)) for k in (3, 4, 5)
    )
    for slot, status in ((requested, "requested"), (booked, "planned")):
        ShadowingDayFactory(
            network=network,
            shadower=member_en(network, Role.STUDENT),
            host=host,
            slot=slot,
            date=slot.date,
            source="slot",
            status=status,
        )
    client.force_login(host)
    slots = client.get(url("shadowing:host", network.slug)).context["slots"]
    assert [(s.pk, s.booked, s.requested) for s in slots] == [
        (requested.pk, False, True),
        (booked.pk, True, False),
        (free.pk, False, False),
    ]


def test_a_past_logged_day_asks_for_the_reflection(client, network, student, host):
    past = ShadowingDayFactory(network=network, shadower=student, host=host)
    coming = ShadowingDayFactory(network=network, shadower=student, host=host, date=in_days(3))
    client.force_login(student)
    html = client.get(url("shadowing:logbook", network.slug)).content.decode()
    assert html.count("Reflection due") == 1
    assert url("shadowing:reflect", network.slug, past.pk) in html
    assert url("shadowing:reflect", network.slug, coming.pk) not in html
