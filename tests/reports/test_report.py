"""The period report: the PDF (A4; its text read back with pypdf: network name, period, the
coordinator's text, a table value) and the XLSX (every table on its own sheet); the
coordinator's text passes the privacy guard."""

import datetime as dt
import io
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.urls import reverse
from openpyxl import load_workbook
from pypdf import PdfReader

from networks.choices import Role
from reports.models import PeriodText
from sessions.meetings.models import Attendance
from tests.factories import NetworkFactory, member
from tests.sessions.factories import MeetingFactory

pytestmark = pytest.mark.django_db
AMS = ZoneInfo("Europe/Amsterdam")
PERIOD = {"start": "2026-01-01", "end": "2026-06-30"}


@pytest.fixture(autouse=True)
def frozen(settings):
    settings.LANGUAGE_CODE = "en"
    with time_machine.travel(dt.datetime(2026, 9, 1, 12, tzinfo=AMS), tick=False):
        yield


@pytest.fixture
def network():
    network = NetworkFactory(name="LIN Amstel-Oost", slug="amstel-oost")
    for day in (3, 10, 17):
        meeting = MeetingFactory(
            network=network,
            format="leerlab",
            status="held",
            starts_at=dt.datetime(2026, 3, day, 14, tzinfo=AMS),
            ends_at=dt.datetime(2026, 3, day, 16, tzinfo=AMS),
        )
        for _ in range(2):
            Attendance.objects.create(
                meeting=meeting, user=member(network, Role.PROFESSIONAL), status="present"
            )
    return network


@pytest.fixture
def coordinator(network):
    return member(network, Role.COORDINATOR, language="en")


def test_pdf_holds_name_period_text_and_table_values(client, network, coordinator):
    PeriodText.objects.create(
        network=network,
        starts_on=dt.date(2026, 1, 1),
        ends_on=dt.date(2026, 6, 30),
        highlights="Drie leerlabs met beide domeinen.",
    )
    client.force_login(coordinator)

    response = client.get(reverse("reports:report_pdf", args=[network.slug]), PERIOD)

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == (
        'attachment; filename="amstel-oost-20260101-20260630.pdf"'
    )
    reader = PdfReader(io.BytesIO(response.content))
    box = reader.pages[0].mediabox
    assert (round(float(box.width) * 25.4 / 72), round(float(box.height) * 25.4 / 72)) == (
        210,
        297,
    )
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert "LIN Amstel-Oost" in text
    assert "01-01-2026 – 30-06-2026" in text
    assert "Drie leerlabs met beide domeinen." in text
    # The appendix row of the meetings per format: 3 meetings, 6 present of 6, 100 %.
    assert "Learning lab 3 6 6 100.0" in text


def test_xlsx_has_every_table_on_its_own_sheet(client, network, coordinator):
    client.force_login(coordinator)

    response = client.get(reverse("reports:report_xlsx", args=[network.slug]), PERIOD)

    book = load_workbook(io.BytesIO(response.content))
    assert book.sheetnames[:3] == ["Report", "Meetings per format", "By domain"]
    assert [list(r) for r in book["Meetings per format"].iter_rows(values_only=True)] == [
        ["Format", "Meetings", "Present", "Attendance registered", "Rate (%)"],
        ["Learning lab", 3, 6, 6, 100],
        ["Total", 3, 6, 6, 100],
    ]
    assert [list(r) for r in book["Shadowing"].iter_rows(values_only=True)] == [
        ["Shadowing"],
        ["No data in this period."],
    ]


def test_a_bad_period_downloads_nothing(client, network, coordinator):
    client.force_login(coordinator)
    response = client.get(
        reverse("reports:report_pdf", args=[network.slug]),
        {"start": "2026-06-30", "end": "2026-01-01"},
        follow=True,
    )
    assert response["Content-Type"].startswith("text/html")
    assert [str(m) for m in response.context["messages"]] == [
        "The period cannot end before it starts."
    ]


def test_the_text_refuses_identifying_data(client, network, coordinator):
    client.force_login(coordinator)
    response = client.post(
        reverse("reports:period_text", args=[network.slug]),
        {
            **PERIOD,
            "context": "Mail haar op j.jansen@example.org.",
            "highlights": "",
            "next_steps": "",
        },
        follow=True,
    )
    assert PeriodText.objects.count() == 0
    assert len(list(response.context["messages"])) == 1


@pytest.mark.parametrize("extra", [0, 5])
def test_xlsx_in_a_constant_number_of_queries(
    client, network, coordinator, extra, django_assert_num_queries
):
    for day in range(extra):
        meeting = MeetingFactory(
            network=network,
            status="held",
            starts_at=dt.datetime(2026, 4, 1 + day, 14, tzinfo=AMS),
            ends_at=dt.datetime(2026, 4, 1 + day, 16, tzinfo=AMS),
        )
        Attendance.objects.create(
            meeting=meeting, user=member(network, Role.STUDENT), status="present"
        )
    client.force_login(coordinator)

    with django_assert_num_queries(15):
        response = client.get(reverse("reports:report_xlsx", args=[network.slug]), PERIOD)

    assert response.status_code == 200
