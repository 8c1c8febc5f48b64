"""An htmx form whose request fails says so and keeps what was typed (static/js/htmx-errors.js).

The chaos test that found SQLite's "database is locked" also found the RSVP box silent: htmx
does not swap in an error answer, so the click seemed to do nothing. Here the server answers
an RSVP with a 500 (its service raises, patched in the live server, which runs in this
process), then does not answer at all (the browser aborts the request), then works again.
"""

from django.db import OperationalError
from playwright.sync_api import expect

from networks.choices import Role
from sessions.meetings.models import Rsvp
from sessions.meetings.views import rsvp as rsvp_views
from tests.browser.conftest import axe_check, login
from tests.factories import NetworkFactory, member
from tests.sessions.factories import MeetingFactory

SERVER_ERROR = (
    "Er ging iets mis op de server. Wat je hebt ingevuld staat er nog: probeer het opnieuw."
)
NO_ANSWER = (
    "De server gaf geen antwoord. Wat je hebt ingevuld staat er nog: controleer je verbinding "
    "en probeer het opnieuw."
)


def test_a_failed_rsvp_shows_a_message_and_keeps_the_box(live_server, page, monkeypatch):
    network = NetworkFactory(name="LIN Oost", slug="lin-oost")
    meeting = MeetingFactory(network=network, title="Klinische les")
    student = member(network, Role.STUDENT, full_name="Sam Student", language="nl")
    login(page, live_server, student)
    page.goto(f"/netwerken/lin-oost/bijeenkomsten/{meeting.pk}/")

    # Longer than SQLite's 20 s busy timeout, so a request waiting for a lock is not given up.
    assert page.evaluate("htmx.config.timeout") == 30_000
    box = page.locator("#rsvp-box")
    alert = box.locator("[role=alert]")
    reason = box.locator("#rsvp-reason")

    def locked(**kwargs):
        raise OperationalError("database is locked")

    # The server answers with a 500.
    monkeypatch.setattr(rsvp_views, "rsvp_answer", locked)
    reason.fill("Dienst in de wijk")
    with page.expect_response(lambda response: response.status == 500):
        box.locator("button[value=no]").click()
    expect(alert).to_have_text(SERVER_ERROR)
    expect(reason).to_have_value("Dienst in de wijk")
    expect(box.locator("button[name=answer]")).to_have_count(3)
    expect(box).to_contain_text("Kom je?")
    assert not Rsvp.objects.exists()
    axe_check(page)

    # The server does not answer: one alert (the new one), the input still there.
    monkeypatch.undo()
    page.route("**/aanmelden/", lambda route: route.abort())
    box.locator("button[value=no]").click()
    expect(alert).to_have_text(NO_ANSWER)
    expect(alert).to_have_count(1)
    expect(reason).to_have_value("Dienst in de wijk")
    axe_check(page)

    # It works again: the answer is stored, the box shows it and the alert is gone.
    page.unroute("**/aanmelden/")
    box.locator("button[value=no]").click()
    expect(box).to_contain_text("Je antwoord: nee.")
    expect(page.locator(".lin-htmx-error")).to_have_count(0)
    assert list(Rsvp.objects.values_list("answer", "reason")) == [("no", "Dienst in de wijk")]
    axe_check(page)
