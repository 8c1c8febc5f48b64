"""The reminder preferences page and the signed one-click link in every mail."""

import pytest
from django.urls import reverse

from accounts.models import User
from sessions.reminders.forms import lead_times_format, lead_times_parse
from sessions.reminders.tokens import preferences_token
from tests.factories import UserFactory

URL = "/profiel/herinneringen/"


@pytest.fixture
def person(db):
    return UserFactory(email="anna@example.org", language="en")


def prefs(user):
    user = User.objects.get(pk=user.pk)
    return user.reminders_off, user.meeting_reminder_minutes


def test_preferences_page_url():
    assert reverse("reminders:preferences") == URL


def test_lead_times_round_trip():
    assert lead_times_parse("2d, 2h ; 30m") == [2880, 120, 30]
    assert lead_times_parse("2 dagen, 3 uur") == [2880, 180]
    assert lead_times_format([2880, 120, 45]) == "2d, 2h, 45m"


def test_preferences_page_shows_current_choices(client, person):
    client.force_login(person)
    response = client.get(URL)
    form = response.context["form"]
    assert form.initial == {
        "kinds_on": [
            "meeting_invitation",
            "meeting_reminder",
            "rsvp_nudge",
            "rsvp_nudge_now",
            "preparation",
            "meeting_change",
            "weekly_digest",
            "shadowing_day_before",
            "shadowing_reflection",
            "shadowing_confirmation",
            "shadowing_cancelled",
            "shadowing_moved",
            "teacher_digest",
            "case_shared",
            "evaluation_invitation",
            "evaluation_closing",
            "meeting_evaluation",
            "meeting_role",
            "meeting_action",
            "shadowing_request",
            "shadowing_accepted",
            "shadowing_declined",
            "shadowing_confirmed",
            "shadowing_feedback",
            "reflection_waiting",
        ],
        "lead_times": "2d, 2h",
    }


def test_preferences_page_lists_the_shadowing_kinds_with_on_and_off(client, person):
    person.reminders_off = ["shadowing_reflection"]
    person.save()
    client.force_login(person)
    field = client.get(URL).context["form"]["kinds_on"]
    choices = {str(label): value in field.value() for value, label in field.field.choices}
    assert {label: on for label, on in choices.items() if "shadowing" in label.lower()} == {
        "A reminder the day before a shadowing day": True,
        "A reminder to write the reflection on my shadowing day": False,
        "A reminder when a shadowing day waits for my confirmation as host": True,
        "A notice when the other person cancels a shadowing day": True,
        "A notice when a shadowing day I host is moved to another date or time": True,
        "A notice when the host confirms my shadowing day": True,
        "A notice when my shadowing request or day is declined": True,
    }
    assert choices["Weekly overview for teachers: reflections waiting for feedback"] is True


def test_saving_switches_kinds_off_and_sets_lead_times(client, person):
    client.force_login(person)
    response = client.post(
        URL, {"kinds_on": ["meeting_reminder", "meeting_change"], "lead_times": "1d, 30m"}
    )
    assert response.status_code == 302
    assert prefs(person) == (
        [
            "case_shared",
            "evaluation_closing",
            "evaluation_invitation",
            "meeting_action",
            "meeting_evaluation",
            "meeting_invitation",
            "meeting_role",
            "preparation",
            "reflection_waiting",
            "rsvp_nudge",
            "rsvp_nudge_now",
            "shadowing_accepted",
            "shadowing_cancelled",
            "shadowing_confirmation",
            "shadowing_confirmed",
            "shadowing_day_before",
            "shadowing_declined",
            "shadowing_feedback",
            "shadowing_moved",
            "shadowing_reflection",
            "shadowing_request",
            "teacher_digest",
            "weekly_digest",
        ],
        [1440, 30],
    )


@pytest.mark.parametrize(
    ("lead_times", "message"),
    [
        ("-2h", "Lead times must lie before the meeting: “-2h” does not."),
        ("31d", "“31d” is out of range: choose between 5 minutes and 30 days."),
        ("1m", "“1m” is out of range: choose between 5 minutes and 30 days."),
        ("1d, 2d, 3d, 4d, 5d, 6d", "Choose at most 5 lead times."),
        ("twee dagen", "“twee dagen” is not a lead time. Write for example 2d, 2h or 30m."),
        ("48", "“48” is not a lead time. Write for example 2d, 2h or 30m."),
        ("", "Give at least one lead time, or switch meeting reminders off."),
    ],
)
def test_bad_lead_times_get_a_clear_message_and_change_nothing(client, person, lead_times, message):
    client.force_login(person)
    before = prefs(person)
    response = client.post(URL, {"kinds_on": ["meeting_reminder"], "lead_times": lead_times})
    assert response.status_code == 200
    assert response.context["form"].errors == {"lead_times": [message]}
    assert prefs(person) == before


def test_bad_lead_times_are_shown_in_dutch(client, person):
    person.language = "nl"
    person.save()
    client.force_login(person)
    response = client.post(URL, {"kinds_on": ["meeting_reminder"], "lead_times": "-2h"})
    assert response.context["form"].errors == {
        "lead_times": ["Herinneringen moeten vóór de bijeenkomst liggen: “-2h” doet dat niet."]
    }


def link(user, kind="rsvp_nudge"):
    return reverse("reminders:link", args=[preferences_token(user_pk=user.pk, kind=kind)])


def test_link_switches_the_kind_off_without_signing_in_and_on_again(client, person):
    response = client.get(link(person))
    assert response.status_code == 200
    assert response.context["is_on"] is True
    assert prefs(person)[0] == []
    client.post(link(person), {"switch": "off"})
    assert prefs(person)[0] == ["rsvp_nudge"]
    response = client.post(link(person), {"switch": "on"})
    assert (response.context["is_on"], prefs(person)[0]) == (True, [])


def test_one_click_unsubscribe_post_from_a_mail_client(client, person):
    response = client.post(link(person, "meeting_reminder"), {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    assert prefs(person)[0] == ["meeting_reminder"]


def test_forged_link_is_refused_with_a_clear_message(client, person):
    token = preferences_token(user_pk=person.pk, kind="rsvp_nudge")
    forged = token.replace(f'"u":{person.pk}', '"u":1')[:-3] + "abc"
    response = client.post(f"/herinneringen/{forged}/", {"switch": "off"})
    assert response.status_code == 400
    assert response.context["message"] == (
        "Deze link is niet geldig. Kopieer de hele link uit de mail, of log in en wijzig je "
        "herinneringen op je profiel."
    )
    assert prefs(person)[0] == []


def test_someone_elses_link_is_refused_while_signed_in(client, person):
    other = UserFactory(language="en")
    client.force_login(other)
    response = client.post(link(person), {"switch": "off"})
    assert response.status_code == 403
    assert response.context["message"] == (
        "This link belongs to mail sent to someone else. Nothing has been changed."
    )
    assert prefs(person)[0] == []
    assert prefs(other)[0] == []


def test_an_invitation_is_not_a_kind_one_can_switch_off(client, db):
    client.force_login(UserFactory())
    form = client.get(reverse("reminders:preferences")).context["form"]
    codes = [code for code, _label in form.fields["kinds_on"].choices]
    assert ("network_invitation" in codes, "meeting_reminder" in codes) == (False, True)
