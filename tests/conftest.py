"""Test settings and fixtures shared by the whole suite."""

import pytest
from django.core.cache import cache

from networks.choices import Role
from tests.factories import NetworkFactory, member


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
