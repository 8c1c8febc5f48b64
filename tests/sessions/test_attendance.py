"""Attendance: one form for everyone, self check-in with the code on screen, and the
export per network and period."""

import csv
import io
from datetime import UTC, datetime, time, timedelta
from decimal import Decimal

import pytest
import time_machine
from django.urls import reverse
from openpyxl import load_workbook

from accounts.choices import Profession
from networks.choices import Role
from sessions.meetings.models import Attendance
from tests.factories import NetworkFactory, StudentFactory, UserFactory, member
from tests.helpers import messages_of
from tests.sessions.factories import AttendanceFactory, MeetingFactory, RsvpFactory

START = datetime(2026, 10, 8, 13, 0, tzinfo=UTC)  # Thursday 8 October 2026, 15:00 local


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(START - timedelta(days=30), tick=False) as traveller:
        yield traveller


@pytest.fixture
def coord(network):
    return member(network, Role.COORDINATOR, full_name="Carla Coördinator", language="en")


@pytest.fixture
def meeting(network):
    return MeetingFactory(
        network=network,
        title="Intervisie",
        starts_at=START,
        ends_at=START + timedelta(hours=2),
        checkin_code="K7M3QX",
    )


def statuses(meeting):
    return dict(Attendance.objects.filter(meeting=meeting).values_list("user__full_name", "status"))


def test_the_form_lists_members_and_invited_guests_who_said_yes(client, network, coord, meeting):
    student = member(network, Role.STUDENT, full_name="Sam Student")
    guest_network = NetworkFactory()
    guest = member(guest_network, full_name="Gijs Gast")
    member(guest_network, full_name="Nina Nee")
    meeting.invited_networks.add(guest_network)
    RsvpFactory(meeting=meeting, user=guest)
    client.force_login(coord)
    response = client.get(reverse("meetings:attendance", args=[network.slug, meeting.pk]))
    assert [(line.user.full_name, line.role) for line in response.context["form"].lines] == [
        ("Carla Coördinator", "coordinator"),
        ("Gijs Gast", "professional"),
        ("Sam Student", "student"),
    ]
    assert student.pk in [line.user.pk for line in response.context["form"].lines]


def test_the_coordinator_registers_everyone_in_one_form(client, network, coord, meeting):
    present = member(network, full_name="Anna")
    late = member(network, full_name="Bert")
    excused = member(network, full_name="Cor")
    client.force_login(coord)
    url = reverse("meetings:attendance", args=[network.slug, meeting.pk])
    response = client.post(
        url,
        {
            f"person_{present.pk}": "present",
            f"person_{late.pk}": "late",
            f"person_{excused.pk}": "excused",
            f"person_{coord.pk}": "",
        },
    )
    assert response.status_code == 302
    assert messages_of(response) == ["Attendance saved: 3 people recorded."]
    assert statuses(meeting) == {"Anna": "present", "Bert": "late", "Cor": "excused"}
    client.post(url, {f"person_{present.pk}": "absent", f"person_{late.pk}": "late"})
    assert statuses(meeting) == {"Anna": "absent", "Bert": "late"}


def test_an_unknown_status_changes_nothing(client, network, coord, meeting):
    person = member(network, full_name="Anna")
    client.force_login(coord)
    response = client.post(
        reverse("meetings:attendance", args=[network.slug, meeting.pk]),
        {f"person_{person.pk}": "asleep"},
    )
    assert response.status_code == 200
    assert statuses(meeting) == {}


def test_the_facilitator_registers_attendance_other_members_may_not(client, network, meeting):
    facilitator = member(network, full_name="Fenna Facilitator")
    meeting.facilitator = facilitator
    meeting.save()
    bystander = member(network)
    url = reverse("meetings:attendance", args=[network.slug, meeting.pk])
    client.force_login(facilitator)
    assert client.get(url).status_code == 200
    client.force_login(bystander)
    assert client.post(url, {f"person_{bystander.pk}": "present"}).status_code == 403
    assert statuses(meeting) == {}


def check_in(client, meeting, code):
    return client.post(
        reverse("meetings:check_in", args=[meeting.network.slug, meeting.pk]), {"code": code}
    )


@pytest.mark.parametrize(
    ("moment", "expected"),
    [(START - timedelta(minutes=30), "present"), (START + timedelta(minutes=25), "late")],
)
def test_attendees_check_in_with_the_code_in_the_window(
    client, network, meeting, frozen, moment, expected
):
    person = member(network, full_name="Anna", language="en")
    frozen.move_to(moment)
    client.force_login(person)
    response = check_in(client, meeting, " k7m3qx ")
    assert messages_of(response) == ["You are checked in. Welcome!"]
    assert statuses(meeting) == {"Anna": expected}


