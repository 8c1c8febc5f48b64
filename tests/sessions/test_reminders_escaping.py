"""Subjects and plain-text bodies are text, not HTML: "Zorg & welzijn" and "'t Hart" reach the
reader as they are written; only the HTML part is escaped."""

import datetime as dt
import email
from email import policy

import pytest

from sessions.reminders import mail as reminder_mail
from sessions.reminders.dispatcher import claim, plan
from sessions.reminders.mail import build_message, prepare, serialise
from tests.factories import MembershipFactory, NetworkFactory, UserFactory
from tests.sessions.factories_reminders import MeetingFactory, RsvpFactory

START = dt.datetime(2025, 3, 12, 14, 0, tzinfo=dt.UTC)
DUE = START - dt.timedelta(hours=2)


@pytest.fixture
def row(db, monkeypatch):
    made = {}
    real = reminder_mail.preferences_token
    monkeypatch.setattr(
        reminder_mail,
        "preferences_token",
        lambda *, user_pk, kind="": made.setdefault(
            (user_pk, kind), real(user_pk=user_pk, kind=kind)
        ),
    )
    network = NetworkFactory(name="Zorg & welzijn", slug="zorg-welzijn")
    meeting = MeetingFactory(
        network=network, title="Casus van 't Hart", starts_at=START, revision=2
    )
    type(meeting).objects.filter(pk=meeting.pk).update(updated_at=START - dt.timedelta(days=9))
    user = UserFactory(full_name="'t Hart", email="hart@example.org", language="en")
    MembershipFactory(network=network, user=user, starts_on=dt.date(2020, 1, 1))
    RsvpFactory(meeting=meeting, user=user)
    plan(DUE)
    _token, [row] = claim(DUE, 10)
    return row


@pytest.mark.parametrize("way", ["prepared", "straightforward"])
def test_subject_and_text_are_not_escaped_the_html_is(row, way):
    if way == "prepared":
        data = prepare(row, DUE, {}).data
    else:
        data = serialise(build_message(row, DUE)).data
    message = email.message_from_bytes(data, policy=policy.default)
    assert message["Subject"] == "Reminder: Casus van 't Hart on 12 March 15:00"
    text, html = (part.get_content() for part in list(message.walk())[2:4])
    assert "Network: Zorg & welzijn" in text
    assert "“Casus van 't Hart”" in text
    assert text.startswith("Hello 't")
    assert "&amp;" not in text and "&#x27;" not in text and "&#39;" not in text
    assert "Zorg &amp; welzijn" in html
    assert "Casus van &#x27;t Hart" in html
    assert "Zorg & welzijn" not in html and "'t Hart" not in html
