"""The reminder log a coordinator sees for their network."""

import datetime as dt

import pytest

from networks.choices import Role
from sessions.reminders.models import Delivery
from tests.factories import NetworkFactory, member
from tests.sessions.factories_reminders import MeetingFactory

URL = "/netwerken/lin-oost/herinneringen/"


def delivery(network, status, n, **extra):
    meeting = MeetingFactory(network=network, title=f"Bijeenkomst {n}")
    due = dt.datetime(2025, 3, 1, 9, 0, tzinfo=dt.UTC) + dt.timedelta(hours=n)
    return Delivery.objects.create(
        kind="meeting_reminder",
        object_key=f"meeting:{meeting.pk}@0",
        recipient=member(network, Role.STUDENT, full_name=f"Student {n}"),
        network=network,
        target=meeting,
        due_at=due,
        next_attempt_at=due,
        status=status,
        sent_at=due if status == "sent" else None,
        **extra,
    )


@pytest.fixture
def coordinator_client(client, network, coordinator):
    client.force_login(coordinator)
    return client


def rows(response):
    return [
        (d.recipient.full_name, d.get_status_display(), d.reason)
        for d in response.context["page"].object_list
    ]


def test_log_shows_sent_failed_with_reason_and_pending(coordinator_client, network):
    delivery(network, "sent", 1)
    delivery(network, "failed", 2, reason="SMTPRecipientsRefused: 550 no such user")
    delivery(network, "pending", 3)
    delivery(NetworkFactory(), "sent", 4)  # another network's: not shown
    response = coordinator_client.get(URL)
    assert response.status_code == 200
    assert rows(response) == [
        ("Student 3", "Wachtend", ""),
        ("Student 2", "Mislukt", "SMTPRecipientsRefused: 550 no such user"),
        ("Student 1", "Verzonden", ""),
    ]
    failed = coordinator_client.get(URL + "?status=failed")
    assert rows(failed) == [("Student 2", "Mislukt", "SMTPRecipientsRefused: 550 no such user")]


def test_withdrawal_reason_is_shown_in_the_coordinators_language(coordinator_client, network):
    delivery(network, "withdrawn", 1, reason="The meeting was cancelled.")
    response = coordinator_client.get(URL)
    assert '<td data-label="Reden">De bijeenkomst is afgezegd.</td>' in response.content.decode()


@pytest.mark.parametrize("count", [1, 30])
def test_log_queries_do_not_grow_with_the_rows(
    coordinator_client, network, django_assert_num_queries, count
):
    for n in range(count):
        delivery(network, "sent", n)
    # The same for 1 and 30 rows; the last query loads what the rows are about (meetings).
    with django_assert_num_queries(8):
        response = coordinator_client.get(URL)
    assert len(response.context["page"].object_list) == count
