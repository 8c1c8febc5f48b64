"""A project lead adds a document to a theme project's outputs, in Chromium: a file whose
content does not match its name is refused in Dutch, a real PDF is listed and downloads,
and an output added by mistake is removed after a confirmation.

Every page visited is checked by axe (WCAG 2.1 A/AA) through the rig in conftest.py.
"""

from django.urls import reverse
from playwright.sync_api import expect

from casework.demo import demo_pdf
from networks.choices import Role
from networks.models import ProjectMember, ProjectOutput
from tests.browser.conftest import axe_check, login, screenshot
from tests.casework.factories import ThemeProjectFactory
from tests.factories import member

PDF = demo_pdf(["Tussenrapportage PLINT Ondervoeding"])


def test_a_lead_adds_downloads_and_removes_a_document(page, live_server, network, settings):
    project = ThemeProjectFactory(network=network, title="PLINT Ondervoeding")
    lead = member(network, Role.PROFESSIONAL, full_name="Lotte Projectleider")
    ProjectMember.objects.create(project=project, user=lead, role="lead")
    project_url = reverse("networks:project_detail", args=[network.slug, project.pk])

    login(page, live_server, lead)
    page.goto(project_url)
    outputs = page.locator("section[aria-labelledby=outputs-heading]")
    outputs.locator("summary").click()
    outputs.get_by_label("Titel").fill("Tussenrapportage")
    outputs.get_by_label("Document").set_input_files(
        {"name": "tussenrapportage.pdf", "mimeType": "application/pdf", "buffer": b"MZ\x90"}
    )
    outputs.locator("form button[type=submit]").click()
    page.wait_for_load_state()
    axe_check(page)
    expect(
        page.locator("#id_resultaat-file ~ .invalid-feedback, #error_1_id_resultaat-file").first
    ).to_have_text(
        "De inhoud van dit bestand is geen .pdf-bestand. Sla het opnieuw op in dat formaat."
    )
    assert ProjectOutput.objects.count() == 0
    screenshot(page, "project-output-refused")

    outputs.get_by_label("Titel").fill("Tussenrapportage")
    outputs.get_by_label("Document").set_input_files(
        {"name": "tussenrapportage.pdf", "mimeType": "application/pdf", "buffer": PDF}
    )
    outputs.locator("form button[type=submit]").click()
    page.wait_for_url(f"**{project_url}")
    axe_check(page)
    expect(outputs.locator("li")).to_contain_text("Tussenrapportage")
    document = outputs.get_by_role("link", name="tussenrapportage.pdf")
    expect(document).to_be_visible()
    screenshot(page, "project-output-added")

    with page.expect_download() as download:
        document.click()
    assert download.value.suggested_filename == "tussenrapportage.pdf"
    assert open(download.value.path(), "rb").read() == PDF  # noqa: SIM115

    outputs.get_by_role("link", name="Verwijderen “Tussenrapportage”").click()
    page.wait_for_url("**/verwijderen/")
    axe_check(page)
    expect(page.locator("main h1")).to_have_text("Resultaat verwijderen")
    screenshot(page, "project-output-confirm-removal")
    page.get_by_role("button", name="Dit resultaat verwijderen").click()
    page.wait_for_url(f"**{project_url}")
    axe_check(page)
    expect(page.locator(".alert-success")).to_contain_text("is verwijderd")
    expect(outputs).to_contain_text("Nog geen resultaten.")
    assert ProjectOutput.objects.count() == 0
    assert not any((settings.MEDIA_ROOT / "projects").rglob("*.pdf"))
