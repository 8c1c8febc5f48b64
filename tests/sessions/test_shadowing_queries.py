"""The shadowing pages read in a fixed number of queries, with 1 day and with 50."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from accounts.choices import Profession
from networks.choices import Role
from tests.factories import member
from tests.sessions.factories_shadowing import (
    ShadowingDayFactory,
    ShadowingFeedbackFactory,
    reflected,
    same_school,
    social_worker,
)

pytestmark = pytest.mark.django_db


def _days(network, count):
    """``count`` confirmed (and some cancelled) days of several students with several hosts,
    with feedback."""
    teacher = member(network, Role.TEACHER)
    students = [member(network, Role.STUDENT) for _ in range(min(count, 5))]
    hosts = [
        social_worker(network),
        member(network, Role.PROFESSIONAL, profession=Profession.MUNICIPAL_CONSULTANT),
    ]
    same_school(network, teacher, *students)
    for i in range(count):
        # Every seventh day (not the only one) was cancelled: the pages name who cancelled.
        cancelled = i % 7 == 6
        day = ShadowingDayFactory(
            network=network,
            shadower=students[i % len(students)],
            host=hosts[i % 2],
            date=timezone.localdate() - timedelta(days=i + 1),
            status="cancelled" if cancelled else "confirmed",
            cancelled_at=timezone.now() if cancelled else None,
            cancelled_by=hosts[i % 2] if cancelled else None,
            **reflected(),
        )
        ShadowingFeedbackFactory(day=day, author=teacher)
    return students[0], hosts[0], teacher


def _count(client, user, url) -> int:
    client.force_login(user)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


PAGES = {
    "logbook": lambda n, s, h, t, c: (s, reverse("shadowing:logbook", args=[n.slug])),
    "print": lambda n, s, h, t, c: (
        s,
        reverse("shadowing:logbook_print", args=[n.slug]),
    ),
    "host": lambda n, s, h, t, c: (h, reverse("shadowing:host", args=[n.slug])),
    "students": lambda n, s, h, t, c: (t, reverse("shadowing:students", args=[n.slug])),
    "student": lambda n, s, h, t, c: (
        t,
        reverse("shadowing:student", args=[n.slug, s.pk]),
    ),
    "pattern": lambda n, s, h, t, c: (c, reverse("shadowing:pattern", args=[n.slug])),
    "export": lambda n, s, h, t, c: (
        c,
        reverse("shadowing:export", args=[n.slug, "xlsx"]),
    ),
    "export_csv": lambda n, s, h, t, c: (
        c,
        reverse("shadowing:export", args=[n.slug, "csv"]),
    ),
    "day": lambda n, s, h, t, c: (s, reverse("shadowing:day", args=[n.slug, _last(s)])),
    "edit": lambda n, s, h, t, c: (s, reverse("shadowing:edit", args=[n.slug, _last(s)])),
}


def _last(student) -> int:
    """A day of ``student`` that can still be edited (the others are confirmed)."""
    from sessions.shadowing.models import ShadowingDay

    day = ShadowingDay.objects.filter(shadower=student).latest("date")
    ShadowingDay.objects.filter(pk=day.pk).update(status="done")
    return day.pk


@pytest.mark.parametrize("page", sorted(PAGES))
def test_same_number_of_queries_with_1_and_50_days(client, page, network, other_network):
    from networks.models import Network

    coordinator = member(network, Role.COORDINATOR)
    counts = []
    for n, net in ((1, network), (50, other_network)):
        if n == 50:
            coordinator = member(net, Role.COORDINATOR)
        student, host, teacher = _days(net, n)
        user, url = PAGES[page](Network.objects.get(pk=net.pk), student, host, teacher, coordinator)
        counts.append(_count(client, user, url))
        client.logout()
    assert counts[0] == counts[1]
