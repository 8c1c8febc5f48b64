"""The method record, roles and agreed actions, as coordinators, note-takers, members see them."""

from datetime import timedelta

import pytest
from django.template import Context, Template
from django.test import RequestFactory
from django.urls import reverse

from networks.choices import Role
from sessions.meetings.choices import (
    AttendanceStatus,
    MeetingFormat,
    MeetingRoleKind,
    RsvpAnswer,
)
from sessions.meetings.models import (
    ActionStatus,
    Attendance,
    MeetingAction,
    MeetingRecord,
    MeetingRole,
)
from tests.factories import NetworkFactory, UserFactory, member
from tests.helpers import messages_of
from tests.sessions.factories import MeetingFactory, MeetingSeriesFactory, RsvpFactory


@pytest.fixture
def meeting(network, coordinator):
    return MeetingFactory(network=network, title="Intervisie mei")


def record_url(meeting):
    return reverse("meetings:record", args=[meeting.network.slug, meeting.pk])


def test_note_taker_fills_in_the_record_and_who_was_there_reads_it(client, network, meeting):
    note_taker = member(network, Role.STUDENT)
    MeetingRole.objects.create(meeting=meeting, user=note_taker, kind=MeetingRoleKind.NOTE_TAKER)
    client.force_login(note_taker)
    response = client.post(
        record_url(meeting),
        {"method": "incident", "note-incident": "Mevrouw weigert de wondzorg", "note-facts": ""},
    )
    assert response.status_code == 302
    record = MeetingRecord.objects.get(meeting=meeting)
    assert record.method == "incident"
    assert record.entries == {"incident": {"incident": "Mevrouw weigert de wondzorg"}}

    reader = member(network, Role.PROFESSIONAL)
    Attendance.objects.create(meeting=meeting, user=reader, status=AttendanceStatus.PRESENT)
    client.force_login(reader)
    page = client.get(record_url(meeting))
    assert page.status_code == 200
    assert page.context["steps"][0]["fields"][0]["text"] == "Mevrouw weigert de wondzorg"
    assert page.context["form"] is None
    assert "Mevrouw weigert de wondzorg" in page.content.decode()


def test_member_without_a_role_cannot_write_the_record(client, network, meeting):
    client.force_login(member(network, Role.PROFESSIONAL))
    response = client.post(record_url(meeting), {"method": "incident", "note-incident": "x"})
    assert response.status_code == 403
    assert MeetingRecord.objects.count() == 0


def test_facilitator_writes_the_record(client, network, meeting):
    facilitator = member(network, Role.PROFESSIONAL)
    meeting.facilitator = facilitator
    meeting.save()
    client.force_login(facilitator)
    client.post(record_url(meeting), {"method": "incident", "note-core": "Grenzen stellen"})
    assert MeetingRecord.objects.get(meeting=meeting).entries["incident"] == {
        "core": "Grenzen stellen"
    }


def test_a_method_of_another_format_is_refused_with_a_message(client, meeting, coordinator):
    client.force_login(coordinator)
    response = client.post(
        record_url(meeting), {"method": "dilemma", "note-dilemma": "x"}, follow=True
    )
    assert messages_of(response) == ["Die methode hoort niet bij de vorm van deze bijeenkomst."]
    assert MeetingRecord.objects.count() == 0


def test_a_too_long_note_is_refused_and_nothing_saved(client, meeting, coordinator):
    client.force_login(coordinator)
    response = client.post(record_url(meeting), {"method": "incident", "note-incident": "x" * 6000})
    assert response.status_code == 200
    assert response.context["form"].errors == {
        "incident": ["Zorg dat deze waarde niet meer dan 5000 tekens bevat (het zijn er nu 6000)."]
    }
    assert MeetingRecord.objects.count() == 0


def test_switching_method_keeps_the_notes_of_the_other(client, network, coordinator):
    meeting = MeetingFactory(network=network, format=MeetingFormat.MOREEL_BERAAD)
    client.force_login(coordinator)
    client.post(
        record_url(meeting), {"method": "nijmegen", "note-moral_question": "Mag zij naar huis?"}
    )
    client.post(
        reverse("meetings:record_method", args=[network.slug, meeting.pk]), {"method": "dilemma"}
    )
    page = client.get(record_url(meeting))
    assert page.context["method"].key == "dilemma"
    client.post(
        reverse("meetings:record_method", args=[network.slug, meeting.pk]), {"method": "nijmegen"}
    )
    page = client.get(record_url(meeting))
    assert page.context["steps"][0]["fields"][0]["bound"].value() == "Mag zij naar huis?"


