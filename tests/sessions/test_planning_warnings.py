"""Point 4 of issue 14: warnings before a meeting or series is saved — another meeting of
the network at the same time, the facilitator or someone with a role busy elsewhere, an
identical meeting or series — shown as a confirm step ("save anyway"), not a refusal."""

import datetime as dt
import re
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse

from networks.choices import Role
from sessions.meetings.choices import MeetingRoleKind, MeetingStatus
from sessions.meetings.models import Meeting, MeetingSeries
from tests.factories import NetworkFactory, member
from tests.sessions.factories import MeetingFactory, MeetingRoleFactory

AMS = ZoneInfo("Europe/Amsterdam")
NOW = dt.datetime(2027, 3, 2, 9, 0, tzinfo=AMS)


@pytest.fixture(autouse=True)
def frozen(time_machine):
    time_machine.move_to(NOW, tick=False)


@pytest.fixture
def coord(network):
    return member(network, Role.COORDINATOR, full_name="Carla Coördinator")


@pytest.fixture
def fenna(network):
    return member(network, full_name="Fenna Facilitator")


def at(day, hour, minute=0):
    return dt.datetime(2027, 3, day, hour, minute, tzinfo=AMS)


def data(**overrides):
    values = {
        "title": "Intervisie wijkteam",
        "format": "intervisie",
        "day": "2027-03-18",
        "start_time": "15:00",
        "end_time": "16:30",
        "location": "Buurthuis",
        "repeat": "none",
    }
    values.update(overrides)
    return values


def schedule(client, network, **overrides):
    return client.post(reverse("meetings:schedule", args=[network.slug]), data(**overrides))


def warnings_of(response) -> list[str]:
    html = response.content.decode()
    block = re.search(r'id="planning-warnings">(.*?)</ul>', html, re.S)
    if block is None:
        return []
    return [re.sub(r"\s+", " ", w).strip() for w in re.findall(r"<li>(.*?)</li>", block.group(1))]


def digest_of(response) -> str:
    return re.search(r'name="warnings_seen" value="([^"]+)"', response.content.decode()).group(1)


def test_an_overlapping_meeting_of_the_network_asks_to_confirm(client, network, coord):
    MeetingFactory(network=network, title="Klinische les", starts_at=at(18, 16), ends_at=at(18, 17))
    client.force_login(coord)
    first = schedule(client, network)
    assert first.status_code == 200
    assert warnings_of(first) == [
        "Een andere bijeenkomst van dit netwerk valt op dezelfde tijd: “Klinische les” op "
        "donderdag 18 maart 2027, 16:00–17:00."
    ]
    assert "Toch opslaan" in first.content.decode()
    assert Meeting.objects.count() == 1  # nothing saved yet
    # Save anyway: the same form with the warnings it was shown.
    again = schedule(client, network, warnings_seen=digest_of(first))
    assert again.status_code == 302
    assert Meeting.objects.count() == 2


def test_a_meeting_of_another_network_or_just_after_is_no_warning(client, network, coord):
    MeetingFactory(network=NetworkFactory(), starts_at=at(18, 15), ends_at=at(18, 16))
    MeetingFactory(network=network, starts_at=at(18, 16, 30), ends_at=at(18, 17))
    MeetingFactory(
        network=network,
        starts_at=at(18, 15),
        ends_at=at(18, 16),
        status=MeetingStatus.CANCELLED,
    )
    client.force_login(coord)
    assert schedule(client, network).status_code == 302


def test_an_identical_meeting_is_named_as_such(client, network, coord):
    MeetingFactory(
        network=network, title="intervisie wijkteam ", starts_at=at(18, 15), ends_at=at(18, 16, 30)
    )
    client.force_login(coord)
    response = schedule(client, network)
    assert warnings_of(response) == [
        "Er bestaat al een gelijke bijeenkomst: “intervisie wijkteam ” (Intervisie) op "
        "donderdag 18 maart 2027, 15:00–16:30."
    ]


def test_the_same_series_planned_twice_is_named_once_per_meeting(client, network, coord):
    client.force_login(coord)
    series = {"repeat": "weekly", "count": "3"}
    assert schedule(client, network, **series).status_code == 302
    response = schedule(client, network, **series)
    assert warnings_of(response) == [
        "Er bestaat al een gelijke reeks: “Intervisie wijkteam” (Intervisie) heeft een "
        f"bijeenkomst op donderdag {day} maart 2027, 15:00–16:30."
        for day in (18, 25)
    ] + [
        "Er bestaat al een gelijke reeks: “Intervisie wijkteam” (Intervisie) heeft een "
        "bijeenkomst op donderdag 1 april 2027, 15:00–16:30."
    ]
    assert MeetingSeries.objects.count() == 1


