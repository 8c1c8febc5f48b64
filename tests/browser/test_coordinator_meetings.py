"""The coordinator's journey in a real browser: sign in, schedule a series of six intervisie
meetings every two weeks (with a preview), a student answers yes, the coordinator registers
attendance. Every page visited passes axe (WCAG 2.1 A/AA)."""

import re
from datetime import timedelta

from django.utils import timezone

from networks.choices import Role
from sessions.meetings.models import Attendance, Meeting, Rsvp
from tests.browser.conftest import axe_check, login, screenshot
from tests.factories import ThemeFactory, member


def check_axe(page, name: str) -> None:
    axe_check(page)
    screenshot(page, name)


def click_to(page, selector: str, url_pattern: str) -> None:
    """Follow a link or submit a form, and wait until the next page is there."""
    page.click(selector)
    page.wait_for_url(re.compile(url_pattern))


def test_coordinator_schedules_a_series_and_registers_attendance(live_server, page, browser):
    base = live_server.url
    from tests.factories import NetworkFactory

    network = NetworkFactory(name="LIN Oost", slug="lin-oost")
    ThemeFactory(network=network, name="Ondervoeding")
    coordinator = member(network, Role.COORDINATOR, full_name="Carla Coördinator")
    student = member(network, Role.STUDENT, full_name="Sam Student")
    first_day = timezone.localdate() + timedelta(days=7)

    login(page, live_server, coordinator)
    screenshot(page, "home-coordinator")
    page.goto(f"{base}/netwerken/lin-oost/agenda/")
    check_axe(page, "agenda-empty")
    click_to(page, "a[href='/netwerken/lin-oost/bijeenkomsten/plannen/']", r"/plannen/$")
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
    click_to(page, "a[href='/netwerken/lin-oost/agenda/maand/']", r"/agenda/maand/")
    check_axe(page, "month")

    first = Meeting.objects.order_by("starts_at").first()
    meeting_url = f"{base}/netwerken/lin-oost/bijeenkomsten/{first.pk}/"

    student_context = browser.new_context()
    student_page = student_context.new_page()
    login(student_page, live_server, student)
    screenshot(student_page, "home-student")
    student_page.goto(meeting_url)
    check_axe(student_page, "meeting-student")
    student_page.click("#rsvp-box button[value=yes]")
    student_page.wait_for_selector("#rsvp-box button[value=yes][aria-pressed=true]")
    check_axe(student_page, "meeting-student-answered")
    assert list(Rsvp.objects.values_list("user_id", "answer")) == [(student.pk, "yes")]
    student_context.close()

    page.goto(meeting_url)
    check_axe(page, "meeting-coordinator")
    click_to(
        page,
        f"a[href='/netwerken/lin-oost/bijeenkomsten/{first.pk}/aanwezigheid/']",
        r"/aanwezigheid/$",
    )
    check_axe(page, "attendance")
    page.select_option(f"#id_person_{student.pk}", "present")
    page.select_option(f"#id_person_{coordinator.pk}", "present")
    page.click("form button[type=submit].btn-primary")
    page.wait_for_selector(".alert-success")
    check_axe(page, "attendance-saved")
    assert sorted(Attendance.objects.values_list("user_id", "status")) == sorted(
        [(student.pk, "present"), (coordinator.pk, "present")]
    )

    # Breakout groups for the people present, mixed across domains.
    page.goto(meeting_url)
    click_to(
        page, f"a[href='/netwerken/lin-oost/bijeenkomsten/{first.pk}/groepen/']", r"/groepen/$"
    )
    check_axe(page, "groups-empty")
    page.fill("#id_size", "2")
    click_to(page, "form[action$='/groepen/indelen/'] button[type=submit]", r"/groepen/$")
    page.wait_for_selector(".alert-success")
    check_axe(page, "groups-made")
    from sessions.meetings.models import BreakoutGroup

    groups = BreakoutGroup.objects.filter(meeting=first).prefetch_related("members")
    assert [sorted(m.user_id for m in g.members.all()) for g in groups] == [
        sorted([student.pk, coordinator.pk])
    ]