def test_coordinator_assigns_roles(client, network, meeting, coordinator):
    student, nurse, carer = (
        member(network, r) for r in (Role.STUDENT, Role.PROFESSIONAL, Role.PROFESSIONAL)
    )
    client.force_login(coordinator)
    client.post(
        reverse("meetings:roles", args=[network.slug, meeting.pk]),
        {"facilitator": nurse.pk, "note_taker": student.pk, "case_bringer": carer.pk},
    )
    meeting.refresh_from_db()
    assert meeting.facilitator == nurse
    assert sorted((r.kind, r.user_id) for r in meeting.roles.all()) == sorted(
        [("case_bringer", carer.pk), ("note_taker", student.pk)]
    )


def test_a_role_for_someone_outside_the_network_is_refused(client, network, meeting, coordinator):
    outsider = UserFactory()
    client.force_login(coordinator)
    response = client.post(
        reverse("meetings:roles", args=[network.slug, meeting.pk]),
        {"note_taker": outsider.pk},
        follow=True,
    )
    assert messages_of(response) == ["Kies leden van het netwerk voor de rollen."]
    assert MeetingRole.objects.count() == 0


def test_at_an_exchange_a_guest_who_said_yes_can_bring_the_case(
    client, network, other_network, meeting, coordinator
):
    meeting.invited_networks.add(other_network)
    guest = member(other_network, Role.PROFESSIONAL)
    undecided = member(other_network, Role.PROFESSIONAL)
    waiting = member(other_network, Role.STUDENT)
    RsvpFactory(meeting=meeting, user=guest, answer=RsvpAnswer.YES)
    RsvpFactory(meeting=meeting, user=undecided, answer=RsvpAnswer.MAYBE)
    RsvpFactory(meeting=meeting, user=waiting, answer=RsvpAnswer.YES, waitlisted=True)
    own = member(network, Role.STUDENT)
    client.force_login(coordinator)
    page = client.get(record_url(meeting))
    choices = set(page.context["roles_form"].fields["case_bringer"].queryset)
    assert {guest, own} <= choices
    assert not {undecided, waiting} & choices

    client.post(
        reverse("meetings:roles", args=[network.slug, meeting.pk]),
        {"case_bringer": guest.pk, "note_taker": own.pk},
        follow=True,
    )
    assert sorted((r.kind, r.user_id) for r in meeting.roles.all()) == sorted(
        [("case_bringer", guest.pk), ("note_taker", own.pk)]
    )
    response = client.post(
        reverse("meetings:roles", args=[network.slug, meeting.pk]),
        {"case_bringer": undecided.pk},
        follow=True,
    )
    assert messages_of(response) == ["Kies leden van het netwerk voor de rollen."]
    assert meeting.roles.get(kind="case_bringer").user == guest


def _series_meetings(network, count=3):
    series = MeetingSeriesFactory(network=network)
    start = MeetingFactory.starts_at.function()
    return [
        MeetingFactory(network=network, series=series, starts_at=start + timedelta(weeks=4 * i))
        for i in range(count)
    ]


def test_open_actions_carry_over_to_the_next_meetings_until_closed(client, network, coordinator):
    first, second, third = _series_meetings(network)
    client.force_login(coordinator)
    client.post(
        reverse("meetings:action_add", args=[network.slug, first.pk]),
        {"kind": "action", "text": "Casemanager dementie inschakelen", "owner": coordinator.pk},
    )
    action = MeetingAction.objects.get()
    assert [a.text for a in client.get(record_url(second)).context["actions"]] == [
        "Casemanager dementie inschakelen"
    ]
    assert client.get(record_url(second)).context["carried_count"] == 1

    response = client.post(
        reverse("meetings:action_status", args=[network.slug, second.pk, action.pk]),
        {"status": "closed"},
    )
    assert response.status_code == 302
    action.refresh_from_db()
    assert action.status == ActionStatus.CLOSED
    assert action.closed_by == coordinator
    assert client.get(record_url(third)).context["actions"] == []
    # In the meeting where it was agreed it stays visible, closed.
    assert [a.status for a in client.get(record_url(first)).context["actions"]] == ["closed"]


