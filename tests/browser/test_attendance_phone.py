"""A coordinator takes attendance for 20 people on a phone (390 × 844): every control of the
register lies inside the screen (no sideways scrolling), each tap saves one person with
htmx, and the check-in QR code is on the page. The page passes axe (WCAG 2.1 A/AA)."""

from datetime import timedelta

from django.utils import timezone

from networks.choices import Role
from sessions.meetings.models import Attendance
from tests.browser.conftest import axe_check, login, screenshot
from tests.factories import NetworkFactory, member
from tests.sessions.factories import MeetingFactory

WIDTH, HEIGHT = 390, 844


def outside_the_viewport(page) -> list[str]:
    """Every visible control (button, link, input, select, summary) whose box is not wholly
    inside the page's width, and whether the page scrolls sideways."""
    problems = []
    for control in page.locator(
        "main button, main a, main input:not([type=hidden]), main select, main summary"
    ).all():
        box = control.bounding_box()
        if box is None or not control.is_visible():
            continue
        if box["x"] < 0 or box["x"] + box["width"] > WIDTH:
            problems.append(f"{control.evaluate('e => e.outerHTML')[:80]}: {box}")
    scroll = page.evaluate("document.documentElement.scrollWidth")
    if scroll > WIDTH:
        problems.append(f"the page is {scroll}px wide")
    return problems


def test_a_coordinator_takes_attendance_for_20_people_on_a_phone(live_server, page):
    page.set_viewport_size({"width": WIDTH, "height": HEIGHT})
    network = NetworkFactory(name="LIN Oost", slug="lin-oost")
    coordinator = member(network, Role.COORDINATOR, full_name="Carla Coördinator")
    people = [
        member(
            network,
            Role.STUDENT if i % 2 else Role.PROFESSIONAL,
            full_name=f"Deelnemer met een lange achternaam {i:02d}",
        )
        for i in range(20)
    ]
    now = timezone.now()
    meeting = MeetingFactory(
        network=network,
        title="Intervisie wijkteam",
        starts_at=now - timedelta(minutes=10),
        ends_at=now + timedelta(hours=1),
    )

    login(page, live_server, coordinator)
    page.goto(f"{live_server.url}/netwerken/lin-oost/bijeenkomsten/{meeting.pk}/aanwezigheid/")
    screenshot(page, "attendance-phone")
    assert page.locator(".checkin-qr").is_visible()
    assert outside_the_viewport(page) == []
    # The desktop table is not there on a phone; the list is.
    assert not page.locator("table.attendance-table").is_visible()
    assert page.locator(".attendance-person").count() == 21

    statuses = ["present", "excused", "absent"]
    for i, person in enumerate(people):
        row = page.locator(f"#person-{person.pk}")
        row.scroll_into_view_if_needed()
        button = row.locator(f"button[value={statuses[i % 3]}]")
        box = button.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= WIDTH
        assert box["height"] >= 44  # a thumb's target
        button.click()
        page.locator(f"#person-{person.pk} button[aria-pressed=true]").wait_for()
    expected = {p.pk: statuses[i % 3] for i, p in enumerate(people)}
    assert dict(Attendance.objects.values_list("user_id", "status")) == expected
    assert outside_the_viewport(page) == []
    axe_check(page)
    screenshot(page, "attendance-phone-done")

    # After a reload the choices are still shown as chosen.
    page.reload()
    pressed = page.locator(f"#person-{people[1].pk} button[aria-pressed=true]")
    assert pressed.get_attribute("value") == "excused"
    assert outside_the_viewport(page) == []
