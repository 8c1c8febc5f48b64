"""Scheduling in the browser (one meeting, a series with a preview), the meeting page,
editing one or this-and-following, cancelling and marking as held."""

from datetime import UTC, date, datetime, timedelta

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from networks.choices import Role
from sessions.meetings.choices import MeetingStatus
from sessions.meetings.models import Meeting, MeetingSeries
from tests.factories import NetworkFactory, ThemeFactory, member
from tests.helpers import messages_of
from tests.sessions.factories import MeetingFactory

# A Thursday in September 2026, in summer time; the schedule form refuses past dates.
NOW = datetime(2026, 9, 1, 9, 0, tzinfo=UTC)


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture
def coord(network):
    return member(network, Role.COORDINATOR, full_name="Carla Coördinator", language="en")


def schedule_url(network):
    return reverse("meetings:schedule", args=[network.slug])


def form_data(**overrides):
    data = {
        "title": "Intervisie wijkteam Oost",
        "format": "intervisie",
        "day": "2026-09-03",
        "start_time": "15:00",
        "end_time": "16:30",
        "location": "Buurthuis De Kolk",
        "online_url": "",
        "repeat": "none",
    }
    data.update(overrides)
    return data


def series_data(**overrides):
    data = form_data(repeat="weekly", interval="2", count="6")
    data.update(overrides)
    return data


def local_starts(network):
    return [
        timezone.localtime(m.starts_at).strftime("%Y-%m-%d %H:%M")
        for m in Meeting.objects.filter(network=network).order_by("starts_at")
    ]


def test_a_coordinator_schedules_one_hybrid_meeting(client, network, coord, frozen):
    theme = ThemeFactory(network=network, name="Ondervoeding")
    client.force_login(coord)
    response = client.post(
        schedule_url(network),
        form_data(online_url="https://meet.example.org/lin", themes=[theme.pk], capacity="12"),
    )
    meeting = Meeting.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("meetings:detail", args=[network.slug, meeting.pk])
    assert local_starts(network) == ["2026-09-03 15:00"]
    assert (meeting.location, meeting.online_url, meeting.capacity) == (
        "Buurthuis De Kolk",
        "https://meet.example.org/lin",
        12,
    )
    assert list(meeting.themes.all()) == [theme]
    assert meeting.series is None


def test_preview_without_javascript_lists_the_dates_and_saves_nothing(
    client, network, coord, frozen
):
    client.force_login(coord)
    response = client.post(schedule_url(network), {**series_data(), "preview": "1"})
    assert response.status_code == 200
    assert [str(d) for d in (s for s, _e in response.context["preview"])] == [
        "2026-09-03 15:00:00+02:00",
        "2026-09-17 15:00:00+02:00",
        "2026-10-01 15:00:00+02:00",
        "2026-10-15 15:00:00+02:00",
        "2026-10-29 15:00:00+01:00",
        "2026-11-12 15:00:00+01:00",
    ]
    assert "Thursday 29 October 2026, 15:00–16:30" in response.content.decode()
    assert Meeting.objects.count() == 0


def test_preview_through_htmx_answers_with_the_partial(client, network, coord, frozen):
    client.force_login(coord)
    response = client.post(
        schedule_url(network), {**series_data(), "preview": "1"}, HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 200
    assert [t.name for t in response.templates][0] == "meetings/partials/schedule_preview.html"
    assert len(response.context["preview"]) == 6
    assert Meeting.objects.count() == 0


def test_a_series_every_two_weeks_is_scheduled_at_the_same_local_time(
    client, network, coord, frozen
):
    client.force_login(coord)
    response = client.post(schedule_url(network), {**series_data(), "save": "1"})
    assert response.status_code == 302
    assert response.url == reverse("meetings:network_agenda", args=[network.slug])
    assert local_starts(network) == [
        "2026-09-03 15:00",
        "2026-09-17 15:00",
        "2026-10-01 15:00",
        "2026-10-15 15:00",
        "2026-10-29 15:00",
        "2026-11-12 15:00",
    ]
    series = MeetingSeries.objects.get()
    assert (series.interval, series.count, series.meetings.count()) == (2, 6, 6)
    assert messages_of(response) == ["6 meetings of “Intervisie wijkteam Oost” were scheduled."]


def test_the_fourth_thursday_with_a_holiday_skipped(client, network, coord, frozen):
    client.force_login(coord)
    client.post(
        schedule_url(network),
        series_data(
            repeat="monthly",
            week_of_month="4",
            weekday="3",
            count="",
            until="2027-01-31",
            skip_dates="24-12-2026",
        ),
    )
    assert local_starts(network) == [
        "2026-09-24 15:00",
        "2026-10-22 15:00",
        "2026-11-26 15:00",
        "2027-01-28 15:00",
    ]


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"end_time": "14:00"}, "end_time", "The end lies before the start."),
        ({"end_time": "15:00"}, "end_time", "The end lies before the start."),
        (
            {"online_url": "meet dot example", "location": ""},
            "online_url",
            "Enter a complete web address, e.g. https://meet.example.org/lin.",
        ),
        (
            {"online_url": "javascript:alert(1)"},
            "online_url",
            "Enter a complete web address, e.g. https://meet.example.org/lin.",
        ),
        ({"location": ""}, "location", "Give a place, an online link, or both."),
        ({"day": "2026-08-01"}, "day", "This date lies in the past."),
        (
            {"repeat": "weekly", "count": "", "until": ""},
            "until",
            "A series needs an end: give an end date or a number of meetings.",
        ),
        (
            {"repeat": "weekly", "count": "3", "until": "2026-12-01"},
            "count",
            "Give either an end date or a number of meetings, not both.",
        ),
        (
            {"repeat": "weekly", "count": "3", "skip_dates": "Kerstmis"},
            "skip_dates",
            "“Kerstmis” is not a date; write dates like 24-12-2026.",
        ),
    ],
)
def test_bad_input_is_refused_with_a_clear_message(
    client, network, coord, frozen, overrides, field, message
):
    client.force_login(coord)
    response = client.post(schedule_url(network), form_data(**overrides))
    assert response.status_code == 200
    assert response.context["form"].errors[field] == [message]
    assert Meeting.objects.count() == 0


