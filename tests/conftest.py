"""Test settings and fixtures shared by the whole suite.

``LIN_TEST_NOW`` moves the clock of the whole run, e.g.
``LIN_TEST_NOW=2028-02-29T09:00+01:00 make test``: every test must pass on any day, so a
test that depends on the date freezes it or derives it from ``timezone.now()``. The clock
keeps ticking from that moment (``time_machine.travel(..., tick=True)``); tests that travel
themselves still do. The end-to-end test starts a Celery worker in another process, which
keeps the real clock: it is skipped in a moved run.
"""

import os
from datetime import datetime

import pytest
import time_machine
from django.core.cache import cache

from networks.choices import Role
from tests.factories import NetworkFactory, member

MOVED_CLOCK = os.environ.get("LIN_TEST_NOW", "").strip()
_traveller = None


def pytest_configure(config):
    global _traveller
    if MOVED_CLOCK and _traveller is None:
        try:
            moment = datetime.fromisoformat(MOVED_CLOCK)
        except ValueError as error:
            raise pytest.UsageError(
                f"LIN_TEST_NOW={MOVED_CLOCK!r} is not an ISO date or time: {error}"
            ) from error
        _traveller = time_machine.travel(moment, tick=True)
        _traveller.start()


def pytest_report_header(config):
    if MOVED_CLOCK:
        return f"clock moved to {MOVED_CLOCK} (LIN_TEST_NOW)"
    return None


def pytest_unconfigure(config):
    global _traveller
    if _traveller is not None:
        _traveller.stop()
        _traveller = None


@pytest.fixture(autouse=True)
def _test_settings(settings, tmp_path):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.CELERY_TASK_ALWAYS_EAGER = True
    settings.SECURE_SSL_REDIRECT = False
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def network(db):
    return NetworkFactory(name="LIN Oost", slug="lin-oost")


@pytest.fixture
def other_network(db):
    return NetworkFactory(name="LIN West", slug="lin-west")


@pytest.fixture
def coordinator(network):
    return member(network, Role.COORDINATOR, full_name="Carla Coördinator")


@pytest.fixture
def people(network, other_network):
    """One person per role in ``network``, plus an outsider and another network's coordinator."""
    from tests.factories import UserFactory

    result = {role.value: member(network, role) for role in Role}
    result["outsider"] = UserFactory()
    result["other_coordinator"] = member(other_network, Role.COORDINATOR)
    return result
