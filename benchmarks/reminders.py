"""Reminder benchmark: 10,000 due deliveries, one Celery worker, a real SMTP sink on loopback.

Not a test: a script that reports deliveries per second, the worker's CPU time and peak
memory, and the duplicates and losses (both must be 0). Run it on PostgreSQL and Redis, on a
database of its own (each run adds 10,000 people and removes them afterwards):

    createdb -h 127.0.0.1 -U postgres lin_bench
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/lin_bench \\
    CELERY_BROKER_URL=redis://127.0.0.1:6379/5 \\
    .venv/bin/python benchmarks/reminders.py [--count 10000] [--runs 5]

With ``--runs N`` it reports every run and the median run (by deliveries per second). The
sink is aiosmtpd (announcing PIPELINING, as Postfix and Exim do) in this process; on a small
machine it competes with the worker for CPU, so its CPU time is reported too.
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
    from sessions.meetings.models import Meeting, Rsvp
    from sessions.meetings.reminders import meeting_key
    from sessions.reminders.models import Delivery

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
            User(
                email=f"bench{stamp}-{n}@example.org",
                full_name=f"Bench {n}",
                password="!",
                language="en" if n % 4 == 0 else "nl",  # mails in two languages
            )
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
                target=meeting,
                due_at=due,
                next_attempt_at=due,
            )
            for u in users
        ],
        batch_size=2000,
    )
    return meeting


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process so far."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def run(args, sink, number: int) -> dict:
    """One run: queue, start a worker, dispatch, count what arrived, clean up."""
    from django.conf import settings
    from django.db import connection

    from accounts.models import User
    from lin_platform.celery import app
    from sessions.reminders.models import Delivery, DeliveryStatus
    from sessions.reminders.tasks import reminders_dispatch

    print(f"Run {number}: queueing {args.count} due deliveries ...", flush=True)
    meeting = queue(args.count)
    ids = set(meeting.reminder_deliveries.values_list("pk", flat=True))
    connection.close()
    with sink.lock:
        sink.received.clear()

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
        worker_cpu, sink_cpu = cpu_seconds(worker.pid), time.process_time()
        started = time.monotonic()
        reminders_dispatch.delay()
        deadline = started + args.timeout
        while len(sink.received) < args.count and time.monotonic() < deadline:
            time.sleep(0.05)
        elapsed = time.monotonic() - started
        worker_cpu = cpu_seconds(worker.pid) - worker_cpu
        sink_cpu = time.process_time() - sink_cpu
        time.sleep(2)  # anything arriving late would be a duplicate
        peak = peak_rss_mb(worker.pid)
        load = os.getloadavg()[0]
    finally:
        worker.terminate()
        worker.wait(timeout=30)

    received = Counter(message_id for _to, message_id, _subject in sink.received)
    sent_rows = Delivery.objects.filter(pk__in=ids, status=DeliveryStatus.SENT).count()
    host = settings.SITE_URL.split("//")[1].split(":")[0]
    expected = {f"<reminder.{pk}.meeting_reminder@{host}>" for pk in ids}
    result = {
        "deliveries": len(received),
        "time": elapsed,
        "per_second": sum(received.values()) / elapsed,
        "worker_cpu": worker_cpu,
        "sink_cpu": sink_cpu,
        "peak": peak,
        "sent_rows": sent_rows,
        "duplicates": sum(n - 1 for n in received.values() if n > 1),
        "losses": len(expected - set(received)),
        "load": load,
    }
    # Leave the database as it was: the next run's planner must not see this meeting.
    network = meeting.network
    User.objects.filter(memberships__network=network).delete()
    network.delete()
    connection.close()
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=1)
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

    results = []
    try:
        for number in range(1, args.runs + 1):
            result = run(args, sink, number)
            results.append(result)
            print(
                "  {deliveries} delivered in {time:.2f} s = {per_second:.0f}/s; worker CPU "
                "{worker_cpu:.1f} s, sink CPU {sink_cpu:.1f} s; peak worker memory {peak:.0f} "
                "MiB; duplicates {duplicates}, losses {losses}; load {load:.1f}".format(**result),
                flush=True,
            )
    finally:
        controller.stop()

    ordered = sorted(results, key=lambda r: r["per_second"])
    median = ordered[(len(ordered) - 1) // 2]
    print(f"Median of {len(results)} run(s):")
    print(f"deliveries:          {median['deliveries']} of {args.count}")
    print(f"time:                {median['time']:.2f} s")
    print(f"deliveries/s:        {median['per_second']:.0f}")
    print(f"worker CPU:          {median['worker_cpu']:.1f} s "
          f"({args.count / median['worker_cpu']:.0f} deliveries per CPU second)")  # fmt: skip
    print(f"sink CPU:            {median['sink_cpu']:.1f} s (aiosmtpd, in this process)")
    print(f"peak worker memory:  {max(r['peak'] for r in results):.0f} MiB (VmHWM, highest run)")
    print(f"rows marked sent:    {median['sent_rows']}")
    print(f"duplicates:          {sum(r['duplicates'] for r in results)} (all runs)")
    print(f"losses:              {sum(r['losses'] for r in results)} (all runs)")
    ok = all(
        r["duplicates"] == 0 and r["losses"] == 0 and r["sent_rows"] == args.count for r in results
    )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
