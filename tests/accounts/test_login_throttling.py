"""Failed logins are throttled per client address and account: the client's address comes
from the proxy's X-Forwarded-For only when TRUSTED_PROXY_COUNT says a proxy is in front, and
a guesser elsewhere does not lock the account's owner out."""

import pytest
from django.urls import reverse

from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db
TOO_MANY = "Te veel inlogpogingen."  # allauth's own message, in the default language


def log_in(client, email, password, forwarded_for=None):
    headers = {"HTTP_X_FORWARDED_FOR": forwarded_for} if forwarded_for else {}
    client.cookies.clear()
    return client.post(
        reverse("account_login"),
        {"login": email, "password": password},
        **headers,
    )


def refused(response) -> bool:
    return response.status_code == 200 and TOO_MANY in response.content.decode()


@pytest.fixture
def owner():
    return UserFactory(email="owner@example.org", language="en")


def test_behind_a_proxy_two_client_addresses_are_throttled_apart(client, settings, owner):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    for _ in range(5):
        assert not refused(log_in(client, owner.email, "wrong", "203.0.113.7"))
    assert refused(log_in(client, owner.email, "wrong", "203.0.113.7"))
    # The owner, elsewhere behind the same proxy, still gets in.
    response = log_in(client, owner.email, PASSWORD, "198.51.100.20")
    assert response.status_code == 302
    assert response.url == reverse("home")


def test_without_a_trusted_proxy_the_header_is_ignored(client, settings, owner):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 0
    for number in range(5):
        log_in(client, owner.email, "wrong", f"203.0.113.{number}")
    # A forged header does not buy a fresh counter: the address is REMOTE_ADDR.
    assert refused(log_in(client, owner.email, PASSWORD, "198.51.100.20"))


def test_the_per_address_limit_counts_every_account(client, settings):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    for number in range(10):
        log_in(client, f"nobody{number}@example.org", "wrong", "203.0.113.7")
    assert refused(log_in(client, "nobody99@example.org", "wrong", "203.0.113.7"))
    assert not refused(log_in(client, "nobody99@example.org", "wrong", "198.51.100.20"))
