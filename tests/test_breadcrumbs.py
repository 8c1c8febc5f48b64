"""A page's breadcrumb trail is the list of crumbs its view passes (``lin_platform.crumbs``),
rendered once by base.html's ``breadcrumbs`` block; a page without crumbs shows none."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.template import engines
from django.test import RequestFactory
from django.urls import reverse

from lin_platform.crumbs import Crumb
from networks.choices import Role
from tests.casework.factories import CaseFactory, ThemeProjectFactory
from tests.factories import member
from tests.sessions.factories import MeetingFactory
from tests.sessions.factories_shadowing import ShadowingDayFactory, social_worker

pytestmark = pytest.mark.django_db


def trail(client, url) -> list[tuple[str, str | None]]:
    response = client.get(url)
    assert response.status_code == 200
    return [(str(crumb.label), crumb.url) for crumb in response.context["crumbs"]]


@pytest.fixture
def student(network):
    return member(network, Role.STUDENT, full_name="Sara Student", language="en")


@pytest.fixture
def home(network):
    return [("My networks", "/"), ("LIN Oost", reverse("networks:detail", args=[network.slug]))]


def test_a_meeting(client, network, student):
    meeting = MeetingFactory(network=network, title="Intervisie maart")
    client.force_login(student)

    assert trail(client, reverse("meetings:detail", args=[network.slug, meeting.pk])) == [
        ("LIN Oost", reverse("networks:detail", args=[network.slug])),
        ("Agenda", reverse("meetings:network_agenda", args=[network.slug])),
        ("Intervisie maart", None),
    ]


def test_a_shadowing_day_is_left_out_of_print(client, network, student, home):
    day = ShadowingDayFactory(network=network, shadower=student, host=social_worker(network))
    client.force_login(student)
    url = reverse("shadowing:day", args=[network.slug, day.pk])

    assert trail(client, url) == [
        *home,
        ("Shadowing", reverse("shadowing:home", args=[network.slug])),
        ("Shadowing day", None),
    ]
    assert '<nav aria-label="Breadcrumb" class="no-print">' in client.get(url).content.decode()


def test_a_case(client, network, student, home):
    case = CaseFactory(network=network, student=student, title="Mevrouw J.")
    client.force_login(student)

    assert trail(client, reverse("casework:case_detail", args=[network.slug, case.pk])) == [
        *home,
        ("Cases", reverse("casework:case_list", args=[network.slug])),
        ("Mevrouw J.", None),
    ]


def test_a_theme_project(client, network, student, home):
    project = ThemeProjectFactory(network=network, title="Samen eten")
    client.force_login(student)

    url = reverse("networks:project_detail", args=[network.slug, project.pk])
    assert trail(client, url) == [
        *home,
        ("Theme projects", reverse("networks:project_list", args=[network.slug])),
        ("Samen eten", None),
    ]


def test_the_reminder_log(client, network):
    client.force_login(member(network, Role.COORDINATOR, language="en"))

    assert trail(client, reverse("reminders:log", args=[network.slug])) == [
        ("LIN Oost", reverse("networks:detail", args=[network.slug])),
        ("Agenda", reverse("meetings:network_agenda", args=[network.slug])),
        ("Sent reminders", None),
    ]


def test_the_trail_is_rendered_with_the_current_page_last(client, network, student):
    meeting = MeetingFactory(network=network, title="Intervisie maart")
    client.force_login(student)

    html = client.get(reverse("meetings:detail", args=[network.slug, meeting.pk])).content
    network_url = reverse("networks:detail", args=[network.slug])
    agenda_url = reverse("meetings:network_agenda", args=[network.slug])
    assert (
        '<nav aria-label="Breadcrumb"><ol class="breadcrumb">'
        f'<li class="breadcrumb-item"><a href="{network_url}">LIN Oost</a></li>'
        f'<li class="breadcrumb-item"><a href="{agenda_url}">Agenda</a></li>'
        '<li class="breadcrumb-item active" aria-current="page">Intervisie maart</li>'
        "</ol></nav>"
    ) in html.decode()


def test_a_crumb_without_an_address_is_plain_text():
    partial = engines["django"].from_string('{% include "partials/breadcrumbs.html" %}')
    crumbs = [Crumb("Agenda", "/agenda/"), Crumb("LIN West"), Crumb("Intervisie")]
    html = partial.render({"crumbs": crumbs})

    assert '<li class="breadcrumb-item">LIN West</li>' in html
    assert html.count('aria-current="page"') == 1


def test_base_renders_no_trail_when_the_view_passes_no_crumbs(client, student):
    request = RequestFactory().get("/")
    request.user = AnonymousUser()
    page = engines["django"].from_string(
        '{% extends "base.html" %}{% block content %}<h1>Start</h1>{% endblock %}'
    )

    assert "breadcrumb" not in page.render({}, request)
    client.force_login(student)
    assert "breadcrumb" not in client.get(reverse("home")).content.decode()
