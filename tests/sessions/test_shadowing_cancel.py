"""Cancelling and editing shadowing days through the views: who may, until when, what it
frees, and every kind of bad input (a clear message, nothing changed)."""

import datetime as dt
from datetime import time, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from networks.choices import Role
from sessions.shadowing.choices import ShadowingSource, ShadowingStatus
from sessions.shadowing.models import ShadowingDay
from sessions.shadowing.services import shadowing_day_cancel, shadowing_day_edit
from tests.factories import member
from tests.helpers import form_errors, messages_of, url
from tests.sessions.factories_shadowing import (
    ShadowingDayFactory,
    ShadowingSlotFactory,
    reflected,
    same_school,
    social_worker,
)

pytestmark = pytest.mark.django_db
AMS = ZoneInfo("Europe/Amsterdam")


def state(day) -> tuple:
    """What a refused action must leave as it was."""
    row = ShadowingDay.objects.get(pk=day.pk)
    return (
        row.status,
        row.cancelled_at,
        row.cancelled_by_id,
        row.cancel_reason,
        row.date,
        row.dagdeel,
        row.starts_at,
        row.ends_at,
        row.hours,
        row.place,
        row.learning_goals,
    )


@pytest.fixture
def student(network):
    return member(network, Role.STUDENT, full_name="Sanne Student", language="en")


@pytest.fixture
def host(network):
    return social_worker(network, full_name="Hamid Host", language="en")


@pytest.fixture
def teacher(network, student):
    """Teaches ``student``: both memberships name the same school."""
    teacher = member(network, Role.TEACHER, full_name="Tineke Teacher", language="en")
    same_school(network, teacher, student)
    return teacher


def next_week():
    return timezone.localdate() + timedelta(days=7)


def booked(network, student, host, status=ShadowingStatus.REQUESTED, **kwargs):
    """A day booked on a host's dagdeel next week."""
    slot = ShadowingSlotFactory(network=network, host=host, date=next_week())
    return ShadowingDayFactory(
        network=network,
        shadower=student,
        host=host,
        slot=slot,
        source=ShadowingSource.SLOT,
        date=slot.date,
        status=status,
        accepted_at=timezone.now() if status != ShadowingStatus.REQUESTED else None,
        **kwargs,
    )


def cancel(client, network, day, reason=""):
    return client.post(
        url("shadowing:cancel", network.slug, day.pk), {"reason": reason}, follow=True
    )


# --- Cancelling ----------------------------------------------------------------------------


def test_the_shadower_withdraws_a_request_and_the_slot_is_free_again(
    client, network, student, host
):
    day = booked(network, student, host)
    client.force_login(student)
    response = cancel(client, network, day)
    assert messages_of(response) == ["You withdrew your request; Hamid Host is told by mail."]
    day.refresh_from_db()
    assert (day.status, day.cancelled_by, day.cancel_reason) == (
        ShadowingStatus.CANCELLED,
        student,
        "",
    )
    assert day.cancelled_at is not None
    # The dagdeel is offered again and can be requested again, by the same student too.
    slots = client.get(url("shadowing:slots", network.slug)).context["slots"]
    assert [slot.pk for slot in slots] == [day.slot_id]
    client.post(
        url("shadowing:slot_request", network.slug, day.slot_id),
        {"learning_goals": "Toch graag zien hoe een keukentafelgesprek gaat."},
    )
    assert sorted(ShadowingDay.objects.filter(slot=day.slot).values_list("status", flat=True)) == [
        ShadowingStatus.CANCELLED,
        ShadowingStatus.REQUESTED,
    ]


def test_the_database_lets_a_cancelled_day_free_its_slot(network, student, host):
    day = booked(
        network,
        student,
        host,
        status=ShadowingStatus.CANCELLED,
        cancelled_at=dt.datetime.now(dt.UTC),
    )
    other = member(network, Role.STUDENT)
    ShadowingDayFactory(
        network=network, shadower=other, host=host, slot=day.slot, status="requested"
    )
    with pytest.raises(IntegrityError), transaction.atomic():
        ShadowingDayFactory(
            network=network, shadower=student, host=host, slot=day.slot, status="planned"
        )


def test_the_database_refuses_a_cancelled_day_without_its_moment(network, student, host):
    with pytest.raises(IntegrityError), transaction.atomic():
        ShadowingDayFactory(network=network, shadower=student, host=host, status="cancelled")