def test_closing_with_htmx_answers_the_action_list(client, network, coordinator):
    first, second, _third = _series_meetings(network)
    action = MeetingAction.objects.create(meeting=first, text="Folder ondervoeding delen")
    client.force_login(coordinator)
    response = client.post(
        reverse("meetings:action_status", args=[network.slug, second.pk, action.pk]),
        {"status": "closed"},
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 200
    assert [t.name for t in response.templates] == ["meetings/partials/record_actions.html"]
    assert response.context["actions"] == []


def test_the_owner_closes_their_own_action(client, network, meeting):
    owner = member(network, Role.STUDENT)
    action = MeetingAction.objects.create(meeting=meeting, text="Richtlijn lezen", owner=owner)
    client.force_login(owner)
    client.post(
        reverse("meetings:action_status", args=[network.slug, meeting.pk, action.pk]),
        {"status": "closed"},
    )
    action.refresh_from_db()
    assert action.status == "closed"


def test_an_action_of_another_series_answers_404(client, network, coordinator, meeting):
    elsewhere = MeetingAction.objects.create(meeting=MeetingFactory(network=network), text="x")
    client.force_login(coordinator)
    response = client.post(
        reverse("meetings:action_status", args=[network.slug, meeting.pk, elsewhere.pk]),
        {"status": "closed"},
    )
    assert response.status_code == 404
    elsewhere.refresh_from_db()
    assert elsewhere.status == "open"


def test_a_bad_status_changes_nothing(client, network, coordinator, meeting):
    action = MeetingAction.objects.create(meeting=meeting, text="x")
    client.force_login(coordinator)
    response = client.post(
        reverse("meetings:action_status", args=[network.slug, meeting.pk, action.pk]),
        {"status": "gone"},
        follow=True,
    )
    assert messages_of(response) == ["Kies open of gesloten."]
    action.refresh_from_db()
    assert action.status == "open"


def test_an_empty_action_is_refused_with_a_message(client, network, coordinator, meeting):
    client.force_login(coordinator)
    response = client.post(
        reverse("meetings:action_add", args=[network.slug, meeting.pk]),
        {"kind": "action", "text": ""},
        follow=True,
    )
    assert messages_of(response) == [
        "De actie is niet opgeslagen: Wat is afgesproken: Dit veld is verplicht."
    ]
    assert MeetingAction.objects.count() == 0


def _fill(network, meeting, count):
    series = MeetingSeriesFactory(network=network)
    meeting.series = series
    meeting.save()
    for i in range(count):
        earlier = MeetingFactory(
            network=network,
            series=series,
            starts_at=meeting.starts_at - timedelta(days=i + 1),
        )
        owner = member(network, Role.PROFESSIONAL)
        MeetingAction.objects.create(meeting=earlier, text=f"Actie {i}", owner=owner)
        MeetingRole.objects.create(meeting=meeting, user=owner, kind=MeetingRoleKind.PRESENTER)


@pytest.mark.parametrize("count", [1, 50])
def test_record_page_queries_do_not_grow(
    client, network, coordinator, meeting, count, django_assert_num_queries
):
    _fill(network, meeting, count)
    client.force_login(coordinator)
    client.get(record_url(meeting))  # warm the session
    with django_assert_num_queries(12):
        response = client.get(record_url(meeting))
    assert len(response.context["actions"]) == count


def test_summary_partials_render_for_the_meeting_page(network, coordinator, meeting):
    MeetingAction.objects.create(meeting=meeting, text="Wijkagent uitnodigen")
    request = RequestFactory().get("/")
    request.user = coordinator
    html = Template(
        "{% load method_tags %}{% method_summary meeting %}{% groups_summary meeting %}"
    ).render(Context({"meeting": meeting, "request": request}))
    assert "Wijkagent uitnodigen" in html
    assert reverse("meetings:record", args=[network.slug, meeting.pk]) in html
    assert reverse("meetings:groups", args=[network.slug, meeting.pk]) in html


def test_demo_seed_fills_past_meetings_once(network, coordinator):
    from sessions.meetings.demo.method import seed_method_records
    from sessions.meetings.models import Attendance, BreakoutGroup

    member(network, Role.STUDENT)
    member(network, Role.PROFESSIONAL)
    start = MeetingFactory.starts_at.function() - timedelta(days=30)
    past = MeetingFactory(network=network, starts_at=start, ends_at=start + timedelta(hours=2))
    beraad = MeetingFactory(
        network=network,
        format=MeetingFormat.MOREEL_BERAAD,
        starts_at=start - timedelta(days=7),
        ends_at=start - timedelta(days=7) + timedelta(hours=2),
    )
    MeetingFactory(network=network)  # in the future: left alone
    for person in [member(network, Role.PROFESSIONAL) for _ in range(5)]:
        Attendance.objects.create(meeting=past, user=person, status="present")
    first = seed_method_records()
    assert first == {"records": 2, "roles": 4, "actions": 4, "groups": 2}
    assert MeetingRecord.objects.get(meeting=beraad).method == "nijmegen"
    assert seed_method_records() == {"records": 0, "roles": 0, "actions": 0, "groups": 0}
    assert BreakoutGroup.objects.filter(meeting=past).count() == 2


# --- Who reads the record's text -------------------------------------------------------

SECRET = "Mevrouw vertelde over haar zoon"
EXISTS = "Er is een verslag; alleen wie erbij was leest het."


def _recorded(meeting):
    MeetingRecord.objects.create(
        meeting=meeting, method="incident", entries={"incident": {"incident": SECRET}}
    )


def _summary(meeting, user):
    request = RequestFactory().get("/")
    request.user = user
    return Template("{% load method_tags %}{% method_summary meeting %}").render(
        Context({"meeting": meeting, "request": request})
    )


@pytest.mark.parametrize("status", [AttendanceStatus.PRESENT, AttendanceStatus.LATE])
def test_a_guest_who_was_there_reads_the_record(client, network, meeting, status):
    _recorded(meeting)
    guest = member(network, Role.GUEST)
    Attendance.objects.create(meeting=meeting, user=guest, status=status)
    client.force_login(guest)
    page = client.get(record_url(meeting)).content.decode()
    assert SECRET in page
    assert EXISTS not in page
    assert EXISTS not in _summary(meeting, guest)


@pytest.mark.parametrize("status", [None, "absent", "excused"])
def test_a_guest_who_was_not_there_sees_only_that_a_record_exists(client, network, meeting, status):
    _recorded(meeting)
    guest = member(network, Role.GUEST)
    if status:
        Attendance.objects.create(meeting=meeting, user=guest, status=status)
    client.force_login(guest)
    response = client.get(record_url(meeting))
    assert response.status_code == 200
    page = response.content.decode()
    assert SECRET not in page
    assert EXISTS in page
    assert all(not f["text"] for step in response.context["steps"] for f in step["fields"])
    summary = _summary(meeting, guest)
    assert EXISTS in summary
    assert SECRET not in summary


@pytest.mark.parametrize("role", [Role.PROFESSIONAL, Role.STUDENT, Role.TEACHER])
def test_members_who_were_not_there_do_not_read_the_record(client, network, meeting, role):
    _recorded(meeting)
    client.force_login(member(network, role))
    page = client.get(record_url(meeting)).content.decode()
    assert SECRET not in page
    assert EXISTS in page


@pytest.mark.parametrize("kind", [MeetingRoleKind.CASE_BRINGER, MeetingRoleKind.PRESENTER])
def test_role_holders_read_the_record_before_attendance_is_registered(
    client, network, meeting, kind
):
    _recorded(meeting)
    person = member(network, Role.RESIDENT)
    MeetingRole.objects.create(meeting=meeting, user=person, kind=kind)
    client.force_login(person)
    assert SECRET in client.get(record_url(meeting)).content.decode()


def test_the_facilitator_and_the_coordinator_read_the_record(client, network, meeting, coordinator):
    _recorded(meeting)
    facilitator = member(network, Role.EXPERT_BY_EXPERIENCE)
    meeting.facilitator = facilitator
    meeting.save()
    for person in (facilitator, coordinator):
        client.force_login(person)
        assert SECRET in client.get(record_url(meeting)).content.decode()


def test_an_invited_networks_coordinator_who_was_not_there_does_not_read_it(
    client, network, meeting
):
    other = NetworkFactory()
    meeting.invited_networks.add(other)
    _recorded(meeting)
    client.force_login(member(other, Role.COORDINATOR))
    page = client.get(record_url(meeting)).content.decode()
    assert SECRET not in page
    assert EXISTS in page


def test_without_a_record_the_page_says_who_will_read_it(client, network, meeting):
    client.force_login(member(network, Role.GUEST))
    page = client.get(record_url(meeting)).content.decode()
    assert EXISTS not in page
    assert "Alleen wie erbij was, de gespreksleider en de coördinatoren lezen" in page
