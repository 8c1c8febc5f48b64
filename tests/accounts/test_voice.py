"""One voice in Dutch: Django's and allauth's texts that a person meets say *je*, in Dutch."""

import re

import pytest
from babel.messages.pofile import read_po
from django.conf import settings
from django.urls import reverse

from accounts import allauth_terms
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

SIGNUP = {
    "email": "nieuw@example.org",
    "full_name": "Nieuw Persoon",
    "profession": "carer",
    "student_level": "",
    "programme": "",
}
ENGLISH = re.compile(r"password|too short|too common|must contain", re.I)


def errors_of(response, field):
    return [str(error) for error in response.context["form"].errors.get(field, [])]


def test_a_too_short_password_on_the_dutch_sign_up_page_is_refused_in_dutch(client):
    response = client.post(
        reverse("account_signup"), {**SIGNUP, "password1": "kort", "password2": "kort"}
    )
    assert response.status_code == 200
    assert errors_of(response, "password1") == [
        "Dit wachtwoord is te kort. Het moet minstens 8 tekens bevatten."
    ]
    assert not ENGLISH.search(" ".join(errors_of(response, "password1")))


def test_a_too_common_password_on_the_dutch_sign_up_page_is_refused_in_dutch(client):
    response = client.post(
        reverse("account_signup"),
        {**SIGNUP, "password1": "password123", "password2": "password123"},
    )
    assert response.status_code == 200
    assert errors_of(response, "password1") == ["Dit wachtwoord komt te vaak voor."]


def test_a_numeric_password_is_refused_in_dutch(client):
    response = client.post(
        reverse("account_signup"), {**SIGNUP, "password1": "83920174", "password2": "83920174"}
    )
    assert errors_of(response, "password1") == ["Dit wachtwoord bestaat alleen uit cijfers."]


@pytest.mark.parametrize(
    ("new", "expected"),
    [
        ("kort", ["Dit wachtwoord is te kort. Het moet minstens 8 tekens bevatten."]),
        ("password123", ["Dit wachtwoord komt te vaak voor."]),
    ],
)
def test_the_dutch_password_change_page_refuses_in_dutch(client, new, expected):
    user = UserFactory(language="nl")
    client.force_login(user)
    response = client.post(
        reverse("account_change_password"),
        {"oldpassword": PASSWORD, "password1": new, "password2": new},
    )
    assert response.status_code == 200
    assert errors_of(response, "password1") == expected
    user.refresh_from_db()
    assert user.check_password(PASSWORD)  # nothing changed


def test_the_password_help_text_says_je():
    from django.contrib.auth.password_validation import password_validators_help_texts
    from django.utils import translation

    with translation.override("nl"):
        texts = password_validators_help_texts()
    assert texts == [
        "Je wachtwoord mag niet te veel op je andere persoonlijke gegevens lijken.",
        "Je wachtwoord moet minstens 8 tekens lang zijn.",
        "Je wachtwoord mag geen veelgebruikt wachtwoord zijn.",
        "Je wachtwoord mag niet volledig uit cijfers bestaan.",
    ]


def test_no_u_left_in_the_texts_we_take_over():
    with open(settings.BASE_DIR / "locale/nl/LC_MESSAGES/django.po", "rb") as po:
        catalogue = read_po(po)
    singular = [text for text in allauth_terms.VOICE if isinstance(text, str)]
    assert len(singular) == 12
    for msgid in singular:
        translated = catalogue[msgid].string
        assert translated, msgid
        assert not re.search(r"\b(u|uw|U|Uw)\b|a\.u\.b\.", translated), translated


def test_a_refused_form_post_gets_our_page_in_dutch(client):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    user = UserFactory()
    strict.force_login(user)
    response = strict.post(reverse("accounts:profile"), {"full_name": "X"})
    assert response.status_code == 403
    text = response.content.decode()
    assert "Dit formulier is verlopen" in text
    assert "Referer" not in text


def test_the_dutch_catalogue_uses_one_apostrophe():
    with open(settings.BASE_DIR / "locale/nl/LC_MESSAGES/django.po", "rb") as po:
        catalogue = read_po(po)
    straight = [
        message.id
        for message in catalogue
        if message.id
        and any(
            re.search(r"(?<=\w)'(?=\w)", text)
            for text in ([message.string] if isinstance(message.string, str) else message.string)
        )
    ]
    assert straight == []  # "thema’s", never "thema's"
