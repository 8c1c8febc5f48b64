"""Theme projects: creating, milestones inside the period, who sees them, query counts."""

import re
from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from networks.choices import Role
from networks.models import Milestone, PdsaEntry, ProjectMember, ProjectPartner, ThemeProject
from networks.projects import permissions, services
from tests.casework.factories import MeetingFactory, MilestoneFactory, ThemeProjectFactory
from tests.factories import (
    MembershipFactory,
    NetworkFactory,
    OrganisationFactory,
    ThemeFactory,
    UserFactory,
    member,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


@pytest.fixture
def coordinator_en(network):
    return member(network, Role.COORDINATOR, language="en")


@pytest.fixture
def project(network):
    theme = ThemeFactory(network=network, name="ondervoeding", slug="ondervoeding")
    return ThemeProjectFactory(
        network=network,
        theme=theme,
        title="PLINT Ondervoeding",
        starts_on=date(2026, 1, 1),
        ends_on=date(2027, 12, 31),
    )


def test_a_coordinator_starts_a_project_and_leads_it(client, network, coordinator_en):
    theme = ThemeFactory(network=network)
    client.force_login(coordinator_en)
    response = client.post(
        reverse("networks:project_create", args=[network.slug]),
        {
            "title": "PLINT Ondervoeding",
            "theme": theme.pk,
            "aim": "Ondervoeding bij thuiswonende ouderen voorkomen.",
            "starts_on": "2026-01-01",
            "ends_on": "2027-12-31",
        },
    )
    project = ThemeProject.objects.get()
    assert response.url == reverse("networks:project_detail", args=[network.slug, project.pk])
    assert list(project.members.values_list("user", "role")) == [(coordinator_en.pk, "lead")]


def test_a_project_ending_before_it_starts_is_refused(client, network, coordinator_en):
    theme = ThemeFactory(network=network)
    client.force_login(coordinator_en)
    response = client.post(
        reverse("networks:project_create", args=[network.slug]),
        {
            "title": "X",
            "theme": theme.pk,
            "aim": "Y",
            "starts_on": "2026-01-01",
            "ends_on": "2025-12-31",
        },
    )
    assert response.context["form"].errors["ends_on"] == ["The project ends before it starts."]
    assert ThemeProject.objects.count() == 0


def test_a_milestone_due_before_the_project_starts_is_refused(
    client, network, project, coordinator_en
):
    client.force_login(coordinator_en)
    response = client.post(
        reverse("networks:project_add", args=[network.slug, project.pk, "mijlpaal"]),
        {
            "mijlpaal-kind": "milestone",
            "mijlpaal-title": "Nulmeting",
            "mijlpaal-due_on": "2025-12-01",
            "mijlpaal-status": "planned",
        },
    )
    assert response.status_code == 400
    assert response.context["forms"]["mijlpaal"].errors["due_on"] == [
        "The due date lies before the project starts (01-01-2026)."
    ]
    assert Milestone.objects.count() == 0


def test_a_milestone_after_the_end_is_refused_by_the_service(project):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as caught:
        services.milestone_add(project=project, title="Te laat", due_on=date(2028, 1, 1))
    assert caught.value.message_dict == {
        "due_on": ["The due date lies after the project ends (31-12-2027)."]
    }


def test_shortening_a_project_past_its_milestones_is_refused(project):
    from django.core.exceptions import ValidationError

    MilestoneFactory(project=project, due_on=date(2027, 6, 1))
    with pytest.raises(ValidationError):
        services.theme_project_update(project=project, ends_on=date(2026, 12, 31))
    project.refresh_from_db()
    assert project.ends_on == date(2027, 12, 31)


def test_a_partner_added_twice_is_refused(client, network, project, coordinator_en):
    organisation = OrganisationFactory(name="Maaltijdservice Oost", kind="company")
    client.force_login(coordinator_en)
    url = reverse("networks:project_add", args=[network.slug, project.pk, "partner"])
    data = {"partner-organisation": organisation.pk}
    assert client.post(url, data).status_code == 302
    response = client.post(url, data)
    assert response.status_code == 400
    assert response.context["forms"]["partner"].errors["organisation"] == [
        "This organisation is already a partner of the project."
    ]
    assert ProjectPartner.objects.count() == 1


def test_a_meeting_of_another_network_cannot_be_linked(project, other_network):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        services.project_meeting_link(
            project=project, meeting=MeetingFactory(network=other_network)
        )
    assert project.meetings.count() == 0


def test_partner_people_see_the_project_without_being_members(client, network, project):
    """A person whose membership elsewhere is on behalf of a partner organisation."""
    company = OrganisationFactory(name="Voedselbedrijf", kind="company")
    ProjectPartner.objects.create(project=project, organisation=company, kind="company")
    elsewhere = NetworkFactory()
    person = UserFactory()
    MembershipFactory(network=elsewhere, user=person, organisation=company)
    outsider = UserFactory()
    MembershipFactory(network=elsewhere, user=outsider, organisation=OrganisationFactory())
    url = reverse("networks:project_detail", args=[network.slug, project.pk])
    client.force_login(person)
    assert client.get(url).status_code == 200
    client.force_login(outsider)
    assert client.get(url).status_code == 404
    assert permissions.can_manage_project(person, project) is False


def test_project_members_log_pdsa_cycles_and_leads_manage(client, network, project):
    researcher = UserFactory(language="en")
    ProjectMember.objects.create(project=project, user=researcher, role="phd")
    client.force_login(researcher)
    response = client.post(
        reverse("networks:project_add", args=[network.slug, project.pk, "pdsa"]),
        {"pdsa-question": "Helpt een eiwitshake?", "pdsa-plan": "Vier weken proberen."},
    )
    assert response.status_code == 302
    assert PdsaEntry.objects.get().author == researcher
    response = client.get(reverse("networks:project_edit", args=[network.slug, project.pk]))
    assert response.status_code == 403


def test_the_project_page_shows_everything(client, network, project, coordinator_en):
    MilestoneFactory(project=project, title="Nulmeting klaar", due_on=date(2026, 3, 1))
    meeting = MeetingFactory(network=network, title="Themabijeenkomst voeding")
    project.meetings.add(meeting)
    client.force_login(coordinator_en)
    response = client.get(reverse("networks:project_detail", args=[network.slug, project.pk]))
    assert [m.title for m in response.context["milestones"]] == ["Nulmeting klaar"]
    assert response.context["meetings"] == [meeting]
    # the line links to the meeting through Meeting.get_absolute_url (networks names no URL
    # of the meetings app)
    meeting_url = reverse("meetings:detail", args=[network.slug, meeting.pk])
    assert f'<a href="{meeting_url}">Themabijeenkomst voeding</a>' in response.content.decode()


@pytest.mark.parametrize("n", [1, 50])
def test_project_page_queries_do_not_grow(
    client, network, project, coordinator_en, django_assert_num_queries, n
):
    for i in range(n):
        ProjectPartner.objects.create(
            project=project, organisation=OrganisationFactory(), kind="care"
        )
        ProjectMember.objects.create(project=project, user=UserFactory(), role="member")
        MilestoneFactory(project=project)
        project.outputs.create(
            title=f"Output {i}",
            url="https://example.org/r.pdf",
            file=SimpleUploadedFile(f"r{i}.pdf", b"%PDF-1.4\n"),
            file_name=f"r{i}.pdf",
            file_size=9,
        )
        PdsaEntry.objects.create(project=project, question="Q", plan="P", author=coordinator_en)
        project.meetings.add(MeetingFactory(network=network))
    client.force_login(coordinator_en)
    url = reverse("networks:project_detail", args=[network.slug, project.pk])
    with django_assert_num_queries(16):
        response = client.get(url)
    assert len(response.context["milestones"]) == n
    assert len(re.findall(r'href="[^"]+/document/"', response.content.decode())) == n


@pytest.mark.parametrize("n", [1, 50])
def test_project_list_queries_do_not_grow(
    client, network, coordinator_en, django_assert_num_queries, n
):
    for _ in range(n):
        project = ThemeProjectFactory(network=network)
        ProjectPartner.objects.create(
            project=project, organisation=OrganisationFactory(), kind="care"
        )
    client.force_login(coordinator_en)
    with django_assert_num_queries(7):
        response = client.get(reverse("networks:project_list", args=[network.slug]))
    assert len(response.context["projects"]) == n


def test_a_partners_kind_is_its_organisations_on_both_pages(client, network, project):
    """One source: the organisation's kind, on the network page and the project page."""
    from networks.models import NetworkPartner

    organisation = OrganisationFactory(name="Hogeschool Oost", kind="knowledge_institute")
    NetworkPartner.objects.create(network=network, organisation=organisation)
    services.project_partner_add(project=project, organisation=organisation)
    # A partner stored before (another kind in the old column) shows the organisation's too.
    ProjectPartner.objects.update(kind="school")
    client.force_login(member(network, Role.PROFESSIONAL, language="en"))
    network_page = client.get(reverse("networks:detail", args=[network.slug])).content.decode()
    project_page = client.get(
        reverse("networks:project_detail", args=[network.slug, project.pk])
    ).content.decode()
    shown = 'Hogeschool Oost <span class="text-body-secondary'
    assert shown in network_page and shown in project_page
    assert "(Knowledge institute)" in network_page
    assert "(Knowledge institute)</span>" in project_page
    assert "Research group" not in project_page and "(School)" not in project_page


def test_a_new_partner_gets_the_kind_of_its_organisation(network, project):
    organisation = OrganisationFactory(kind="company")
    partner = services.project_partner_add(project=project, organisation=organisation)
    assert partner.kind == "company"