def test_the_facilitator_busy_in_another_network_is_named_without_its_title(
    client, network, coord, fenna
):
    elsewhere = NetworkFactory(name="LIN West")
    MeetingFactory(
        network=elsewhere,
        title="Geheim overleg",
        facilitator=fenna,
        starts_at=at(18, 14),
        ends_at=at(18, 15, 30),
    )
    client.force_login(coord)
    response = schedule(client, network, facilitator=fenna.pk)
    assert warnings_of(response) == [
        "Fenna Facilitator heeft al een rol in een bijeenkomst van een ander netwerk op "
        "donderdag 18 maart 2027, 14:00–15:30."
    ]
    assert "Geheim overleg" not in response.content.decode()


def test_a_changed_form_is_warned_again(client, network, coord):
    MeetingFactory(network=network, title="Klinische les", starts_at=at(18, 16), ends_at=at(18, 17))
    MeetingFactory(network=network, title="Leerlab", starts_at=at(19, 16), ends_at=at(19, 17))
    client.force_login(coord)
    first = schedule(client, network)
    # "Save anyway" after moving it onto another clash: shown again, not saved.
    moved = schedule(client, network, day="2027-03-19", warnings_seen=digest_of(first))
    assert moved.status_code == 200
    assert "Leerlab" in warnings_of(moved)[0]
    assert Meeting.objects.count() == 2


def test_editing_warns_about_a_person_with_a_role_busy_elsewhere(client, network, coord, fenna):
    meeting = MeetingFactory(network=network, starts_at=at(10, 15), ends_at=at(10, 16))
    MeetingRoleFactory(meeting=meeting, user=fenna, kind=MeetingRoleKind.CASE_BRINGER)
    other = MeetingFactory(
        network=network, title="Moreel beraad", starts_at=at(11, 15), ends_at=at(11, 16)
    )
    MeetingRoleFactory(meeting=other, user=fenna, kind=MeetingRoleKind.NOTE_TAKER)
    client.force_login(coord)
    url = reverse("meetings:edit", args=[network.slug, meeting.pk])
    values = data(day="2027-03-11", start_time="15:30", end_time="16:30", title=meeting.title)
    values.pop("repeat")
    response = client.post(url, values)
    assert response.status_code == 200
    assert warnings_of(response) == [
        "Een andere bijeenkomst van dit netwerk valt op dezelfde tijd: “Moreel beraad” op "
        "donderdag 11 maart 2027, 15:00–16:00.",
        "Fenna Facilitator heeft al een rol in “Moreel beraad” op donderdag 11 maart 2027, "
        "15:00–16:00.",
    ]
    meeting.refresh_from_db()
    assert meeting.starts_at == at(10, 15)  # not changed yet
    values["warnings_seen"] = digest_of(response)
    assert client.post(url, values).status_code == 302
    meeting.refresh_from_db()
    assert meeting.starts_at == at(11, 15, 30)


def test_editing_a_meeting_does_not_warn_about_itself(client, network, coord):
    meeting = MeetingFactory(network=network, starts_at=at(10, 15), ends_at=at(10, 16))
    client.force_login(coord)
    values = data(day="2027-03-10", start_time="15:00", end_time="16:30", title=meeting.title)
    values.pop("repeat")
    response = client.post(reverse("meetings:edit", args=[network.slug, meeting.pk]), values)
    assert response.status_code == 302


def test_a_double_click_on_save_anyway_saves_once(client, network, coord):
    MeetingFactory(network=network, title="Klinische les", starts_at=at(18, 16), ends_at=at(18, 17))
    client.force_login(coord)
    token = client.get(reverse("meetings:schedule", args=[network.slug])).context["form"]
    token = token["once"].value()
    first = schedule(client, network, once=token)
    assert f'name="once" value="{token}"' in first.content.decode()
    confirm = {"once": token, "warnings_seen": digest_of(first)}
    one, two = schedule(client, network, **confirm), schedule(client, network, **confirm)
    assert (one.status_code, two.status_code) == (302, 302)
    assert one.url == two.url
    assert Meeting.objects.count() == 2


def test_save_anyway_after_the_clash_was_removed_saves(client, network, coord):
    MeetingFactory(network=network, title="Klinische les", starts_at=at(18, 16), ends_at=at(18, 17))
    client.force_login(coord)
    first = schedule(client, network)
    response = schedule(client, network, day="2027-03-17", warnings_seen=digest_of(first))
    assert response.status_code == 302
    assert Meeting.objects.count() == 2


def test_the_preview_lists_the_warnings_without_saving(client, network, coord):
    MeetingFactory(network=network, title="Klinische les", starts_at=at(18, 16), ends_at=at(18, 17))
    client.force_login(coord)
    response = client.post(
        reverse("meetings:schedule", args=[network.slug]),
        data(preview="1"),
        headers={"HX-Request": "true"},
    )
    assert response.status_code == 200
    assert len(warnings_of(response)) == 1
    assert "Toch opslaan" not in response.content.decode()
    assert Meeting.objects.count() == 1
