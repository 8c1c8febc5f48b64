"""The coordinator's journey in a real browser: sign in, schedule a series of six intervisie
meetings every two weeks (with a preview), a student answers yes, the coordinator registers
attendance. Every page visited passes axe (WCAG 2.1 A/AA)."""

import os
from datetime import timedelta
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.utils import timezone

from networks.choices import Role
from sessions.models import Attendance, Meeting, Rsvp
from tests.factories import PASSWORD, ThemeFactory, member

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
SHOTS = Path(os.environ.get("LIN_SCREENSHOTS", "test-results/screenshots"))


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": "/usr/bin/chromium",
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ],
    }


def check_axe(page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)
    results = Axe().run(
        page,
        options={
            "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}
        },
    )
    if results.violations_count:
        print(results.generate_report())
    assert results.violations_count == 0, name


def sign_in(page, base, email):
    page.goto(f"{base}/account/login/")
    check_axe(page, "login")
    page.fill("input[name=login]", email)
    page.fill("input[name=password]", PASSWORD)
    page.click("form button[type=submit]")
    page.wait_for_url(f"{base}/")


def test_coordinator_schedules_a_series_and_registers_attendance(
    live_server, page, browser, transactional_db
):
    base = live_server.url
    from tests.factories import NetworkFactory

    network = NetworkFactory(name="LIN Oost", slug="lin-oost")
    ThemeFactory(network=network, name="Ondervoeding")
    coordinator = member(network, Role.COORDINATOR, full_name="Carla Coördinator")
    student = member(network, Role.STUDENT, full_name="Sam Student")
    first_day = timezone.localdate() + timedelta(days=7)

    sign_in(page, base, coordinator.email)
    check_axe(page, "home-coordinator")
    page.goto(f"{base}/netwerken/lin-oost/agenda/")
    check_axe(page, "agenda-empty")
    page.click("a[href='/netwerken/lin-oost/bijeenkomsten/plannen/']")
    check_axe(page, "schedule-form")

    page.fill("#id_title", "Intervisie wijkteam Oost")
    page.select_option("#id_format", "intervisie")
    page.fill("#id_day", first_day.isoformat())
    page.fill("#id_start_time", "15:00")
    page.fill("#id_end_time", "16:30")
    page.check("input[name=repeat][value=weekly]")
    page.fill("#id_interval", "2")
    page.fill("#id_count", "6")
    page.fill("#id_location", "Buurthuis De Kolk")
    page.fill("#id_online_url", "https://meet.example.org/lin-oost")
    page.click("button[name=preview]")
    page.wait_for_selector("#schedule-preview .preview-dates li")
    assert page.locator("#schedule-preview .preview-dates li").count() == 6
    assert Meeting.objects.count() == 0
    check_axe(page, "schedule-preview")

    page.click("button[name=save]")
    page.wait_for_url(f"{base}/netwerken/lin-oost/agenda/")
    assert Meeting.objects.count() == 6
    starts = [timezone.localtime(m.starts_at) for m in Meeting.objects.order_by("starts_at")]
    assert [(s.date() - first_day).days for s in starts] == [0, 14, 28, 42, 56, 70]
    assert {(s.hour, s.minute) for s in starts} == {(15, 0)}
    assert page.locator(".agenda-list li").count() == 6
    check_axe(page, "agenda-series")
    page.click("a[href='/netwerken/lin-oost/agenda/maand/']")
    check_axe(page, "month")

    first = Meeting.objects.order_by("starts_at").first()
    meeting_url = f"{base}/netwerken/lin-oost/bijeenkomsten/{first.pk}/"

    student_context = browser.new_context()
    student_page = student_context.new_page()
    sign_in(student_page, base, student.email)
    check_axe(student_page, "home-student")
    student_page.goto(meeting_url)
    check_axe(student_page, "meeting-student")
    student_page.click("#rsvp-box button[value=yes]")
    student_page.wait_for_selector("#rsvp-box button[value=yes][aria-pressed=true]")
    check_axe(student_page, "meeting-student-answered")
    assert list(Rsvp.objects.values_list("user_id", "answer")) == [(student.pk, "yes")]
    student_context.close()

    page.goto(meeting_url)
    check_axe(page, "meeting-coordinator")
    page.click(f"a[href='/netwerken/lin-oost/bijeenkomsten/{first.pk}/aanwezigheid/']")
    check_axe(page, "attendance")
    page.select_option(f"#id_person_{student.pk}", "present")
    page.select_option(f"#id_person_{coordinator.pk}", "present")
    page.click("form button[type=submit].btn-primary")
    page.wait_for_selector(".alert-success")
    check_axe(page, "attendance-saved")
    assert sorted(Attendance.objects.values_list("user_id", "status")) == sorted(
        [(student.pk, "present"), (coordinator.pk, "present")]
    )
