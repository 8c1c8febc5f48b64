"""Smoke tests of the browser rig: the Dutch sign-in page and a member's home page.

Each page these tests visit is also checked by axe (see conftest.py).
"""

import re

import pytest
from django.urls import reverse
from django.utils import translation
from playwright.sync_api import expect

from networks.choices import Role
from tests.browser.conftest import axe_check, login, screenshot
from tests.factories import member


def test_sign_in_page_is_dutch(page, live_server):
    with translation.override("nl"):
        heading = translation.gettext("Sign In")
    assert heading in {"Aanmelden", "Inloggen"}

    page.goto(reverse("account_login"))

    expect(page.locator("html")).to_have_attribute("lang", "nl")
    expect(page.locator("main h1")).to_have_text(heading)
    expect(page.locator("main form input[name=login]")).to_be_visible()
    expect(page.locator("main form input[name=password]")).to_be_visible()
    screenshot(page, "smoke-sign-in")


def test_member_sees_their_network_on_the_home_page(page, live_server, network, other_network):
    student = member(network, Role.STUDENT, full_name="Sanne de Vries")

    login(page, live_server, student)

    assert page.url == live_server.url + reverse("home")
    expect(page.locator("main h1")).to_have_text(re.compile(r"\bSanne$"))
    cards = page.locator("main article")
    expect(cards).to_have_count(1)
    link = cards.get_by_role("link")
    expect(link).to_have_text("LIN Oost")
    expect(link).to_have_attribute("href", reverse("networks:detail", args=[network.slug]))
    expect(page.locator("header nav")).to_contain_text("Sanne de Vries")
    screenshot(page, "smoke-home")


@pytest.mark.parametrize("url_name", ["account_signup", "account_reset_password"])
def test_public_account_pages_render_in_dutch(page, live_server, url_name):
    page.goto(reverse(url_name))

    expect(page.locator("html")).to_have_attribute("lang", "nl")
    expect(page.locator("main h1")).to_have_count(1)
    screenshot(page, f"smoke-{url_name}")


def test_wrong_password_is_refused_with_a_message(page, live_server, network):
    student = member(network, Role.STUDENT)
    page.goto(reverse("account_login"))

    page.locator("main input[name=login]").fill(student.email)
    page.locator("main input[name=password]").fill("not-the-password")
    page.locator("main button[type=submit]").click()

    with translation.override("nl"):
        error = translation.gettext(
            "The email address and/or password you specified are not correct."
        )
    # Named in the error summary at the top (which takes the focus) and at the form.
    expect(page.locator("[data-error-summary] li")).to_have_text([error])
    expect(page.locator("main form .alert-danger, main form .invalid-feedback").first).to_have_text(
        error
    )
    assert page.title().startswith("Fout: ")
    axe_check(page)
    screenshot(page, "smoke-sign-in-refused")
