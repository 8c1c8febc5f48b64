"""Project outputs: a document, a link or both; the document guarded on the way in, handed
out only to the people who see the project, and removable by those who add outputs."""

import re
from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError, transaction
from django.urls import reverse

from networks.choices import Role
from networks.models import ProjectMember, ProjectOutput, ProjectPartner
from networks.projects import services
from tests.casework.factories import ThemeProjectFactory
from tests.factories import NetworkFactory, OrganisationFactory, member
from tests.test_uploads import pdf_of_size

pytestmark = pytest.mark.django_db

PDF = pdf_of_size(2028)  # a real PDF: the upload guard parses it


@pytest.fixture
def project(network):
    return ThemeProjectFactory(
        network=network,
        title="PLINT Ondervoeding",
        starts_on=date(2026, 1, 1),
        ends_on=date(2027, 12, 31),
    )


@pytest.fixture
def lead(project):
    person = member(project.network, Role.PROFESSIONAL, full_name="Lotte Projectleider")
    ProjectMember.objects.create(project=project, user=person, role="lead")
    return person


def add_output(project, name="Tussenrapportage jaar 1.pdf", content=PDF, **fields):
    fields.setdefault("title", "Tussenrapportage")
    return services.project_output_add(
        project=project, file=SimpleUploadedFile(name, content), **fields
    )


def detail_url(project):
    return reverse("networks:project_detail", args=[project.network.slug, project.pk])


def add_url(project):
    return reverse("networks:project_add", args=[project.network.slug, project.pk, "resultaat"])


def download_url(output):
    return reverse(
        "networks:output_download",
        args=[output.project.network.slug, output.project_id, output.pk],
    )


def remove_url(output):
    return reverse(
        "networks:output_remove", args=[output.project.network.slug, output.project_id, output.pk]
    )


def stored_files(settings) -> list[str]:
    root = settings.MEDIA_ROOT / "projects"
    return sorted(p.name for p in root.rglob("*") if p.is_file()) if root.exists() else []


# --- the model -------------------------------------------------------------------------------


def test_an_output_needs_a_link_or_a_document(project):
    with pytest.raises(IntegrityError), transaction.atomic():
        ProjectOutput.objects.create(project=project, title="Niets")
    assert ProjectOutput.objects.count() == 0


def test_a_document_is_stored_with_its_name_and_size(project):
    with pytest.raises(IntegrityError), transaction.atomic():
        ProjectOutput.objects.create(project=project, title="Naamloos", file="projects/1/x.pdf")
    ProjectOutput.objects.create(
        project=project,
        title="Met naam",
        file="projects/1/y.pdf",
        file_name="rapport.pdf",
        file_size=10,
    )
    ProjectOutput.objects.create(project=project, title="Link", url="https://example.org/r")
    assert ProjectOutput.objects.count() == 2


# --- adding ----------------------------------------------------------------------------------


def test_a_lead_adds_a_document_stored_under_a_random_name(client, settings, project, lead):
    client.force_login(lead)
    response = client.post(
        add_url(project),
        {
            "resultaat-title": "Tussenrapportage",
            "resultaat-file": SimpleUploadedFile("Tussenrapportage jaar 1.pdf", PDF),
            "resultaat-published_on": "2026-07-01",
        },
    )
    assert response.status_code == 302
    output = ProjectOutput.objects.get()
    assert (output.title, output.url, output.file_name, output.file_size) == (
        "Tussenrapportage",
        "",
        "Tussenrapportage jaar 1.pdf",
        len(PDF),
    )
    assert re.fullmatch(rf"projects/{project.pk}/[0-9a-f]{{32}}\.pdf", output.file.name)
    assert stored_files(settings) == [output.file.name.rsplit("/", 1)[1]]


def test_a_link_and_a_document_together(client, project, lead):
    client.force_login(lead)
    response = client.post(
        add_url(project),
        {
            "resultaat-title": "Factsheet",
            "resultaat-url": "example.org/factsheet",
            "resultaat-file": SimpleUploadedFile("factsheet.pdf", PDF),
            "resultaat-published_on": "2026-07-01",
        },
    )
    assert response.status_code == 302
    output = ProjectOutput.objects.get()
    assert (output.url, output.file_name) == ("https://example.org/factsheet", "factsheet.pdf")


def test_a_link_alone_still_works(client, project, lead):
    client.force_login(lead)
    response = client.post(
        add_url(project),
        {
            "resultaat-title": "Artikel",
            "resultaat-url": "https://example.org/artikel",
            "resultaat-published_on": "2026-07-01",
        },
    )
    assert response.status_code == 302
    output = ProjectOutput.objects.get()
    assert (output.url, bool(output.file), output.file_size) == (
        "https://example.org/artikel",
        False,
        None,
    )


