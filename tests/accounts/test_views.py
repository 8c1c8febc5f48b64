"""Profile, language and sign-in as a person meets them."""

import re

import pytest
from django.urls import reverse

from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db


def test_sign_in_page_is_dutch_by_default(client):
    response = client.get(reverse("account_login"), HTTP_ACCEPT_LANGUAGE="en-US,en")
    assert response.status_code == 200
    assert response.headers["Content-Language"] == "nl"
    assert response.context["request"].LANGUAGE_CODE == "nl"
    title = re.search(r"<title>(.*?)</title>", response.content.decode(), re.S).group(1)
    assert " ".join(title.split()) == "Inloggen · LIN Platform"


def test_language_choice_is_remembered_on_the_account(client):
    user = UserFactory()
    client.force_login(user)
    response = client.post(reverse("accounts:language"), {"language": "en", "next": "/profiel/"})
    assert response.status_code == 302
    assert response.url == "/profiel/"
    user.refresh_from_db()
    assert user.language == "en"
    client.cookies.clear()
    client.force_login(user)
    assert client.get(reverse("accounts:profile")).headers["Content-Language"] == "en"


def test_language_switch_refuses_foreign_redirects_and_unknown_languages(client):
    response = client.post(
        reverse("accounts:language"), {"language": "fr", "next": "https://evil.example/"}
    )
    assert response.url == "/"
    assert "lin_language" not in response.cookies


def test_profile_edit(client):
    user = UserFactory()
    client.force_login(user)
    response = client.post(
        reverse("accounts:profile"),
        {
            "full_name": "Anouk Jansen",
            "profession": "social_work_student",
            "student_level": "hbo",
            "programme": "Social Work",
            "language": "nl",
        },
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert (user.full_name, user.domain, user.is_student) == ("Anouk Jansen", "social", True)


def test_profile_refuses_a_student_without_programme(client):
    user = UserFactory()
    client.force_login(user)
    response = client.post(
        reverse("accounts:profile"),
        {
            "full_name": "Anouk",
            "profession": "nursing_student",
            "student_level": "mbo",
            "programme": "",
            "language": "nl",
        },
    )
    assert response.context["form"].errors["programme"] == ["Studenten, vul je opleiding in."]
    user.refresh_from_db()
    assert user.student_level == ""


def test_sign_in_with_email(client):
    user = UserFactory(email="login@example.org")
    response = client.post(
        reverse("account_login"), {"login": "login@example.org", "password": PASSWORD}
    )
    assert response.status_code == 302
    assert response.url == reverse("home")
    assert client.get(reverse("home")).context["user"] == user


def test_signup_requires_email_verification(client, mailoutbox):
    response = client.post(
        reverse("account_signup"),
        {
            "email": "nieuw@example.org",
            "password1": "wijkzorg-leiden-2026",
            "password2": "wijkzorg-leiden-2026",
            "full_name": "Nieuw Persoon",
            "profession": "carer",
            "student_level": "",
            "programme": "",
        },
    )
    assert response.status_code == 302
    assert response.url == reverse("account_email_verification_sent")
    assert len(mailoutbox) == 1
    assert client.get(reverse("home")).status_code == 302  # not signed in until verified


def test_failed_logins_are_rate_limited(client):
    UserFactory(email="target@example.org")
    errors = [
        client.post(reverse("account_login"), {"login": "target@example.org", "password": "x"})
        .context["form"]
        .non_field_errors()
        for _ in range(6)
    ]
    assert errors[-1] == ["Te veel inlogpogingen. Probeer het later nogmaals."]