def test_bad_input_is_explained_in_dutch_to_a_dutch_coordinator(client, network, frozen):
    dutch = member(network, Role.COORDINATOR, language="nl")
    client.force_login(dutch)
    response = client.post(schedule_url(network), form_data(end_time="14:00"))
    assert response.status_code == 200
    assert response.context["form"].errors["end_time"] == ["Het einde ligt vóór het begin."]


def test_a_series_with_too_many_meetings_is_refused(client, network, coord, frozen):
    client.force_login(coord)
    response = client.post(
        schedule_url(network), series_data(interval="1", count="", until="2030-01-01")
    )
    assert response.status_code == 200
    assert response.context["form"].non_field_errors() == [
        "This series would have more than 104 meetings; choose an earlier end."
    ]
    assert Meeting.objects.count() == 0


def make_series(client, network, coord):
    client.force_login(coord)
    client.post(schedule_url(network), series_data(count="4"), follow=True)
    return list(Meeting.objects.order_by("starts_at"))


def edit_data(meeting, **overrides):
    start = timezone.localtime(meeting.starts_at)
    data = form_data(day=start.date().isoformat(), title=meeting.title)
    data.pop("repeat")
    data.update(overrides)
    return data


def test_editing_one_meeting_of_a_series_leaves_the_others(client, network, coord, frozen):
    meetings = make_series(client, network, coord)
    url = reverse("meetings:edit", args=[network.slug, meetings[1].pk])
    response = client.post(url, edit_data(meetings[1], start_time="14:00", scope="this"))
    assert response.status_code == 302
    assert local_starts(network) == [
        "2026-09-03 15:00",
        "2026-09-17 14:00",
        "2026-10-01 15:00",
        "2026-10-15 15:00",
    ]
    assert [m.revision for m in Meeting.objects.order_by("starts_at")] == [0, 1, 0, 0]


def test_editing_this_and_following_moves_the_rest_of_the_series(client, network, coord, frozen):
    meetings = make_series(client, network, coord)
    url = reverse("meetings:edit", args=[network.slug, meetings[1].pk])
    response = client.post(
        url,
        edit_data(
            meetings[1],
            day="2026-09-18",
            start_time="10:00",
            end_time="11:30",
            location="Wijkcentrum",
            scope="following",
        ),
    )
    assert response.status_code == 302
    assert local_starts(network) == [
        "2026-09-03 15:00",
        "2026-09-18 10:00",
        "2026-10-02 10:00",
        "2026-10-16 10:00",
    ]
    assert list(Meeting.objects.order_by("starts_at").values_list("location", flat=True)) == [
        "Buurthuis De Kolk",
        "Wijkcentrum",
        "Wijkcentrum",
        "Wijkcentrum",
    ]
    assert messages_of(response) == ["3 meetings were changed."]


def test_an_edit_with_the_end_before_the_start_changes_nothing(client, network, coord, frozen):
    meeting = MeetingFactory(network=network)
    before = (meeting.starts_at, meeting.ends_at)
    client.force_login(coord)
    response = client.post(
        reverse("meetings:edit", args=[network.slug, meeting.pk]),
        edit_data(meeting, start_time="16:00", end_time="15:00"),
    )
    assert response.status_code == 200
    assert response.context["form"].errors["end_time"] == ["The end lies before the start."]
    meeting.refresh_from_db()
    assert (meeting.starts_at, meeting.ends_at) == before


