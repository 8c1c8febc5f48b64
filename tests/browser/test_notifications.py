"""The bell on a phone (390 px): a host is told of a request, opens it from the bell and
accepts; the student's bell then shows the answer. Every page is checked with axe."""

import re

from networks.choices import Role
from sessions.shadowing.services import shadowing_day_request
from tests.browser.conftest import axe_check, login, screenshot
from tests.factories import NetworkFactory, member
from tests.sessions.factories_shadowing import ShadowingSlotFactory, social_worker

PHONE = {"width": 390, "height": 844}


def no_sideways_scrolling(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_the_bell_leads_host_and_student_to_their_next_step(page, live_server):
    network = NetworkFactory(name="LIN Oost", slug="lin-oost")
    student = member(network, Role.STUDENT, full_name="Sanne de Vries", language="en")
    host = social_worker(network, full_name="Hamid El Amrani", language="en")
    slot = ShadowingSlotFactory(network=network, host=host, place="Buurthuis De Pijp")
    day = shadowing_day_request(
        shadower=student, network=network, slot=slot, learning_goals="Zien hoe."
    )
    page.set_viewport_size(PHONE)

    login(page, live_server, host)
    page.get_by_role("link", name="Notifications: 1 unread").click()
    axe_check(page)
    screenshot(page, "notifications-host")
    assert no_sideways_scrolling(page)
    item = page.get_by_role("link", name=re.compile("^Sanne de Vries asks to shadow you on"))
    item.click()
    axe_check(page)
    assert page.url == f"{live_server.url}/netwerken/lin-oost/meelopen/{day.pk}/"
    page.get_by_role("button", name="Accept the request").click()
    axe_check(page)
    assert page.get_by_role("link", name="Notifications").count() == 1  # read: no number

    page.context.clear_cookies()
    login(page, live_server, student)
    page.get_by_role("link", name="Notifications: 1 unread").click()
    axe_check(page)
    screenshot(page, "notifications-student")
    assert no_sideways_scrolling(page)
    page.get_by_role("link", name=re.compile("^Hamid El Amrani accepted your request")).click()
    axe_check(page)
    assert page.url == f"{live_server.url}/netwerken/lin-oost/meelopen/{day.pk}/"
