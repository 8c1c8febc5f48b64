"""Learning hours and certificates of attendance: hours per meeting (default its length,
editable, never negative or over the length), a person's hours per period, the certificate
PDF and its public check, and the coordinators' export of everyone's hours."""

import csv
import io
from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest
import time_machine
from django.conf import settings
from django.urls import reverse
from openpyxl import load_workbook
from pypdf import PdfReader

from accounts.services import account_erase
from networks.choices import Role
from networks.models import Membership
from sessions.meetings.models import Certificate, Meeting
from sessions.meetings.selectors.hours import default_period
from tests.factories import NetworkFactory, member
from tests.helpers import form_errors
from tests.sessions.factories import AttendanceFactory, MeetingFactory

NOW = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)
DAY1 = datetime(2026, 10, 8, 13, 0, tzinfo=UTC)  # Thursday 8 October 2026, 15:00 local
DAY2 = datetime(2026, 11, 5, 14, 0, tzinfo=UTC)  # Thursday 5 November 2026, 15:00 local


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(NOW, tick=False) as traveller:
        yield traveller


@pytest.fixture
def coord(network):
    return member(network, Role.COORDINATOR, full_name="Carla Coördinator", language="en")


@pytest.fixture
def nurse(network):
    return member(network, full_name="Noor Verpleegkundige", language="en")


@pytest.fixture
def attended(network, nurse):
    """Noor attended two meetings (one late), missed one, and one was cancelled."""
    first = MeetingFactory(
        network=network,
        title="Intervisie wijkteam",
        format="intervisie",
        starts_at=DAY1,
        ends_at=DAY1 + timedelta(hours=2),
    )
    second = MeetingFactory(
        network=network,
        title="Klinische les delier",
        format="klinische_les",
        starts_at=DAY2,
        ends_at=DAY2 + timedelta(hours=1, minutes=30),
        learning_hours=Decimal("1.25"),
    )
    missed = MeetingFactory(network=network, title="Gemist", starts_at=DAY2 + timedelta(days=1))
    cancelled = MeetingFactory(
        network=network, title="Afgelast", starts_at=DAY2 + timedelta(days=2), status="cancelled"
    )
    AttendanceFactory(meeting=first, user=nurse, status="present")
    AttendanceFactory(meeting=second, user=nurse, status="late")
    AttendanceFactory(meeting=missed, user=nurse, status="excused")
    AttendanceFactory(meeting=cancelled, user=nurse, status="present")
    return first, second


def schedule_data(**extra) -> dict:
    data = {
        "title": "Intervisie",
        "format": "intervisie",
        "day": "2026-12-03",
        "start_time": "15:00",
        "end_time": "16:30",
        "location": "Buurthuis",
        "repeat": "none",
    }
    data.update(extra)
    return data


# --- hours of a meeting -----------------------------------------------------------------


def test_a_meeting_counts_its_length_unless_hours_are_set(network):
    meeting = MeetingFactory(network=network, starts_at=DAY1, ends_at=DAY1 + timedelta(minutes=90))
    assert meeting.hours == Decimal("1.50")
    meeting.learning_hours = Decimal("1.00")
    assert meeting.hours == Decimal("1.00")


def test_scheduling_with_learning_hours_stores_them(client, network, coord):
    client.force_login(coord)
    response = client.post(
        reverse("meetings:schedule", args=[network.slug]), schedule_data(learning_hours="1.25")
    )
    assert response.status_code == 302
    assert Meeting.objects.get().hours == Decimal("1.25")


def test_scheduling_without_hours_counts_the_length(client, network, coord):
    client.force_login(coord)
    client.post(reverse("meetings:schedule", args=[network.slug]), schedule_data())
    meeting = Meeting.objects.get()
    assert (meeting.learning_hours, meeting.hours) == (None, Decimal("1.50"))


@pytest.mark.parametrize(
    ("hours", "message"),
    [
        ("-1", "Learning hours cannot be negative."),
        ("1.75", "Learning hours cannot be more than the meeting's length (1.50 hours)."),
    ],
)
def test_hours_negative_or_over_the_length_are_a_form_error(client, network, coord, hours, message):
    client.force_login(coord)
    response = client.post(
        reverse("meetings:schedule", args=[network.slug]), schedule_data(learning_hours=hours)
    )
    assert response.status_code == 200
    assert form_errors(response, field="learning_hours") == [message]
    assert Meeting.objects.count() == 0


def test_editing_a_meeting_changes_its_hours_and_refuses_too_many(client, network, coord):
    meeting = MeetingFactory(
        network=network,
        starts_at=DAY2 + timedelta(days=20),
        ends_at=DAY2 + timedelta(days=20, hours=2),
    )
    client.force_login(coord)
    url = reverse("meetings:edit", args=[network.slug, meeting.pk])
    data = {
        "title": meeting.title,
        "format": "intervisie",
        "day": "2026-11-25",
        "start_time": "15:00",
        "end_time": "17:00",
        "location": "Buurthuis",
    }
    response = client.post(url, {**data, "learning_hours": "2.5"})
    assert form_errors(response, field="learning_hours") == [
        "Learning hours cannot be more than the meeting's length (2.00 hours)."
    ]
    client.post(url, {**data, "learning_hours": "1.5"})
    meeting.refresh_from_db()
    assert meeting.hours == Decimal("1.50")


