"""The coordinator's exports read in the coordinator's language: the shadowing pattern
(CSV and XLSX) and attendance share one way of writing files."""

import csv
import io
from datetime import date, time
from decimal import Decimal

import pytest
import time_machine
from django.urls import reverse
from openpyxl import load_workbook

from accounts.choices import Profession
from networks.choices import Role
from sessions.shadowing.forms import PeriodForm
from tests.factories import StudentFactory, member
from tests.sessions.factories_shadowing import ShadowingDayFactory, reflected, social_worker

pytestmark = pytest.mark.django_db

DUTCH_HEADER = [
    "datum",
    "dagdeel",
    "van",
    "tot",
    "uren",
    "status",
    "wie meeloopt",
    "beroep van wie meeloopt",
    "domein van wie meeloopt",
    "gastgever",
    "beroep van de gastgever",
    "domein van de gastgever",
    "netwerk van de gastgever",
    "organisatie",
    "plaats",
]


@pytest.fixture
def days(network):
    student = member(network, Role.STUDENT, full_name="Sanne Student")
    host = social_worker(network, full_name="Hamid Host")
    common = {"network": network, "shadower": student, "host": host}
    ShadowingDayFactory(
        **common, date=date(2026, 3, 12), status="confirmed", hours=Decimal("3.5"), **reflected()
    )
    ShadowingDayFactory(
        **common,
        date=date(2026, 3, 19),
        dagdeel="afternoon",
        starts_at=time(13, 0),
        ends_at=time(17, 0),
        status="cancelled",
        cancelled_at="2026-03-10T09:00:00Z",
        cancelled_by=student,
    )
    ShadowingDayFactory(**common, date=date(2025, 1, 6))  # outside the period


def export(client, network, fmt):
    coordinator = member(network, Role.COORDINATOR)
    client.force_login(coordinator)
    return client.get(
        reverse("shadowing:export", args=[network.slug, fmt]),
        {"start": "2026-03-01", "end": "2026-03-31"},
    )


def test_the_csv_export_reads_in_dutch(client, network, days):
    response = export(client, network, "csv")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == (
        'attachment; filename="meelopen-lin-oost-2026-03-01-2026-03-31.csv"'
    )
    assert response.content.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rows == [
        DUTCH_HEADER,
        [
            "2026-03-12",
            "Ochtend",
            "08:30",
            "12:30",
            "3,5",
            "Bevestigd door de gastgever",
            "Sanne Student",
            "Student verpleegkunde",
            "Zorg",
            "Hamid Host",
            "Sociaal werker",
            "Sociaal domein",
            "LIN Oost",
            "Welzijn Oost",
            "Wijkcentrum De Pijp",
        ],
        [
            "2026-03-19",
            "Middag",
            "13:00",
            "17:00",
            "4,0",
            "Geannuleerd",
            "Sanne Student",
            "Student verpleegkunde",
            "Zorg",
            "Hamid Host",
            "Sociaal werker",
            "Sociaal domein",
            "LIN Oost",
            "Welzijn Oost",
            "Wijkcentrum De Pijp",
        ],
    ]


def test_the_xlsx_export_reads_in_dutch_with_a_frozen_bold_header(client, network, days):
    response = export(client, network, "xlsx")
    assert response["Content-Disposition"] == (
        'attachment; filename="meelopen-lin-oost-2026-03-01-2026-03-31.xlsx"'
    )
    book = load_workbook(io.BytesIO(response.content))
    assert book.sheetnames == ["Meeloopdagen", "Wie liep mee met wie", "Uren per domein"]
    days_sheet = book["Meeloopdagen"]
    rows = [list(row) for row in days_sheet.iter_rows(values_only=True)]
    assert rows[0] == DUTCH_HEADER
    assert [row[:6] for row in rows[1:]] == [
        ["2026-03-12", "Ochtend", "08:30", "12:30", 3.5, "Bevestigd door de gastgever"],
        ["2026-03-19", "Middag", "13:00", "17:00", 4, "Geannuleerd"],
    ]
    assert [cell.font.bold for cell in days_sheet[1]] == [True] * len(DUTCH_HEADER)
    assert days_sheet.freeze_panes == "A2"
    # The cancelled day took no place: the matrix and the hours count the confirmed one only.
    assert [list(r) for r in book["Wie liep mee met wie"].iter_rows(values_only=True)] == [
        ["Meegelopen ↓ / gastgever →", "Sociaal werker"],
        ["Student verpleegkunde", 1],
    ]
    assert [list(r) for r in book["Uren per domein"].iter_rows(values_only=True)] == [
        ["domein", "dagen", "uren"],
        ["Sociaal domein", 1, 3.5],
    ]


