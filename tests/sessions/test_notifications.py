"""The notification centre: the bell in the top bar with the number of unread items (one
query per page at most, whatever the number), the list (newest first, read and unread, each
opening where to act and marked read then), "no longer available" for what the person may
no longer see, "mark all read", the channel per kind under My reminders, reminders that fall
due appearing in the platform, and the person's data (export and erasure)."""

import datetime as dt
import re

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from accounts.models import User
from accounts.services import account_erase
from networks.choices import Role
from networks.models import Membership
from sessions.reminders.dispatcher import dispatch
from sessions.reminders.models import Delivery, DeliveryStatus, Notification
from sessions.shadowing.choices import ShadowingSource, ShadowingStatus
from sessions.shadowing.models import ShadowingDay
from sessions.shadowing.services import (
    shadowing_day_accept,
    shadowing_day_cancel,
    shadowing_day_request,
)
from tests.factories import NetworkFactory, member
from tests.sessions.factories import MeetingFactory, RsvpFactory
from tests.sessions.factories_shadowing import ShadowingSlotFactory, social_worker

pytestmark = pytest.mark.django_db

LIST = "/meldingen/"


@pytest.fixture
def net(db):
    return NetworkFactory(name="LIN Oost", slug="lin-oost")


@pytest.fixture
def student(net):
    return member(net, Role.STUDENT, full_name="Sara Student", language="en")


@pytest.fixture
def host(net):
    return social_worker(net, full_name="Henk Host", language="en")


def requested_days(net, student, host, count: int) -> list[ShadowingDay]:
    """``count`` requests of ``student`` on ``host``'s half-days: the host is told of each."""
    days = []
    for n in range(count):
        slot = ShadowingSlotFactory(
            network=net, host=host, date=timezone.localdate() + dt.timedelta(days=7 + n)
        )
        days.append(
            shadowing_day_request(shadower=student, network=net, slot=slot, learning_goals="Zien.")
        )
    return days


def bell(response) -> str:
    """The bell's text for screen readers, as the top bar shows it."""
    html = response.content.decode()
    match = re.search(
        r'class="nav-link lin-bell.*?<span class="visually-hidden">(.*?)</span>', html, re.S
    )
    return match.group(1).strip()


def texts(response) -> list[str]:
    return [(item.text, item.is_read) for item in response.context["items"]]


def test_the_bell_counts_the_unread_notifications(client, net, student, host):
    requested_days(net, student, host, 3)
    client.force_login(host)
    response = client.get(reverse("home"))
    assert bell(response) == "Notifications: 3 unread"
    Notification.objects.filter(recipient=host).update(read_at=timezone.now())
    assert bell(client.get(reverse("home"))) == "Notifications"


def test_anonymous_pages_have_no_bell_and_ask_nothing(client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("account_login"))
    assert "lin-bell" not in response.content.decode()
    assert [q for q in queries.captured_queries if "notification" in q["sql"]] == []


@pytest.mark.parametrize("count", [1, 30])
def test_pages_with_the_bell_cost_the_same_queries_whatever_the_number(
    client, net, student, host, count, django_assert_num_queries
):
    """The home page and the centre itself: the unread count is one query, and the list does
    not grow with the notifications."""
    requested_days(net, student, host, count)
    client.force_login(host)
    # The home page's own queries (what waits for the person, meetings, networks' figures)
    # and one for the bell.
    with django_assert_num_queries(12):
        response = client.get(reverse("home"))
    assert bell(response) == f"Notifications: {count} unread"
    client.get(LIST)  # content types are cached after the first use, as in a running site
    with django_assert_num_queries(8):
        response = client.get(LIST)
    assert len(response.context["items"]) == count


