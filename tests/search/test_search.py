"""Search finds only what the searcher may open (the permission matrix's world), with Dutch
stemming on PostgreSQL, a working fallback on SQLite, filters, odd input and a constant
number of queries."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from casework.models import Case, Lesson
from casework.permissions import can_see_case, can_see_lesson
from networks.models import Membership, ThemeProject
from networks.permissions import is_member
from networks.projects.permissions import can_see_project
from search import sources
from sessions.meetings.models import Meeting, MeetingRecord
from sessions.meetings.permissions import can_see_meeting
from sessions.meetings.permissions.method import can_read_record
from tests.casework.factories import CaseFactory, LessonFactory, ThemeProjectFactory
from tests.factories import ThemeFactory, member
from tests.matrix import ACTORS
from tests.sessions.factories import AttendanceFactory, MeetingFactory
from tests.test_permission_matrix import world  # noqa: F401  (the matrix's world fixture)

pytestmark = pytest.mark.django_db

WORD = "ondervoeding"


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


def _meeting(network, **kwargs):
    return MeetingFactory(network=network, title=f"Thema {WORD}", **kwargs)


def _record(meeting):
    return MeetingRecord.objects.create(
        meeting=meeting, method="intervisie", entries={"notes": f"Gesproken over {WORD}."}
    )


def _populate(w):
    """Of every kind, something of this network, of the other network, and in between."""
    net, other = w.network, w.other_network
    past = timezone.now() - timedelta(days=3)
    mine, theirs = _meeting(net, starts_at=past), _meeting(other, starts_at=past)
    exchange = _meeting(other)
    exchange.invited_networks.add(net)
    _record(mine)
    _record(theirs)
    AttendanceFactory(meeting=mine, user=w.people["student"], status="present")
    AttendanceFactory(meeting=mine, user=w.people["guest"], status="absent")
    CaseFactory(network=net, title=f"Casus {WORD}")
    presented = CaseFactory(network=net, title=f"Casus {WORD} besproken", meeting=mine)
    presented.shared_with.add(w.people["resident"])
    CaseFactory(network=other, title=f"Casus {WORD} elders")
    LessonFactory(
        title=f"Les {WORD}", teacher=w.people["teacher"], themes=[ThemeFactory(network=net)]
    )
    LessonFactory(title=f"Les {WORD} elders", themes=[ThemeFactory(network=other)])
    ThemeProjectFactory(network=net, title=f"Project {WORD}")
    ThemeProjectFactory(network=other, title=f"Project {WORD} elders")
    shared = ThemeProjectFactory(network=other, title=f"Project {WORD} gedeeld")
    shared.other_networks.add(net)
    member(net, "professional", full_name=f"Olga {WORD.title()}")
    member(other, "professional", full_name=f"Otto {WORD.title()}")


def _openable(user) -> dict[str, set[str]]:
    """Every object holding the word that ``user`` may open, by the apps' own predicates."""
    meetings = Meeting.objects.filter(title__icontains=WORD)
    urls = {
        "meeting": {
            reverse("meetings:detail", args=[m.network.slug, m.pk])
            for m in meetings
            if can_see_meeting(user, m)
        },
        "record": {
            reverse("meetings:record", args=[r.meeting.network.slug, r.meeting_id])
            for r in MeetingRecord.objects.select_related("meeting__network")
            if can_see_meeting(user, r.meeting) and can_read_record(user, r.meeting)
        },
        "case": {
            reverse("casework:case_detail", args=[c.network.slug, c.pk])
            for c in Case.objects.all()
            if can_see_case(user, c)
        },
        "lesson": {
            reverse("casework:lesson_detail", args=[lesson.pk])
            for lesson in Lesson.objects.all()
            if can_see_lesson(user, lesson)
        },
        "project": {
            reverse("networks:project_detail", args=[p.network.slug, p.pk])
            for p in ThemeProject.objects.all()
            if can_see_project(user, p)
        },
        "person": {
            reverse("networks:members", args=[m.network.slug])
            for m in Membership.objects.current().filter(user__full_name__icontains=WORD)
            if is_member(user, m.network)
        },
    }
    return {kind: found for kind, found in urls.items() if found}


@pytest.mark.parametrize("actor", [a for a in ACTORS if a != "anonymous"])
def test_search_never_returns_what_the_searcher_may_not_open(client, world, actor):  # noqa: F811
    _populate(world)
    user = world.user(actor)
    client.force_login(user)
    response = client.get(reverse("search:results"), {"q": WORD})
    assert response.status_code == 200
    found = {kind.key: {hit.url for hit in hits} for kind, hits in response.context["groups"]}
    user = type(user).objects.get(pk=user.pk)  # fresh caches for the predicates
    assert found == _openable(user)
    for urls in found.values():
        for url in urls:
            assert client.get(url).status_code == 200, url