def test_dutch_coordinators_type_hours_with_a_decimal_comma(client, network):
    dutch = member(network, Role.COORDINATOR, language="nl")
    client.force_login(dutch)
    client.post(
        reverse("meetings:schedule", args=[network.slug]), schedule_data(learning_hours="1,25")
    )
    assert Meeting.objects.get().hours == Decimal("1.25")


# --- my hours --------------------------------------------------------------------------


def test_the_default_period_is_the_year_so_far_and_last_year_in_january():
    assert default_period(datetime(2026, 11, 20).date()) == (
        datetime(2026, 1, 1).date(),
        datetime(2026, 11, 20).date(),
    )
    assert default_period(datetime(2027, 1, 10).date()) == (
        datetime(2026, 1, 1).date(),
        datetime(2026, 12, 31).date(),
    )


def test_my_hours_lists_attended_meetings_with_their_hours(client, nurse, attended):
    client.force_login(nurse)
    response = client.get(reverse("meetings:my_hours"))
    assert response.status_code == 200
    (group,) = response.context["groups"]
    assert [(m.title, m.hours) for m in group.meetings] == [
        ("Intervisie wijkteam", Decimal("2.00")),
        ("Klinische les delier", Decimal("1.25")),
    ]
    assert group.hours == Decimal("3.25")
    html = response.content.decode()
    assert "From 1 January 2026 to 20 November 2026: 2 meetings, 3.25 hours." in html


def test_my_hours_for_another_period(client, nurse, attended):
    client.force_login(nurse)
    response = client.get(
        reverse("meetings:my_hours"), {"start": "2026-11-01", "end": "2026-11-30"}
    )
    (group,) = response.context["groups"]
    assert [m.title for m in group.meetings] == ["Klinische les delier"]


def test_my_hours_groups_per_network(client, nurse, attended):
    other = NetworkFactory(name="LIN Zuid")
    Membership.objects.create(
        network=other, user=nurse, role=Role.PROFESSIONAL, starts_on=DAY1.date()
    )
    AttendanceFactory(meeting=MeetingFactory(network=other, starts_at=DAY1), user=nurse)
    client.force_login(nurse)
    response = client.get(reverse("meetings:my_hours"))
    assert [g.network.name for g in response.context["groups"]] == ["LIN Oost", "LIN Zuid"]


def test_my_hours_with_one_or_many_meetings_costs_the_same_queries(
    client, network, nurse, django_assert_num_queries
):
    client.force_login(nurse)
    AttendanceFactory(meeting=MeetingFactory(network=network, starts_at=DAY1), user=nurse)
    client.get(reverse("meetings:my_hours"))
    with django_assert_num_queries(4) as one:  # with the bell's unread count
        client.get(reverse("meetings:my_hours"))
    for i in range(30):
        meeting = MeetingFactory(network=NetworkFactory(), starts_at=DAY1 + timedelta(days=i))
        AttendanceFactory(meeting=meeting, user=nurse)
    with django_assert_num_queries(len(one.captured_queries)):
        response = client.get(reverse("meetings:my_hours"))
    assert len(response.context["groups"]) == 31


def test_the_profile_links_to_my_learning_hours(client, nurse):
    client.force_login(nurse)
    response = client.get(reverse("accounts:profile"))
    assert f'href="{reverse("meetings:my_hours")}"' in response.content.decode()


# --- the certificate -----------------------------------------------------------------------


def download(client, network, start="2026-01-01", end="2026-11-20"):
    return client.post(
        reverse("meetings:certificate"), {"network": network.pk, "start": start, "end": end}
    )


