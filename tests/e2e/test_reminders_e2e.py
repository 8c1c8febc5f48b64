"""End to end: a real Celery worker and beat, on Redis, with PostgreSQL, delivering reminders
to a real SMTP server on loopback — exactly once each. Not eager mode.

Skipped with a clear message when Redis or PostgreSQL is not reachable, except in CI
(``CI=true``), where that is a failure. On the SQLite leg of the suite it is skipped: the
worker and beat are separate processes and need a database server they can share.
"""

import datetime as dt
import os
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

from networks.choices import Role
from sessions.meetings.choices import RsvpAnswer
from sessions.reminders.models import Delivery, DeliveryStatus
from tests.e2e.smtp_sink import start_sink
from tests.factories import MembershipFactory, NetworkFactory, UserFactory
from tests.sessions.factories_reminders import MeetingFactory, RsvpFactory

pytestmark = pytest.mark.e2e

REDIS_URL = os.environ.get("LIN_E2E_REDIS_URL", "redis://127.0.0.1:6379/5")
ROOT = Path(__file__).resolve().parents[2]
WAIT_SECONDS = 90


def _unavailable(reason: str):
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"{reason} (CI=true: the end-to-end test must run)")
    pytest.skip(reason)


def _redis_reachable() -> bool:
    try:
        import redis

        client = redis.Redis.from_url(REDIS_URL, socket_connect_timeout=2)
        client.ping()
        client.flushdb()  # our own db number: no stale tasks from an earlier run
        return True
    except Exception:
        return False


@pytest.fixture
def services(transactional_db):
    if os.environ.get("LIN_TEST_NOW", "").strip():
        pytest.skip("LIN_TEST_NOW moves this process's clock, not the worker's: run it unmoved")
    if connection.vendor != "postgresql":
        pytest.skip(
            "end-to-end reminders need PostgreSQL shared with the worker: "
            "set DATABASE_URL=postgres://... (the PostgreSQL leg of CI does)"
        )
    if not _redis_reachable():
        _unavailable(f"Redis is not reachable at {REDIS_URL}")


@pytest.fixture
def smtp():
    controller, sink, port = start_sink()
    yield sink, port
    controller.stop()


def _database_url() -> str:
    db = connection.settings_dict
    user = db.get("USER") or "postgres"
    password = f":{db['PASSWORD']}" if db.get("PASSWORD") else ""
    host = db.get("HOST") or "127.0.0.1"
    port = db.get("PORT") or 5432
    return f"postgres://{user}{password}@{host}:{port}/{db['NAME']}"


@pytest.fixture
def celery(services, smtp, tmp_path):
    """Worker and beat as subprocesses, seeing the test database; killed in teardown."""
    _sink, port = smtp
    env = {
        **os.environ,
        "DATABASE_URL": _database_url(),
        "CELERY_BROKER_URL": REDIS_URL,
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_PORT": str(port),
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "REMINDERS_DISPATCH_INTERVAL": "2",
        "LIN_VAR_DIR": str(tmp_path / "var"),
        "SITE_URL": settings.SITE_URL,
        "DB_CONN_MAX_AGE": "0",
        "PYTHONUNBUFFERED": "1",
    }
    base = [sys.executable, "-m", "celery", "-A", "lin_platform"]
    commands = {
        "worker": [
            *base,
            "worker",
            "--loglevel=INFO",
            "--concurrency=1",
            "--without-gossip",
            "--without-mingle",
            "--without-heartbeat",
        ],
        "beat": [*base, "beat", "--loglevel=INFO"],
    }
    processes = {}
    logs = {}
    for name, command in commands.items():
        logs[name] = open(tmp_path / f"{name}.log", "w+")  # noqa: SIM115 (closed below)
        processes[name] = subprocess.Popen(
            command,
            cwd=ROOT,
            env=env,
            stdout=logs[name],
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    yield processes, logs
    for process in processes.values():
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGTERM)
    for process in processes.values():
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=5)
    for log in logs.values():
        log.close()


def _join(network, **kwargs):
    user = UserFactory(language="en", **kwargs)
    MembershipFactory(
        network=network, user=user, role=Role.PROFESSIONAL, starts_on=dt.date(2020, 1, 1)
    )
    return user


def _logs(logs) -> str:
    text = []
    for name, log in logs.items():
        log.flush()
        log.seek(0)
        text.append(f"--- {name} ---\n{log.read()[-3000:]}")
    return "\n".join(text)


def test_worker_and_beat_deliver_each_reminder_exactly_once(smtp, celery):
    sink, _port = smtp
    processes, logs = celery
    now = dt.datetime.now(dt.UTC)
    network = NetworkFactory(name="LIN E2E")
    meeting = MeetingFactory(
        network=network, title="Klinische les", starts_at=now + dt.timedelta(minutes=70)
    )
    coming = [_join(network, email=f"coming{n}@example.org") for n in range(3)]
    for user in coming:
        RsvpFactory(meeting=meeting, user=user, answer=RsvpAnswer.YES)
    silent = _join(network, email="silent@example.org")
    declined = _join(network, email="declined@example.org")
    RsvpFactory(meeting=meeting, user=declined, answer=RsvpAnswer.NO)
    expected = Counter(
        {**{(u.email, "meeting_reminder"): 1 for u in coming}, (silent.email, "rsvp_nudge"): 1}
    )

    deadline = time.monotonic() + WAIT_SECONDS
    while time.monotonic() < deadline and len(sink.received) < sum(expected.values()):
        for name, process in processes.items():
            assert process.poll() is None, f"{name} stopped:\n{_logs(logs)}"
        time.sleep(0.5)
    time.sleep(6)  # three more beat ticks: nothing may come twice

    # Message-ID: <reminder.<delivery pk>.<kind>@host>
    received = Counter(
        (to, message_id.split(".")[2].split("@")[0]) for to, message_id, _s in sink.received
    )
    assert received == expected, _logs(logs)
    message_ids = [message_id for _to, message_id, _subject in sink.received]
    assert len(set(message_ids)) == len(message_ids) == 4
    rows = Delivery.objects.order_by("recipient__email").values_list(
        "recipient__email", "kind", "status"
    )
    assert list(rows) == [
        ("coming0@example.org", "meeting_reminder", DeliveryStatus.SENT),
        ("coming1@example.org", "meeting_reminder", DeliveryStatus.SENT),
        ("coming2@example.org", "meeting_reminder", DeliveryStatus.SENT),
        ("silent@example.org", "rsvp_nudge", DeliveryStatus.SENT),
    ]
