"""Evaluation in a real browser: a coordinator opens a baseline round; a student answers it
on a phone-sized window (390 px, no sideways scrolling); the coordinator sees the results
hidden with one answer and shown once five people answered. Every page is checked with axe."""

import datetime as dt

from django.utils import timezone

from evaluation import services
from evaluation.models import Round
from networks.choices import Role
from tests.browser.conftest import axe_check, login, screenshot
from tests.evaluation.helpers import ripls_answers
from tests.factories import NetworkFactory, member


def sign_in(page, live_server, user):
    page.context.clear_cookies()
    login(page, live_server, user)


def test_baseline_round_answered_on_a_phone(page, live_server, settings):
    settings.EVALUATION_MIN_GROUP = 5
    network = NetworkFactory(name="LIN Oost", slug="lin-oost")
    coordinator = member(network, Role.COORDINATOR, full_name="Carla Coördinator", language="en")
    student = member(network, Role.STUDENT, full_name="Sanne de Vries", language="en")
    others = [member(network, Role.PROFESSIONAL) for _ in range(4)]
    base = f"{live_server.url}/netwerken/lin-oost/evaluatie/"
    today = timezone.localdate()

    # The coordinator makes a baseline round of RIPLS and opens it.
    sign_in(page, live_server, coordinator)
    page.goto(base)
    page.get_by_role("link", name="New round").click()
    axe_check(page)
    page.get_by_label("Questionnaire").select_option("ripls-1")
    page.get_by_label("Opens on").fill(today.isoformat())
    page.get_by_label("Closes on").fill((today + dt.timedelta(days=14)).isoformat())
    page.get_by_role("button", name="Save round").click()
    axe_check(page)
    page.get_by_role("button", name="Open round and invite").click()
    axe_check(page)
    assert page.locator(".alert-success").first.inner_text() == (
        "The round is open: 6 people are invited."
    )
    round_url = page.url
    screenshot(page, "evaluation-01-opened")

    # The student answers on a phone: saves half, comes back, sends.
    page.set_viewport_size({"width": 390, "height": 844})
    sign_in(page, live_server, student)
    page.goto(f"{live_server.url}/netwerken/lin-oost/")
    page.get_by_role("link", name="Readiness for interprofessional learning (RIPLS)").click()
    axe_check(page)
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    for n in range(1, 10):
        page.locator(f"#id_ripls{n:02d}_3").check()
    page.get_by_role("button", name="Save and continue later").click()
    axe_check(page)
    assert page.locator("#id_ripls05_3").is_checked()
    for n in range(10, 20):
        page.locator(f"#id_ripls{n:02d}_1").check()
    screenshot(page, "evaluation-02-phone")
    page.get_by_role("button", name="Send my answers").click()
    axe_check(page)
    assert page.get_by_role("heading", level=1).inner_text() == "Thank you!"
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")

    # One answer: the coordinator sees nothing of it.
    page.set_viewport_size({"width": 1280, "height": 900})
    sign_in(page, live_server, coordinator)
    page.goto(round_url)
    assert page.locator("#results-suppressed").is_visible()
    assert page.locator("#response-rate").inner_text() == "1 of 6 invited people answered (17%)."

    # Four more: the results show.
    round_ = Round.objects.get()
    for person in others:
        services.response_save(round_=round_, user=person, answers=ripls_answers(5), submit=True)
    page.goto(round_url)
    assert page.locator("#results-suppressed").count() == 0
    means = page.locator(".subscale-mean").all_inner_texts()
    # Teamwork: (4 × 9 + 4 × 45) / 5 = 43.2; negative identity, reversed: the student's
    # "disagree" (2) counts 4 on each of 3 items, the others' "strongly agree" (5) counts 1.
    assert means[:2] == ["43.2", "4.8"]
    screenshot(page, "evaluation-03-results")