@pytest.mark.parametrize(
    ("moment", "code", "message"),
    [
        (
            START + timedelta(minutes=5),
            "WRONG1",
            "This check-in code is not right. Check the code on screen.",
        ),
        (
            START - timedelta(minutes=31),
            "K7M3QX",
            "Checking in opens on Thursday 8 October 2026 at 14:30, 30 minutes before the start.",
        ),
        (
            START + timedelta(hours=2, minutes=1),
            "K7M3QX",
            "This meeting has ended; checking in closed on Thursday 8 October 2026 at 17:00.",
        ),
        (START + timedelta(minutes=5), "", "Type the check-in code shown on screen."),
    ],
)
def test_a_wrong_or_expired_code_changes_nothing(
    client, network, meeting, frozen, moment, code, message
):
    person = member(network, language="en")
    frozen.move_to(moment)
    client.force_login(person)
    response = check_in(client, meeting, code)
    assert response.status_code == 302
    assert messages_of(response) == [message]
    assert statuses(meeting) == {}


def test_the_code_shows_on_screen_to_the_coordinator_only_in_the_window(
    client, network, coord, meeting, frozen
):
    detail = reverse("meetings:detail", args=[network.slug, meeting.pk])
    client.force_login(coord)
    assert "K7M3QX" not in client.get(detail).content.decode()
    frozen.move_to(START - timedelta(minutes=10))
    client.force_login(coord)
    assert "K7M3QX" in client.get(detail).content.decode()
    client.force_login(member(network))
    assert "K7M3QX" not in client.get(detail).content.decode()


def export(client, network, fmt, start="2026-10-01", end="2026-10-31"):
    return client.get(
        reverse("meetings:attendance_export", args=[network.slug]),
        {"start": start, "end": end, "file_format": fmt},
    )


def seed_attendance(network, meetings=1, people=1):
    made = []
    for i in range(meetings):
        m = MeetingFactory(
            network=network,
            title=f"Klinische les {i}",
            format="klinische_les",
            starts_at=START + timedelta(days=i % 20),
            ends_at=START + timedelta(days=i % 20, hours=2),
        )
        for j in range(people):
            user = (
                StudentFactory(full_name=f"Student {i}-{j}")
                if j % 2
                else UserFactory(full_name=f"Prof {i}-{j}", profession=Profession.SOCIAL_WORKER)
            )
            from networks.models import Membership

            Membership.objects.create(
                network=network,
                user=user,
                role=Role.STUDENT if j % 2 else Role.PROFESSIONAL,
                starts_on=START.date() - timedelta(days=400),
            )
            AttendanceFactory(meeting=m, user=user, status="late" if j % 2 else "present")
        made.append(m)
    return made


def test_the_csv_export_has_the_columns_funders_ask_for(client, network, coord):
    seed_attendance(network, meetings=1, people=2)
    outside = MeetingFactory(network=network, starts_at=START + timedelta(days=40))
    AttendanceFactory(meeting=outside)
    client.force_login(coord)
    response = export(client, network, "csv")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == (
        'attachment; filename="aanwezigheid-lin-oost-2026-10-01-2026-10-31.csv"'
    )
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rows == [
        HEADER_ROW,
        [
            "2026-10-08",
            "15:00",
            "17:00",
            "Klinische les 0",
            "Clinical lesson (klinische les)",
            "Prof 0-0",
            "Professional",
            "Social worker",
            "Social domain",
            "Present",
            "2.00",
        ],
        [
            "2026-10-08",
            "15:00",
            "17:00",
            "Klinische les 0",
            "Clinical lesson (klinische les)",
            "Student 0-1",
            "Student",
            "Nursing student",
            "Care",
            "Late",
            "2.00",
        ],
    ]


HEADER_ROW = [
    "date",
    "start time",
    "end time",
    "meeting",
    "format",
    "person",
    "role",
    "profession",
    "domain",
    "status",
    "learning hours",
]


def test_the_xlsx_export_holds_the_same_rows_with_real_dates_and_times(client, network, coord):
    seed_attendance(network, meetings=2, people=2)
    client.force_login(coord)
    response = export(client, network, "xlsx")
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = [list(r) for r in sheet.iter_rows(values_only=True)]
    assert rows[0] == HEADER_ROW
    assert [r[5] for r in rows[1:]] == ["Prof 0-0", "Student 0-1", "Prof 1-0", "Student 1-1"]
    assert rows[1][:4] == [datetime(2026, 10, 8, 0, 0), time(15, 0), time(17, 0), "Klinische les 0"]
    assert rows[3][:4] == [datetime(2026, 10, 9, 0, 0), time(15, 0), time(17, 0), "Klinische les 1"]
    assert rows[1][10] == 2
    assert sheet["A2"].is_date and sheet["A2"].number_format == "dd-mm-yyyy"
    assert sheet["B2"].is_date and sheet["B2"].number_format == "hh:mm"


