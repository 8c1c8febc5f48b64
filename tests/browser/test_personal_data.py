"""A person downloads their data and has it erased, in a real browser (axe on every page)."""

import json

from django.urls import reverse
from playwright.sync_api import expect

from accounts.models import User
from networks.choices import Role
from tests.browser.conftest import axe_check, login, screenshot
from tests.factories import PASSWORD, member


def test_a_student_downloads_and_erases_their_data(page, live_server, network):
    member(network, Role.COORDINATOR)
    student = member(network, Role.STUDENT, full_name="Sanne de Vries")
    login(page, live_server, student)

    page.goto(reverse("accounts:profile"))
    page.locator("main").get_by_role("link", name="Mijn gegevens").click()
    expect(page.locator("main h1")).to_have_text("Mijn gegevens")
    axe_check(page)
    with page.expect_download() as download:
        page.locator("main").get_by_role("link", name="Mijn gegevens downloaden").click()
    data = json.loads(download.value.path().read_text(encoding="utf-8"))
    assert data["sections"]["account"]["profile"]["full_name"] == "Sanne de Vries"
    screenshot(page, "personal-data")

    page.locator("main").get_by_role("link", name="Mijn gegevens wissen…").click()
    expect(page.locator("main h1")).to_have_text("Mijn gegevens wissen")
    axe_check(page)
    page.locator("main input[name=password]").fill("not-my-password")
    page.locator("main button.btn-danger").click()
    expect(page.locator("main .invalid-feedback")).to_have_text(
        "Dat is niet je huidige wachtwoord. Er is niets gewist."
    )
    axe_check(page)
    page.locator("main input[name=password]").fill(PASSWORD)
    page.locator("main button.btn-danger").click()
    expect(page.locator("main h1")).to_have_text("Je gegevens zijn gewist")
    expect(page.locator("header nav")).to_contain_text("Inloggen")
    axe_check(page)
    screenshot(page, "personal-data-erased")
    erased = User.objects.get(pk=student.pk)
    assert (erased.email, erased.full_name, erased.is_active) == (
        f"erased-{student.pk}@erased.invalid",
        "",
        False,
    )
