"""What is due, and that it goes out once: time frozen with time-machine, mails in locmem."""

import datetime as dt
import smtplib

import pytest
from django.core import mail

from networks.choices import Role
from networks.models import Membership
from sessions.meetings.choices import MeetingStatus, RsvpAnswer
from sessions.reminders.dispatcher import backoff, claim, dispatch
from sessions.reminders.kinds import digest_moment
from sessions.reminders.models import Delivery, DeliveryStatus
from tests.factories import MembershipFactory, NetworkFactory, UserFactory
from tests.sessions.factories_reminders import MeetingFactory, MeetingRoleFactory, RsvpFactory

UTC = dt.UTC


def utc(*args):
    return dt.datetime(*args, tzinfo=UTC)


START = dt.datetime(2025, 3, 12, 14, 0, tzinfo=UTC)  # Wednesday 15:00 in Amsterdam


def at(moment, time_machine):
    time_machine.move_to(moment, tick=False)
    return moment


def join(network, role=Role.PROFESSIONAL, **user_kwargs):
    user = UserFactory(**user_kwargs)
    MembershipFactory(network=network, user=user, role=role, starts_on=dt.date(2020, 1, 1))
    return user


@pytest.fixture
def net(db):
    return NetworkFactory(name="LIN Oost", slug="lin-oost")


@pytest.fixture
def meeting(net):
    return MeetingFactory(network=net, title="Intervisie maart", starts_at=START)


@pytest.fixture
def anna(net, meeting):
    user = join(net, full_name="Anna de Vries", email="anna@example.org", language="en")
    RsvpFactory(meeting=meeting, user=user, answer=RsvpAnswer.YES)
    return user


def subjects():
    return [message.subject for message in mail.outbox]


def sent_rows(kind="meeting_reminder"):
    return list(
        Delivery.objects.filter(status=DeliveryStatus.SENT, kind=kind)
        .order_by("pk")
        .values_list("kind", "recipient__email", "lead_minutes")
    )


def test_meeting_reminder_goes_out_at_each_lead_time_once(anna, meeting, time_machine):
    at(START - dt.timedelta(days=2, minutes=1), time_machine)
    assert dispatch() == {"planned": 0, "sent": 0, "withdrawn": 0, "failed": 0, "retry": 0}
    at(START - dt.timedelta(days=2), time_machine)
    dispatch()
    at(START - dt.timedelta(days=2) + dt.timedelta(minutes=1), time_machine)
    dispatch()
    assert sent_rows() == [("meeting_reminder", "anna@example.org", 2880)]
    at(START - dt.timedelta(hours=2), time_machine)
    dispatch()
    dispatch()
    assert sent_rows() == [
        ("meeting_reminder", "anna@example.org", 2880),
        ("meeting_reminder", "anna@example.org", 120),
    ]
    assert subjects() == ["Reminder: Intervisie maart on 12 March 15:00"] * 2


def test_short_notice_sends_only_the_nearest_lead_time(anna, meeting, time_machine):
    at(START - dt.timedelta(minutes=90), time_machine)
    dispatch()
    assert sent_rows() == [("meeting_reminder", "anna@example.org", 120)]


@pytest.mark.parametrize(
    ("start", "lead", "due_utc"),
    [
        # Autumn: 02:00-03:00 happens twice on 26 Oct 2025. Meeting 04:00 CET (03:00 UTC),
        # reminder 2 h before = 01:00 UTC, the *second* 02:00; not at the first (00:00 UTC).
        (utc(2025, 10, 26, 3, 0), 120, utc(2025, 10, 26, 1, 0)),
        # Spring: 02:00-03:00 does not exist on 30 Mar 2025. Meeting 04:00 CEST (02:00 UTC),
        # reminder 90 min before = 00:30 UTC = 01:30 CET.
        (utc(2025, 3, 30, 2, 0), 90, utc(2025, 3, 30, 0, 30)),
    ],
    ids=["autumn", "spring"],
)
def test_reminder_due_during_the_dst_change_goes_out_once_at_the_right_time(
    net, time_machine, start, lead, due_utc
):
    meeting = MeetingFactory(network=net, starts_at=start)
    user = join(net, meeting_reminder_minutes=[lead])
    RsvpFactory(meeting=meeting, user=user)
    minute = dt.timedelta(minutes=1)
    sends = []
    moment = due_utc - dt.timedelta(hours=1, minutes=30)
    while moment < start:
        at(moment, time_machine)
        if dispatch()["sent"]:
            sends.append(moment)
        moment += 10 * minute if abs(moment - due_utc) > 15 * minute else minute
    assert sends == [due_utc]
    assert len(mail.outbox) == 1