@pytest.mark.parametrize(
    ("name", "content", "field", "message"),
    [
        (None, None, None, "Voeg een document, een link of allebei toe."),
        (
            "rapport.exe",
            PDF,
            "file",
            "Dit soort bestand kun je niet toevoegen. Toegestaan zijn: "
            "pdf, pptx, docx, odp, png, jpg.",
        ),
        (
            "rapport.pdf",
            b"MZ\x90\x00 an executable",
            "file",
            "De inhoud van dit bestand is geen .pdf-bestand. Sla het opnieuw op in dat formaat.",
        ),
        (
            "rapport.docx",
            PDF,
            "file",
            "De inhoud van dit bestand is geen .docx-bestand. Sla het opnieuw op in dat formaat.",
        ),
        (
            "groot.pdf",
            PDF + b"x" * 3000,
            "file",
            "Het bestand is 4,9\xa0KB; de grens is 4,0\xa0KB.",
        ),
    ],
)
def test_bad_input_is_refused_in_dutch_and_nothing_stored(
    client, settings, project, lead, name, content, field, message
):
    settings.UPLOAD_MAX_BYTES = 4096
    client.force_login(lead)
    data = {"resultaat-title": "Rapport", "resultaat-published_on": "2026-07-01"}
    if name:
        data["resultaat-file"] = SimpleUploadedFile(name, content)
    response = client.post(add_url(project), data)
    assert response.status_code == 400
    form = response.context["forms"]["resultaat"]
    assert form.errors == {field or "__all__": [message]}
    assert response.context["open_form"] == "resultaat"
    assert ProjectOutput.objects.count() == 0
    assert stored_files(settings) == []


def test_the_service_refuses_what_the_form_refuses(project, settings):
    with pytest.raises(ValidationError) as caught:
        services.project_output_add(project=project, title="Leeg")
    assert caught.value.messages == ["Voeg een document, een link of allebei toe."]
    with pytest.raises(ValidationError) as caught:
        add_output(project, name="dia.png", content=PDF)
    assert caught.value.message_dict == {
        "file": [
            "De inhoud van dit bestand is geen .png-bestand. Sla het opnieuw op in dat formaat."
        ]
    }
    assert ProjectOutput.objects.count() == 0
    assert stored_files(settings) == []


def test_the_output_limit_is_upload_max_bytes_not_the_case_attachment_limit(project, settings):
    settings.UPLOAD_MAX_BYTES = 1024
    settings.CASEWORK_ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024
    with pytest.raises(ValidationError) as caught:
        add_output(project)
    assert caught.value.error_dict["file"][0].code == "too_large"


def test_a_member_without_a_project_role_may_not_add(client, project):
    student = member(project.network, Role.STUDENT)
    client.force_login(student)
    response = client.post(
        add_url(project),
        {"resultaat-title": "X", "resultaat-file": SimpleUploadedFile("x.pdf", PDF)},
    )
    assert response.status_code == 403
    assert ProjectOutput.objects.count() == 0


# --- the project page ------------------------------------------------------------------------


def test_the_page_shows_each_output_with_its_link_and_document(client, project, lead):
    both = add_output(project, title="Factsheet", url="https://example.org/factsheet")
    document = add_output(project, title="Tussenrapportage")
    link = services.project_output_add(
        project=project, title="Artikel", url="https://example.org/artikel"
    )
    client.force_login(lead)
    response = client.get(detail_url(project))
    html = response.content.decode()
    section = html[html.index('id="outputs-heading"') : html.index('id="milestones-heading"')]
    downloads = re.findall(
        r'<a href="([^"]+/document/)">([^<]+)</a> <span[^>]*>\(([^)]+)\)', section
    )
    assert sorted(downloads) == sorted(
        [
            (download_url(both), "Tussenrapportage jaar 1.pdf", "2,0\xa0kB"),
            (download_url(document), "Tussenrapportage jaar 1.pdf", "2,0\xa0kB"),
        ]
    )
    links = re.findall(r'<a href="(https://[^"]+)" rel="noopener">([^<]+)</a>', section)
    assert sorted(links) == [
        ("https://example.org/artikel", "Artikel"),
        ("https://example.org/factsheet", "Factsheet"),
    ]
    assert sorted(re.findall(r'href="([^"]+/verwijderen/)"', section)) == sorted(
        remove_url(o) for o in (both, document, link)
    )


def test_the_add_form_is_multipart_and_offers_the_allowed_kinds(client, project, lead):
    client.force_login(lead)
    response = client.get(detail_url(project))
    html = response.content.decode()
    form = re.search(rf'<form method="post" action="{add_url(project)}"[^>]*>', html).group(0)
    assert 'enctype="multipart/form-data"' in form
    file_input = re.search(r'<input type="file" name="resultaat-file"[^>]*>', html).group(0)
    assert 'accept=".pdf,.pptx,.docx,.odp,.png,.jpg,.jpeg"' in file_input


