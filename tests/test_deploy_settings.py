"""Production settings: Django's deploy check passes, a missing secret stops start-up, and the
Content-Security-Policy allows no inline script or style.

The settings module reads the environment once, at import, so the production cases run in a
fresh Python process.
"""

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.urls import reverse

BASE_DIR = Path(__file__).resolve().parent.parent


def run_manage(tmp_path, *args: str, **env: str) -> subprocess.CompletedProcess:
    # Nothing of this process's Django environment: the browser rig, for one, sets
    # DJANGO_ALLOW_ASYNC_UNSAFE, which the deploy check rightly refuses.
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DEBUG", "SECRET_KEY", "ALLOWED_HOSTS"} and not key.startswith("DJANGO_")
    }
    environment.update(LIN_VAR_DIR=str(tmp_path / "var"), **env)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_deploy_check_passes_in_production(tmp_path):
    result = run_manage(
        tmp_path,
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DEBUG="0",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="lin.example.org",
    )

    assert (result.returncode, result.stdout.strip()) == (
        0,
        "System check identified no issues (0 silenced).",
    ), result.stderr


def test_deploy_check_refuses_a_weak_secret(tmp_path):
    result = run_manage(
        tmp_path,
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DEBUG="0",
        SECRET_KEY="change-me",
        ALLOWED_HOSTS="lin.example.org",
    )

    assert result.returncode == 1
    assert "(security.W009)" in result.stderr


def test_production_without_a_secret_refuses_to_start(tmp_path):
    result = run_manage(tmp_path, "check", DEBUG="0", ALLOWED_HOSTS="lin.example.org")

    assert result.returncode == 1
    assert result.stderr.strip().splitlines()[-1] == (
        "django.core.exceptions.ImproperlyConfigured: SECRET_KEY must be set when DEBUG is off."
    )


@pytest.mark.django_db
def test_content_security_policy_allows_no_inline_code(client):
    response = client.get(reverse("account_login"))

    assert response.status_code == 200
    directives = dict(
        part.strip().split(" ", 1) for part in response["Content-Security-Policy"].split(";")
    )
    assert "'unsafe-inline'" not in response["Content-Security-Policy"]
    assert "'unsafe-eval'" not in response["Content-Security-Policy"]
    assert directives["script-src"] == "'self'"
    assert directives["style-src"] == "'self'"
    assert directives["default-src"] == "'self'"