def test_weekly_digest_is_due_monday_0800_amsterdam_in_winter_and_summer(net, time_machine):
    coordinator = join(net, Role.COORDINATOR, email="coord@example.org", language="en")
    # Winter: 08:00 CET = 07:00 UTC.
    at(dt.datetime(2025, 3, 24, 6, 59, tzinfo=UTC), time_machine)
    dispatch()
    assert mail.outbox == []
    at(dt.datetime(2025, 3, 24, 7, 0, tzinfo=UTC), time_machine)
    dispatch()
    # Summer, after the change of 30 March: 08:00 CEST = 06:00 UTC.
    at(dt.datetime(2025, 3, 31, 5, 59, tzinfo=UTC), time_machine)
    dispatch()
    at(dt.datetime(2025, 3, 31, 6, 0, tzinfo=UTC), time_machine)
    dispatch()
    dispatch()
    assert [(m.to, m.subject) for m in mail.outbox] == [
        ([coordinator.email], "This week in LIN Oost"),
        ([coordinator.email], "This week in LIN Oost"),
    ]
    assert digest_moment(dt.datetime(2025, 3, 31, 5, 59, tzinfo=UTC)) == dt.datetime(
        2025, 3, 24, 7, 0, tzinfo=UTC
    )


def test_weekly_digest_lists_coming_meetings_missing_answers_and_domains(net, time_machine):
    at(dt.datetime(2025, 3, 3, 7, 0, tzinfo=UTC), time_machine)  # Monday 08:00
    join(net, Role.COORDINATOR, language="en", profession="social_worker")
    nurse = join(net, profession="district_nurse")
    join(net, profession="teacher")
    meeting = MeetingFactory(network=net, title="Moreel beraad", starts_at=START)
    RsvpFactory(meeting=meeting, user=nurse, answer=RsvpAnswer.YES)
    dispatch()
    assert len(mail.outbox) == 1
    body = mail.outbox[0].body
    assert "* Moreel beraad — Wednesday 12 March, 15:00" in body
    assert "1 person is coming; 2 answers missing." in body
    assert "Missing domains: Social domain, Education" in body


def test_rescheduled_meeting_does_not_fire_at_its_old_time(anna, meeting, time_machine):
    at(START - dt.timedelta(days=3), time_machine)
    meeting.starts_at = START + dt.timedelta(days=7)
    meeting.ends_at = meeting.starts_at + dt.timedelta(hours=2)
    meeting.revision = 1
    meeting.save()
    at(START - dt.timedelta(days=2), time_machine)
    dispatch()
    at(START - dt.timedelta(hours=2), time_machine)
    dispatch()
    assert Delivery.objects.filter(kind="meeting_reminder").count() == 0
    at(meeting.starts_at - dt.timedelta(days=2), time_machine)
    dispatch()
    assert sent_rows() == [("meeting_reminder", "anna@example.org", 2880)]


def test_a_claimed_reminder_of_a_meeting_moved_meanwhile_is_withdrawn(anna, meeting, time_machine):
    at(START - dt.timedelta(hours=2), time_machine)
    from sessions.reminders.dispatcher import plan

    plan(START - dt.timedelta(hours=2))
    meeting.starts_at += dt.timedelta(days=1)
    meeting.ends_at += dt.timedelta(days=1)
    meeting.save()
    dispatch()
    old, new = Delivery.objects.filter(kind="meeting_reminder").order_by("pk")
    assert (old.status, old.reason) == ("withdrawn", "The meeting was moved to another time.")
    # At the new time the 2-day reminder is already due: that one goes out instead.
    assert (new.status, new.lead_minutes, len(mail.outbox)) == ("sent", 2880, 1)


