"""Coordinators set up their network in the browser: partners and what they bring, themes
(archived, never deleted), focus and learning needs, funding periods, and the yearly
self-check answered by the partners' contact persons."""

from datetime import date

import pytest
import time_machine
from django.urls import reverse
from django.utils import translation

from accounts import personal_data
from networks.choices import OrganisationKind, Role
from networks.models import (
    FundingPeriod,
    Network,
    NetworkPartner,
    Organisation,
    PreconditionCheck,
    Theme,
)
from sessions.meetings.forms import ScheduleForm
from tests.casework.factories import MeetingFactory
from tests.factories import OrganisationFactory, ThemeFactory, member

pytestmark = pytest.mark.django_db

BSN = "Mevrouw, BSN 123456782, woont alleen."


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


@pytest.fixture
def coordinator_client(client, network):
    client.force_login(member(network, Role.COORDINATOR, language="en"))
    return client


def _url(name, network, *args):
    return reverse(f"networks:{name}", args=[network.slug, *args])


def _errors(response) -> str:
    form = response.context["form"]
    return " ".join(str(e) for errors in form.errors.values() for e in errors)


# --- partners ---------------------------------------------------------------------------


def test_a_coordinator_adds_a_new_partner_with_what_it_brings(coordinator_client, network):
    contact = member(network, Role.PROFESSIONAL, full_name="Petra Partner")
    response = coordinator_client.post(
        _url("partner_add", network),
        {
            "name": "  Thuiszorg   Oost ",
            "kind": OrganisationKind.CARE_PROVIDER,
            "city": "Enschede",
            "part": "hosts the meetings",
            "contact": contact.pk,
            "brings_people": "on",
            "brings_place": "on",
            "contribution": "Two nurses four hours a month and the meeting room.",
        },
    )
    assert response.status_code == 302
    partner = NetworkPartner.objects.get(network=network)
    assert partner.organisation.name == "Thuiszorg Oost"
    assert (partner.brings_people, partner.brings_time, partner.brings_money) == (
        True, False, False,
    )  # fmt: skip
    assert partner.brings_place is True
    assert partner.contact == contact
    page = coordinator_client.get(_url("setup", network)).content.decode()
    assert "Thuiszorg Oost" in page
    assert "Two nurses four hours a month and the meeting room." in page
    assert "Petra Partner" in page


def test_a_partner_with_an_existing_name_is_offered_the_existing_one(coordinator_client, network):
    existing = OrganisationFactory(name="Zorggroep Oost", kind=OrganisationKind.CARE_PROVIDER)
    data = {"name": "zorggroep  oost", "kind": OrganisationKind.WELFARE, "brings_time": "on"}
    response = coordinator_client.post(_url("partner_add", network), data)
    assert response.status_code == 200
    assert _errors(response) == (
        "Zorggroep Oost exists already. It is now chosen above: save again to add it as a partner."
    )
    assert Organisation.objects.count() == 1
    assert NetworkPartner.objects.count() == 0
    form = response.context["form"]
    assert form["organisation"].value() == str(existing.pk)
    # Saving again adds the existing organisation.
    data = {"organisation": existing.pk, "brings_time": "on"}
    assert coordinator_client.post(_url("partner_add", network), data).status_code == 302
    partner = NetworkPartner.objects.get()
    assert (partner.organisation, partner.brings_time) == (existing, True)
    assert Organisation.objects.count() == 1


