"""The themes board: shadowing reflections that mention a theme. Everyone sees how many;
only those the shadowing rules allow get links, and nobody gets reflection text here."""

import pytest
from django.urls import reverse

from networks.choices import Role
from tests.factories import ThemeFactory, member
from tests.sessions.factories_shadowing import (
    ShadowingDayFactory,
    reflected,
    same_school,
    social_worker,
)

pytestmark = pytest.mark.django_db

SECRET = "Mevrouw Jansen at too little: eenzaamheid and ONDERVOEDING at home."


@pytest.fixture
def board(network, other_network, ondervoeding):
    ThemeFactory(network=network, name="Valpreventie", slug="valpreventie")
    student = member(network, Role.STUDENT, full_name="Sara Student")
    other_student = member(network, Role.STUDENT, full_name="Olga Student")
    professional = member(network, Role.PROFESSIONAL, full_name="Paul Professional")
    host = social_worker(network, full_name="Henk Host")
    days = {
        "sara": ShadowingDayFactory(
            network=network,
            shadower=student,
            host=host,
            status="done",
            **reflected(reflection_seen=SECRET),
        ),
        "olga": ShadowingDayFactory(
            network=network,
            shadower=other_student,
            host=host,
            status="done",
            **reflected(reflection_take_away="Vaker wegen: Ondervoeding valt pas laat op."),
        ),
        "paul": ShadowingDayFactory(
            network=network,
            shadower=professional,
            host=host,
            status="done",
            **reflected(reflection_question="Hoe signaleren we ondervoeding eerder?"),
        ),
    }
    # Not counted: no reflection yet, or another network's day.
    ShadowingDayFactory(
        network=network,
        shadower=student,
        host=host,
        learning_goals="ondervoeding herkennen",
    )
    outsider = member(other_network, Role.STUDENT)
    ShadowingDayFactory(
        network=other_network,
        shadower=outsider,
        host=social_worker(other_network),
        status="done",
        **reflected(reflection_seen="ondervoeding"),
    )
    people = {
        "sara": student,
        "olga": other_student,
        "paul": professional,
        "host": host,
        "teacher": member(network, Role.TEACHER),
        "coordinator": member(network, Role.COORDINATOR),
        "resident": member(network, Role.RESIDENT),
    }
    # The teacher teaches Sara and Olga (same school); Paul and the other network's student
    # name that school too, so only their role and network keep them off the teacher's list.
    school = same_school(network, people["teacher"], student, other_student, professional)
    same_school(other_network, outsider, school=school)
    return days, people


def mentions_for(client, network, user):
    client.force_login(user)
    response = client.get(reverse("casework:board", args=[network.slug]))
    assert response.status_code == 200
    assert SECRET not in response.content.decode()
    return {
        theme.name: (
            theme.reflection_mentions.count,
            sorted(day.pk for day in theme.reflection_mentions.visible),
        )
        for theme in response.context["themes"]
    }, response


@pytest.mark.parametrize(
    ("who", "sees"),
    [
        ("coordinator", ["sara", "olga", "paul"]),
        ("teacher", ["sara", "olga"]),
        ("sara", ["sara"]),
        ("paul", ["paul"]),
        ("host", ["sara", "olga", "paul"]),
        ("resident", []),
    ],
)
def test_count_for_every_member_links_only_for_those_allowed(client, network, board, who, sees):
    days, people = board
    mentions, _response = mentions_for(client, network, people[who])
    assert mentions == {
        "ondervoeding": (3, sorted(days[name].pk for name in sees)),
        "Valpreventie": (0, []),
    }


def test_links_lead_to_the_day_and_the_board_says_how_many_may_be_read(client, network, board):
    days, people = board
    _mentions, response = mentions_for(client, network, people["sara"])
    html = response.content.decode()
    assert f'href="/netwerken/lin-oost/meelopen/{days["sara"].pk}/"' in html
    assert f'href="/netwerken/lin-oost/meelopen/{days["olga"].pk}/"' not in html
    # Sara reads Dutch (the page follows her language).
    assert "3 reflecties op meeloopdagen noemen dit thema. Je mag er 1 van lezen." in html
    assert "Nog geen reflectie noemt dit thema." in html