def test_the_shadower_cancels_a_planned_day_with_a_reason(client, network, student, host):
    day = booked(network, student, host, status=ShadowingStatus.PLANNED)
    client.force_login(student)
    response = cancel(client, network, day, "  Ik heb die dag tentamen.  ")
    assert messages_of(response) == ["You cancelled the day; Hamid Host is told by mail."]
    day.refresh_from_db()
    assert (day.status, day.cancelled_by, day.cancel_reason) == (
        ShadowingStatus.CANCELLED,
        student,
        "Ik heb die dag tentamen.",
    )


def test_the_host_cancels_a_planned_day_and_must_say_why(client, network, student, host):
    day = booked(network, student, host, status=ShadowingStatus.PLANNED)
    client.force_login(host)
    before = state(day)
    response = cancel(client, network, day, "   ")
    assert messages_of(response) == ["Give a reason for cancelling: the visitor reads it."]
    assert state(day) == before
    response = cancel(client, network, day, "Ik ben die week op cursus.")
    assert messages_of(response) == [
        "You cancelled the day; Sanne Student is told by mail and sees your reason."
    ]
    day.refresh_from_db()
    assert (day.status, day.cancelled_by, day.cancel_reason) == (
        ShadowingStatus.CANCELLED,
        host,
        "Ik ben die week op cursus.",
    )
    client.force_login(student)
    page = client.get(url("shadowing:day", network.slug, day.pk)).content.decode()
    assert "Cancelled by Hamid Host on" in page
    assert "Reason: Ik ben die week op cursus." in page


def test_the_host_declines_a_request_rather_than_cancelling_it(client, network, student, host):
    day = booked(network, student, host)
    client.force_login(host)
    before = state(day)
    response = cancel(client, network, day, "Geen tijd.")
    assert messages_of(response) == ["A request you have not accepted is declined, not cancelled."]
    assert state(day) == before


@pytest.mark.parametrize("target", ["abc", "https://evil.example", "//evil"])
@pytest.mark.parametrize("action", ["accept", "decline", "confirm"])
def test_a_host_answer_ignores_a_next_that_is_not_a_local_path(
    client, network, student, host, action, target
):
    day = booked(network, student, host)
    client.force_login(host)
    response = client.post(url(f"shadowing:{action}", network.slug, day.pk), {"next": target})
    assert response.status_code == 302
    assert response.url == url("shadowing:day", network.slug, day.pk)


def test_a_host_answer_follows_a_local_next(client, network, student, host):
    day = booked(network, student, host)
    client.force_login(host)
    response = client.post(url("shadowing:accept", network.slug, day.pk), {"next": "/agenda/"})
    assert response.url == "/agenda/"


@pytest.mark.parametrize(
    ("status", "extra"),
    [
        (ShadowingStatus.DONE, reflected()),
        (ShadowingStatus.CONFIRMED, reflected()),
    ],
)
def test_a_day_that_took_place_cannot_be_cancelled(client, network, student, host, status, extra):
    day = ShadowingDayFactory(network=network, shadower=student, host=host, status=status, **extra)
    for person in (student, host):
        client.force_login(person)
        before = state(day)
        response = cancel(client, network, day, "Toch niet.")
        assert messages_of(response) == [
            "This day has started or taken place, so it can no longer be cancelled. If it did "
            "not take place, the host can decline it."
        ]
        assert state(day) == before


def test_a_day_that_has_started_cannot_be_cancelled(client, network, student, host, time_machine):
    day = ShadowingDayFactory(
        network=network,
        shadower=student,
        host=host,
        date=dt.date(2026, 3, 12),
        starts_at=time(8, 30),
        ends_at=time(12, 30),
    )
    client.force_login(student)
    time_machine.move_to(dt.datetime(2026, 3, 12, 8, 29, tzinfo=AMS), tick=False)
    assert client.get(url("shadowing:day", network.slug, day.pk)).context["can_cancel"] is True
    time_machine.move_to(dt.datetime(2026, 3, 12, 8, 30, tzinfo=AMS), tick=False)
    response = client.get(url("shadowing:day", network.slug, day.pk))
    assert response.context["can_cancel"] is False
    assert "Cancel the day" not in response.content.decode()
    before = state(day)
    response = cancel(client, network, day)
    assert messages_of(response) == [
        "This day has started or taken place, so it can no longer be cancelled. If it did "
        "not take place, the host can decline it."
    ]
    assert state(day) == before