def test_a_partner_twice_is_refused(coordinator_client, network):
    organisation = OrganisationFactory(name="Hogeschool Oost")
    NetworkPartner.objects.create(network=network, organisation=organisation)
    response = coordinator_client.post(_url("partner_add", network), {"name": "hogeschool oost"})
    assert _errors(response) == "Hogeschool Oost is a partner of this network already."
    response = coordinator_client.post(
        _url("partner_add", network), {"organisation": organisation.pk}
    )
    assert response.status_code == 200
    assert "organisation" in response.context["form"].errors
    assert NetworkPartner.objects.count() == 1


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"part": "hosts"}, "Choose an organisation or give a new one's name."),
        ({"name": "Welzijn Oost"}, "Say what kind of organisation this is."),
        (
            {"name": "Welzijn Oost", "kind": "welfare", "contribution": BSN},
            "a citizen service number (BSN)",
        ),
        ({"name": "Welzijn Oost", "kind": "no-such-kind"}, "Select a valid choice."),
        ({"name": "x" * 201, "kind": "welfare"}, "at most 200 characters"),
    ],
)
def test_bad_partner_input_changes_nothing(coordinator_client, network, data, message):
    response = coordinator_client.post(_url("partner_add", network), data)
    assert response.status_code == 200
    assert message in _errors(response)
    assert (Organisation.objects.count(), NetworkPartner.objects.count()) == (0, 0)


def test_a_contact_person_must_be_a_member(coordinator_client, network, other_network):
    partner = NetworkPartner.objects.create(network=network, organisation=OrganisationFactory())
    outsider = member(other_network, Role.PROFESSIONAL)
    response = coordinator_client.post(
        _url("partner_edit", network, partner.pk), {"contact": outsider.pk}
    )
    assert "Select a valid choice." in _errors(response)
    partner.refresh_from_db()
    assert partner.contact is None


# --- themes -----------------------------------------------------------------------------


def test_archiving_a_theme_that_meetings_use_keeps_it(coordinator_client, network):
    theme = ThemeFactory(network=network, name="Ondervoeding", slug="ondervoeding")
    meeting = MeetingFactory(network=network)
    meeting.themes.add(theme)
    response = coordinator_client.post(_url("theme_archive", network, theme.pk))
    assert response.status_code == 302
    theme.refresh_from_db()
    assert theme.archived_at is not None
    assert list(meeting.themes.all()) == [theme]
    # No longer offered for a new meeting; still offered where it is already chosen.
    assert list(ScheduleForm(network=network).fields["themes"].queryset) == []
    from sessions.meetings.forms import EditForm

    form = EditForm(network=network, in_series=False, initial={"themes": [theme]})
    assert list(form.fields["themes"].queryset) == [theme]
    assert list(network.themes.all()) == [theme]  # not deleted
    # And it can be used again.
    coordinator_client.post(_url("theme_archive", network, theme.pk), {"restore": "1"})
    theme.refresh_from_db()
    assert theme.archived_at is None


def test_adding_an_archived_theme_again_brings_it_back(coordinator_client, network):
    theme = ThemeFactory(network=network, name="Valpreventie", slug="valpreventie")
    coordinator_client.post(_url("theme_archive", network, theme.pk))
    response = coordinator_client.post(_url("theme_add", network), {"name": "valpreventie"})
    assert response.status_code == 302
    assert Theme.objects.filter(network=network).count() == 1
    theme.refresh_from_db()
    assert theme.archived_at is None


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"name": ""}, "This field is required."),
        ({"name": "!!!"}, "Give the theme a name with letters or digits."),
        ({"name": "Ondervoeding"}, "This network has a theme Ondervoeding already."),
        ({"name": "Eenzaamheid", "description": BSN}, "a citizen service number (BSN)"),
        ({"name": "Eenzaamheid", "description": "x" * 2001}, "at most 2000 characters"),
    ],
)
def test_bad_theme_input_changes_nothing(coordinator_client, network, data, message):
    ThemeFactory(network=network, name="Ondervoeding", slug="ondervoeding")
    response = coordinator_client.post(_url("theme_add", network), data)
    assert response.status_code == 200
    assert message in _errors(response)
    assert list(Theme.objects.values_list("name", flat=True)) == ["Ondervoeding"]


def test_renaming_a_theme_onto_another_is_refused(coordinator_client, network):
    ThemeFactory(network=network, name="Ondervoeding", slug="ondervoeding")
    theme = ThemeFactory(network=network, name="Vallen", slug="vallen")
    response = coordinator_client.post(
        _url("theme_edit", network, theme.pk), {"name": "ondervoeding", "description": "x"}
    )
    assert _errors(response) == "This network has a theme ondervoeding already."
    theme.refresh_from_db()
    assert (theme.name, theme.description) == ("Vallen", "")


