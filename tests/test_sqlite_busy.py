"""On SQLite a request that meets another writer waits for it instead of failing.

A chaos test found it: while the Celery worker wrote, an RSVP (or a reflection) answered
"database is locked" and HTTP 500 at once. A DEFERRED transaction that has read cannot wait
for a write lock, whatever the timeout; the settings make SQLite transactions IMMEDIATE (they
wait for the lock at BEGIN, up to the busy timeout) on a WAL database.

The suite's own SQLite database lives in memory, where none of that applies. So this test
runs a child process (``python -m tests.test_sqlite_busy DB``) on the production settings with
``DATABASE_URL`` pointing at a fresh SQLite file: it migrates it, holds a write lock on it from
a second sqlite3 connection for two seconds, posts an RSVP and a reflection through the real
views meanwhile and reports what happened as JSON.
"""

import json
import os
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from django.conf import settings

LOCK_SECONDS = 2.0
REPO = Path(__file__).resolve().parents[1]

pytestmark = pytest.mark.skipif(
    settings.DATABASES["default"]["ENGINE"] != "django.db.backends.sqlite3",
    reason="SQLite's write lock: this suite runs on "
    f"{settings.DATABASES['default']['ENGINE']}, which has row locks and no such problem.",
)


def test_requests_wait_for_another_writer_instead_of_failing(tmp_path):
    database = tmp_path / "busy.sqlite3"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "lin_platform.settings",
        "DATABASE_URL": f"sqlite:///{database}",
        "LIN_VAR_DIR": str(tmp_path / "var"),
        "CELERY_TASK_ALWAYS_EAGER": "1",
        "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
        "CACHE_URL": "",
        "REDIS_URL": "",
        "LOG_LEVEL": "ERROR",
    }
    child = subprocess.run(
        [sys.executable, "-m", "tests.test_sqlite_busy", str(database)],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=240,
    )
    assert child.returncode == 0, f"the child failed:\n{child.stdout}\n{child.stderr}"
    report = json.loads(child.stdout.strip().splitlines()[-1])
    explain = f"{report}\n--- child's stderr ---\n{child.stderr[-4000:]}"

    # Both requests met the lock (they began while it was held) and waited for it.
    assert report["statuses"] == {"rsvp": 302, "reflection": 302}, explain
    for name in ("rsvp", "reflection"):
        assert report["started"][name] < report["released"], explain
        assert report["finished"][name] >= report["released"], explain
    assert report["journal_mode"] == "wal", explain
    # Everything is stored: the other writer's row and both requests' rows.
    assert report["stored"] == {
        "other_writer": 1,
        "rsvp": ["no", "Dienst in de wijk"],
        "reflection": "Hoe nu verder?",
    }, explain


# --- The child process -------------------------------------------------------------------


def _child(database: str) -> None:
    import django

    django.setup()

    from django.core.management import call_command
    from django.db import connections
    from django.test import Client
    from django.test.utils import setup_test_environment
    from django.urls import reverse

    setup_test_environment()  # lets the test Client in (ALLOWED_HOSTS)
    call_command("migrate", verbosity=0, interactive=False)

    from networks.choices import Role
    from sessions.meetings.models import Rsvp
    from sessions.shadowing.models import ShadowingDay
    from tests.factories import NetworkFactory, member
    from tests.sessions.factories import MeetingFactory
    from tests.sessions.factories_shadowing import ShadowingDayFactory, social_worker

    network = NetworkFactory()
    meeting = MeetingFactory(network=network)
    student = member(network, Role.STUDENT, language="en")
    day = ShadowingDayFactory(network=network, shadower=student, host=social_worker(network))
    requests = {
        "rsvp": (
            reverse("meetings:rsvp", args=[network.slug, meeting.pk]),
            {"answer": "no", "reason": "Dienst in de wijk"},
        ),
        "reflection": (
            reverse("shadowing:reflect", args=[network.slug, day.pk]),
            {"seen": "a", "surprised": "b", "take_away": "c", "question": "Hoe nu verder?"},
        ),
    }
    clients = {}
    for name in requests:
        clients[name] = Client(raise_request_exception=False)
        clients[name].force_login(student)
    with connections["default"].cursor() as cursor:
        cursor.execute("CREATE TABLE chaos_other_writer (note TEXT)")
        cursor.execute("PRAGMA journal_mode")
        journal_mode = cursor.fetchone()[0]
    connections.close_all()

    started, finished, statuses, times = {}, {}, {}, {}
    locked = threading.Event()

    def other_writer():
        """Another process's write (the Celery worker's, say), held for LOCK_SECONDS."""
        conn = sqlite3.connect(database, timeout=20, isolation_level=None)
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("INSERT INTO chaos_other_writer (note) VALUES ('worker')")
        locked.set()
        time.sleep(LOCK_SECONDS)
        times["released"] = time.monotonic()
        conn.execute("COMMIT")
        conn.close()

    def post(name):
        url, data = requests[name]
        started[name] = time.monotonic()
        try:
            statuses[name] = clients[name].post(url, data).status_code
        finally:
            finished[name] = time.monotonic()
            connections.close_all()

    writer = threading.Thread(target=other_writer)
    writer.start()
    locked.wait()
    posters = [threading.Thread(target=post, args=[name]) for name in requests]
    for thread in posters:
        thread.start()
    for thread in [writer, *posters]:
        thread.join()

    rsvp = Rsvp.objects.filter(meeting=meeting, user=student).first()
    with connections["default"].cursor() as cursor:
        cursor.execute("SELECT COUNT(*) FROM chaos_other_writer")
        other_rows = cursor.fetchone()[0]
    t0 = times["released"]
    report = {
        "journal_mode": journal_mode,
        "options": {
            key: value
            for key, value in connections["default"].settings_dict["OPTIONS"].items()
            if key != "init_command"
        },
        "statuses": statuses,
        "released": 0.0,
        "started": {name: round(moment - t0, 3) for name, moment in started.items()},
        "finished": {name: round(moment - t0, 3) for name, moment in finished.items()},
        "stored": {
            "other_writer": other_rows,
            "rsvp": [rsvp.answer, rsvp.reason] if rsvp else None,
            "reflection": ShadowingDay.objects.get(pk=day.pk).reflection_question or None,
        },
    }
    print(json.dumps(report))


if __name__ == "__main__":
    _child(sys.argv[1])