def test_a_day_is_cancelled_once(client, network, student, host):
    day = booked(network, student, host, status=ShadowingStatus.PLANNED)
    client.force_login(student)
    cancel(client, network, day, "Ziek.")
    before = state(day)
    response = cancel(client, network, day, "Nog steeds ziek.")
    assert messages_of(response) == ["This day is already cancelled."]
    assert state(day) == before


def test_a_declined_day_cannot_be_cancelled(client, network, student, host):
    day = booked(network, student, host, status=ShadowingStatus.DECLINED, decline_reason="Vol.")
    client.force_login(student)
    before = state(day)
    assert messages_of(cancel(client, network, day)) == ["This day is already declined."]
    assert state(day) == before


def test_a_reason_that_is_too_long_changes_nothing(client, network, student, host):
    day = booked(network, student, host, status=ShadowingStatus.PLANNED)
    client.force_login(student)
    before = state(day)
    response = cancel(client, network, day, "x" * 501)
    assert messages_of(response) == ["Ensure this value has at most 500 characters (it has 501)."]
    assert state(day) == before


def test_cancel_is_a_post(client, network, student, host):
    day = booked(network, student, host, status=ShadowingStatus.PLANNED)
    client.force_login(student)
    before = state(day)
    assert client.get(url("shadowing:cancel", network.slug, day.pk)).status_code == 405
    assert state(day) == before


def test_a_teacher_may_not_cancel_and_nothing_changes(client, network, student, host, teacher):
    day = booked(network, student, host, status=ShadowingStatus.PLANNED)
    client.force_login(teacher)
    before = state(day)
    response = client.post(url("shadowing:cancel", network.slug, day.pk), {"reason": "x"})
    assert response.status_code == 403
    assert state(day) == before
    with pytest.raises(PermissionDenied):
        shadowing_day_cancel(day=day, by=teacher, reason="x")
    assert state(day) == before


def test_cancelled_days_stay_in_the_logbook_and_count_for_nothing(client, network, student, host):
    confirmed = ShadowingDayFactory(
        network=network, shadower=student, host=host, status="confirmed", **reflected()
    )
    day = ShadowingDayFactory(network=network, shadower=student, host=host, date=next_week())
    client.force_login(student)
    cancel(client, network, day, "Verhuizing.")
    response = client.get(url("shadowing:logbook", network.slug))
    book = response.context["book"]
    assert [(d.pk, d.status) for d in book.days] == [
        (day.pk, ShadowingStatus.CANCELLED),
        (confirmed.pk, ShadowingStatus.CONFIRMED),
    ]
    assert (book.confirmed_dagdelen, book.awaiting_dagdelen, book.hours_total) == (
        1,
        0,
        Decimal("4"),
    )
    assert '<span class="badge shadowing-status shadowing-status-cancelled">Cancelled</span>' in (
        response.content.decode()
    )
    printed = client.get(url("shadowing:logbook_print", network.slug)).content.decode()
    assert "Cancelled by Sanne Student on" in printed
    assert "A cancelled day counts for no hours." in printed


def test_a_cancelled_day_no_longer_overlaps(client, network, student, host):
    day = ShadowingDayFactory(network=network, shadower=student, host=host, date=next_week())
    client.force_login(student)
    cancel(client, network, day)
    client.post(
        url("shadowing:log", network.slug),
        {
            "host": host.memberships.get().pk,
            "date": day.date.isoformat(),
            "dagdeel": "morning",
            "place": "Buurthuis",
            "learning_goals": "Een nieuwe afspraak op dezelfde ochtend.",
        },
    )
    assert ShadowingDay.objects.filter(date=day.date, status="planned").count() == 1


def test_the_host_sees_the_cancelled_day_under_earlier(client, network, student, host):
    day = booked(network, student, host, status=ShadowingStatus.PLANNED)
    client.force_login(student)
    cancel(client, network, day)
    client.force_login(host)
    context = client.get(url("shadowing:host", network.slug)).context
    assert ([d.pk for d in context["planned"]], [d.pk for d in context["history"]]) == (
        [],
        [day.pk],
    )
    # The dagdeel is open again in the host's list too.
    assert [slot.booked for slot in context["slots"]] == [False]


