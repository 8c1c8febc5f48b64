"""The coordinator's first journey: invite a new student, who signs up through the link in
the mail and lands in the network as a student."""

import re

from django.core import mail
from django.urls import reverse
from playwright.sync_api import expect

from networks.choices import Role
from networks.models import Membership
from tests.browser.conftest import axe_check, login, screenshot
from tests.factories import member


def test_coordinator_invites_a_student_who_signs_up_through_the_link(page, live_server, network):
    coordinator = member(network, Role.COORDINATOR, full_name="Carla de Boer")
    login(page, live_server, coordinator)

    page.goto(reverse("networks:detail", args=[network.slug]))
    page.get_by_role("link", name="Mensen uitnodigen").click()
    page.wait_for_url(re.compile(r"/uitnodigen/$"))
    axe_check(page)
    page.get_by_label("E-mailadres").fill("noor.student@example.org")
    page.get_by_label("Rol").select_option("student")
    screenshot(page, "invite-form")
    page.get_by_role("button", name="Uitnodiging versturen").click()
    page.wait_for_url(re.compile(r"/leden/$"))
    expect(page.locator(".alert-success")).to_have_text(
        "Er is een uitnodiging verstuurd naar noor.student@example.org."
    )
    expect(page.get_by_role("cell", name="noor.student@example.org")).to_be_visible()
    axe_check(page)
    screenshot(page, "invite-sent")

    assert [m.to for m in mail.outbox] == [["noor.student@example.org"]]
    link = re.search(r"https?://\S+/uitnodiging/\S+/", mail.outbox[0].body).group(0)
    path = link.split("://", 1)[1].split("/", 1)[1]

    # The invitee opens the link in a fresh browser session.
    page.context.clear_cookies()
    page.goto("/" + path)
    expect(page.locator("main h1")).to_have_text("Word lid van LIN Oost")
    page.get_by_label("Volledige naam").fill("Noor Bakker")
    page.get_by_label("Beroep").select_option("nursing_student")
    page.get_by_label("Opleidingsniveau").select_option("hbo")
    page.get_by_label("Opleiding", exact=True).fill("HBO-V")
    page.locator("#id_password1").fill("wijkzorg-oost-2026")
    page.locator("#id_password2").fill("wijkzorg-oost-2026")
    screenshot(page, "invite-signup")
    page.get_by_role("button", name="Account aanmaken en lid worden").click()
    page.wait_for_url(re.compile(rf"/netwerken/{network.slug}/$"))
    expect(page.locator(".alert-success")).to_have_text("Welkom bij LIN Oost.")
    expect(page.get_by_text("Jouw rol in dit netwerk: Student.")).to_be_visible()
    axe_check(page)
    screenshot(page, "invite-landed")

    membership = Membership.objects.current().get(user__email="noor.student@example.org")
    assert (membership.network, membership.role) == (network, Role.STUDENT)
