"""Rounds: making and opening them, who is invited, answering on a phone (save and come
back, send, thank you) and every bad input of the issue."""

import datetime as dt

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from evaluation import instruments as inst
from evaluation import services
from evaluation.models import CustomInstrument, Response, Round, RoundInvitee
from networks.choices import Role
from networks.services import invitation_accept
from tests.evaluation.helpers import answered, open_round, ripls_answers
from tests.factories import InvitationFactory, UserFactory, member

pytestmark = pytest.mark.django_db


@pytest.fixture
def coordinator(network):
    return member(network, Role.COORDINATOR, language="en")


def _create(network, coordinator, **overrides):
    today = timezone.localdate()
    values = {
        "network": network,
        "instrument_code": inst.RIPLS.code,
        "wave": 0,
        "opens_on": today,
        "closes_on": today + dt.timedelta(days=14),
        "created_by": coordinator,
    }
    values.update(overrides)
    return services.round_create(**values)


def test_a_follow_up_needs_its_baseline_and_a_wave_is_made_once(network, coordinator):
    with pytest.raises(ValidationError) as error:
        _create(network, coordinator, wave=1)
    assert error.value.message_dict == {
        "wave": ["Start with the baseline (T0) of this questionnaire."]
    }
    _create(network, coordinator)
    with pytest.raises(ValidationError):
        _create(network, coordinator)
    assert _create(network, coordinator, wave=1).label == "T1"
    assert Round.objects.count() == 2


def test_a_round_with_no_invitees_cannot_be_opened(network, coordinator, client):
    round_ = _create(network, coordinator, roles=[Role.STUDENT])
    client.force_login(coordinator)
    response = client.post(
        reverse("evaluation:round_open", args=[network.slug, round_.pk]), follow=True
    )
    assert "No one would be invited: choose other roles or another period." in (
        response.content.decode()
    )
    round_.refresh_from_db()
    assert round_.opened_at is None
    assert RoundInvitee.objects.count() == 0


def test_opening_invites_the_roles_who_joined_in_the_period(network, coordinator):
    students = [member(network, Role.STUDENT) for _ in range(2)]
    member(network, Role.PROFESSIONAL)
    early = member(network, Role.STUDENT)
    early.memberships.update(starts_on=timezone.localdate() - dt.timedelta(days=400))
    round_ = _create(
        network,
        coordinator,
        roles=[Role.STUDENT],
        joined_from=timezone.localdate() - dt.timedelta(days=30),
    )
    assert services.round_open(round_=round_, opened_by=coordinator) == 2
    invited = set(RoundInvitee.objects.values_list("user_id", flat=True))
    assert invited == {s.pk for s in students}


def test_a_newcomer_is_invited_to_an_open_baseline_but_not_to_a_follow_up(network, coordinator):
    member(network, Role.STUDENT)
    baseline = _create(network, coordinator, roles=[Role.STUDENT])
    services.round_open(round_=baseline, opened_by=coordinator)
    follow_up = _create(network, coordinator, roles=[Role.STUDENT], wave=1)
    services.round_open(round_=follow_up, opened_by=coordinator)
    newcomer = UserFactory(email="nieuw@example.org")
    invitation = InvitationFactory(network=network, email="nieuw@example.org", role=Role.STUDENT)
    invitation_accept(invitation=invitation, user=newcomer)
    assert list(RoundInvitee.objects.filter(user=newcomer).values_list("round_id", flat=True)) == [
        baseline.pk
    ]


def _answer_url(round_):
    return reverse("evaluation:answer", args=[round_.network.slug, round_.pk])


@pytest.fixture
def student(network):
    return member(network, Role.STUDENT, language="en")


def test_save_and_come_back_then_send_and_thank_you(client, network, student):
    round_ = open_round(network, invite=[student])
    client.force_login(student)
    response = client.post(_answer_url(round_), {"ripls01": "5", "ripls02": "4", "save": "1"})
    assert response.status_code == 302
    draft = Response.objects.get()
    assert (draft.answers, draft.submitted_at) == ({"ripls01": 5, "ripls02": 4}, None)
    page = client.get(_answer_url(round_)).content.decode()
    assert 'name="ripls01" value="5" class="form-check-input" id="id_ripls01_4" checked' in page
    data = {code: str(value) for code, value in ripls_answers(4).items()} | {"send": "1"}
    response = client.post(_answer_url(round_), data)
    assert response.url == reverse("evaluation:thanks", args=[network.slug])
    draft.refresh_from_db()
    assert draft.submitted_at is not None
    assert draft.role == Role.STUDENT
    thanks = client.get(response.url).content.decode()
    assert "There is nothing more to do." in thanks


def test_a_required_item_left_open_is_named_and_the_rest_kept(client, network, student):
    round_ = open_round(network, invite=[student])
    client.force_login(student)
    data = dict.fromkeys(ripls_answers(), "3") | {"send": "1"}
    del data["ripls07"]
    response = client.post(_answer_url(round_), data)
    page = response.content.decode()
    assert response.status_code == 200
    # Named once at the item and once in the error summary at the top, which links to it.
    assert page.count("Answer this question.") == 2
    assert 'href="#id_ripls07_0"' in page
    assert 'id="ripls07-error"' in page
    assert 'value="3" class="form-check-input" id="id_ripls08_2" checked' in page
    assert Response.objects.count() == 0


