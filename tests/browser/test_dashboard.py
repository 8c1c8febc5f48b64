"""The network dashboard in a real browser: a coordinator opens it from the network page,
switches the period (the figures change), and downloads the period report as PDF and XLSX.
Every page is checked with axe."""

import datetime as dt
import io
from zoneinfo import ZoneInfo

from openpyxl import load_workbook
from pypdf import PdfReader

from networks.choices import Role
from sessions.meetings.models import Attendance
from tests.browser.conftest import axe_check, login, screenshot
from tests.factories import NetworkFactory, member
from tests.sessions.factories import MeetingFactory

AMS = ZoneInfo("Europe/Amsterdam")


def test_dashboard_period_switch_and_downloads(page, live_server):
    network = NetworkFactory(name="LIN Oost", slug="lin-oost")
    coordinator = member(network, Role.COORDINATOR, language="en")
    people = [member(network, Role.PROFESSIONAL) for _ in range(3)]
    for year, count in ((2024, 2), (2025, 3)):
        for index in range(count):
            meeting = MeetingFactory(
                network=network,
                format="leerlab",
                status="held",
                starts_at=dt.datetime(year, 3, 1 + index, 14, tzinfo=AMS),
                ends_at=dt.datetime(year, 3, 1 + index, 16, tzinfo=AMS),
            )
            for person in people:
                Attendance.objects.create(meeting=meeting, user=person, status="present")

    login(page, live_server, coordinator)
    page.goto(f"{live_server.url}/netwerken/lin-oost/")
    page.get_by_role("link", name="Dashboard").click()
    axe_check(page)
    assert page.get_by_role("heading", level=1).inner_text() == "Dashboard"

    page.locator("#id_start").fill("2024-01-01")
    page.locator("#id_end").fill("2024-12-31")
    page.get_by_role("button", name="Show period").click()
    axe_check(page)
    first = page.get_by_role("table", name="Meetings per format")
    assert first.locator("tbody tr").first.inner_text().split("\t") == [
        "Learning lab",
        "2",
        "6",
        "6",
        "100.0",
    ]

    page.locator("#id_start").fill("2025-01-01")
    page.locator("#id_end").fill("2025-12-31")
    page.get_by_role("button", name="Show period").click()
    axe_check(page)
    first = page.get_by_role("table", name="Meetings per format")
    assert first.locator("tbody tr").first.inner_text().split("\t")[:2] == ["Learning lab", "3"]
    screenshot(page, "dashboard-01-period")

    with page.expect_download() as pdf_download:
        page.get_by_role("link", name="Download report (PDF)").click()
    pdf = PdfReader(io.BytesIO(pdf_download.value.path().read_bytes()))
    text = "\n".join(p.extract_text() for p in pdf.pages)
    assert "LIN Oost" in text
    assert "01-01-2025 – 31-12-2025" in text
    assert pdf_download.value.suggested_filename == "lin-oost-20250101-20251231.pdf"

    with page.expect_download() as xlsx_download:
        page.get_by_role("link", name="Download XLSX").click()
    book = load_workbook(io.BytesIO(xlsx_download.value.path().read_bytes()))
    rows = list(book["Meetings per format"].iter_rows(values_only=True))
    assert list(rows[1][:2]) == ["Learning lab", 3]