# --- focus, learning needs, funding -----------------------------------------------------


def test_focus_and_learning_needs_are_saved_and_shown(coordinator_client, network):
    data = {"focus": "Malnutrition at home", "learning_needs": "Spotting weight loss early"}
    assert coordinator_client.post(_url("setup", network), data).status_code == 302
    page = coordinator_client.get(reverse("networks:detail", args=[network.slug])).content
    assert b"Malnutrition at home" in page
    assert b"Spotting weight loss early" in page


def test_focus_with_client_data_is_refused(coordinator_client, network):
    response = coordinator_client.post(
        _url("setup", network), {"focus": "Bel 06-12345678", "learning_needs": ""}
    )
    assert response.status_code == 200
    assert "a phone number" in _errors(response)
    network.refresh_from_db()
    assert network.focus == ""


def test_a_funding_period_without_amount(coordinator_client, network):
    data = {"funder": "ZonMw", "starts_on": "2026-01-01", "ends_on": "2027-12-31"}
    assert coordinator_client.post(_url("funding_add", network), data).status_code == 302
    period = FundingPeriod.objects.get()
    assert (period.funder, period.amount, period.ends_on) == ("ZonMw", None, date(2027, 12, 31))
    assert b"ZonMw" in coordinator_client.get(_url("setup", network)).content


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (
            {"funder": "ZonMw", "starts_on": "2027-01-01", "ends_on": "2026-12-31"},
            "The funding period ends before it starts.",
        ),
        (
            {"funder": "ZonMw", "starts_on": "2026-01-01", "ends_on": "2026-12-31", "amount": "-5"},
            "greater than or equal to 0",
        ),
        (
            {
                "funder": "ZonMw",
                "starts_on": "2026-01-01",
                "ends_on": "2026-12-31",
                "amount": "veel",
            },
            "Enter a number.",
        ),
        ({"funder": "ZonMw", "starts_on": "31-31-2026", "ends_on": "2026-12-31"}, "valid date"),
        ({"funder": "", "starts_on": "2026-01-01", "ends_on": "2026-12-31"}, "required"),
    ],
)
def test_bad_funding_input_changes_nothing(coordinator_client, network, data, message):
    response = coordinator_client.post(_url("funding_add", network), data)
    assert response.status_code == 200
    assert message in _errors(response)
    assert FundingPeriod.objects.count() == 0


# --- the yearly self-check --------------------------------------------------------------


@pytest.fixture
def contact(network):
    return member(network, Role.PROFESSIONAL, language="en", full_name="Petra Partner")


@pytest.fixture
def partner(network, contact):
    organisation = OrganisationFactory(name="Zorggroep Oost")
    return NetworkPartner.objects.create(
        network=network, organisation=organisation, contact=contact
    )


def _answer(client, network, partner, **scores):
    data = {"partner": partner.pk, "shared_vision": 3, "co_ownership": 2, "people_and_time": 4}
    data.update(scores)
    return client.post(_url("self_check", network), data)


def test_answers_are_kept_per_year_and_shown_over_the_years(
    client, network, partner, contact, coordinator_client
):
    other = member(network, Role.PROFESSIONAL)
    second = NetworkPartner.objects.create(
        network=network, organisation=OrganisationFactory(name="Welzijn Oost"), contact=other
    )
    with time_machine.travel("2027-03-01 10:00Z"):
        client.force_login(contact)  # inside: a session from today has expired by then
        assert _answer(client, network, partner, shared_vision=2).status_code == 302
        assert _answer(client, network, partner, shared_vision=1).status_code == 302  # replaces
    with time_machine.travel("2028-03-01 10:00Z"):
        client.force_login(contact)
        assert _answer(client, network, partner, shared_vision=4).status_code == 302
        client.force_login(other)
        assert _answer(client, network, second, shared_vision=3).status_code == 302
    rows = PreconditionCheck.objects.order_by("year", "partner__organisation__name")
    assert [(c.year, c.partner.organisation.name, c.shared_vision) for c in rows] == [
        (2027, "Zorggroep Oost", 1),
        (2028, "Welzijn Oost", 3),
        (2028, "Zorggroep Oost", 4),
    ]
    with time_machine.travel("2028-03-02 10:00Z"):
        coordinator_client.force_login(member(network, Role.COORDINATOR))
        history = coordinator_client.get(_url("setup", network)).context["self_checks"]
    assert [(y["year"], y["averages"]["shared_vision"]) for y in history] == [
        (2028, 3.5),
        (2027, 1.0),
    ]


