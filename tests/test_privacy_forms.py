"""The guard where people write: every free text refuses identifying data with a message
naming what and which field, and a text past its maximum length gets a form error."""

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from casework.models import Case
from networks.choices import Role
from sessions.meetings.choices import MeetingFormat
from sessions.meetings.models import MeetingAction, MeetingRecord
from sessions.shadowing.models import ShadowingDay
from tests.factories import member
from tests.helpers import form_errors, url
from tests.sessions.factories import MeetingFactory
from tests.sessions.factories_shadowing import ShadowingDayFactory, social_worker


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


def case_data(student, professional, **overrides):
    data = {
        "title": "Eenzaamheid na verhuizing",
        "student": student.pk,
        "professional": professional.pk,
        "situation": "Meneer K. eet slecht sinds zijn vrouw overleed.",
    }
    data.update(overrides)
    return data


@pytest.fixture
def pair(network):
    return (
        member(network, Role.STUDENT, language="en"),
        member(network, Role.PROFESSIONAL, language="en"),
    )


def test_a_case_situation_with_a_street_and_number_is_refused_naming_the_field(
    client, network, pair
):
    client.force_login(pair[0])
    response = client.post(
        reverse("casework:case_create", args=[network.slug]),
        case_data(*pair, situation="Mevrouw woont aan de Lange Nieuwstraat 3a."),
    )
    assert response.status_code == 200
    assert form_errors(response, field="situation") == [
        "“Situation” contains a street with a house number (line 1, position 28, starting "
        "with “Ni…”). Remove it: texts must not identify a client."
    ]
    assert Case.objects.count() == 0


def test_a_case_text_past_its_maximum_is_a_form_error_not_a_500(client, network, pair):
    client.force_login(pair[0])
    response = client.post(
        reverse("casework:case_create", args=[network.slug]),
        case_data(*pair, situation="Meneer K. eet slecht. " * 500),
    )
    assert response.status_code == 200
    assert form_errors(response, field="situation") == [
        "Ensure this value has at most 10000 characters (it has 10999)."
    ]
    assert Case.objects.count() == 0


@pytest.fixture
def clinical_lesson(network, coordinator):
    return MeetingFactory(network=network, format=MeetingFormat.KLINISCHE_LES)


def test_the_case_pseudonymised_in_a_record_refuses_a_name_after_a_title(
    client, network, coordinator, clinical_lesson
):
    coordinator.language = "en"
    coordinator.save()
    client.force_login(coordinator)
    response = client.post(
        reverse("meetings:record", args=[network.slug, clinical_lesson.pk]),
        {"method": "clinical_lesson", "note-case_summary": "Het gaat om mevrouw Jansen (84)."},
    )
    assert response.status_code == 200
    assert form_errors(response, field="case_summary") == [
        "“The case, pseudonymised” contains a name after a title (line 1, position 13, "
        "starting with “me…”). Remove it: texts must not identify a client."
    ]
    assert MeetingRecord.objects.count() == 0


def test_an_action_with_a_phone_number_is_refused(client, network, coordinator, clinical_lesson):
    client.force_login(coordinator)
    response = client.post(
        reverse("meetings:action_add", args=[network.slug, clinical_lesson.pk]),
        {"kind": "action", "text": "Dochter bellen op 06 12 34 56 78"},
        follow=True,
    )
    assert response.status_code == 200
    assert MeetingAction.objects.count() == 0


def test_a_reflection_with_a_date_of_birth_is_refused_and_a_long_one_too(client, network):
    student = member(network, Role.STUDENT, language="en")
    host = social_worker(network, language="en")
    day = ShadowingDayFactory(
        network=network,
        shadower=student,
        host=host,
        date=timezone.localdate() - timezone.timedelta(days=2),
    )
    client.force_login(student)
    data = {"seen": "Een keukentafelgesprek.", "surprised": "b", "take_away": "c", "question": "d"}
    response = client.post(
        url("shadowing:reflect", network.slug, day.pk),
        {**data, "surprised": "Dat meneer, geboren 3-4-'41, alles zelf regelt."},
    )
    assert response.status_code == 200
    assert form_errors(response, field="surprised") == [
        "“What surprised you about the other domain?” contains a date of birth (line 1, "
        "position 21, starting with “3-…”). Remove it: texts must not identify a client."
    ]
    response = client.post(
        url("shadowing:reflect", network.slug, day.pk), {**data, "seen": "x" * 4001}
    )
    assert response.status_code == 200
    assert form_errors(response, field="seen") == [
        "Ensure this value has at most 4000 characters (it has 4001)."
    ]
    day.refresh_from_db()
    assert (day.reflection_seen, day.reflection_surprised) == ("", "")
    assert ShadowingDay.objects.count() == 1