def test_the_coordinator_finds_every_kind(client, world):  # noqa: F811
    _populate(world)
    client.force_login(world.people["coordinator"])
    response = client.get(reverse("search:results"), {"q": WORD})
    keys = [kind.key for kind, _hits in response.context["groups"]]
    assert keys == ["meeting", "record", "case", "lesson", "project", "person"]


def test_an_outsider_finds_nothing(client, world):  # noqa: F811
    _populate(world)
    outsider = world.people["outsider"]
    outsider.language = "en"
    outsider.save(update_fields=["language"])
    client.force_login(outsider)
    response = client.get(reverse("search:results"), {"q": WORD})
    assert response.context["groups"] == []
    assert "Nothing found for" in response.content.decode()


def test_filters_by_kind_network_and_date(client, world):  # noqa: F811
    _populate(world)
    client.force_login(world.people["coordinator"])
    url = reverse("search:results")
    only_projects = client.get(url, {"q": WORD, "kind": "project"}).context["groups"]
    assert [(k.key, sorted(h.title for h in hits)) for k, hits in only_projects] == [
        ("project", [f"Project {WORD}", f"Project {WORD} gedeeld"])
    ]
    in_other = client.get(url, {"q": WORD, "kind": "project", "network": world.network.pk}).context[
        "groups"
    ]
    assert [h.title for _k, hits in in_other for h in hits] == [f"Project {WORD}"]
    today = timezone.localdate()
    future = client.get(url, {"q": WORD, "since": (today + timedelta(days=1)).isoformat()})
    kinds = {k.key: [h.title for h in hits] for k, hits in future.context["groups"]}
    # Only the exchange (in two days) and the lesson (in ten) lie ahead; no people.
    assert kinds == {"meeting": [f"Thema {WORD}"], "lesson": [f"Les {WORD}"]}


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"q": ""}, "Type a few words to search"),
        ({"q": "x" * 1000}, "Your search was long: only its beginning was used."),
        ({"q": WORD, "kind": "nonsense"}, "Select a valid choice."),
        ({"q": WORD, "network": "abc"}, "Select a valid choice."),
        ({"q": WORD, "since": "2026-13-45"}, "Enter a valid date."),
        (
            {"q": WORD, "since": "2027-01-02", "until": "2027-01-01"},
            "The period ends before it starts.",
        ),
        ({"q": "' OR 1=1 -- & | ! ( :*"}, "Nothing found for"),
    ],
)
def test_odd_input_gives_a_clear_page(client, world, params, message):  # noqa: F811
    coordinator = world.people["coordinator"]
    coordinator.language = "en"
    coordinator.save(update_fields=["language"])
    client.force_login(coordinator)
    response = client.get(reverse("search:results"), params)
    assert response.status_code == 200
    assert message in response.content.decode()


def test_a_foreign_network_in_the_filter_is_refused(client, world):  # noqa: F811
    _populate(world)
    client.force_login(world.people["coordinator"])
    response = client.get(reverse("search:results"), {"q": WORD, "network": world.other_network.pk})
    assert response.context["groups"] == []
    assert list(response.context["form"].errors) == ["network"]


def test_search_answers_in_a_constant_number_of_queries(client, world):  # noqa: F811
    coordinator = world.people["coordinator"]
    client.force_login(coordinator)
    counts = []
    for n in (1, 5):
        for _i in range(n):
            _populate(world)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(reverse("search:results"), {"q": WORD})
        assert response.status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1]


def test_the_top_bar_has_a_search_box(client, world):  # noqa: F811
    client.force_login(world.people["student"])
    page = client.get(reverse("home")).content.decode()
    assert f'action="{reverse("search:results")}"' in page
    assert 'name="q"' in page


@pytest.mark.skipif("connection.vendor != 'postgresql'")
def test_dutch_stemming_on_postgresql(client, world):  # noqa: F811
    ThemeProjectFactory(
        network=world.network,
        title="Ouderen thuis",
        aim="Eten & drinken: wie ondervoed is, valt vaker.",
    )
    client.force_login(world.people["coordinator"])
    response = client.get(reverse("search:results"), {"q": "ondervoeding", "kind": "project"})
    [(kind, hits)] = response.context["groups"]
    assert [h.title for h in hits] == ["Ouderen thuis"]
    assert "<mark>ondervoed</mark>" in hits[0].snippet
    assert "Eten &amp; drinken" in hits[0].snippet  # the text is escaped, the marks are not
    assert sources.is_postgres()