def test_the_bell_is_one_query(client, net, student, host):
    """The same page with and without notifications: exactly one query apart from the bell
    (the count), which a page without notifications runs too."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(host)
    with CaptureQueriesContext(connection) as none:
        client.get(reverse("home"))
    requested_days(net, student, host, 5)
    with CaptureQueriesContext(connection) as five:
        client.get(reverse("home"))
    counts = [q["sql"] for q in five.captured_queries if "reminders_notification" in q["sql"]]
    assert (len(none), len(five), len(counts)) == (len(none), len(none), 1)


def test_the_list_is_newest_first_and_opening_one_marks_it_read(client, net, student, host):
    first, second = requested_days(net, student, host, 2)
    Notification.objects.filter(object_id=first.pk).update(
        created_at=timezone.now() - dt.timedelta(hours=1)
    )
    client.force_login(host)
    when = [f"{d.date.day} {d.date:%B}" for d in (first, second)]
    assert texts(client.get(LIST)) == [
        (f"Sara Student asks to shadow you on {when[1]} (morning).", False),
        (f"Sara Student asks to shadow you on {when[0]} (morning).", False),
    ]
    item = Notification.objects.get(object_id=first.pk)
    response = client.get(reverse("reminders:notification", args=[item.pk]))
    assert response.url == reverse("shadowing:day", args=[net.slug, first.pk])
    assert client.get(response.url).status_code == 200
    assert [read for _text, read in texts(client.get(LIST))] == [False, True]
    assert bell(client.get(LIST)) == "Notifications: 1 unread"


def test_mark_all_read(client, net, student, host):
    requested_days(net, student, host, 2)
    client.force_login(host)
    response = client.post(reverse("reminders:notifications_read"), follow=True)
    assert [str(m) for m in response.context["messages"]] == [
        "All notifications are marked as read."
    ]
    assert Notification.objects.filter(read_at__isnull=True).count() == 0
    assert bell(response) == "Notifications"


def test_a_withdrawn_request_is_no_longer_available(client, net, student, host):
    """The student withdrew the request: the host's notice says nothing of it any more."""
    (day,) = requested_days(net, student, host, 1)
    shadowing_day_cancel(day=day, by=student)
    client.force_login(host)
    response = client.get(LIST)
    assert texts(response) == [("", False)]
    html = response.content.decode()
    assert ("No longer available" in html, "Sara Student" in html) == (True, False)
    item = Notification.objects.get(recipient=host, kind="shadowing_request")
    response = client.get(reverse("reminders:notification", args=[item.pk]))
    assert response.status_code == 200
    assert response.templates[0].name == "reminders/notification_gone.html"
    assert "Sara Student" not in response.content.decode()


def test_who_left_the_network_no_longer_sees_what_it_was_about(client, net, student, host):
    (day,) = requested_days(net, student, host, 1)
    shadowing_day_accept(day=day, by=host)
    Membership.objects.filter(user=student).update(ended_at=timezone.now())
    client.force_login(student)
    assert texts(client.get(LIST)) == [("", False)]
    item = Notification.objects.get(recipient=student)
    response = client.get(reverse("reminders:notification", args=[item.pk]))
    assert response.templates[0].name == "reminders/notification_gone.html"
    assert "Henk Host" not in response.content.decode()


def test_another_persons_notification_does_not_exist(client, net, student, host):
    requested_days(net, student, host, 1)
    item = Notification.objects.get(recipient=host)
    client.force_login(student)
    assert client.get(reverse("reminders:notification", args=[item.pk])).status_code == 404
    assert Notification.objects.get(pk=item.pk).read_at is None


def test_a_meeting_role_opens_the_meeting_and_not_once_it_is_cancelled(client, net, host):
    from sessions.meetings.services.meetings import meeting_cancel
    from sessions.meetings.services.record import meeting_roles_assign

    meeting = MeetingFactory(network=net, title="Intervisie mei")
    meeting_roles_assign(
        meeting=meeting,
        facilitator=host,
        note_taker=None,
        case_bringer=None,
        presenters=[],
        allowed={host.pk},
    )
    item = Notification.objects.get(recipient=host, kind="meeting_role")
    client.force_login(host)
    response = client.get(reverse("reminders:notification", args=[item.pk]))
    assert response.url == reverse("meetings:detail", args=[net.slug, meeting.pk])
    meeting_cancel(meeting=meeting, reason="Te weinig aanmeldingen.")
    assert texts(client.get(LIST)) == [("", True)]


# --- reminders that fall due, and the channel per kind --------------------------------------


def _rsvp_reminder(net):
    person = member(net, Role.PROFESSIONAL, language="en")
    meeting = MeetingFactory(
        network=net, title="Intervisie juni", starts_at=timezone.now() + dt.timedelta(hours=1)
    )
    RsvpFactory(meeting=meeting, user=person)
    return person, meeting


def test_a_reminder_that_falls_due_is_in_the_platform_and_in_the_mail(client, net):
    person, meeting = _rsvp_reminder(net)
    dispatch()
    dispatch()  # a second run adds nothing
    assert [m.to for m in mail.outbox] == [[person.email]]
    item = Notification.objects.get()
    assert (item.recipient, item.kind, item.target) == (person, "meeting_reminder", meeting)
    client.force_login(person)
    ((text, _read),) = texts(client.get(LIST))
    assert text.startswith("Reminder: Intervisie juni on ")


def test_a_reminder_in_the_platform_only_sends_no_mail(net):
    person, _meeting = _rsvp_reminder(net)
    User.objects.filter(pk=person.pk).update(reminders_off=["meeting_reminder@mail"])
    dispatch()
    assert mail.outbox == []
    assert Notification.objects.filter(recipient=person).count() == 1
    assert list(Delivery.objects.values_list("status", flat=True)) == [DeliveryStatus.SHOWN]


