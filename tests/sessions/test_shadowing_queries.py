"""The shadowing pages read in a fixed number of queries, with 1 day and with 50: the
same exact number for both, pinned per page."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.choices import Profession
from networks.choices import Role
from tests.factories import member
from tests.sessions.factories_shadowing import (
    ShadowingDayFactory,
    ShadowingFeedbackFactory,
    ShadowingSlotFactory,
    reflected,
    same_school,
    social_worker,
)

pytestmark = pytest.mark.django_db


def _days(network, count):
    """``count`` confirmed (and some cancelled) days of several students with several hosts,
    with feedback, and ``count`` dagdelen the hosts offer that nobody booked yet."""
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
        ShadowingSlotFactory(
            network=network, host=hosts[i % 2], date=timezone.localdate() + timedelta(days=i + 1)
        )
    return students[0], hosts[0], teacher


# Every network page starts with the same four: the session, the user, the network, and
# the person's membership (their role, cached for the request).
PAGES = {
    # the four, the person's days (with the people and networks), the feedback on them
    "logbook": (6, lambda n, s, h, t, c: (s, reverse("shadowing:logbook", args=[n.slug]))),
    "print": (6, lambda n, s, h, t, c: (s, reverse("shadowing:logbook_print", args=[n.slug]))),
    # the four, the partner networks, the open dagdelen there (with host and network)
    "slots": (6, lambda n, s, h, t, c: (s, reverse("shadowing:slots", args=[n.slug]))),
    # the four, the days hosted (with people), the feedback on them, the host's dagdelen
    "host": (7, lambda n, s, h, t, c: (h, reverse("shadowing:host", args=[n.slug]))),
    # the four, the students the teacher follows (memberships), their days in one query
    "students": (6, lambda n, s, h, t, c: (t, reverse("shadowing:students", args=[n.slug]))),
    # the four, the student's membership, their days, the feedback on them
    "student": (7, lambda n, s, h, t, c: (t, reverse("shadowing:student", args=[n.slug, s.pk]))),
    # the four, the profession × profession counts (one grouped query), the open counts
    "pattern": (6, lambda n, s, h, t, c: (c, reverse("shadowing:pattern", args=[n.slug]))),
    # the four, the days (with people), and the pattern's two queries for the extra sheets
    "export": (7, lambda n, s, h, t, c: (c, reverse("shadowing:export", args=[n.slug, "xlsx"]))),
    # the four and the days (with people): a CSV file holds one sheet
    "export_csv": (
        5,
        lambda n, s, h, t, c: (c, reverse("shadowing:export", args=[n.slug, "csv"])),
    ),
    # session, user, the day (with people), whether the viewer is a member, the feedback
    "day": (5, lambda n, s, h, t, c: (s, reverse("shadowing:day", args=[n.slug, _last(s)]))),
    # session, user, the day (with people)
    "edit": (3, lambda n, s, h, t, c: (s, reverse("shadowing:edit", args=[n.slug, _last(s)]))),
}


def _last(student) -> int:
    """A day of ``student`` that can still be edited (the others are confirmed)."""
    from sessions.shadowing.models import ShadowingDay

    day = ShadowingDay.objects.filter(shadower=student).latest("date")
    ShadowingDay.objects.filter(pk=day.pk).update(status="done")
    return day.pk


@pytest.mark.parametrize("count", [1, 50])
@pytest.mark.parametrize("page", sorted(PAGES))
def test_the_same_exact_number_of_queries_with_1_and_50_days(
    client, page, network, count, django_assert_num_queries
):
    from networks.models import Network

    coordinator = member(network, Role.COORDINATOR)
    student, host, teacher = _days(network, count)
    queries, page_of = PAGES[page]
    if not page.startswith("export"):
        queries += 1  # the page's bell: the number of unread notifications
    user, url = page_of(Network.objects.get(pk=network.pk), student, host, teacher, coordinator)
    client.force_login(user)
    with django_assert_num_queries(queries):
        response = client.get(url)
    assert response.status_code == 200
    if page == "slots":  # the student sees every open dagdeel, the host their own
        assert len(response.context["slots"]) == count
    if page == "host":
        assert len(response.context["slots"]) == (count + 1) // 2
