"""A student's shadowing journey in a real browser: request a dagdeel from a social worker,
the host accepts, the student reflects, the host confirms, the teacher gives feedback.
Every page visited is checked with axe (WCAG 2.1 A/AA)."""

import re

from django.utils import timezone

from networks.choices import Role
from tests.browser.conftest import axe_check, login, screenshot
from tests.factories import NetworkFactory, member
from tests.sessions.factories_shadowing import ShadowingSlotFactory, same_school, social_worker


def check_axe(page):
    axe_check(page)


def shot(page, name):
    screenshot(page, f"shadowing-{name}")


def sign_in(page, live_server, user):
    page.context.clear_cookies()
    login(page, live_server, user)


def visit(page, url, name):
    page.goto(url)
    shot(page, name)


def test_student_shadowing_journey(page, live_server):
    network = NetworkFactory(name="LIN Oost", slug="lin-oost")
    student = member(network, Role.STUDENT, full_name="Sanne de Vries", language="en")
    host = social_worker(network, full_name="Hamid El Amrani", language="en")
    teacher = member(network, Role.TEACHER, full_name="Tineke Bos", language="en")
    same_school(network, student, teacher)  # a teacher follows the students of their school
    ShadowingSlotFactory(
        network=network,
        host=host,
        date=timezone.localdate(),
        organisation_name="Welzijn Oost",
        place="Buurthuis De Pijp",
    )
    base = f"{live_server.url}/netwerken/lin-oost/meelopen"

    # The student finds the social worker's dagdeel and requests it.
    sign_in(page, live_server, student)
    visit(page, f"{base}/logboek/", "01-logbook-empty")
    page.get_by_role("link", name="Find an open half-day").click()
    check_axe(page)
    shot(page, "02-open-slots")
    page.get_by_role("link", name=re.compile("with Hamid El Amrani")).click()
    check_axe(page)
    page.get_by_label("Your learning goals").fill("See how a social worker runs a Wmo interview.")
    page.get_by_role("button", name="Send the request").click()
    check_axe(page)
    shot(page, "03-requested")
    assert page.locator(".alert").first.inner_text() == (
        "Your request has been sent to Hamid El Amrani."
    )
    day_url = page.url

    # The host accepts.
    sign_in(page, live_server, host)
    visit(page, f"{base}/gastgever/", "04-host-requests")
    page.get_by_role("button", name="Accept Sanne de Vries").click()
    check_axe(page)
    assert page.locator(".alert").first.inner_text() == (
        "You accepted the request of Sanne de Vries."
    )

    # The student writes the reflection.
    sign_in(page, live_server, student)
    visit(page, day_url, "05-planned")
    page.get_by_role("link", name="Write the reflection").click()
    check_axe(page)
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
    shot(page, "06-reflection-form")
    page.get_by_role("button", name="Save the reflection").click()
    check_axe(page)
    assert page.locator(".shadowing-status").first.inner_text() == (
        "Done, awaiting the host's confirmation"
    )

    # The host confirms.
    sign_in(page, live_server, host)
    visit(page, day_url, "07-host-confirms")
    page.get_by_role("button", name="Confirm the day").click()
    check_axe(page)
    assert page.locator(".shadowing-status").first.inner_text() == "Confirmed by the host"

    # The teacher follows the student and gives feedback.
    sign_in(page, live_server, teacher)
    visit(page, f"{base}/studenten/", "08-teacher-overview")
    page.get_by_role("link", name="Sanne de Vries").click()
    check_axe(page)
    shot(page, "09-student-logbook")
    page.goto(day_url)
    page.get_by_label("Your feedback").fill("Good question: bring it to the next meeting.")
    page.get_by_role("button", name="Give feedback").click()
    check_axe(page)
    shot(page, "10-feedback")

    # The student sees the feedback and the progress in the logbook.
    sign_in(page, live_server, student)
    visit(page, day_url, "11-student-sees-feedback")
    assert page.locator(".shadowing-feedback blockquote").inner_text() == (
        "Good question: bring it to the next meeting."
    )
    visit(page, f"{base}/logboek/", "12-logbook")
    assert (
        page.locator("#progress-heading + p")
        .inner_text()
        .startswith("1 of 4 required half-days confirmed.")
    )
    visit(page, f"{base}/logboek/afdrukken/", "13-print")
    page.emulate_media(media="print")
    shot(page, "14-print-media")
    page.emulate_media(media="screen")


def test_student_changes_goals_then_withdraws_and_the_host_is_told(page, live_server):
    from datetime import timedelta

    from django.core import mail

    network = NetworkFactory(name="LIN Oost", slug="lin-oost")
    student = member(network, Role.STUDENT, full_name="Sanne de Vries", language="en")
    host = social_worker(network, full_name="Hamid El Amrani", language="en")
    ShadowingSlotFactory(network=network, host=host, date=timezone.localdate() + timedelta(days=7))
    base = f"{live_server.url}/netwerken/lin-oost/meelopen"

    sign_in(page, live_server, student)
    visit(page, f"{base}/dagdelen/", "20-open-slots")
    page.get_by_role("link", name=re.compile("with Hamid El Amrani")).click()
    check_axe(page)
    page.get_by_label("Your learning goals").fill("See a Wmo interview.")
    page.get_by_role("button", name="Send the request").click()
    check_axe(page)
    page.get_by_role("link", name="Change the learning goals").click()
    check_axe(page)
    shot(page, "21-edit-goals")
    page.get_by_label("Your learning goals").fill("See a Wmo interview and how it is reported.")
    page.get_by_role("button", name="Save the changes").click()
    check_axe(page)
    assert page.locator(".alert").first.inner_text() == "Your changes to the day are saved."
    page.get_by_label("Reason for cancelling (optional)").fill("I have an exam that day.")
    page.get_by_role("button", name="Withdraw the request").click()
    check_axe(page)
    shot(page, "22-withdrawn")
    assert page.locator(".alert").first.inner_text() == (
        "You withdrew your request; Hamid El Amrani is told by mail."
    )
    assert page.locator(".shadowing-status").first.inner_text() == "Cancelled"
    # The host was told of the request, then of its withdrawal.
    assert [(message.to, message.subject.split(" shadow")[0]) for message in mail.outbox] == [
        ([host.email], "Sanne de Vries asks to"),
        ([host.email], "Sanne de Vries withdrew the request to"),
    ]
    visit(page, f"{base}/dagdelen/", "23-slot-open-again")
    assert page.get_by_role("link", name=re.compile("with Hamid El Amrani")).count() == 1