def test_cancelled_meeting_fires_no_reminder_and_withdraws_what_was_pending(
    anna, meeting, time_machine
):
    at(START - dt.timedelta(hours=2), time_machine)
    from sessions.reminders.dispatcher import plan

    plan(START - dt.timedelta(hours=2))  # recorded, not yet sent
    meeting.status = MeetingStatus.CANCELLED
    meeting.save()
    dispatch()
    at(START - dt.timedelta(minutes=5), time_machine)
    dispatch()
    assert list(Delivery.objects.values_list("kind", "status", "reason")) == [
        ("meeting_reminder", "withdrawn", "The meeting was cancelled.")
    ]
    assert mail.outbox == []


@pytest.mark.parametrize("why", ["declined", "left", "switched_off", "waitlisted"])
def test_person_who_declined_left_or_switched_off_gets_nothing(net, meeting, time_machine, why):
    at(START - dt.timedelta(hours=2), time_machine)
    user = join(net)
    rsvp = RsvpFactory(meeting=meeting, user=user, answer=RsvpAnswer.YES)
    if why == "declined":
        rsvp.answer = RsvpAnswer.NO
        rsvp.save()
    elif why == "left":
        Membership.objects.filter(user=user).update(ended_at=START - dt.timedelta(days=1))
    elif why == "switched_off":
        user.reminders_off = ["meeting_reminder"]
        user.save()
    else:
        rsvp.waitlisted = True
        rsvp.save()
    dispatch()
    assert mail.outbox == []


def test_crash_between_claim_and_send_is_recovered_later_exactly_once(
    anna, meeting, time_machine, settings
):
    settings.REMINDERS_CLAIM_TIMEOUT = 600
    moment = at(START - dt.timedelta(hours=2), time_machine)
    from sessions.reminders.dispatcher import plan

    plan(moment)
    token, rows = claim(moment, 10)  # ... and then the worker dies
    assert [row.status for row in rows] == ["sending"]
    at(moment + dt.timedelta(minutes=5), time_machine)
    dispatch()  # still claimed by the dead worker: not yet taken over
    assert mail.outbox == []
    at(moment + dt.timedelta(minutes=11), time_machine)
    dispatch()
    dispatch()
    row = Delivery.objects.get()
    assert (row.status, row.attempts, len(mail.outbox)) == ("sent", 2, 1)
    assert (
        mail.outbox[0].extra_headers["Message-ID"]
        == f"<reminder.{row.pk}.meeting_reminder@127.0.0.1>"
    )


class FlakyBackend:
    """A mail backend whose SMTP server answers with ``error`` the first ``times`` times."""

    error: Exception = smtplib.SMTPServerDisconnected("Connection unexpectedly closed")
    times = 1
    calls = 0

    def __init__(self, *args, **kwargs):
        pass

    def open(self):
        return True

    def close(self):
        pass

    def send_messages(self, messages):
        FlakyBackend.calls += 1
        if FlakyBackend.calls <= FlakyBackend.times:
            raise FlakyBackend.error
        mail.outbox.extend(messages)
        return len(messages)


@pytest.fixture
def flaky(settings):
    settings.EMAIL_BACKEND = "tests.sessions.test_reminders.FlakyBackend"
    FlakyBackend.calls = 0
    mail.outbox = []
    return FlakyBackend


def test_transient_smtp_error_is_retried_with_back_off(anna, meeting, time_machine, flaky):
    flaky.error = smtplib.SMTPServerDisconnected("Connection unexpectedly closed")
    moment = at(START - dt.timedelta(hours=2), time_machine)
    dispatch()
    row = Delivery.objects.get()
    assert (row.status, row.next_attempt_at, row.reason) == (
        "pending",
        moment + dt.timedelta(minutes=1),
        "SMTPServerDisconnected: Connection unexpectedly closed",
    )
    at(moment + dt.timedelta(minutes=1), time_machine)
    dispatch()
    row.refresh_from_db()
    assert (row.status, row.attempts, len(mail.outbox)) == ("sent", 2, 1)


