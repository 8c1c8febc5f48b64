"""End to end with a misbehaving SMTP server: real Celery workers and beat on Redis, PostgreSQL,
and the sink of tests/e2e/smtp_sink.py answering 451 at every stage, dropping connections,
refusing one recipient with 550 and being slow. Every due reminder arrives exactly once; a
``kill -9`` of the worker half-way through a batch resends at most one chunk
(``REMINDERS_MARK_EVERY``), with the same Message-ID.

Slow (about a minute), so it runs only with ``LIN_E2E_FAULTS=1``: CI runs it as
``.ci/steps/20-reminder-faults.sh``, on a PostgreSQL database and a Redis db number of its
own (``LIN_E2E_FAULTS_REDIS_URL``, default ``redis://127.0.0.1:6379/7``)."""

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

REDIS_URL = os.environ.get("LIN_E2E_FAULTS_REDIS_URL", "redis://127.0.0.1:6379/7")
ROOT = Path(__file__).resolve().parents[2]
MARK_EVERY = 10
CLAIM_TIMEOUT = 6


@pytest.fixture
def services(transactional_db):
    if os.environ.get("LIN_E2E_FAULTS") != "1":
        pytest.skip("slow: runs with LIN_E2E_FAULTS=1 (.ci/steps/20-reminder-faults.sh)")
    if connection.vendor != "postgresql":
        pytest.fail("the fault scenario needs PostgreSQL shared with the worker: set DATABASE_URL")
    import redis

    client = redis.Redis.from_url(REDIS_URL, socket_connect_timeout=2)
    client.ping()
    client.flushdb()  # our own db number: no stale tasks from an earlier run


@pytest.fixture
def smtp(services):
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


