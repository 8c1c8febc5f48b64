"""Invitations to a network go through the outbox: the request records a delivery row, the
worker sends it; a mail server that is down or refusing delays the mail, never the request.

The SMTP tests talk to a real aiosmtpd server on loopback (tests/e2e/smtp_sink.py)."""

import datetime as dt

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from networks import services
from networks.choices import Role
from sessions.reminders.dispatcher import claim, dispatch, plan, send_batch
from sessions.reminders.models import Delivery, DeliveryStatus
from sessions.reminders.network_kinds import INVITATION
from tests.e2e.smtp_sink import start_sink
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def invite(network, coordinator, email="nieuw@example.org"):
    return services.invitation_create(
        network=network, email=email, role=Role.STUDENT, invited_by=coordinator
    )


def test_an_invitation_is_a_row_in_the_outbox_and_no_mail_in_the_request(
    network, coordinator, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        invitation = invite(network, coordinator)
    row = Delivery.objects.get()
    assert (row.kind, row.recipient, row.email, row.status) == (
        INVITATION,
        None,
        "nieuw@example.org",
        DeliveryStatus.PENDING,
    )
    assert row.target == invitation and row.network == network
    assert mail.outbox == []
    assert len(callbacks) == 1  # the dispatcher run, after commit

    callbacks[0]()  # the worker (eager in tests)
    row.refresh_from_db()
    assert row.status == DeliveryStatus.SENT
    [message] = mail.outbox
    assert message.to == ["nieuw@example.org"]
    assert f"/uitnodiging/{invitation.token}/" in message.body
    assert message.extra_headers["Message-ID"] == row.message_id
    assert "List-Unsubscribe" not in message.extra_headers  # no account: no preferences


def test_the_mail_is_in_the_inviters_language_or_the_invitees(
    network, django_capture_on_commit_callbacks
):
    inviter = UserFactory(language="en")
    UserFactory(email="heeft.account@example.org", language="nl")
    with django_capture_on_commit_callbacks(execute=True):
        invite(network, inviter, "nieuw@example.org")
        invite(network, inviter, "heeft.account@example.org")
    subjects = {m.to[0]: m.subject for m in mail.outbox}
    assert subjects == {
        "nieuw@example.org": "[LIN] Invitation to join LIN Oost",
        "heeft.account@example.org": "[LIN] Uitnodiging voor LIN Oost",
    }


def test_a_withdrawn_invitation_is_withdrawn_from_the_outbox_not_mailed(
    network, coordinator, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False):
        invitation = invite(network, coordinator)
    services.invitation_revoke(invitation=invitation)
    dispatch()
    assert mail.outbox == []
    assert Delivery.objects.get().status == DeliveryStatus.WITHDRAWN


def test_a_resend_is_a_new_row_and_a_second_mail(
    network, coordinator, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        invitation = invite(network, coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        services.invitation_resend(invitation=invitation)
    keys = sorted(Delivery.objects.values_list("object_key", "status"))
    assert keys == [
        (f"invitation.{invitation.pk}", "sent"),
        (f"invitation.{invitation.pk}.2", "sent"),
    ]
    assert len(mail.outbox) == 2


def test_the_beat_finds_a_recent_invitation_without_a_row_and_planning_twice_adds_none(
    network, coordinator, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False):
        invitation = invite(network, coordinator)
    Delivery.objects.all().delete()  # as if the listener had missed it
    now = timezone.now()
    assert plan(now) == 1
    assert plan(now) == 0
    # A second dispatcher inserting the same key meanwhile: the partial unique key keeps one.
    row = Delivery.objects.get()
    row.pk = None
    Delivery.objects.bulk_create([row], ignore_conflicts=True)
    assert Delivery.objects.get().object_id == invitation.pk


def test_two_dispatchers_do_not_send_it_twice(
    network, coordinator, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False):
        invite(network, coordinator)
    now = timezone.now()
    token_a, rows_a = claim(now, 10)
    token_b, rows_b = claim(now, 10)  # the second dispatcher finds it taken
    assert (len(rows_a), rows_b) == (1, [])
    send_batch(token_a, rows_a, now)
    assert dispatch()["sent"] == 0
    assert len(mail.outbox) == 1


@pytest.fixture
def smtp(settings):
    controller, sink, port = start_sink()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", port
    yield sink
    controller.stop()


@pytest.mark.parametrize("trouble", ["connection refused", "451 Try again later"])
def test_the_request_succeeds_while_smtp_refuses_and_the_mail_goes_once_it_accepts(
    client, network, coordinator, smtp, settings, trouble, django_capture_on_commit_callbacks
):
    port = settings.EMAIL_PORT
    if trouble == "connection refused":
        settings.EMAIL_PORT = 9  # discard: nobody listens
    else:
        smtp.replies["student@example.org"] = trouble
    client.force_login(coordinator)
    with django_capture_on_commit_callbacks(execute=True):  # the dispatcher runs (eager)
        response = client.post(
            reverse("networks:invite", args=[network.slug]),
            {"email": "student@example.org", "role": "student"},
        )
    assert response.status_code == 302
    row = Delivery.objects.get()
    assert (row.status, row.attempts) == (DeliveryStatus.PENDING, 1)
    assert row.next_attempt_at >= timezone.now() + dt.timedelta(seconds=50)  # back-off
    assert smtp.received == []

    settings.EMAIL_PORT = port
    smtp.replies.clear()
    later = timezone.now() + dt.timedelta(minutes=2)
    assert dispatch(now=later)["sent"] == 1
    assert dispatch(now=later + dt.timedelta(minutes=5))["sent"] == 0
    [(to, message_id, subject)] = smtp.received
    assert (to, subject) == ("student@example.org", "[LIN] Uitnodiging voor LIN Oost")
    row.refresh_from_db()
    assert (row.status, message_id) == (DeliveryStatus.SENT, row.message_id)