def test_a_dutch_student_reads_the_cancel_buttons_in_dutch(client, network, host):
    student = member(network, Role.STUDENT, full_name="Sanne Student")
    day = booked(network, student, host)
    client.force_login(student)
    page = client.get(url("shadowing:day", network.slug, day.pk)).content.decode()
    assert "Aanvraag intrekken" in page
    response = cancel(client, network, day)
    assert messages_of(response) == [
        "Je hebt je aanvraag ingetrokken; Hamid Host krijgt daarover een mail."
    ]
    assert "Geannuleerd" in response.content.decode()


# --- Editing -------------------------------------------------------------------------------


def edit(client, network, day, data):
    return client.post(url("shadowing:edit", network.slug, day.pk), data, follow=True)


def logged_data(day, **changes):
    data = {
        "learning_goals": day.learning_goals,
        "date": day.date.isoformat(),
        "dagdeel": day.dagdeel,
        "starts_at": "",
        "ends_at": "",
        "hours": "",
        "organisation_name": day.organisation_name,
        "place": day.place,
    }
    data.update(changes)
    return data


def test_the_shadower_changes_the_goals_of_a_booked_day_only(client, network, student, host):
    day = booked(network, student, host, status=ShadowingStatus.PLANNED)
    client.force_login(student)
    form = client.get(url("shadowing:edit", network.slug, day.pk)).context["form"]
    assert list(form.fields) == ["learning_goals"]
    response = edit(
        client,
        network,
        day,
        {"learning_goals": "  Vooral letten op signalen van eenzaamheid. ", "date": "2030-01-01"},
    )
    assert messages_of(response) == ["Your changes to the day are saved."]
    day.refresh_from_db()
    assert (day.learning_goals, day.date) == (
        "Vooral letten op signalen van eenzaamheid.",
        next_week(),
    )
    with pytest.raises(ValidationError) as raised:
        shadowing_day_edit(
            day=day, by=student, learning_goals="x", on=next_week(), dagdeel="afternoon"
        )
    assert raised.value.messages == [
        "This day was booked on a half-day the host offered; its date and time stay as the host "
        "offered them."
    ]


def test_the_shadower_moves_a_logged_day(client, network, student, host):
    day = ShadowingDayFactory(network=network, shadower=student, host=host)
    client.force_login(student)
    form = client.get(url("shadowing:edit", network.slug, day.pk)).context["form"]
    # The usual times and hours are left empty, so another dagdeel brings its own.
    assert (form.initial["starts_at"], form.initial["ends_at"], form.initial["hours"]) == (
        None,
        None,
        None,
    )
    on = timezone.localdate() - timedelta(days=2)
    response = edit(
        client,
        network,
        day,
        logged_data(day, date=on.isoformat(), dagdeel="afternoon", place="Wijkcentrum Noord"),
    )
    assert messages_of(response) == ["Your changes to the day are saved."]
    day.refresh_from_db()
    assert (day.date, day.dagdeel, day.starts_at, day.ends_at, day.hours, day.place) == (
        on,
        "afternoon",
        time(13, 0),
        time(17, 0),
        Decimal("4.00"),
        "Wijkcentrum Noord",
    )


def test_own_times_and_hours_are_kept_in_the_form(client, network, student, host):
    day = ShadowingDayFactory(
        network=network,
        shadower=student,
        host=host,
        starts_at=time(9, 0),
        ends_at=time(12, 0),
        hours=Decimal("2.5"),
    )
    client.force_login(student)
    form = client.get(url("shadowing:edit", network.slug, day.pk)).context["form"]
    assert (form.initial["starts_at"], form.initial["ends_at"], form.initial["hours"]) == (
        time(9, 0),
        time(12, 0),
        Decimal("2.5"),
    )


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        (
            {"starts_at": "06:00", "ends_at": "20:00"},
            "A shadowing day lasts at most 12 hours.",
        ),
        ({"starts_at": "12:00", "ends_at": "09:00"}, "The end time lies before the start time."),
        (
            {"starts_at": "09:00", "ends_at": "11:00", "hours": "3"},
            "There are more hours than fit between the start and end time.",
        ),
        ({"learning_goals": "   "}, "This field is required."),
        ({"place": ""}, "This field is required."),
    ],
)
def test_editing_checks_like_logging(client, network, student, host, changes, message):
    day = ShadowingDayFactory(network=network, shadower=student, host=host)
    client.force_login(student)
    before = state(day)
    response = edit(client, network, day, logged_data(day, **changes))
    assert response.status_code == 200
    form = response.context["form"]
    assert [error for errors in form.errors.values() for error in errors] == [message]
    assert state(day) == before


