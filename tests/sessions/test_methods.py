"""The method scripts: every format has a method, steps are complete and keys consistent."""

from datetime import timedelta

import pytest
from django.utils import timezone, translation

from networks.choices import Role
from sessions.meetings.choices import MeetingFormat, MeetingRoleKind
from sessions.meetings.methods import (
    FORMAT_METHODS,
    METHODS,
    default_method,
    method_for,
    methods_for,
)
from sessions.meetings.models import Meeting
from tests.factories import member


def test_every_format_has_at_least_one_method():
    assert sorted(f for f in MeetingFormat.values if methods_for(f)) == sorted(MeetingFormat.values)


def test_the_named_methods_have_their_real_number_of_steps():
    assert len(METHODS["incident"].steps) == 10
    assert len(METHODS["nijmegen"].steps) == 4
    assert len(METHODS["dilemma"].steps) == 10


def test_moral_case_deliberation_offers_nijmegen_first_and_the_dilemma_method():
    assert [m.key for m in methods_for(MeetingFormat.MOREEL_BERAAD)] == ["nijmegen", "dilemma"]
    assert default_method(MeetingFormat.MOREEL_BERAAD).key == "nijmegen"


def test_intervisie_offers_incident_nijmegen_gossip_and_balint():
    with translation.override("en"):
        assert [(m.key, str(m.name)) for m in methods_for(MeetingFormat.INTERVISIE)] == [
            ("incident", "Incident method (Hendriksen)"),
            ("nijmegen", "Nijmegen method"),
            ("gossip", "Gossip method (roddelmethode)"),
            ("balint", "Balint method"),
        ]
    assert default_method(MeetingFormat.INTERVISIE).key == "incident"


def test_the_gossip_method_has_the_case_bringer_listen_with_their_back_turned():
    method = METHODS["gossip"]
    with translation.override("en"):
        assert [str(s.title) for s in method.steps] == [
            "Choosing the problem",
            "The case-bringer explains",
            "Questions for clarification",
            "Gossip round",
            "The case-bringer reacts",
            "Evaluation",
        ]
        assert "turns their chair around" in str(method.steps[3].guidance)
    with translation.override("nl"):
        assert str(method.steps[3].title) == "Roddelronde"


def test_the_balint_method_explores_the_relationship_while_the_case_bringer_listens():
    method = METHODS["balint"]
    with translation.override("en"):
        assert [str(s.title) for s in method.steps] == [
            "The case-bringer presents, from memory",
            "Factual questions",
            "The group explores, the case-bringer listens",
            "The case-bringer rejoins",
            "Closing round",
        ]
    with translation.override("nl"):
        assert str(method.name) == "Balintmethode"


def test_method_for_falls_back_to_the_default_for_a_method_of_another_format():
    assert method_for(MeetingFormat.INTERVISIE, "dilemma").key == "incident"
    assert method_for(MeetingFormat.MOREEL_BERAAD, "dilemma").key == "dilemma"


def test_incident_method_starts_with_choosing_and_ends_with_evaluation():
    with translation.override("en"):
        titles = [str(step.title) for step in METHODS["incident"].steps]
    assert titles[0] == "Choosing the incident"
    assert titles[-1] == "Evaluation"


def test_nijmegen_phases_and_their_record_fields():
    method = METHODS["nijmegen"]
    with translation.override("en"):
        assert [str(s.title) for s in method.steps] == [
            "The moral problem",
            "The facts",
            "The moral aspects",
            "The decision",
        ]
    assert [f.key for f in method.fields] == [
        "moral_question",
        "facts_care",
        "facts_social",
        "facts_organisation",
        "perspectives",
        "values",
        "decision",
        "open_points",
    ]


@pytest.mark.parametrize("key", sorted(METHODS))
def test_each_method_is_well_formed(key):
    method = METHODS[key]
    field_keys = [f.key for f in method.fields]
    step_keys = [s.key for s in method.steps]
    assert len(field_keys) == len(set(field_keys))
    assert len(step_keys) == len(set(step_keys))
    assert all(step.minutes > 0 for step in method.steps)
    assert all(str(step.guidance) for step in method.steps)
    assert set(method.roles) <= set(MeetingRoleKind.values)
    assert MeetingRoleKind.NOTE_TAKER in method.roles
    assert field_keys != []


def test_every_listed_method_exists():
    assert {key for keys in FORMAT_METHODS.values() for key in keys} == set(METHODS)


# --- choosing the method when planning ---------------------------------------------------


def _schedule(client, network, **extra):
    from django.urls import reverse

    data = {
        "title": "Intervisie",
        "format": "intervisie",
        "day": (timezone.localdate() + timedelta(days=10)).isoformat(),
        "start_time": "15:00",
        "end_time": "16:30",
        "location": "Buurthuis",
        "repeat": "none",
        **extra,
    }
    return client.post(reverse("meetings:schedule", args=[network.slug]), data)


def test_the_schedule_form_offers_every_method_grouped_by_format(client, network):
    from django.urls import reverse

    client.force_login(member(network, Role.COORDINATOR, language="en"))
    response = client.get(reverse("meetings:schedule", args=[network.slug]))
    choices = dict(response.context["form"].fields["method"].choices)
    assert [key for key, _label in choices["Peer consultation (intervisie)"]] == [
        "incident",
        "nijmegen",
        "gossip",
        "balint",
    ]


def test_a_method_chosen_when_planning_is_the_one_the_record_page_shows(client, network):
    from django.urls import reverse

    client.force_login(member(network, Role.COORDINATOR, language="en"))
    response = _schedule(client, network, method="gossip")
    meeting = Meeting.objects.get()
    assert response.status_code == 302
    assert meeting.method == "gossip"
    page = client.get(reverse("meetings:record", args=[network.slug, meeting.pk]))
    assert page.context["method"].key == "gossip"


def test_a_series_carries_the_chosen_method_to_every_meeting(client, network):
    client.force_login(member(network, Role.COORDINATOR, language="en"))
    _schedule(client, network, method="balint", repeat="weekly", count="3")
    assert list(Meeting.objects.values_list("method", flat=True)) == ["balint"] * 3


def test_a_method_of_another_format_is_a_form_error_and_nothing_is_scheduled(client, network):
    client.force_login(member(network, Role.COORDINATOR, language="en"))
    response = _schedule(client, network, method="clinical_lesson")
    assert response.context["form"].errors["method"] == [
        "The method “Clinical lesson by a student–professional pair” does not fit a meeting "
        "of this format."
    ]
    assert Meeting.objects.count() == 0


def test_without_a_choice_the_format_default_is_followed(client, network):
    from sessions.meetings.selectors.record import method_of

    client.force_login(member(network, Role.COORDINATOR, language="en"))
    _schedule(client, network)
    meeting = Meeting.objects.get()
    assert (meeting.method, method_of(meeting, None).key) == ("", "incident")