def test_answering_twice_is_refused_with_a_clear_page(client, network, student):
    round_ = open_round(network, invite=[student])
    answered(round_, student, ripls_answers(2))
    client.force_login(student)
    page = client.get(_answer_url(round_)).content.decode()
    assert "You have sent your answers already. Thank you!" in page
    response = client.post(_answer_url(round_), {"ripls01": "5", "send": "1"})
    assert response.status_code == 200
    assert Response.objects.get().answers == ripls_answers(2)


def test_answering_after_the_round_closed_saves_nothing(client, network, student):
    round_ = open_round(network, invite=[student])
    client.force_login(student)
    closes = round_.closes_at
    with time_machine.travel(closes + dt.timedelta(minutes=1)):
        client.force_login(student)
        response = client.post(_answer_url(round_), {"ripls01": "5", "save": "1"})
    assert response.status_code == 200
    assert "This questionnaire closed on" in response.content.decode()
    assert Response.objects.count() == 0


def test_a_member_not_invited_gets_a_clear_page_and_nothing_saved(client, network, student):
    round_ = open_round(network, invite=[])
    client.force_login(student)
    response = client.post(_answer_url(round_), {"ripls01": "5", "save": "1"})
    assert response.status_code == 403
    assert "You were not invited to this questionnaire." in response.content.decode()
    assert Response.objects.count() == 0


def test_an_answer_out_of_range_is_refused(network, student):
    round_ = open_round(network, invite=[student])
    with pytest.raises(ValidationError) as error:
        services.response_save(round_=round_, user=student, answers={"ripls01": "9"}, submit=False)
    assert error.value.message_dict == {"ripls01": ["Choose a value from 1 to 5."]}


def test_an_open_answer_with_identifying_data_is_refused(network, student):
    round_ = open_round(network, code=inst.ADDED_VALUE.code, invite=[student])
    with pytest.raises(ValidationError) as error:
        services.response_save(
            round_=round_,
            user=student,
            answers={"av_open": "Bel mevrouw op 06-12345678"},
            submit=False,
        )
    assert list(error.value.message_dict) == ["av_open"]
    assert Response.objects.count() == 0


def test_an_own_questionnaire_with_answers_cannot_change(network, coordinator, student):
    custom = services.custom_instrument_create(
        network=network,
        title_nl="Werkdruk",
        title_en="Workload",
        items=[
            {"code": "q1", "kind": "scale", "text_nl": "Druk?", "text_en": "Busy?"},
            {
                "code": "q2",
                "kind": "single",
                "text_nl": "Domein?",
                "text_en": "Domain?",
                "options": [
                    {"value": "o1", "nl": "Zorg", "en": "Care"},
                    {"value": "o2", "nl": "Welzijn", "en": "Welfare"},
                ],
            },
        ],
        created_by=coordinator,
    )
    services.custom_instrument_update(
        custom=custom, title_nl="Werkdruk 2", title_en="Workload 2", items=custom.items
    )
    round_ = open_round(network, code=custom.code, invite=[student])
    services.response_save(
        round_=round_, user=student, answers={"q1": "4", "q2": "o2"}, submit=True
    )
    with pytest.raises(ValidationError) as error:
        services.custom_instrument_update(
            custom=custom, title_nl="Anders", title_en="Other", items=custom.items
        )
    assert error.value.code == "frozen"
    assert CustomInstrument.objects.get().title_nl == "Werkdruk 2"


def test_an_own_questionnaire_is_answered_in_english(client, network, coordinator, student):
    custom = services.custom_instrument_create(
        network=network,
        title_nl="Werkdruk",
        title_en="Workload",
        items=[{"code": "q1", "kind": "zero_ten", "text_nl": "Hoe druk?", "text_en": "How busy?"}],
        created_by=coordinator,
    )
    round_ = open_round(network, code=custom.code, invite=[student])
    client.force_login(student)
    page = client.get(_answer_url(round_)).content.decode()
    assert "How busy?" in page
    assert "Hoe druk?" not in page


def test_the_coordinator_composes_an_own_questionnaire(client, network, coordinator):
    client.force_login(coordinator)
    response = client.post(
        reverse("evaluation:custom_create", args=[network.slug]),
        {
            "title_nl": "Samenwerking",
            "title_en": "Collaboration",
            "q1_kind": "multiple",
            "q1_nl": "Met wie werkte je samen?",
            "q1_en": "Whom did you work with?",
            "q1_options": "Huisarts | GP\nWijkteam | District team",
            "q1_required": "on",
        },
    )
    assert response.status_code == 302
    custom = CustomInstrument.objects.get()
    assert custom.items == [
        {
            "code": "q1",
            "kind": "multiple",
            "text_nl": "Met wie werkte je samen?",
            "text_en": "Whom did you work with?",
            "required": True,
            "options": [
                {"value": "o1", "nl": "Huisarts", "en": "GP"},
                {"value": "o2", "nl": "Wijkteam", "en": "District team"},
            ],
        }
    ]