def pdf_text(content: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


def test_the_certificate_pdf_names_the_person_network_meetings_hours_and_code(
    client, network, coord, nurse, attended
):
    client.force_login(nurse)
    response = download(client, network)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    certificate = Certificate.objects.get()
    assert response["Content-Disposition"] == (
        f'attachment; filename="certificaat-lin-oost-{certificate.code}.pdf"'
    )
    text = " ".join(pdf_text(response.content).split())
    assert "Certificate of attendance" in text
    assert (
        "Noor Verpleegkundige attended the following meetings of the learning network LIN Oost "
        "from 1 January 2026 to 20 November 2026." in text
    )
    assert "8-10-2026 Intervisie wijkteam Peer consultation (intervisie) 2.00" in text
    assert "5-11-2026 Klinische les delier Clinical lesson (klinische les) 1.25" in text
    assert "Gemist" not in text and "Afgelast" not in text
    assert "Total: 2 meetings 3.25" in text
    assert (
        "Signed off on 20 November 2026 by the learning network LIN Oost, coordinated by "
        "Carla Coördinator." in text
    )
    assert f"Verification code: {certificate.code_display}" in text
    assert (certificate.holder_name, certificate.meetings, certificate.hours) == (
        "Noor Verpleegkundige",
        2,
        Decimal("3.25"),
    )


def test_the_certificate_is_in_the_persons_language(client, network, attended, nurse):
    nurse.language = "nl"
    nurse.save()
    client.force_login(nurse)
    text = " ".join(pdf_text(download(client, network).content).split())
    assert "Bewijs van deelname" in text


def test_a_certificate_without_attended_meetings_explains_and_stores_nothing(
    client, network, nurse, attended
):
    client.force_login(nurse)
    response = download(client, network, start="2026-01-01", end="2026-03-31")
    assert response.status_code == 400
    assert "You attended no meetings of LIN Oost in this period." in response.content.decode()
    assert Certificate.objects.count() == 0


def test_a_certificate_of_a_network_one_never_attended_is_refused(client, nurse, attended):
    client.force_login(nurse)
    response = download(client, NetworkFactory())
    assert response.status_code == 400
    assert Certificate.objects.count() == 0


# --- the public check ------------------------------------------------------------------------


def test_the_public_page_confirms_a_certificate_without_signing_in(
    client, network, nurse, attended
):
    client.force_login(nurse)
    download(client, network)
    certificate = Certificate.objects.get()
    client.logout()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    response = client.get(
        reverse("meetings:certificate_verify"), {"code": certificate.code_display.lower()}
    )
    assert response.status_code == 200
    assert response.context["certificate"] == certificate
    html = response.content.decode()
    assert "This certificate was issued by the platform." in html
    assert "Noor Verpleegkundige" in html and "3.25" in html


def test_an_unknown_code_says_not_found_and_nothing_else(client, network, nurse, attended):
    client.force_login(nurse)
    download(client, network)
    client.logout()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    response = client.get(reverse("meetings:certificate_verify"), {"code": "ABCD-EFGH-JKMN"})
    html = response.content.decode()
    assert response.context["certificate"] is None
    assert "Not found: no certificate has this verification code." in html
    assert "Noor" not in html and "LIN Oost" not in html


def test_an_erased_persons_certificate_no_longer_checks(client, network, nurse, attended):
    client.force_login(nurse)
    download(client, network)
    code = Certificate.objects.get().code
    account_erase(user=nurse, by=nurse)
    response = client.get(reverse("meetings:certificate_verify"), {"code": code})
    assert response.context["certificate"] is None


# --- the coordinators' export ----------------------------------------------------------------


def test_coordinators_export_everyones_hours_for_a_period(client, network, coord, nurse, attended):
    student = member(network, Role.STUDENT, full_name="Sam Student")
    AttendanceFactory(meeting=attended[0], user=student, status="present")
    client.force_login(coord)
    response = client.get(
        reverse("meetings:hours_export", args=[network.slug]),
        {"start": "2026-10-01", "end": "2026-11-30", "file_format": "csv"},
    )
    assert response["Content-Disposition"] == (
        'attachment; filename="leeruren-lin-oost-2026-10-01-2026-11-30.csv"'
    )
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rows == [
        ["person", "role", "profession", "domain", "meetings attended", "learning hours"],
        ["Noor Verpleegkundige", "Professional", "District nurse", "Care", "2", "3.25"],
        ["Sam Student", "Student", "Nursing student", "Care", "1", "2.00"],
    ]


def test_the_hours_export_in_xlsx_holds_numbers(client, network, coord, nurse, attended):
    client.force_login(coord)
    response = client.get(
        reverse("meetings:hours_export", args=[network.slug]),
        {"start": "2026-10-01", "end": "2026-11-30", "file_format": "xlsx"},
    )
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert list(sheet.iter_rows(min_row=2, values_only=True)) == [
        ("Noor Verpleegkundige", "Professional", "District nurse", "Care", 2, 3.25)
    ]


def test_the_hours_export_form_has_both_dates_filled_in(client, network, coord):
    client.force_login(coord)
    html = client.get(reverse("meetings:hours_export", args=[network.slug])).content.decode()
    assert 'name="start" value="2026-01-01"' in html
    assert 'name="end" value="2026-11-20"' in html


def test_the_hours_export_costs_the_same_queries_for_one_or_many(
    client, network, coord, django_assert_num_queries
):
    client.force_login(coord)
    params = {"start": "2026-10-01", "end": "2026-11-30", "file_format": "csv"}
    url = reverse("meetings:hours_export", args=[network.slug])
    AttendanceFactory(meeting=MeetingFactory(network=network, starts_at=DAY1), user=member(network))
    client.get(url, params)
    with django_assert_num_queries(6) as one:
        client.get(url, params)
    for i in range(20):
        AttendanceFactory(
            meeting=MeetingFactory(network=network, starts_at=DAY1 + timedelta(days=i)),
            user=member(network),
        )
    with django_assert_num_queries(len(one.captured_queries)):
        client.get(url, params)
