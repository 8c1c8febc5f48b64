"""Attendance on a phone: one person at a time with large buttons (htmx or a plain post),
the check-in QR code and the check-in page it opens, which says when checking in opens."""

from datetime import UTC, datetime, timedelta

import pytest
import segno
import time_machine
from django.urls import reverse

from networks.choices import Role
from sessions.meetings.models import Attendance
from sessions.meetings.qr import checkin_url
from tests.factories import UserFactory, member
from tests.helpers import messages_of
from tests.sessions.factories import AttendanceFactory, MeetingFactory

START = datetime(2026, 10, 8, 13, 0, tzinfo=UTC)  # Thursday 8 October 2026, 15:00 local


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(START + timedelta(minutes=5), tick=False) as traveller:
        yield traveller


@pytest.fixture
def coord(network):
    return member(network, Role.COORDINATOR, full_name="Carla", language="en")


@pytest.fixture
def student(network):
    return member(network, Role.STUDENT, full_name="Sam Student", language="en")


@pytest.fixture
def meeting(network):
    return MeetingFactory(
        network=network,
        title="Intervisie",
        starts_at=START,
        ends_at=START + timedelta(hours=2),
        checkin_code="K7M3QX",
    )


def person_url(meeting, user):
    return reverse("meetings:attendance_person", args=[meeting.network.slug, meeting.pk, user.pk])


def status_of(meeting, user):
    row = Attendance.objects.filter(meeting=meeting, user=user).first()
    return row.status if row else None


def test_the_phone_list_has_three_large_buttons_per_person(client, coord, student, meeting):
    client.force_login(coord)
    response = client.get(reverse("meetings:attendance", args=[meeting.network.slug, meeting.pk]))
    html = response.content.decode()
    assert html.count('class="attendance-buttons"') == 2  # Carla and Sam
    assert f'id="person-{student.pk}"' in html
    for label in ("Present", "Absent with notice", "Absent"):
        assert f">{label}</button>" in html


def test_an_htmx_tap_saves_one_person_and_answers_with_their_row(client, coord, student, meeting):
    client.force_login(coord)
    response = client.post(
        person_url(meeting, student), {"status": "excused"}, headers={"HX-Request": "true"}
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert html.startswith(f'<li class="attendance-person card mb-2" id="person-{student.pk}">')
    assert 'value="excused" class="btn attendance-button btn-warning" aria-pressed="true"' in html
    assert "Saved." in html
    assert status_of(meeting, student) == "excused"
    assert status_of(meeting, coord) is None


def test_a_plain_post_saves_and_goes_back_to_the_person(client, coord, student, meeting):
    client.force_login(coord)
    response = client.post(person_url(meeting, student), {"status": "present"})
    assert response.status_code == 302
    assert response.url == (
        reverse("meetings:attendance", args=[meeting.network.slug, meeting.pk])
        + f"#person-{student.pk}"
    )
    assert messages_of(response) == ["Sam Student: Present."]
    assert status_of(meeting, student) == "present"


def test_changing_a_status_keeps_one_row(client, coord, student, meeting):
    AttendanceFactory(meeting=meeting, user=student, status="absent")
    client.force_login(coord)
    client.post(person_url(meeting, student), {"status": "present"})
    assert list(Attendance.objects.values_list("status", flat=True)) == ["present"]


def test_an_unknown_status_explains_and_changes_nothing(client, coord, student, meeting):
    AttendanceFactory(meeting=meeting, user=student, status="absent")
    client.force_login(coord)
    response = client.post(
        person_url(meeting, student), {"status": "asleep"}, headers={"HX-Request": "true"}
    )
    assert "Choose present, absent with notice or absent." in response.content.decode()
    assert status_of(meeting, student) == "absent"


def test_someone_not_on_the_list_answers_404(client, coord, meeting):
    stranger = UserFactory()
    client.force_login(coord)
    response = client.post(person_url(meeting, stranger), {"status": "present"})
    assert response.status_code == 404
    assert Attendance.objects.count() == 0


def test_a_cancelled_meeting_records_nothing(client, coord, student, meeting):
    meeting.status = "cancelled"
    meeting.save()
    client.force_login(coord)
    response = client.post(person_url(meeting, student), {"status": "present"})
    assert messages_of(response) == [
        "This meeting was cancelled; there is no attendance to record."
    ]
    assert Attendance.objects.count() == 0


def test_a_member_cannot_record_others(client, student, meeting):
    other = member(meeting.network)
    client.force_login(student)
    response = client.post(person_url(meeting, other), {"status": "present"})
    assert response.status_code == 403
    assert Attendance.objects.count() == 0


# --- QR code and the check-in page ---------------------------------------------------------


def test_the_attendance_page_shows_a_qr_code_of_the_check_in_address(client, coord, meeting):
    client.force_login(coord)
    response = client.get(reverse("meetings:attendance", args=[meeting.network.slug, meeting.pk]))
    url = checkin_url(meeting)
    assert url == (
        f"http://127.0.0.1:8000/netwerken/{meeting.network.slug}/bijeenkomsten/{meeting.pk}"
        "/inchecken/?code=K7M3QX"
    )
    # The SVG is the QR code of exactly that address (made here: no external service).
    expected_path = segno.make(url, error="m").svg_inline(scale=4, border=2, omitsize=True)
    path = expected_path[expected_path.index("<path") :]
    assert path in response.content.decode()
    assert "https://" not in str(response.context["checkin_qr"])


def test_the_qr_code_opens_the_check_in_page_with_the_code_filled_in(client, student, meeting):
    client.force_login(student)
    response = client.get(
        reverse("meetings:check_in", args=[meeting.network.slug, meeting.pk]), {"code": "K7M3QX"}
    )
    assert response.status_code == 200
    assert 'name="code" id="id_code"' in response.content.decode()
    assert 'value="K7M3QX"' in response.content.decode()
    client.post(
        reverse("meetings:check_in", args=[meeting.network.slug, meeting.pk]), {"code": "K7M3QX"}
    )
    assert status_of(meeting, student) == "present"


def test_a_qr_scanned_before_the_window_says_when_it_opens(client, student, meeting, frozen):
    frozen.move_to(START - timedelta(hours=1))
    client.force_login(student)
    response = client.get(
        reverse("meetings:check_in", args=[meeting.network.slug, meeting.pk]), {"code": "K7M3QX"}
    )
    assert response.context["problem"] == (
        "Checking in opens on Thursday 8 October 2026 at 14:30, 30 minutes before the start."
    )
    assert 'name="code"' not in response.content.decode()
    assert Attendance.objects.count() == 0


def test_a_qr_scanned_after_the_meeting_says_it_closed(client, student, meeting, frozen):
    frozen.move_to(START + timedelta(hours=3))
    client.force_login(student)
    response = client.get(reverse("meetings:check_in", args=[meeting.network.slug, meeting.pk]))
    assert response.context["problem"] == (
        "This meeting has ended; checking in closed on Thursday 8 October 2026 at 17:00."
    )


def test_a_qr_scanned_by_someone_outside_the_network_answers_404(client, meeting):
    client.force_login(UserFactory())
    response = client.get(
        reverse("meetings:check_in", args=[meeting.network.slug, meeting.pk]), {"code": "K7M3QX"}
    )
    assert response.status_code == 404


def test_a_qr_scanned_signed_out_leads_to_sign_in_and_back(client, meeting):
    url = reverse("meetings:check_in", args=[meeting.network.slug, meeting.pk]) + "?code=K7M3QX"
    response = client.get(url)
    assert response.status_code == 302
    assert "next=" in response.url and "inchecken" in response.url