def test_two_meetings_on_one_day_are_told_apart_and_the_absent_count_no_hours(
    client, network, coord
):
    person = member(network, full_name="Anna")
    morning = MeetingFactory(
        network=network,
        title="Ochtend",
        format="intervisie",
        starts_at=START - timedelta(hours=4),
        ends_at=START - timedelta(hours=3),
        learning_hours=Decimal("0.75"),
    )
    afternoon = MeetingFactory(
        network=network,
        title="Middag",
        format="leerlab",
        starts_at=START,
        ends_at=START + timedelta(hours=2),
    )
    AttendanceFactory(meeting=morning, user=person, status="present")
    AttendanceFactory(meeting=afternoon, user=person, status="absent")
    client.force_login(coord)
    rows = list(
        csv.reader(
            io.StringIO(export(client, network, "csv").content.decode("utf-8-sig")), delimiter=";"
        )
    )
    assert [(r[1], r[2], r[3], r[4], r[9], r[10]) for r in rows[1:]] == [
        ("11:00", "12:00", "Ochtend", "Peer consultation (intervisie)", "Present", "0.75"),
        ("15:00", "17:00", "Middag", "Learning lab", "Absent", "0.00"),
    ]


def test_both_dates_of_the_export_form_are_filled_in(client, network, coord):
    client.force_login(coord)
    response = client.get(reverse("meetings:attendance_export", args=[network.slug]))
    html = response.content.decode()
    # Frozen on 8 September 2026: the year so far.
    assert 'name="start" value="2026-01-01"' in html
    assert 'name="end" value="2026-09-08"' in html


def test_an_export_with_the_end_before_the_start_explains(client, network, coord):
    client.force_login(coord)
    response = export(client, network, "csv", start="2026-10-31", end="2026-10-01")
    assert response.status_code == 200
    assert response.context["form"].errors["end"] == ["The end date lies before the start date."]


@pytest.mark.parametrize(
    ("start", "end"), [("2026-10-01", "9999-12-31"), ("0001-01-01", "2026-10-01")]
)
def test_an_export_with_a_date_far_away_explains(client, network, coord, start, end):
    client.force_login(coord)
    response = export(client, network, "csv", start=start, end=end)
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert ["Choose a date between 2000 and 2100."] in (errors.get("start"), errors.get("end"))


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_the_export_keeps_the_same_number_of_queries(
    client, network, coord, django_assert_num_queries, fmt
):
    client.force_login(coord)
    seed_attendance(network, meetings=1, people=1)
    export(client, network, fmt)  # warm the session and the membership cache
    with django_assert_num_queries(6) as small:
        export(client, network, fmt)
    seed_attendance(network, meetings=50, people=3)
    with django_assert_num_queries(len(small.captured_queries)):
        response = export(client, network, fmt)
    assert response.status_code == 200


def test_a_meeting_page_with_60_attendees_keeps_the_same_number_of_queries(
    client, network, coord, meeting, django_assert_num_queries
):
    client.force_login(coord)
    url = reverse("meetings:detail", args=[network.slug, meeting.pk])
    RsvpFactory(meeting=meeting, user=member(network))
    # 14, the bell's count, the guest speakers, and for a coordinator who has not answered
    # and whether they were reminded today.
    with django_assert_num_queries(18) as small:
        client.get(url)
    for i in range(59):
        RsvpFactory(
            meeting=meeting, user=member(network, Role.STUDENT if i % 3 else Role.PROFESSIONAL)
        )
    with django_assert_num_queries(len(small.captured_queries)):
        response = client.get(url)
    assert len(response.context["page"].coming) == 60


def test_the_attendance_form_with_60_people_keeps_the_same_number_of_queries(
    client, network, coord, meeting, django_assert_num_queries
):
    client.force_login(coord)
    url = reverse("meetings:attendance", args=[network.slug, meeting.pk])
    with django_assert_num_queries(8) as small:
        client.get(url)
    for _i in range(60):
        AttendanceFactory(meeting=meeting, user=member(network))
    with django_assert_num_queries(len(small.captured_queries)):
        response = client.get(url)
    assert len(response.context["form"].lines) == 61
