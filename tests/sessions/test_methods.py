"""The method scripts: every format has a method, steps are complete and keys consistent."""

import pytest
from django.utils import translation

from sessions.meetings.choices import MeetingFormat, MeetingRoleKind
from sessions.meetings.methods import (
    FORMAT_METHODS,
    METHODS,
    default_method,
    method_for,
    methods_for,
)


def test_every_format_has_at_least_one_method():
    assert sorted(f for f in MeetingFormat.values if methods_for(f)) == sorted(MeetingFormat.values)


def test_the_named_methods_have_their_real_number_of_steps():
    assert len(METHODS["incident"].steps) == 10
    assert len(METHODS["nijmegen"].steps) == 4
    assert len(METHODS["dilemma"].steps) == 10


def test_moral_case_deliberation_offers_nijmegen_first_and_the_dilemma_method():
    assert [m.key for m in methods_for(MeetingFormat.MOREEL_BERAAD)] == ["nijmegen", "dilemma"]
    assert default_method(MeetingFormat.MOREEL_BERAAD).key == "nijmegen"


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
