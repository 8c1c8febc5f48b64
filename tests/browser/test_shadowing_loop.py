"""The shadowing and teaching loop in a real browser, with three people: a host offers a
series of half-days, a student on a 390 px phone requests one from a filtered list, the host
accepts, the day happens (the clock moves with time-machine), the student reflects, the host
confirms, and the teacher gives feedback from the queue. Every page visited is checked with
axe (WCAG 2.1 A/AA)."""

import re
from datetime import datetime, time, timedelta

import time_machine
from django.utils import timezone
from playwright.sync_api import expect

from accounts.choices import Profession
from networks.choices import Role
from sessions.shadowing.models import ShadowingDay, ShadowingSlot
from tests.browser.conftest import axe_check, login, screenshot
from tests.factories import NetworkFactory, member
from tests.sessions.factories_shadowing import ShadowingSlotFactory, same_school, social_worker

PHONE = {"width": 390, "height": 844}
DESK = {"width": 1280, "height": 900}


def sign_in(page, live_server, user, viewport=DESK):
    page.context.clear_cookies()
    page.set_viewport_size(viewport)
    login(page, live_server, user)


def shot(page, name):
    screenshot(page, f"shadowing-loop-{name}")


def no_sideways_scroll(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def flash(page) -> str:
    return page.locator(".alert").first.inner_text().strip()


def test_the_shadowing_loop_with_three_people(page, live_server):
    network = NetworkFactory(name="LIN Oost", slug="lin-oost")
    student = member(
        network,
        Role.STUDENT,
        full_name="Sanne de Vries",
        language="en",
        profession=Profession.NURSING_STUDENT,
    )
    host = social_worker(network, full_name="Hamid El Amrani", language="en")
    teacher = member(
        network, Role.TEACHER, full_name="Tineke Bos", language="en", profession="teacher"
    )
    same_school(network, student, teacher)
    # A nurse offers a half-day too: of the student's own domain, filtered out below.
    nurse = member(network, Role.PROFESSIONAL, full_name="Nina Verpleeg", profession="nurse")
    ShadowingSlotFactory(network=network, host=nurse, place="Verpleeghuis Oost")
    first = timezone.localdate() + timedelta(days=7)
    base = f"{live_server.url}/netwerken/lin-oost/meelopen"

    # The host lands on what they host and offers a weekly series of three mornings.
    sign_in(page, live_server, host)
    page.goto(f"{base}/")
    expect(page.get_by_role("heading", name="Days I host", exact=True)).to_be_visible()
    page.get_by_role("link", name="Offer a half-day").click()
    axe_check(page)
    # Crispy marks required labels with an asterisk: the fields are found by their id.
    page.locator("#id_date").fill(first.isoformat())
    page.locator("#id_dagdeel").select_option("morning")
    page.locator("#id_place").fill("Buurthuis De Pijp")
    page.get_by_label("Every week").check()
    page.locator("#id_count").fill("3")
    shot(page, "01-offer-series")
    page.get_by_role("button", name="Offer the half-day").click()
    axe_check(page)
    assert flash(page) == "3 half-days are offered to the network."
    assert list(ShadowingSlot.objects.filter(host=host).values_list("date", flat=True)) == [
        first + timedelta(days=7 * k) for k in range(3)
    ]

    # The student, on a phone, filters on the other domain and requests the first morning.
    sign_in(page, live_server, student, viewport=PHONE)
    page.goto(f"{base}/dagdelen/")
    page.get_by_label("Domain of the host").select_option("other")
    page.get_by_role("button", name="Filter").click()
    axe_check(page)
    cards = page.locator(".slot-card")
    expect(cards).to_have_count(3)
    assert "Nina Verpleeg" not in page.locator("main").inner_text()
    assert no_sideways_scroll(page)
    button = cards.first.locator(".slot-request")
    box = button.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]
    shot(page, "02-phone-filtered")
    button.click()
    axe_check(page)
    assert no_sideways_scroll(page)
    page.get_by_label("Your learning goals").fill("See how a social worker runs a Wmo talk.")
    page.get_by_role("button", name="Send the request").click()
    axe_check(page)
    assert flash(page) == "Your request has been sent to Hamid El Amrani."
    day = ShadowingDay.objects.get(shadower=student)
    day_url = page.url

    # The host accepts from their page; the slot now shows "Booked".
    sign_in(page, live_server, host)
    page.goto(f"{base}/gastgever/")
    page.get_by_role("button", name="Accept Sanne de Vries").click()
    axe_check(page)
    assert flash(page) == "You accepted the request of Sanne de Vries."
    expect(page.locator("#slots-heading ~ table tbody tr").first).to_contain_text("Booked")

    # The student's bell (on the phone) shows that the host accepted; opening the item leads
    # to the day and marks it read.
    sign_in(page, live_server, student, viewport=PHONE)
    page.goto(f"{live_server.url}/")
    bell = page.locator("header .lin-bell")
    expect(bell.locator(".badge")).to_have_text("1")
    bell.click()
    axe_check(page)
    unread = page.locator(".lin-notification-unread")
    expect(unread).to_have_count(1)
    expect(unread).to_contain_text("Hamid El Amrani accepted your request")
    unread.get_by_role("link").click()
    assert page.url == day_url
    expect(page.locator("header .lin-bell .badge")).to_have_count(0)

    # The day happens: the clock moves to the afternoon after the morning.
    moment = timezone.make_aware(datetime.combine(day.date, time(15, 0)))
    with time_machine.travel(moment, tick=True):
        # The student (phone) is asked for the reflection in the logbook and writes it.
        sign_in(page, live_server, student, viewport=PHONE)
        page.goto(f"{base}/logboek/")
        expect(page.locator(".shadowing-status").first).to_have_text("Reflection due")
        page.get_by_role("link", name=re.compile("^Write your reflection on")).click()
        axe_check(page)
        page.get_by_label("What did you see?").fill("A kitchen-table talk about loneliness.")
        page.get_by_label("What surprised you about the other domain?").fill(
            "How much time there is for the network around a client."
        )
        page.get_by_label("What will you take into your own work?").fill(
            "Ask about neighbours and family, not only about the wound."
        )
        page.get_by_label("What question do you bring to the next LIN meeting?").fill(
            "How do we share signals without breaking privacy?"
        )
        page.get_by_role("button", name="Save the reflection").click()
        axe_check(page)
        assert no_sideways_scroll(page)

        # The host confirms the day from their page.
        sign_in(page, live_server, host)
        page.goto(f"{base}/")
        page.get_by_role("button", name="Confirm the day of Sanne de Vries").click()
        axe_check(page)
        assert flash(page) == "You confirmed the day of Sanne de Vries."

        # The teacher lands on their students and gives feedback from the queue, in place.
        sign_in(page, live_server, teacher)
        page.goto(f"{base}/")
        expect(page.get_by_role("heading", name="Students' shadowing")).to_be_visible()
        page.get_by_role("link", name="Feedback to give").click()
        axe_check(page)
        shot(page, "03-teacher-queue")
        item = page.locator(".queue-item")
        expect(item).to_have_count(1)
        item.get_by_label("Your feedback to Sanne de Vries").fill(
            "Good question: bring it to the next meeting."
        )
        item.get_by_role("button", name="Give feedback to Sanne de Vries").click()
        expect(page.locator(".queue-item .alert-success")).to_have_text(
            "Your feedback is saved; Sanne de Vries sees it."
        )
        axe_check(page)
        shot(page, "04-feedback-in-place")

        # The student reads the feedback on the day's page.
        sign_in(page, live_server, student, viewport=PHONE)
        page.goto(day_url)
        assert page.locator(".shadowing-feedback blockquote").inner_text() == (
            "Good question: bring it to the next meeting."
        )

        # The student's bell shows the host's confirmation and the teacher's feedback.
        page.goto(f"{live_server.url}/meldingen/")
        unread = page.locator(".lin-notification-unread")
        expect(unread).to_have_count(2)
        expect(unread.first).to_contain_text("A teacher gave feedback on your reflection")
        expect(unread.nth(1)).to_contain_text("Hamid El Amrani confirmed your shadowing day")
        expect(page.locator("header .lin-bell .badge")).to_have_text("2")

    day.refresh_from_db()
    assert (day.status, day.feedback.count()) == ("confirmed", 1)