def test_people_who_only_see_the_project_get_no_remove_link(client, project):
    add_output(project)
    client.force_login(member(project.network, Role.STUDENT))
    response = client.get(detail_url(project))
    assert "/verwijderen/" not in response.content.decode()
    assert response.context["outputs"][0].file_name == "Tussenrapportage jaar 1.pdf"


# --- downloading -----------------------------------------------------------------------------


def test_the_download_is_an_attachment_of_the_right_type_never_sniffed(client, project):
    output = add_output(project)
    client.force_login(member(project.network, Role.STUDENT))
    response = client.get(download_url(output))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == ('attachment; filename="Tussenrapportage-jaar-1.pdf"')
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "private" in response["Cache-Control"]


def test_the_document_is_not_served_from_media_url(client, project, settings):
    output = add_output(project)
    client.force_login(member(project.network, Role.COORDINATOR))
    response = client.get(settings.MEDIA_URL + output.file.name)
    assert response.status_code == 404


def test_partner_people_download_members_of_other_networks_do_not(client, project):
    output = add_output(project)
    company = OrganisationFactory(name="Voedselbedrijf", kind="company")
    ProjectPartner.objects.create(project=project, organisation=company, kind="company")
    elsewhere = NetworkFactory()
    partner_person = member(elsewhere)
    partner_person.memberships.update(organisation=company)
    stranger = member(elsewhere)
    client.force_login(partner_person)
    assert client.get(download_url(output)).status_code == 200
    client.force_login(stranger)
    assert client.get(download_url(output)).status_code == 404


def test_another_networks_output_answers_404_even_to_a_coordinator(
    client, network, other_network, coordinator
):
    foreign = add_output(ThemeProjectFactory(network=other_network))
    client.force_login(coordinator)
    forged = reverse(
        "networks:output_download", args=[network.slug, foreign.project_id, foreign.pk]
    )
    assert client.get(forged).status_code == 404
    own_project = ThemeProjectFactory(network=network)
    forged = reverse("networks:output_download", args=[network.slug, own_project.pk, foreign.pk])
    assert client.get(forged).status_code == 404


def test_a_link_only_output_has_no_download(client, project):
    output = services.project_output_add(project=project, title="Artikel", url="https://e.org/a")
    client.force_login(member(project.network, Role.COORDINATOR))
    assert client.get(download_url(output)).status_code == 404


def test_a_document_missing_from_storage_answers_404(client, project):
    output = add_output(project)
    output.file.storage.delete(output.file.name)
    client.force_login(member(project.network, Role.COORDINATOR))
    assert client.get(download_url(output)).status_code == 404


def test_anonymous_visitors_are_sent_to_sign_in(client, project):
    output = add_output(project)
    response = client.get(download_url(output))
    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))


# --- removing --------------------------------------------------------------------------------


def test_removing_asks_first_then_deletes_the_row_and_its_file(
    client, settings, project, lead, django_capture_on_commit_callbacks
):
    output = add_output(project)
    kept = add_output(project, name="andere.pdf", title="Andere")
    client.force_login(lead)
    page = client.get(remove_url(output))
    assert page.status_code == 200
    assert ProjectOutput.objects.count() == 2
    assert len(stored_files(settings)) == 2
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(remove_url(output))
    assert response.url == detail_url(project)
    assert list(ProjectOutput.objects.all()) == [kept]
    assert stored_files(settings) == [kept.file.name.rsplit("/", 1)[1]]


def test_a_project_member_removes_a_link_output(
    client, project, django_capture_on_commit_callbacks
):
    output = services.project_output_add(project=project, title="Artikel", url="https://e.org/a")
    researcher = member(project.network, Role.RESEARCHER)
    ProjectMember.objects.create(project=project, user=researcher, role="phd")
    client.force_login(researcher)
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(remove_url(output)).status_code == 302
    assert ProjectOutput.objects.count() == 0


def test_a_removal_rolled_back_keeps_the_file(project, settings):
    output = add_output(project)
    with transaction.atomic():
        services.project_output_remove(output=output)
        transaction.set_rollback(True)
    assert ProjectOutput.objects.count() == 1
    assert len(stored_files(settings)) == 1


@pytest.mark.parametrize("role", [Role.STUDENT, Role.TEACHER, Role.GUEST])
def test_people_who_cannot_add_outputs_cannot_remove_them(client, project, settings, role):
    output = add_output(project)
    client.force_login(member(project.network, role))
    assert client.get(remove_url(output)).status_code == 403
    assert client.post(remove_url(output)).status_code == 403
    assert ProjectOutput.objects.count() == 1
    assert len(stored_files(settings)) == 1


def test_a_partner_person_sees_but_cannot_remove(client, project):
    output = add_output(project)
    company = OrganisationFactory(kind="company")
    ProjectPartner.objects.create(project=project, organisation=company, kind="company")
    person = member(NetworkFactory())
    person.memberships.update(organisation=company)
    client.force_login(person)
    assert client.post(remove_url(output)).status_code == 403
    assert ProjectOutput.objects.count() == 1