def test_back_off_stays_below_the_visibility_timeout(settings):
    settings.CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": 3600}
    assert [backoff(n).total_seconds() for n in (1, 2, 3, 10)] == [60, 120, 240, 1800]


def test_permanent_smtp_error_is_recorded_with_its_reason(anna, meeting, time_machine, flaky):
    flaky.error = smtplib.SMTPRecipientsRefused({"anna@example.org": (550, b"No such user")})
    at(START - dt.timedelta(hours=2), time_machine)
    dispatch()
    at(START - dt.timedelta(hours=1), time_machine)
    dispatch()
    row = Delivery.objects.get()
    assert (row.status, row.attempts) == ("failed", 1)
    assert row.reason.startswith("SMTPRecipientsRefused: {'anna@example.org': (550")
    assert mail.outbox == []


def test_change_notice_once_per_revision_and_only_the_latest(net, meeting, anna, time_machine):
    undecided = join(net, email="undecided@example.org")
    declined = join(net, email="no@example.org")
    RsvpFactory(meeting=meeting, user=declined, answer=RsvpAnswer.NO)
    at(START - dt.timedelta(days=10), time_machine)
    meeting.location = "Wijkcentrum Oost"
    meeting.revision = 1
    meeting.save()
    meeting.revision = 2  # a second change before the dispatcher ran
    meeting.save()
    dispatch()
    dispatch()
    assert sorted(m.to[0] for m in mail.outbox) == ["anna@example.org", undecided.email]
    assert set(Delivery.objects.values_list("object_key", flat=True)) == {
        f"meeting:{meeting.pk}:rev2"
    }
    meeting.status = MeetingStatus.CANCELLED
    meeting.revision = 3
    meeting.save()
    dispatch()
    assert sorted((m.to[0], m.subject) for m in mail.outbox[2:]) == [
        ("anna@example.org", "Cancelled: Intervisie maart"),
        ("undecided@example.org", "Geannuleerd: Intervisie maart"),
    ]


def test_rsvp_nudge_goes_to_members_who_have_not_answered(net, meeting, anna, time_machine):
    silent = join(net, email="silent@example.org", language="en")
    at(START - dt.timedelta(days=3), time_machine)
    dispatch()
    assert [(m.to, m.subject) for m in mail.outbox] == [
        ([silent.email], "Are you coming to Intervisie maart?")
    ]


def test_preparation_reminder_goes_to_case_bringer_a_week_before(net, meeting, time_machine):
    bringer = join(net, email="bringer@example.org", language="en")
    RsvpFactory(meeting=meeting, user=bringer)
    MeetingRoleFactory(meeting=meeting, user=bringer, kind="case_bringer")
    at(START - dt.timedelta(days=7), time_machine)
    dispatch()
    assert [(m.to, m.subject) for m in mail.outbox] == [
        ([bringer.email], "Preparing for Intervisie maart")
    ]
    assert "You bring the case" in mail.outbox[0].body


def test_meeting_changed_notify_sends_the_notice_at_once(
    net, meeting, anna, time_machine, django_capture_on_commit_callbacks
):
    from sessions.meetings.services.meetings import meeting_changed_notify

    at(START - dt.timedelta(days=10), time_machine)
    with django_capture_on_commit_callbacks(execute=True):
        meeting.location = "Wijkcentrum Oost"
        meeting.revision += 1
        meeting.save()
        meeting_changed_notify(meeting=meeting)
    assert [(m.to, m.subject) for m in mail.outbox] == [
        (["anna@example.org"], "Changed: Intervisie maart")
    ]
    meeting_changed_notify(meeting=meeting)  # again: nothing new to say
    dispatch()
    assert len(mail.outbox) == 1


def test_cancelling_through_the_service_notifies_at_once(
    net, meeting, anna, time_machine, django_capture_on_commit_callbacks
):
    from sessions.meetings.services.meetings import meeting_cancel

    at(START - dt.timedelta(days=10), time_machine)
    with django_capture_on_commit_callbacks(execute=True):
        meeting_cancel(meeting=meeting, reason="Storm")
    assert [(m.to, m.subject) for m in mail.outbox] == [
        (["anna@example.org"], "Cancelled: Intervisie maart")
    ]