def test_editing_refuses_an_overlap_with_another_day(client, network, student, host):
    day = ShadowingDayFactory(network=network, shadower=student, host=host)
    ShadowingDayFactory(
        network=network,
        shadower=student,
        host=host,
        date=day.date - timedelta(days=1),
        dagdeel="afternoon",
        starts_at=time(13, 0),
        ends_at=time(17, 0),
    )
    client.force_login(student)
    before = state(day)
    response = edit(
        client,
        network,
        day,
        logged_data(day, date=(day.date - timedelta(days=1)).isoformat(), dagdeel="whole_day"),
    )
    assert form_errors(response) == [
        "This overlaps with your shadowing day with Hamid Host on "
        f"{(day.date - timedelta(days=1)).strftime('%d-%m-%Y')} (13:00–17:00)."
    ]
    assert state(day) == before
    # Keeping its own times is no overlap with itself.
    response = edit(client, network, day, logged_data(day, learning_goals="Andere doelen."))
    assert messages_of(response) == ["Your changes to the day are saved."]


def test_a_done_day_cannot_move_into_the_future(client, network, student, host):
    day = ShadowingDayFactory(
        network=network, shadower=student, host=host, status="done", **reflected()
    )
    client.force_login(student)
    before = state(day)
    response = edit(client, network, day, logged_data(day, date=next_week().isoformat()))
    assert form_errors(response) == [
        "Your reflection on this day is written, so the day cannot lie in the future."
    ]
    assert state(day) == before


@pytest.mark.parametrize(
    ("status", "fields", "label"),
    [
        ("confirmed", reflected(), "confirmed by the host"),
        ("declined", {"decline_reason": "Vol."}, "declined"),
        ("cancelled", {"cancelled_at": dt.datetime(2026, 1, 1, tzinfo=dt.UTC)}, "cancelled"),
    ],
)
def test_a_confirmed_declined_or_cancelled_day_cannot_be_edited(
    client, network, student, host, status, fields, label
):
    day = ShadowingDayFactory(network=network, shadower=student, host=host, status=status, **fields)
    client.force_login(student)
    before = state(day)
    message = f"This day is {label}; it can no longer be changed."
    response = client.get(url("shadowing:edit", network.slug, day.pk), follow=True)
    assert messages_of(response) == [message]
    response = edit(client, network, day, logged_data(day, learning_goals="Nieuw."))
    assert messages_of(response) == [message]
    assert state(day) == before
    page = client.get(url("shadowing:day", network.slug, day.pk)).content.decode()
    assert url("shadowing:edit", network.slug, day.pk) not in page


def test_garbage_in_the_edit_form_is_a_form_error(client, network, student, host):
    day = ShadowingDayFactory(network=network, shadower=student, host=host)
    client.force_login(student)
    before = state(day)
    response = edit(
        client,
        network,
        day,
        logged_data(day, date="gisteren", dagdeel="nacht", hours="abc", starts_at="25:00"),
    )
    assert response.status_code == 200
    assert sorted(response.context["form"].errors) == ["dagdeel", "date", "hours", "starts_at"]
    assert state(day) == before


def test_the_host_may_not_edit_the_shadowers_day(client, network, student, host):
    day = ShadowingDayFactory(network=network, shadower=student, host=host)
    client.force_login(host)
    before = state(day)
    response = client.post(
        url("shadowing:edit", network.slug, day.pk), logged_data(day, learning_goals="Nee.")
    )
    assert response.status_code == 403
    assert state(day) == before


def test_the_edit_link_says_what_can_change(client, network, student, host):
    client.force_login(student)
    logged = ShadowingDayFactory(network=network, shadower=student, host=host)
    page = client.get(url("shadowing:day", network.slug, logged.pk)).content.decode()
    assert "Change the day" in page
    slot_day = booked(network, student, host)
    page = client.get(url("shadowing:day", network.slug, slot_day.pk)).content.decode()
    assert "Change the learning goals" in page
