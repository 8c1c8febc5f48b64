"""Answers are the respondent's data: exported as their own, and on erasure the link to the
person is cut while the network's figures stay the same."""

import pytest
from django.utils import translation

from accounts import personal_data
from accounts.services import account_erase
from evaluation.models import Response, RoundInvitee
from evaluation.selectors import round_results
from networks.choices import Role
from networks.models import Membership
from tests.evaluation.helpers import answered, open_round, ripls_answers
from tests.factories import member

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _threshold(settings):
    settings.EVALUATION_MIN_GROUP = 5


def _section():
    return next(s for s in personal_data.sections() if s.key == "evaluation")


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


def test_the_export_holds_ones_own_answers_only(network):
    round_ = open_round(network)
    person = member(network, Role.STUDENT, language="en")
    other = member(network, Role.STUDENT)
    answered(round_, person, {"ripls01": 5})
    answered(round_, other, {"ripls01": 1})
    data = _section().export(person)
    assert len(data["answers"]) == 1
    answer = data["answers"][0]
    assert answer["round"] == "T0"
    assert answer["questionnaire"] == "Readiness for interprofessional learning (RIPLS)"
    assert answer["answers"] == [
        {
            "code": "ripls01",
            "question": "Learning with other students will help me become a more effective "
            "member of a health and social care team.",
            "answer": 5,
        }
    ]
    assert [i["round"] for i in data["invitations"]] == ["T0"]


def test_erasure_cuts_the_link_and_keeps_the_figures(network):
    round_ = open_round(network)
    people = [member(network, Role.PROFESSIONAL) for _ in range(5)]
    for person in people:
        answered(round_, person, ripls_answers(4))
    drafter = member(network, Role.STUDENT)
    RoundInvitee.objects.create(round=round_, user=drafter)
    Response.objects.create(
        network=network, round=round_, instrument_code="ripls-1", respondent=drafter
    )
    before = round_results(round_)
    account_erase(user=people[0], by=people[0])
    account_erase(user=drafter, by=drafter)
    after = round_results(round_)
    assert (after.invited, after.answered) == (before.invited, before.answered) == (6, 5)
    assert after.subscales[0].overall == before.subscales[0].overall
    assert Response.objects.filter(respondent=people[0]).count() == 0
    assert Response.objects.filter(respondent__isnull=True).count() == 1
    assert Response.objects.filter(submitted_at__isnull=True).count() == 0  # draft deleted
    assert _section().export(people[0]) == {
        "answers": [],
        "invitations": [],
        "rounds_made": [],
        "questionnaires_made": [],
    }


def test_someone_who_left_stays_in_the_figures(network):
    round_ = open_round(network)
    people = [member(network, Role.PROFESSIONAL) for _ in range(5)]
    for person in people:
        answered(round_, person, ripls_answers(4))
    Membership.objects.filter(user=people[0]).update(ended_at="2020-01-01T00:00Z")
    assert round_results(round_).answered == 5


def test_the_export_keeps_its_number_of_queries(network, django_assert_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from evaluation.services import custom_instrument_create

    person = member(network, Role.STUDENT)
    custom = custom_instrument_create(
        network=network,
        title_nl="Eigen",
        title_en="Own",
        items=[{"code": "q1", "kind": "scale", "text_nl": "Goed?", "text_en": "Good?"}],
        created_by=person,
    )
    answered(open_round(network), person, {"ripls01": 4})
    answered(open_round(network, code=custom.code), person, {"q1": 2})
    with CaptureQueriesContext(connection) as one:
        _section().export(person)
    for wave in (1, 2):
        answered(open_round(network, wave=wave), person, {"ripls01": 4})
        answered(open_round(network, code=custom.code, wave=wave), person, {"q1": 3})
    with django_assert_num_queries(len(one.captured_queries)):
        data = _section().export(person)
    assert [a["questionnaire"] for a in data["answers"]][-2:] == [
        "Readiness for interprofessional learning (RIPLS)",
        "Own",
    ]