def test_a_reminder_by_mail_only_is_not_in_the_platform(net):
    person, _meeting = _rsvp_reminder(net)
    User.objects.filter(pk=person.pk).update(reminders_off=["meeting_reminder@platform"])
    dispatch()
    assert [m.to for m in mail.outbox] == [[person.email]]
    assert Notification.objects.count() == 0


def test_my_reminders_chooses_the_channel_per_kind(client, host):
    client.force_login(host)
    url = reverse("reminders:preferences")
    form = client.get(url).context["form"]
    on = [code for code, _label in form.fields["kinds_on"].choices]
    response = client.post(
        url,
        {
            "kinds_on": on,
            "lead_times": "2d, 2h",
            "via_shadowing_request": "platform",
            "via_meeting_reminder": "mail",
            "via_shadowing_feedback": "both",
        },
    )
    assert response.status_code == 302
    host.refresh_from_db()
    assert host.reminders_off == ["meeting_reminder@platform", "shadowing_request@mail"]
    form = client.get(url).context["form"]
    assert [
        form[f"via_{code}"].value()
        for code in ("shadowing_request", "meeting_reminder", "shadowing_feedback")
    ] == ["platform", "mail", "both"]


def test_my_reminders_rejects_an_unknown_channel_and_changes_nothing(client, host):
    client.force_login(host)
    url = reverse("reminders:preferences")
    response = client.post(
        url, {"kinds_on": ["meeting_reminder"], "lead_times": "2d", "via_meeting_reminder": "fax"}
    )
    assert response.status_code == 200
    assert response.context["form"].errors["via_meeting_reminder"] == [
        "Select a valid choice. fax is not one of the available choices."
    ]
    host.refresh_from_db()
    assert host.reminders_off == []


# --- the person's data ----------------------------------------------------------------------


def test_export_lists_the_notifications_and_erasure_removes_them(net, student, host):
    from accounts.personal_data import export_all

    requested_days(net, student, host, 2)
    Notification.objects.filter(recipient=host).update(read_at=None)
    data = export_all(host)["sections"]["reminders"]
    assert [(n["kind"]["code"], n["read_at"]) for n in data["notifications"]] == [
        ("shadowing_request", None),
        ("shadowing_request", None),
    ]
    account_erase(user=host, by=host)
    assert Notification.objects.filter(recipient=host).count() == 0
    assert Notification.objects.count() == 0


def test_a_notice_never_holds_what_people_wrote(client, net, student, host):
    """The learning goals stay on the day's page: neither the mail nor the list shows them."""
    slot = ShadowingSlotFactory(network=net, host=host)
    shadowing_day_request(
        shadower=student, network=net, slot=slot, learning_goals="Mevrouw J. op de Dorpsstraat"
    )
    dispatch()
    client.force_login(host)
    assert "Dorpsstraat" not in client.get(LIST).content.decode()
    assert ["Dorpsstraat" in m.body for m in mail.outbox] == [False]


def test_content_types_of_targets_are_kept(net, student, host):
    (day,) = requested_days(net, student, host, 1)
    item = Notification.objects.get()
    assert (item.content_type, item.object_id) == (
        ContentType.objects.get_for_model(ShadowingDay),
        day.pk,
    )
    assert (day.source, day.status) == (ShadowingSource.SLOT, ShadowingStatus.REQUESTED)


def test_a_day_deleted_reads_no_longer_available(client, net, student, host):
    (day,) = requested_days(net, student, host, 1)
    ShadowingDay.objects.filter(pk=day.pk).delete()
    client.force_login(host)
    assert texts(client.get(LIST)) == [("", False)]


def test_a_shadowing_reminder_in_the_platform_opens_the_day(client, net, student, host):
    from sessions.shadowing.reminders import morning_of

    day = ShadowingDay.objects.create(
        network=net,
        host_network=net,
        shadower=student,
        host=host,
        source=ShadowingSource.LOGGED,
        date=timezone.localdate() + dt.timedelta(days=1),
        dagdeel="morning",
        starts_at=dt.time(9, 0),
        ends_at=dt.time(12, 0),
        hours=3,
        place="Wijkcentrum",
        learning_goals="Zien.",
        status=ShadowingStatus.PLANNED,
    )
    dispatch(now=max(timezone.now(), morning_of(timezone.localdate())))
    item = Notification.objects.get(recipient=student, kind="shadowing_day_before")
    client.force_login(student)
    ((text, _read),) = texts(client.get(LIST))
    assert text == "Tomorrow: your shadowing day with Henk Host"
    response = client.get(reverse("reminders:notification", args=[item.pk]))
    assert response.url == reverse("shadowing:day", args=[net.slug, day.pk])
