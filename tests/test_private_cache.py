"""Signed-in pages and exports are ``Cache-Control: private, no-store``; anonymous pages and
a download's own private Cache-Control are left alone."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.http import HttpResponse
from django.test import RequestFactory
from django.urls import reverse

from lin_platform.middleware import PrivateCacheMiddleware
from networks.choices import Role
from tests.factories import member


def directives(response) -> set[str]:
    return {part.strip() for part in response.get("Cache-Control", "").split(",") if part.strip()}


def test_a_signed_in_page_is_not_stored(client, network):
    client.force_login(member(network))
    response = client.get(reverse("home"))
    assert response.status_code == 200
    assert directives(response) == {"private", "no-store"}


def test_an_export_is_not_stored(client, network):
    client.force_login(member(network, Role.COORDINATOR))
    response = client.get(
        reverse("meetings:attendance_export", args=[network.slug]),
        {"start": "2026-10-01", "end": "2026-10-31", "file_format": "csv"},
    )
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert directives(response) == {"private", "no-store"}


@pytest.mark.django_db
def test_an_anonymous_page_is_unchanged(client):
    # The home page sends an anonymous visitor to the login page: no Cache-Control added.
    assert "Cache-Control" not in client.get(reverse("home"))
    # The login page keeps the one allauth sets itself (never_cache).
    response = client.get(reverse("account_login"))
    assert response.status_code == 200
    assert directives(response) == {
        "max-age=0",
        "no-cache",
        "no-store",
        "must-revalidate",
        "private",
    }


def respond(user, cache_control=None):
    request = RequestFactory().get("/")
    request.user = user

    def view(_request):
        response = HttpResponse("x")
        if cache_control:
            response["Cache-Control"] = cache_control
        return response

    return PrivateCacheMiddleware(view)(request)


@pytest.mark.django_db
def test_a_download_keeps_its_own_private_cache_control(network):
    response = respond(member(network), "private, no-cache")
    assert directives(response) == {"private", "no-cache"}


@pytest.mark.django_db
def test_a_public_cache_control_is_replaced_for_a_signed_in_person(network):
    response = respond(member(network), "public, max-age=3600")
    assert directives(response) == {"private", "no-store"}


def test_an_anonymous_response_keeps_a_public_cache_control():
    response = respond(AnonymousUser(), "public, max-age=3600")
    assert directives(response) == {"public", "max-age=3600"}
