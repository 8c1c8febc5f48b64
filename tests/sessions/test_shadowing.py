"""Shadowing days end to end through the views: the journey and every kind of bad input."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone

from accounts.choices import Profession
from networks.choices import Role, ShadowingSameDomainPolicy
from networks.models import NetworkPartner
from sessions.shadowing.choices import ShadowingStatus
from sessions.shadowing.models import ShadowingDay, ShadowingFeedback, ShadowingSlot
from tests.factories import OrganisationFactory, member
from tests.helpers import form_errors, messages_of, url
from tests.sessions.factories_shadowing import (
    ShadowingDayFactory,
    ShadowingSlotFactory,
    reflected,
    same_school,
    social_worker,
)

pytestmark = pytest.mark.django_db


def member_en(network, role, **kwargs):
    """A member who reads the platform in English, so messages read as in the source."""
    return member(network, role, language="en", **kwargs)


@pytest.fixture
def student(network):
    return member_en(network, Role.STUDENT, full_name="Sanne Student")


@pytest.fixture
def host(network):
    return social_worker(network, full_name="Hamid Host", language="en")


@pytest.fixture
def teacher(network, student):
    """Teaches ``student``: both memberships name the same school."""
    teacher = member_en(network, Role.TEACHER, full_name="Tineke Teacher")
    same_school(network, teacher, student)
    return teacher


def rows():
    return list(ShadowingDay.objects.values_list("pk", "status", "reflection_written_at"))


# --- The journey ---------------------------------------------------------------------------


def test_request_accept_reflect_confirm_feedback(client, network, student, host, teacher):
    slot = ShadowingSlotFactory(network=network, host=host, date=timezone.localdate())
    client.force_login(student)
    response = client.post(
        url("shadowing:slot_request", network.slug, slot.pk),
        {"learning_goals": "Zien hoe een keukentafelgesprek gaat."},
        follow=True,
    )
    day = ShadowingDay.objects.get()
    assert (day.status, day.shadower, day.host, day.hours) == (
        ShadowingStatus.REQUESTED,
        student,
        host,
        Decimal("4.00"),
    )
    assert messages_of(response) == ["Your request has been sent to Hamid Host."]

    client.force_login(host)
    client.post(url("shadowing:accept", network.slug, day.pk))
    day.refresh_from_db()
    assert day.status == ShadowingStatus.PLANNED

    client.force_login(student)
    client.post(
        url("shadowing:reflect", network.slug, day.pk),
        {"seen": "a", "surprised": "b", "take_away": "c", "question": "d"},
    )
    day.refresh_from_db()
    assert (day.status, day.reflection_question) == (ShadowingStatus.DONE, "d")

    client.force_login(host)
    client.post(url("shadowing:confirm", network.slug, day.pk))
    day.refresh_from_db()
    assert day.status == ShadowingStatus.CONFIRMED

    client.force_login(teacher)
    client.post(url("shadowing:feedback", network.slug, day.pk), {"text": "Goed gezien."})
    assert list(ShadowingFeedback.objects.values_list("author", "text")) == [
        (teacher.pk, "Goed gezien.")
    ]

    client.force_login(student)
    response = client.get(url("shadowing:day", network.slug, day.pk))
    assert [f.text for f in response.context["feedback"]] == ["Goed gezien."]
    book = client.get(url("shadowing:logbook", network.slug)).context["book"]
    assert (book.confirmed_dagdelen, book.required, book.hours_total) == (1, 4, Decimal("4.00"))


def test_logged_day_is_planned_and_confirmed_after_reflection(client, network, student, host):
    client.force_login(student)
    membership = host.memberships.get()
    on = timezone.localdate() - timedelta(days=3)
    client.post(
        url("shadowing:log", network.slug),
        {
            "host": membership.pk,
            "date": on.isoformat(),
            "dagdeel": "afternoon",
            "place": "Buurthuis",
            "learning_goals": "Wmo-keukentafel",
        },
    )
    day = ShadowingDay.objects.get()
    assert (day.status, day.source, str(day.starts_at), day.hours) == (
        ShadowingStatus.PLANNED,
        "logged",
        "13:00:00",
        Decimal("4.00"),
    )


def test_decline_frees_the_slot(client, network, student, host):
    slot = ShadowingSlotFactory(network=network, host=host)
    ShadowingDayFactory(network=network, shadower=student, host=host, slot=slot, status="requested")
    day = ShadowingDay.objects.get()
    client.force_login(host)
    client.post(url("shadowing:decline", network.slug, day.pk), {"reason": "Ziek"})
    day.refresh_from_db()
    assert (day.status, day.decline_reason) == (ShadowingStatus.DECLINED, "Ziek")
    other = member_en(network, Role.STUDENT)
    client.force_login(other)
    response = client.get(url("shadowing:slots", network.slug))
    assert [s.pk for s in response.context["slots"]] == [slot.pk]


def test_partner_network_host_can_be_requested(client, network, other_network, student):
    organisation = OrganisationFactory()
    NetworkPartner.objects.create(network=network, organisation=organisation)
    NetworkPartner.objects.create(network=other_network, organisation=organisation)
    partner_host = social_worker(other_network, language="en")
    slot = ShadowingSlotFactory(network=other_network, host=partner_host)
    client.force_login(student)
    response = client.get(url("shadowing:slots", network.slug))
    assert [s.pk for s in response.context["slots"]] == [slot.pk]
    client.post(url("shadowing:slot_request", network.slug, slot.pk), {"learning_goals": "x"})
    day = ShadowingDay.objects.get()
    assert (day.network, day.host_network) == (network, other_network)
    # The host, not a member of the student's network, still sees and accepts the day.
    client.force_login(partner_host)
    assert client.get(url("shadowing:day", network.slug, day.pk)).status_code == 200
    client.post(url("shadowing:accept", network.slug, day.pk))
    day.refresh_from_db()
    assert day.status == ShadowingStatus.PLANNED


def test_unrelated_networks_slot_is_not_found(client, network, other_network, student):
    slot = ShadowingSlotFactory(
        network=other_network, host=social_worker(other_network, language="en")
    )
    client.force_login(student)
    response = client.get(url("shadowing:slot_request", network.slug, slot.pk))
    assert response.status_code == 404


# --- Bad input -----------------------------------------------------------------------------


def test_reflection_on_a_future_day_is_refused(client, network, student, host):
    day = ShadowingDayFactory(
        network=network, shadower=student, host=host, date=timezone.localdate() + timedelta(days=2)
    )
    client.force_login(student)
    before = rows()
    response = client.post(
        url("shadowing:reflect", network.slug, day.pk),
        {"seen": "a", "surprised": "b", "take_away": "c", "question": "d"},
    )
    assert response.status_code == 200
    date = day.date.strftime("%d-%m-%Y")
    assert form_errors(response) == [
        f"This day lies in the future; write the reflection after {date}."
    ]
    assert rows() == before


def test_more_than_twelve_hours_is_refused(client, network, student, host):
    client.force_login(student)
    response = client.post(
        url("shadowing:log", network.slug),
        {
            "host": host.memberships.get().pk,
            "date": "2026-01-12",
            "dagdeel": "whole_day",
            "starts_at": "06:00",
            "ends_at": "19:30",
            "place": "Buurthuis",
            "learning_goals": "x",
        },
    )
    assert form_errors(response) == ["A shadowing day lasts at most 12 hours."]
    assert rows() == []


def test_more_than_twelve_hours_on_one_date_is_refused(client, network, student, host):
    ShadowingDayFactory(
        network=network,
        shadower=student,
        host=host,
        date=timezone.localdate(),
        dagdeel="whole_day",
        starts_at="08:00",
        ends_at="17:00",
        hours=Decimal("9"),
    )
    client.force_login(student)
    before = rows()
    response = client.post(
        url("shadowing:log", network.slug),
        {
            "host": host.memberships.get().pk,
            "date": timezone.localdate().isoformat(),
            "dagdeel": "evening",
            "starts_at": "17:30",
            "ends_at": "21:30",
            "place": "Buurthuis",
            "learning_goals": "x",
        },
    )
    date = timezone.localdate().strftime("%d-%m-%Y")
    assert form_errors(response) == [f"With this day you would log more than 12 hours on {date}."]
    assert rows() == before


def test_hours_beyond_the_times_are_refused(client, network, student, host):
    client.force_login(student)
    response = client.post(
        url("shadowing:log", network.slug),
        {
            "host": host.memberships.get().pk,
            "date": "2026-01-12",
            "dagdeel": "morning",
            "hours": "6",
            "place": "Buurthuis",
            "learning_goals": "x",
        },
    )
    assert form_errors(response) == [
        "There are more hours than fit between the start and end time."
    ]
    assert rows() == []


def test_overlapping_days_are_refused(client, network, student, host):
    on = timezone.localdate() - timedelta(days=1)
    ShadowingDayFactory(network=network, shadower=student, host=host, date=on)
    other_host = social_worker(network, full_name="Olga Other", language="en")
    client.force_login(student)
    before = rows()
    response = client.post(
        url("shadowing:log", network.slug),
        {
            "host": other_host.memberships.get().pk,
            "date": on.isoformat(),
            "dagdeel": "morning",
            "starts_at": "10:00",
            "ends_at": "14:00",
            "place": "Buurthuis",
            "learning_goals": "x",
        },
    )
    assert form_errors(response) == [
        f"This overlaps with your shadowing day with Hamid Host on {on.strftime('%d-%m-%Y')} "
        "(08:30–12:30)."
    ]
    assert rows() == before


def test_reflection_on_someone_elses_day(client, network, student, host):
    day = ShadowingDayFactory(network=network, shadower=student, host=host)
    data = {"seen": "a", "surprised": "b", "take_away": "c", "question": "d"}
    before = rows()
    client.force_login(member_en(network, Role.STUDENT))
    assert client.post(url("shadowing:reflect", network.slug, day.pk), data).status_code == 404
    client.force_login(host)
    assert client.post(url("shadowing:reflect", network.slug, day.pk), data).status_code == 403
    assert rows() == before


def test_confirming_a_day_one_does_not_host(client, network, student, host, teacher):
    day = ShadowingDayFactory(
        network=network, shadower=student, host=host, status="done", **reflected()
    )
    before = rows()
    client.force_login(social_worker(network, language="en"))
    assert client.post(url("shadowing:confirm", network.slug, day.pk)).status_code == 404
    client.force_login(teacher)
    assert client.post(url("shadowing:confirm", network.slug, day.pk)).status_code == 403
    client.force_login(student)
    assert client.post(url("shadowing:confirm", network.slug, day.pk)).status_code == 403
    assert rows() == before


def test_confirming_before_the_reflection_says_so(client, network, student, host):
    day = ShadowingDayFactory(network=network, shadower=student, host=host)
    client.force_login(host)
    response = client.post(url("shadowing:confirm", network.slug, day.pk), follow=True)
    assert messages_of(response) == [
        "A day can be confirmed once it has passed and its reflection is written."
    ]
    day.refresh_from_db()
    assert day.status == ShadowingStatus.PLANNED


def test_booked_slot_requested_again(client, network, student, host):
    slot = ShadowingSlotFactory(network=network, host=host)
    client.force_login(student)
    client.post(url("shadowing:slot_request", network.slug, slot.pk), {"learning_goals": "x"})
    before = rows()
    client.force_login(member_en(network, Role.STUDENT))
    page = client.get(url("shadowing:slot_request", network.slug, slot.pk))
    assert page.context["booked"] is True
    response = client.post(
        url("shadowing:slot_request", network.slug, slot.pk), {"learning_goals": "y"}
    )
    assert form_errors(response) == ["This half-day has already been booked. Choose another one."]
    assert rows() == before


def test_the_database_refuses_a_second_booking(network, student, host):
    slot = ShadowingSlotFactory(network=network, host=host)
    ShadowingDayFactory(network=network, shadower=student, host=host, slot=slot, status="requested")
    with pytest.raises(IntegrityError), transaction.atomic():
        ShadowingDayFactory(
            network=network,
            shadower=member_en(network, Role.STUDENT),
            host=host,
            slot=slot,
            status="requested",
        )
    # A declined booking frees the slot.
    ShadowingDay.objects.update(status="declined", decline_reason="Ziek")
    ShadowingDayFactory(
        network=network, shadower=member_en(network, Role.STUDENT), host=host, slot=slot
    )
    assert ShadowingDay.objects.count() == 2


def test_feedback_before_a_reflection_is_refused(client, network, student, host, teacher):
    day = ShadowingDayFactory(network=network, shadower=student, host=host)
    client.force_login(teacher)
    response = client.post(
        url("shadowing:feedback", network.slug, day.pk), {"text": "x"}, follow=True
    )
    assert messages_of(response) == ["There is no reflection yet to give feedback on."]
    assert ShadowingFeedback.objects.count() == 0


def test_slot_in_the_past_cannot_be_offered(client, network, host):
    client.force_login(host)
    response = client.post(
        url("shadowing:slot_offer", network.slug),
        {"date": "2020-01-01", "dagdeel": "morning", "place": "Buurthuis"},
    )
    assert form_errors(response) == ["You can only offer half-days from today on."]
    assert ShadowingSlot.objects.count() == 0


def test_same_slot_offered_twice(client, network, host):
    client.force_login(host)
    data = {"date": "2099-01-05", "dagdeel": "morning", "place": "Buurthuis"}
    client.post(url("shadowing:slot_offer", network.slug), data)
    response = client.post(url("shadowing:slot_offer", network.slug), data)
    assert form_errors(response) == [
        "You cannot offer this half-day: you already offer morning 08:30–12:30."
    ]
    assert ShadowingSlot.objects.count() == 1


def test_booked_slot_cannot_be_withdrawn(client, network, student, host):
    slot = ShadowingSlotFactory(network=network, host=host)
    ShadowingDayFactory(network=network, shadower=student, host=host, slot=slot, status="requested")
    client.force_login(host)
    response = client.post(url("shadowing:slot_withdraw", network.slug, slot.pk), follow=True)
    assert messages_of(response) == [
        "Someone has booked this half-day; decline their request instead."
    ]
    assert ShadowingSlot.objects.count() == 1


def test_garbage_input_is_a_form_error_not_a_500(client, network, student):
    client.force_login(student)
    response = client.post(
        url("shadowing:log", network.slug),
        {"host": "999999", "date": "gisteren", "dagdeel": "night", "hours": "-3"},
    )
    assert response.status_code == 200
    assert sorted(response.context["form"].errors) == [
        "dagdeel",
        "date",
        "host",
        "hours",
        "learning_goals",
        "place",
    ]
    assert rows() == []


# --- The other domain ----------------------------------------------------------------------


def test_same_domain_host_needs_a_reason(client, network, student):
    nurse_host = member_en(network, Role.PROFESSIONAL, profession=Profession.DISTRICT_NURSE)
    slot = ShadowingSlotFactory(network=network, host=nurse_host)
    client.force_login(student)
    page = client.get(url("shadowing:slot_request", network.slug, slot.pk))
    assert page.context["same_domain"] is True
    response = client.post(
        url("shadowing:slot_request", network.slug, slot.pk), {"learning_goals": "x"}
    )
    assert form_errors(response) == [
        f"{nurse_host} works in the same domain as you (Care). Say why you want to shadow "
        "them all the same."
    ]
    assert rows() == []
    client.post(
        url("shadowing:slot_request", network.slug, slot.pk),
        {"learning_goals": "x", "same_domain_reason": "Andere setting: de huisartspraktijk."},
    )
    assert list(ShadowingDay.objects.values_list("same_domain_reason", flat=True)) == [
        "Andere setting: de huisartspraktijk."
    ]


def test_network_can_refuse_same_domain_hosts(client, network, student):
    network.shadowing_same_domain = ShadowingSameDomainPolicy.REFUSE
    network.save()
    nurse_host = member_en(network, Role.PROFESSIONAL, profession=Profession.NURSE)
    slot = ShadowingSlotFactory(network=network, host=nurse_host)
    client.force_login(student)
    response = client.post(
        url("shadowing:slot_request", network.slug, slot.pk),
        {"learning_goals": "x", "same_domain_reason": "graag"},
    )
    assert form_errors(response) == [
        f"{nurse_host} works in the same domain as you (Care). In this network a shadowing "
        "day is with someone of the other domain."
    ]
    assert rows() == []


@pytest.mark.parametrize(
    ("shadower", "host", "crosses"),
    [
        ("care", "social", True),
        ("social", "care", True),
        ("care", "care", False),
        ("social", "social", False),
        ("care", "education", False),
        ("education", "care", True),
        ("research", "social", True),
        ("citizens", "citizens", False),
        ("education", "research", False),
    ],
)
def test_what_the_other_domain_means(shadower, host, crosses):
    from sessions.shadowing.services import crosses_domains

    assert crosses_domains(shadower, host) is crosses


# --- Settings and progress -----------------------------------------------------------------


def test_coordinator_sets_policy_and_programme_requirements(client, network, coordinator):
    coordinator.language = "en"
    coordinator.save()
    client.force_login(coordinator)
    client.post(
        url("shadowing:settings", network.slug),
        {
            "shadowing_same_domain": "refuse",
            "shadowing_required_dagdelen": "6",
            "programme_dagdelen": "HBO-V: 8\nSocial Work: 4",
        },
    )
    network.refresh_from_db()
    assert (
        network.shadowing_same_domain,
        network.shadowing_required_dagdelen,
        network.shadowing_programme_dagdelen,
    ) == ("refuse", 6, {"HBO-V": 8, "Social Work": 4})
    hbo = member_en(network, Role.STUDENT, programme="hbo-v", student_level="hbo")
    assert network.shadowing_dagdelen_required_for(hbo) == 8
    assert network.shadowing_dagdelen_required_for(coordinator) == 6


def test_settings_with_a_bad_line(client, network, coordinator):
    coordinator.language = "en"
    coordinator.save()
    client.force_login(coordinator)
    response = client.post(
        url("shadowing:settings", network.slug),
        {
            "shadowing_same_domain": "refuse",
            "shadowing_required_dagdelen": "6",
            "programme_dagdelen": "HBO-V acht",
        },
    )
    assert response.context["form"].errors == {
        "programme_dagdelen": ["Line 1 is not “programme: number”."]
    }
    network.refresh_from_db()
    assert network.shadowing_required_dagdelen == 4


def test_whole_day_counts_as_two_dagdelen(client, network, student, host):
    ShadowingDayFactory(
        network=network,
        shadower=student,
        host=host,
        dagdeel="whole_day",
        starts_at="08:30",
        ends_at="17:00",
        hours=Decimal("8"),
        status="confirmed",
        **reflected(),
    )
    ShadowingDayFactory(
        network=network,
        shadower=student,
        host=host,
        date=timezone.localdate() - timedelta(days=20),
        status="done",
        **reflected(),
    )
    client.force_login(student)
    book = client.get(url("shadowing:logbook", network.slug)).context["book"]
    assert (book.confirmed_dagdelen, book.awaiting_dagdelen, book.hours_total) == (
        2,
        1,
        Decimal("12"),
    )
    assert [(t.label, t.hours) for t in book.per_domain] == [("Social domain", Decimal("12"))]


def test_a_dutch_student_reads_dutch(client, network, host):
    dutch = member(network, Role.STUDENT, language="nl")
    slot = ShadowingSlotFactory(network=network, host=host)
    client.force_login(dutch)
    response = client.post(
        url("shadowing:slot_request", network.slug, slot.pk), {"learning_goals": "x"}, follow=True
    )
    assert messages_of(response) == ["Je aanvraag is verstuurd naar Hamid Host."]
    again = client.post(
        url("shadowing:slot_request", network.slug, slot.pk), {"learning_goals": "x"}
    )
    assert again.context["booked"] is True