def test_an_english_coordinator_reads_english(client, network, days):
    coordinator = member(network, Role.COORDINATOR, language="en")
    client.force_login(coordinator)
    response = client.get(
        reverse("shadowing:export", args=[network.slug, "csv"]),
        {"start": "2026-03-01", "end": "2026-03-31"},
    )
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][:7] == ["date", "half-day", "from", "until", "hours", "status", "who shadows"]
    assert [row[1] for row in rows[1:]] == ["Morning", "Afternoon"]
    assert [row[4:6] for row in rows[1:]] == [
        ["3.5", "Confirmed by the host"],
        ["4.0", "Cancelled"],
    ]


def test_an_unknown_format_is_not_found(client, network, days):
    assert export(client, network, "pdf").status_code == 404


def test_the_attendance_export_in_dutch_through_the_same_helper(client, network):
    from datetime import UTC, datetime

    from tests.sessions.factories import AttendanceFactory, MeetingFactory

    meeting = MeetingFactory(
        network=network,
        format="klinische_les",
        starts_at=datetime(2026, 10, 8, 13, 0, tzinfo=UTC),
        ends_at=datetime(2026, 10, 8, 15, 0, tzinfo=UTC),
    )
    student = StudentFactory(full_name="Sanne Student", profession=Profession.NURSING_STUDENT)
    from networks.models import Membership

    Membership.objects.create(
        network=network, user=student, role=Role.STUDENT, starts_on=date(2025, 1, 1)
    )
    AttendanceFactory(meeting=meeting, user=student, status="present")
    client.force_login(member(network, Role.COORDINATOR))
    url = reverse("meetings:attendance_export", args=[network.slug])
    query = {"start": "2026-10-01", "end": "2026-10-31"}
    response = client.get(url, {**query, "file_format": "csv"})
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rows == [
        [
            "datum",
            "begintijd",
            "eindtijd",
            "bijeenkomst",
            "werkvorm",
            "persoon",
            "rol",
            "beroep",
            "domein",
            "status",
            "leeruren",
        ],
        [
            "2026-10-08",
            "15:00",
            "17:00",
            meeting.title,
            "Klinische les",
            "Sanne Student",
            "Student",
            "Student verpleegkunde",
            "Zorg",
            "Aanwezig",
            "2,00",
        ],
    ]
    response = client.get(url, {**query, "file_format": "xlsx"})
    book = load_workbook(io.BytesIO(response.content))
    assert book.sheetnames == ["Aanwezigheid"]
    sheet = book.active
    header, row = (list(r) for r in sheet.iter_rows(values_only=True))
    assert header == rows[0]
    assert row[3:10] == rows[1][3:10]  # date, times and hours are real cells there
    assert ([c.font.bold for c in sheet[1]], sheet.freeze_panes) == ([True] * 11, "A2")


def test_the_period_is_a_year_back_from_a_leap_day_and_by_default_this_school_year():
    assert PeriodForm({"end": "2028-02-29"}).period() == (date(2027, 2, 28), date(2028, 2, 29))
    with time_machine.travel("2028-02-29 09:00 +01:00", tick=False):
        assert PeriodForm(None).period() == (date(2027, 8, 1), date(2028, 7, 31))
