"""The one transition table of a shadowing day: a move not allowed from the current status
(a double click, a stale page) changes nothing and says so in the person's language; the
can_* predicates the pages show are read from the same table."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from networks.choices import Role
from sessions.shadowing import permissions as perms
from sessions.shadowing import services
from sessions.shadowing.choices import ShadowingStatus
from sessions.shadowing.models import ShadowingDay
from sessions.shadowing.transitions import TRANSITIONS, Action, Party, shadowing_day_transition
from tests.factories import member
from tests.helpers import messages_of
from tests.sessions.factories_shadowing import ShadowingDayFactory, reflected, social_worker

pytestmark = pytest.mark.django_db


@pytest.fixture
def people(network):
    return {
        "student": member(network, Role.STUDENT, language="nl"),
        "host": social_worker(network, language="nl"),
    }


def test_a_double_clicked_accept_changes_nothing_and_says_so_in_dutch(client, network, people):
    day = ShadowingDayFactory(
        network=network,
        shadower=people["student"],
        host=people["host"],
        status=ShadowingStatus.REQUESTED,
        date=timezone.localdate() + timedelta(days=7),
    )
    client.force_login(people["host"])
    accept = reverse("shadowing:accept", args=[network.slug, day.pk])
    client.post(accept)
    day.refresh_from_db()
    assert day.status == ShadowingStatus.PLANNED
    accepted_at = day.accepted_at
    response = client.post(accept, follow=True)
    messages = messages_of(response)
    assert "Alleen een aanvraag kan worden geaccepteerd; deze dag is gepland." in messages[-1]
    day.refresh_from_db()
    assert (day.status, day.accepted_at) == (ShadowingStatus.PLANNED, accepted_at)


def test_a_stale_object_is_judged_by_the_current_status(network, people):
    day = ShadowingDayFactory(
        network=network,
        shadower=people["student"],
        host=people["host"],
        status=ShadowingStatus.DONE,
        **reflected(),
    )
    stale = ShadowingDay.objects.get(pk=day.pk)
    services.shadowing_day_decline(day=day, by=people["host"], reason="Niet geweest")
    with pytest.raises(ValidationError):
        services.shadowing_day_confirm(day=stale, by=people["host"])
    day.refresh_from_db()
    assert day.status == ShadowingStatus.DECLINED and day.confirmed_at is None


def test_someone_who_never_makes_the_move_gets_permission_denied(network, people):
    day = ShadowingDayFactory(network=network, shadower=people["student"], host=people["host"])
    with pytest.raises(PermissionDenied):
        shadowing_day_transition(day=day, action=Action.ACCEPT, by=people["student"])
    with pytest.raises(PermissionDenied):
        shadowing_day_transition(
            day=day, action=Action.CANCEL, by=member(network, Role.COORDINATOR)
        )


@pytest.mark.parametrize("status", ShadowingStatus.values)
@pytest.mark.parametrize("action", list(Action))
def test_predicates_follow_the_table(network, people, status, action):
    day = ShadowingDayFactory(
        network=network,
        shadower=people["student"],
        host=people["host"],
        status=status,
        date=timezone.localdate() + timedelta(days=3),
        decline_reason="Geen tijd" if status == ShadowingStatus.DECLINED else "",
        cancelled_at=timezone.now() if status == ShadowingStatus.CANCELLED else None,
        **(reflected() if status in (ShadowingStatus.DONE, ShadowingStatus.CONFIRMED) else {}),
    )
    move = TRANSITIONS.get((status, action))
    for who in ("student", "host"):
        user = people[who]
        party = {"student": Party.SHADOWER, "host": Party.HOST}[who]
        expected = move is not None and move.who in (party, Party.EITHER)
        if move is not None and move.after_date:
            expected = False  # the day lies in the future
        assert perms.allowed(day, user, action) is expected
    predicate = {
        Action.ACCEPT: perms.can_accept,
        Action.DECLINE: perms.can_decline,
        Action.CONFIRM: perms.can_confirm,
        Action.REFLECT: perms.can_reflect,
        Action.CANCEL: perms.can_cancel,
    }[action]
    for who in ("student", "host"):
        assert predicate(people[who], day) is perms.allowed(day, people[who], action)
