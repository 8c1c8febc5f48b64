"""The home page's shadowing section: a student's progress and open items, a host's
requests and days to confirm."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from networks.choices import Role
from networks.models import Membership
from sessions.shadowing.selectors import home_for
from tests.factories import NetworkFactory, member
from tests.sessions.factories_shadowing import ShadowingDayFactory, reflected, social_worker

pytestmark = pytest.mark.django_db


def days_ago(n):
    return timezone.localdate() - dt.timedelta(days=n)


def home(client, user):
    client.force_login(user)
    response = client.get(reverse("home"))
    assert response.status_code == 200
    return response


def test_student_sees_progress_per_network_and_open_items(client, network, other_network):
    network.shadowing_required_dagdelen = 4
    network.save()
    other_network.shadowing_required_dagdelen = 2
    other_network.save()
    student = member(network, Role.STUDENT, full_name="Sara Student")
    Membership.objects.create(network=other_network, user=student, role=Role.STUDENT)
    host = social_worker(network, full_name="Henk Host")
    other_host = social_worker(other_network)

    def day(**kwargs):
        kwargs.setdefault("network", network)
        kwargs.setdefault("host", host)
        return ShadowingDayFactory(shadower=student, **kwargs)

    day(status="confirmed", dagdeel="whole_day", date=days_ago(20), **reflected())
    day(status="confirmed", network=other_network, host=other_host, **reflected())
    to_reflect = day(date=days_ago(1), dagdeel="afternoon")
    day(date=timezone.localdate() + dt.timedelta(days=3))  # planned, still to come
    requested = day(status="requested", date=timezone.localdate() + dt.timedelta(days=5))
    awaiting = day(status="done", date=days_ago(8), dagdeel="evening", **reflected())
    day(status="declined", decline_reason="Ziek", date=days_ago(9))

    shadowing = home(client, student).context["shadowing"]
    assert [(p.network.name, p.confirmed, p.required) for p in shadowing.progress] == [
        ("LIN Oost", 2, 4),
        ("LIN West", 1, 2),
    ]
    assert shadowing.to_reflect == [to_reflect]
    assert shadowing.waiting_for_host == [awaiting, requested]
    assert (shadowing.requests, shadowing.to_confirm) == ([], [])


def test_student_who_left_a_network_sees_nothing_of_it(client, network, other_network):
    student = member(network, Role.STUDENT)
    Membership.objects.create(
        network=other_network, user=student, role=Role.STUDENT, ended_at=timezone.now()
    )
    ShadowingDayFactory(
        network=other_network,
        shadower=student,
        host=social_worker(other_network),
        date=days_ago(3),
    )
    shadowing = home(client, student).context["shadowing"]
    assert [p.network.name for p in shadowing.progress] == ["LIN Oost"]
    assert shadowing.to_reflect == []


def test_host_sees_requests_and_days_to_confirm(client, network):
    host = social_worker(network)
    student = member(network, Role.STUDENT, full_name="Sara Student")
    request = ShadowingDayFactory(
        network=network,
        shadower=student,
        host=host,
        status="requested",
        date=timezone.localdate() + dt.timedelta(days=4),
    )
    to_confirm = ShadowingDayFactory(
        network=network,
        shadower=student,
        host=host,
        status="done",
        date=days_ago(5),
        **reflected(),
    )
    ShadowingDayFactory(network=network, shadower=student, host=host, date=days_ago(2))
    ShadowingDayFactory(
        network=network,
        shadower=student,
        host=host,
        status="confirmed",
        date=days_ago(30),
        **reflected(),
    )
    response = home(client, host)
    shadowing = response.context["shadowing"]
    assert (shadowing.requests, shadowing.to_confirm) == ([request], [to_confirm])
    assert (shadowing.progress, shadowing.to_reflect, shadowing.waiting_for_host) == ([], [], [])
    html = response.content.decode()
    assert f'href="/netwerken/lin-oost/meelopen/{request.pk}/"' in html
    assert f'href="/netwerken/lin-oost/meelopen/{to_confirm.pk}/"' in html
    assert "Aanvraag die op je antwoord wacht" in html
    assert "Dag om te bevestigen" in html


def test_host_through_a_partner_network_sees_the_request(client, network):
    partner = NetworkFactory(name="LIN Zuid", slug="lin-zuid")
    host = social_worker(partner)
    request = ShadowingDayFactory(
        network=network,
        host_network=partner,
        shadower=member(network, Role.STUDENT),
        host=host,
        status="requested",
        date=timezone.localdate() + dt.timedelta(days=4),
    )
    assert home(client, host).context["shadowing"].requests == [request]


def test_no_section_and_no_query_for_who_neither_shadows_nor_hosts(
    client, network, coordinator, django_assert_num_queries
):
    memberships = list(Membership.objects.filter(user=coordinator).select_related("network"))
    with django_assert_num_queries(0):
        assert not home_for(coordinator, memberships)
    assert 'id="home-shadowing"' not in home(client, coordinator).content.decode()