def test_a_cancelled_meeting_stays_visible_as_cancelled(client, network, coord, frozen):
    meeting = MeetingFactory(network=network, title="Moreel beraad")
    client.force_login(coord)
    response = client.post(
        reverse("meetings:cancel", args=[network.slug, meeting.pk]),
        {"reason": "Te weinig aanmeldingen"},
    )
    assert response.status_code == 302
    meeting.refresh_from_db()
    assert (meeting.status, meeting.cancel_reason, meeting.revision) == (
        MeetingStatus.CANCELLED,
        "Te weinig aanmeldingen",
        1,
    )
    page = client.get(reverse("meetings:network_agenda", args=[network.slug]))
    assert [m.title for m in page.context["meetings"]] == ["Moreel beraad"]
    detail = client.get(reverse("meetings:detail", args=[network.slug, meeting.pk]))
    assert "This meeting was cancelled. Reason: Te weinig aanmeldingen" in detail.content.decode()


def test_cancelling_twice_says_so_and_changes_nothing(client, network, coord, frozen):
    meeting = MeetingFactory(network=network, status=MeetingStatus.CANCELLED, revision=1)
    client.force_login(coord)
    response = client.post(reverse("meetings:cancel", args=[network.slug, meeting.pk]))
    assert messages_of(response) == ["This meeting was already cancelled."]
    meeting.refresh_from_db()
    assert meeting.revision == 1


def test_a_meeting_is_marked_as_held_once_it_has_started(client, network, coord, frozen):
    future = MeetingFactory(network=network)
    started = MeetingFactory(
        network=network, starts_at=NOW - timedelta(hours=1), ends_at=NOW + timedelta(hours=1)
    )
    client.force_login(coord)
    response = client.post(reverse("meetings:mark_held", args=[network.slug, future.pk]))
    assert messages_of(response) == ["A meeting can be marked as held once it has started."]
    client.post(reverse("meetings:mark_held", args=[network.slug, started.pk]))
    future.refresh_from_db()
    started.refresh_from_db()
    assert (future.status, started.status) == (MeetingStatus.SCHEDULED, MeetingStatus.HELD)


def test_a_forged_id_of_another_networks_meeting_answers_404(client, network, coord, frozen):
    other = NetworkFactory()
    foreign = MeetingFactory(network=other, title="Van een ander")
    client.force_login(coord)
    for name in ("detail", "edit", "cancel", "attendance"):
        assert (
            client.get(reverse(f"meetings:{name}", args=[network.slug, foreign.pk])).status_code
            == 404
        )
    response = client.post(
        reverse("meetings:edit", args=[network.slug, foreign.pk]), edit_data(foreign)
    )
    assert response.status_code == 404
    foreign.refresh_from_db()
    assert (foreign.title, foreign.revision) == ("Van een ander", 0)


def test_members_of_an_invited_network_see_the_exchange(client, network, frozen):
    guest_network = NetworkFactory()
    guest = member(guest_network, Role.PROFESSIONAL)
    exchange = MeetingFactory(network=network, format="uitwisseling", title="Uitwisseling")
    exchange.invited_networks.add(guest_network)
    client.force_login(guest)
    response = client.get(reverse("meetings:detail", args=[network.slug, exchange.pk]))
    assert response.status_code == 200
    agenda = client.get(reverse("meetings:agenda"))
    assert [m.title for m in agenda.context["meetings"]] == ["Uitwisseling"]


def test_the_day_of_the_meeting_is_the_local_date(network):
    meeting = MeetingFactory(
        network=network,
        starts_at=datetime(2026, 10, 29, 23, 30, tzinfo=UTC),
        ends_at=datetime(2026, 10, 30, 0, 30, tzinfo=UTC),
    )
    assert timezone.localtime(meeting.starts_at).date() == date(2026, 10, 30)


def test_a_meeting_posted_twice_is_scheduled_once(client, network, coord):
    client.force_login(coord)
    page = client.get(schedule_url(network))
    token = page.context["form"]["once"].value()
    assert f'name="once" value="{token}"' in page.content.decode()
    first = client.post(schedule_url(network), form_data(once=token))
    second = client.post(schedule_url(network), form_data(once=token))
    meeting = Meeting.objects.get()
    assert first.url == second.url == reverse("meetings:detail", args=[network.slug, meeting.pk])


def test_a_preview_does_not_use_up_the_token(client, network, coord):
    client.force_login(coord)
    token = client.get(schedule_url(network)).context["form"]["once"].value()
    client.post(schedule_url(network), series_data(once=token, preview="1"))
    client.post(schedule_url(network), series_data(once=token))
    client.post(schedule_url(network), series_data(once=token))
    assert Meeting.objects.count() == 6
    assert MeetingSeries.objects.count() == 1
