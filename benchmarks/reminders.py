"""Reminder benchmark: 10,000 due deliveries, one Celery worker, a real SMTP sink on loopback.

Not a test: a script that reports deliveries per second, the worker's peak memory, and the
duplicates and losses (both must be 0). Run it on PostgreSQL and Redis, on a database of its
own (it adds 10,000 people):

    createdb -h 127.0.0.1 -U postgres lin_bench
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/lin_bench \\
    CELERY_BROKER_URL=redis://127.0.0.1:6379/5 \\
    .venv/bin/python benchmarks/reminders.py [--count 10000]
"""

import argparse
import datetime as dt
import os
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lin_platform.settings")


def peak_rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def queue(count: int):
    """One meeting an hour from now, ``count`` people coming, and for each a due reminder
    row (two hours ahead, so due now); returns the meeting."""
    from accounts.models import User
    from networks.models import Membership, Network
    from sessions.models import Delivery, Meeting, Rsvp
    from sessions.reminders.kinds import meeting_key

    stamp = int(time.time())
    now = dt.datetime.now(dt.UTC)
    network = Network.objects.create(name=f"Bench {stamp}", slug=f"bench-{stamp}", kind="other")
    meeting = Meeting.objects.create(
        network=network,
        format="intervisie",
        title="Benchmark-bijeenkomst",
        starts_at=now + dt.timedelta(minutes=60),
        ends_at=now + dt.timedelta(minutes=120),
        location="Loopback",
    )
    users = User.objects.bulk_create(
        [
            User(email=f"bench{stamp}-{n}@example.org", full_name=f"Bench {n}", password="!")
            for n in range(count)
        ],
        batch_size=2000,
    )
    Membership.objects.bulk_create(
        [Membership(network=network, user=u, role="professional") for u in users],
        batch_size=2000,
    )
    Rsvp.objects.bulk_create(
        [Rsvp(meeting=meeting, user=u, answer="yes", answered_at=now) for u in users],
        batch_size=2000,
    )
    due = meeting.starts_at - dt.timedelta(minutes=120)
    Delivery.objects.bulk_create(
        [
            Delivery(
                kind="meeting_reminder",
                object_key=meeting_key(meeting),
                recipient=u,
                lead_minutes=120,
                network=network,
                meeting=meeting,
                due_at=due,
                next_attempt_at=due,
            )
            for u in users
        ],
        batch_size=2000,
    )
    return meeting


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--timeout", type=float, default=300)
    args = parser.parse_args()

    import logging

    from tests.e2e.smtp_sink import start_sink

    logging.getLogger("mail.log").setLevel(logging.WARNING)  # aiosmtpd logs every command

    controller, sink, port = start_sink(parse=False)
    os.environ.update(EMAIL_HOST="127.0.0.1", EMAIL_PORT=str(port))

    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection

    if connection.vendor != "postgresql" or settings.CELERY_BROKER_URL.startswith("filesystem"):
        print("Run on PostgreSQL and Redis: set DATABASE_URL and CELERY_BROKER_URL.")
        return 2
    call_command("migrate", verbosity=0)

    from lin_platform.celery import app
    from sessions.models import Delivery, DeliveryStatus
    from sessions.tasks import reminders_dispatch

    print(f"Queueing {args.count} due deliveries ...", flush=True)
    meeting = queue(args.count)
    ids = set(Delivery.objects.filter(meeting=meeting).values_list("pk", flat=True))
    connection.close()

    app.control.purge()
    env = {
        **os.environ,
        "REMINDERS_DISPATCH_BUDGET": str(args.timeout),
        "LOG_LEVEL": "WARNING",
    }
    worker = subprocess.Popen(
        [sys.executable, "-m", "celery", "-A", "lin_platform", "worker", "--pool=solo",
         "--loglevel=WARNING", "--without-gossip", "--without-mingle", "--without-heartbeat"],
        cwd=ROOT,
        env=env,
    )  # fmt: skip
    try:
        time.sleep(3)  # let the worker connect
        print("Worker started; dispatching ...", flush=True)
        started = time.monotonic()
        reminders_dispatch.delay()
        deadline = started + args.timeout
        while len(sink.received) < args.count and time.monotonic() < deadline:
            time.sleep(0.05)
        elapsed = time.monotonic() - started
        time.sleep(2)  # anything arriving late would be a duplicate
        peak = peak_rss_mb(worker.pid)
    finally:
        worker.terminate()
        worker.wait(timeout=30)
        controller.stop()

    received = Counter(message_id for _to, message_id, _subject in sink.received)
    sent_rows = Delivery.objects.filter(pk__in=ids, status=DeliveryStatus.SENT).count()
    expected = {
        f"<reminder.{pk}.meeting_reminder@{settings.SITE_URL.split('//')[1].split(':')[0]}>"
        for pk in ids
    }
    duplicates = sum(n - 1 for n in received.values() if n > 1)
    losses = len(expected - set(received))
    print(f"deliveries:          {len(received)} of {args.count}")
    print(f"time:                {elapsed:.2f} s")
    print(f"deliveries/s:        {len(sink.received) / elapsed:.0f}")
    print(f"peak worker memory:  {peak:.0f} MiB (VmHWM)")
    print(f"rows marked sent:    {sent_rows}")
    print(f"duplicates:          {duplicates}")
    print(f"losses:              {losses}")
    return 0 if duplicates == 0 and losses == 0 and sent_rows == args.count else 1


if __name__ == "__main__":
    sys.exit(main())