class Processes:
    """Celery worker(s) and beat as subprocesses seeing the test database."""

    def __init__(self, port: int, tmp_path: Path):
        self.env = {
            **os.environ,
            "DATABASE_URL": _database_url(),
            "CELERY_BROKER_URL": REDIS_URL,
            "EMAIL_HOST": "127.0.0.1",
            "EMAIL_PORT": str(port),
            "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "EMAIL_TIMEOUT": "5",
            "REMINDERS_DISPATCH_INTERVAL": "1",
            "REMINDERS_MARK_EVERY": str(MARK_EVERY),
            "REMINDERS_BATCH_SIZE": "40",
            "REMINDERS_CLAIM_TIMEOUT": str(CLAIM_TIMEOUT),
            "REMINDERS_RETRY_MAX_DELAY": "1",  # back-off: 1 s instead of minutes
            "REMINDERS_DISPATCH_BUDGET": "20",
            "LIN_VAR_DIR": str(tmp_path / "var"),
            "SITE_URL": settings.SITE_URL,
            "DB_CONN_MAX_AGE": "0",
            "PYTHONUNBUFFERED": "1",
        }
        self.tmp_path = tmp_path
        self.running: dict[str, subprocess.Popen] = {}
        self.logs = {}

    def start(self, name: str, *arguments: str) -> subprocess.Popen:
        log = open(self.tmp_path / f"{name}.log", "w+")  # noqa: SIM115 (closed in stop)
        self.logs[name] = log
        process = subprocess.Popen(
            [sys.executable, "-m", "celery", "-A", "lin_platform", *arguments, "--loglevel=INFO"],
            cwd=ROOT,
            env=self.env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        self.running[name] = process
        return process

    def worker(self, name: str, *options: str) -> subprocess.Popen:
        quiet = ("--without-gossip", "--without-mingle", "--without-heartbeat")
        return self.start(name, "worker", "-n", f"{name}@%h", *quiet, *options)

    def stop(self) -> None:
        for process in self.running.values():
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
        for process in self.running.values():
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait(timeout=5)
        for log in self.logs.values():
            log.close()

    def text(self) -> str:
        parts = []
        for name, log in self.logs.items():
            log.flush()
            log.seek(0)
            parts.append(f"--- {name} ---\n{log.read()[-3000:]}")
        return "\n".join(parts)


@pytest.fixture
def processes(smtp, tmp_path):
    _sink, port = smtp
    running = Processes(port, tmp_path)
    yield running
    running.stop()


def _meeting_with(count: int) -> list[str]:
    now = dt.datetime.now(dt.UTC)
    network = NetworkFactory(name="LIN Faults")
    meeting = MeetingFactory(
        network=network, title="Chaos", starts_at=now + dt.timedelta(minutes=70)
    )
    addresses = []
    for n in range(count):
        user = UserFactory(language="en", email=f"p{n}@example.org")
        MembershipFactory(
            network=network, user=user, role=Role.PROFESSIONAL, starts_on=dt.date(2020, 1, 1)
        )
        RsvpFactory(meeting=meeting, user=user, answer=RsvpAnswer.YES)
        addresses.append(user.email)
    return addresses


def _wait(processes, done, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and not done():
        for name, process in processes.running.items():
            assert process.poll() is None or name == "killed", (
                f"{name} stopped:\n{processes.text()}"
            )
        time.sleep(0.25)


def _settled(expected: int):
    def done():
        rows = Delivery.objects.filter(kind="meeting_reminder")
        finished = rows.filter(status__in=[DeliveryStatus.SENT, DeliveryStatus.FAILED]).count()
        return rows.count() == expected and finished == expected

    return done


def test_a_faulty_server_gets_every_reminder_exactly_once(smtp, processes):
    sink, _port = smtp
    sink.faults.tempfail = {"MAIL": 11, "RCPT": 5, "DATA": 13, "END": 7}
    sink.faults.drop_at = {25, 60, 61}
    sink.faults.delay = 0.01
    sink.replies["p7@example.org"] = "550 5.1.1 No such user"
    addresses = _meeting_with(120)
    processes.worker("one", "--concurrency=2")
    processes.worker("two", "--concurrency=1")
    processes.start("beat", "beat")

    _wait(processes, _settled(120), 150)
    time.sleep(4)  # more beat ticks: nothing may come twice

    arrived = Counter(message_id for _to, message_id, _subject in sink.received)
    duplicates = sum(n - 1 for n in arrived.values())
    rows = Delivery.objects.filter(kind="meeting_reminder")
    statuses = Counter(rows.values_list("status", flat=True))
    report = f"{statuses}, faults given {dict(sink.answers)}, {sink.sessions} connections"
    print(f"\nfaulty server: {len(arrived)} delivered, {duplicates} duplicates; {report}")
    assert statuses == {DeliveryStatus.SENT: 119, DeliveryStatus.FAILED: 1}, processes.text()
    assert duplicates == 0, processes.text()
    assert sorted(to for to, _m, _s in sink.received) == sorted(set(addresses) - {"p7@example.org"})
    failed = rows.get(status=DeliveryStatus.FAILED)
    assert failed.recipient.email == "p7@example.org"
    assert "550" in failed.reason and "No such user" in failed.reason
    assert sum(sink.answers.values()) > 20  # the faults did happen


def test_kill_9_of_a_worker_mid_batch_resends_at_most_one_chunk(smtp, processes):
    sink, _port = smtp
    sink.faults.delay = 0.04  # slow enough to kill the worker in the middle of a batch
    _meeting_with(200)
    victim = processes.worker("killed", "--pool=solo")
    processes.start("beat", "beat")
    _wait(processes, lambda: len(sink.received) >= 55, 90)
    assert len(sink.received) >= 55, processes.text()
    os.killpg(victim.pid, signal.SIGKILL)
    victim.wait(timeout=10)
    killed_at = len(sink.received)
    processes.worker("survivor", "--pool=solo")

    _wait(processes, _settled(200), 150)
    time.sleep(3)

    arrived = Counter(message_id for _to, message_id, _subject in sink.received)
    duplicates = sum(n - 1 for n in arrived.values())
    statuses = Counter(Delivery.objects.values_list("status", flat=True))
    print(
        f"\nkill -9 after {killed_at} mails: {len(arrived)} of 200 delivered, {duplicates} "
        f"duplicate(s) (bound: one chunk = {MARK_EVERY}); {statuses}"
    )
    assert statuses == {DeliveryStatus.SENT: 200}, processes.text()
    assert len(arrived) == 200
    assert duplicates <= MARK_EVERY, processes.text()
