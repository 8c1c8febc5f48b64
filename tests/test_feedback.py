"""lin_platform.feedback: a service's ValidationError shown on a form or as messages, every
message of it and none lost; and views that show two refusals of a service both."""

import pytest
from django import forms
from django.contrib.messages import get_messages
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.test import RequestFactory

from lin_platform.feedback import (
    validation_error_messages,
    validation_error_to_form,
    validation_error_to_messages,
)
from networks import services as network_services
from networks.choices import Role
from networks.models import Membership
from sessions.meetings.views import rsvp as rsvp_views
from sessions.shadowing import services as shadowing_services
from tests.factories import member
from tests.helpers import form_errors, messages_of, url
from tests.sessions.factories import MeetingFactory
from tests.sessions.factories_shadowing import social_worker

TWO = ["The first problem.", "The second problem."]


class PersonForm(forms.Form):
    name = forms.CharField()
    email = forms.EmailField()


def bound_form() -> PersonForm:
    form = PersonForm({"name": "Anna", "email": "anna@example.org"})
    assert form.is_valid()
    return form


def request_with_messages():
    request = RequestFactory().post("/")
    request._messages = CookieStorage(request)
    return request


def flashed(request) -> list[str]:
    return [str(m) for m in get_messages(request)]


# --- The helper ------------------------------------------------------------------------------


def test_a_dict_error_goes_onto_its_fields_and_the_rest_to_the_non_field_errors():
    form = bound_form()
    error = ValidationError(
        {
            "email": ["This address is taken.", "This address bounces."],
            "name": "Give your full name.",
            "theme": "Choose a theme of this network.",
            NON_FIELD_ERRORS: "Something else is wrong.",
        }
    )
    validation_error_to_form(form, error)
    assert form.errors == {
        "email": ["This address is taken.", "This address bounces."],
        "name": ["Give your full name."],
        NON_FIELD_ERRORS: ["Choose a theme of this network.", "Something else is wrong."],
    }
    assert "email" not in form.cleaned_data


def test_a_list_error_adds_every_message():
    form = bound_form()
    validation_error_to_form(form, ValidationError(TWO))
    assert form.non_field_errors() == TWO
    assert list(form.errors) == [NON_FIELD_ERRORS]


def test_a_plain_message_becomes_a_non_field_error_with_its_code():
    form = bound_form()
    validation_error_to_form(form, ValidationError("The meeting was cancelled.", code="cancelled"))
    assert form.non_field_errors() == ["The meeting was cancelled."]
    assert form.has_error(NON_FIELD_ERRORS, code="cancelled")


def test_errors_without_a_form_field_can_go_to_a_chosen_field():
    form = bound_form()
    validation_error_to_form(
        form, ValidationError({"name": "Too short.", "other": TWO}), field="email"
    )
    validation_error_to_form(form, ValidationError("Already invited."), field="email")
    assert form.errors == {"name": ["Too short."], "email": [*TWO, "Already invited."]}


def test_params_are_interpolated():
    error = ValidationError(
        {"name": ValidationError("At most %(max)s characters.", params={"max": 80})}
    )
    form = bound_form()
    validation_error_to_form(form, error)
    assert form.errors["name"] == ["At most 80 characters."]

    plain = ValidationError("%(email)s is already a member.", params={"email": "a@b.nl"})
    form = bound_form()
    validation_error_to_form(form, plain)
    assert form.non_field_errors() == ["a@b.nl is already a member."]

    request = request_with_messages()
    validation_error_to_messages(request, plain)
    assert flashed(request) == ["a@b.nl is already a member."]


def test_every_message_becomes_an_error_message():
    request = request_with_messages()
    validation_error_to_messages(request, ValidationError(TWO))
    validation_error_to_messages(request, ValidationError({"email": "Taken.", "name": "Short."}))
    validation_error_to_messages(request, ValidationError("Plain."))
    assert flashed(request) == [*TWO, "Taken.", "Short.", "Plain."]
    assert {m.level_tag for m in get_messages(request)} == {"error"}


def test_validation_error_messages_lists_every_text():
    assert validation_error_messages(ValidationError(TWO)) == TWO
    assert validation_error_messages(ValidationError({"a": "A.", "b": ["B.", "C."]})) == [
        "A.",
        "B.",
        "C.",
    ]


# --- Views: a service refuses twice and the user sees both ------------------------------------


def refuse_twice(**kwargs):
    raise ValidationError(TWO)


@pytest.mark.django_db
def test_a_view_shows_both_messages_of_a_refusal(client, network, coordinator, monkeypatch):
    monkeypatch.setattr(network_services, "membership_end", refuse_twice)
    membership = Membership.objects.get(user=coordinator)
    client.force_login(coordinator)
    response = client.post(url("networks:membership_end", network.slug, membership.pk))
    assert response.status_code == 302
    assert messages_of(response) == TWO


@pytest.mark.django_db
def test_a_form_view_shows_both_errors_of_a_refusal(client, network, monkeypatch):
    host = social_worker(network, language="en")
    monkeypatch.setattr(shadowing_services, "shadowing_slot_series_offer", refuse_twice)
    client.force_login(host)
    response = client.post(
        url("shadowing:slot_offer", network.slug),
        {"date": "2099-01-05", "dagdeel": "morning", "place": "Buurthuis"},
    )
    assert response.status_code == 200
    assert form_errors(response) == TWO


@pytest.mark.django_db
def test_the_invitation_form_keeps_refusals_on_the_address(
    client, network, coordinator, monkeypatch
):
    monkeypatch.setattr(network_services, "invitation_create", refuse_twice)
    client.force_login(coordinator)
    response = client.post(
        url("networks:invite", network.slug),
        {"email": "nieuw@example.org", "role": Role.PROFESSIONAL},
    )
    assert response.status_code == 200
    assert form_errors(response, field="email") == TWO


@pytest.mark.django_db
def test_an_htmx_answer_shows_both_refusals_in_the_partial(client, network, monkeypatch):
    person = member(network, Role.PROFESSIONAL, language="en")
    meeting = MeetingFactory(network=network)
    monkeypatch.setattr(rsvp_views, "rsvp_answer", refuse_twice)
    client.force_login(person)
    response = client.post(
        url("meetings:rsvp", network.slug, meeting.pk), {"answer": "yes"}, HTTP_HX_REQUEST="true"
    )
    assert response.context["rsvp_error"] == " ".join(TWO)
    assert messages_of(response) == []