def test_a_contact_person_answers_only_for_their_own_partner(client, network, partner, contact):
    foreign = NetworkPartner.objects.create(network=network, organisation=OrganisationFactory())
    client.force_login(contact)
    response = _answer(client, network, foreign)
    assert response.status_code == 200
    assert "Select a valid choice." in _errors(response)
    assert PreconditionCheck.objects.count() == 0


@pytest.mark.parametrize(
    ("scores", "message"),
    [
        ({"shared_vision": 9}, "Select a valid choice."),
        ({"co_ownership": ""}, "This field is required."),
        ({"remark": BSN}, "a citizen service number (BSN)"),
        ({"remark": "x" * 1001}, "at most 1000 characters"),
    ],
)
def test_bad_self_check_input_changes_nothing(client, network, partner, contact, scores, message):
    client.force_login(contact)
    response = _answer(client, network, partner, **scores)
    assert response.status_code == 200
    assert message in _errors(response)
    assert PreconditionCheck.objects.count() == 0


def test_the_network_page_offers_the_self_check_to_contact_persons_only(
    client, network, partner, contact
):
    url = reverse("networks:detail", args=[network.slug])
    client.force_login(contact)
    assert b"Yearly self-check" in client.get(url).content
    client.force_login(member(network, Role.PROFESSIONAL, language="en"))
    assert b"Yearly self-check" not in client.get(url).content


# --- the set-up page and personal data --------------------------------------------------


def _fill(network, n):
    for i in range(n):
        contact = member(network, Role.PROFESSIONAL)
        partner = NetworkPartner.objects.create(
            network=network, organisation=OrganisationFactory(), contact=contact
        )
        ThemeFactory(network=network)
        FundingPeriod.objects.create(
            network=network, funder=f"F{i}", starts_on="2026-01-01", ends_on="2026-12-31"
        )
        PreconditionCheck.objects.create(
            network=network, partner=partner, year=2026, respondent=contact,
            shared_vision=3, co_ownership=3, people_and_time=3,
        )  # fmt: skip


def test_the_setup_page_answers_in_the_same_number_of_queries(
    coordinator_client, django_assert_num_queries
):
    counts = []
    for n, slug in ((1, "een"), (6, "zes")):
        network = Network.objects.create(name=slug, slug=slug, kind="district_team")
        coordinator_client.force_login(member(network, Role.COORDINATOR))
        _fill(network, n)
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as queries:
            assert coordinator_client.get(_url("setup", network)).status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1]


def test_personal_data_export_and_erase(network, partner, contact, coordinator):
    PreconditionCheck.objects.create(
        network=network, partner=partner, year=2026, respondent=contact,
        shared_vision=2, co_ownership=3, people_and_time=4, remark="We need more hours.",
    )  # fmt: skip
    exported = personal_data.export_all(contact)["sections"]["networks"]
    assert exported["partner_contact_for"] == [
        {"network": network.name, "organisation": "Zorggroep Oost"}
    ]
    assert exported["precondition_checks_you_answered"][0]["remark"] == "We need more hours."
    personal_data.erase_all(contact, by=coordinator)
    partner.refresh_from_db()
    check = PreconditionCheck.objects.get()
    assert (partner.contact, check.respondent, check.remark, check.shared_vision) == (
        None, None, "", 2,
    )  # fmt: skip
