"""Two dispatchers at once, each with its own database connection: one mail per reminder.

Runs on PostgreSQL (CI runs the suite there too); SQLite has no row locks and serialises
writers, so the race this test provokes cannot happen there.
"""

import datetime as dt
import threading
from collections import Counter

import pytest
from django.core import mail
from django.db import connection, connections

from sessions.reminders.dispatcher import dispatch
from sessions.reminders.models import Delivery, DeliveryStatus
from tests.factories import MembershipFactory, NetworkFactory, UserFactory
from tests.sessions.factories_reminders import MeetingFactory, RsvpFactory

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="needs PostgreSQL row locks (set DATABASE_URL=postgres://...; CI does)",
    ),
]


def test_two_dispatchers_at_once_send_exactly_one_mail_per_reminder(settings):
    settings.REMINDERS_BATCH_SIZE = 7  # many small batches: the two runs interleave
    now = dt.datetime.now(dt.UTC)
    network = NetworkFactory()
    meeting = MeetingFactory(network=network, starts_at=now + dt.timedelta(minutes=90))
    people = []
    for _ in range(60):
        user = UserFactory(language="en")
        MembershipFactory(network=network, user=user, starts_on=dt.date(2020, 1, 1))
        RsvpFactory(meeting=meeting, user=user)
        people.append(user.email)
    start = threading.Barrier(2)
    errors = []

    def run():
        try:
            start.wait()
            for _ in range(3):
                dispatch()
        except Exception as error:  # pragma: no cover - reported below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert errors == []
    received = Counter(message.to[0] for message in mail.outbox)
    assert received == Counter(dict.fromkeys(people, 1))
    assert Delivery.objects.filter(status=DeliveryStatus.SENT).count() == 60
    assert Delivery.objects.count() == 60
