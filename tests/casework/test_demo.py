"""The casework demo data: built on the networks present, idempotent, privacy-clean."""

import io

import pytest

from casework.demo import seed_casework
from casework.models import Case, Lesson
from lin_platform.privacy import find_identifying_data
from networks.choices import Role
from networks.models import Milestone, PdsaEntry, ProjectPartner, ThemeProject
from tests.factories import NetworkFactory, member

pytestmark = pytest.mark.django_db


@pytest.fixture
def hofstede():
    network = NetworkFactory(name="LIN Hofstede", slug="hofstede")
    for role in (Role.COORDINATOR, Role.STUDENT, Role.PROFESSIONAL, Role.RESEARCHER):
        member(network, role)
    member(network, Role.TEACHER, full_name="Mbo Docent")
    member(network, Role.TEACHER, full_name="Hbo Docent")
    return network


def test_seed_builds_cases_lessons_and_the_plint_project_once(hofstede):
    out = io.StringIO()
    assert seed_casework(stdout=out) == {"cases": 2, "lessons": 2, "projects": 1}
    assert out.getvalue() == "Casework: 2 cases, 2 lessons, 1 theme projects created."
    assert seed_casework() == {"cases": 0, "lessons": 0, "projects": 0}
    assert Case.objects.filter(network=hofstede).count() == 2
    assert sorted(Lesson.objects.values_list("level", flat=True)) == ["hbo", "mbo"]
    project = ThemeProject.objects.get()
    assert (project.title, project.theme.slug) == ("PLINT Ondervoeding", "ondervoeding")
    assert (project.ends_on - project.starts_on).days == 730
    assert Milestone.objects.count() == 6
    assert PdsaEntry.objects.count() == 2
    assert ProjectPartner.objects.filter(kind="research").count() == 1
    assert project.meetings.count() == 2
    # A presented case was presented in a past meeting; a ready one is on a coming one.
    for case in Case.objects.select_related("meeting"):
        past = case.meeting.starts_at < project.meetings.order_by("-starts_at")[0].starts_at
        assert (case.status, past) in {("presented", True), ("ready", False)}


def test_seed_scales_cases_and_skips_networks_without_a_pair(hofstede):
    NetworkFactory(slug="leeg")
    assert seed_casework(scale=3)["cases"] == 6


def test_demo_case_texts_pass_the_privacy_guard(hofstede):
    seed_casework()
    for case in Case.objects.all():
        for text in (case.situation, case.questions_care, case.questions_social, case.outcome):
            assert find_identifying_data(text) == []


def test_the_plint_project_has_a_document_output_beside_its_links(hofstede, settings):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from lin_platform.uploads import check_upload
    from networks.models import ProjectOutput

    seed_casework()
    seed_casework()
    outputs = ProjectOutput.objects.order_by("published_on")
    assert [(o.title, bool(o.url), bool(o.file)) for o in outputs] == [
        ("Factsheet nulmeting ondervoeding", True, False),
        ("Werkkaart eiwitverrijking", True, False),
        ("Tussenrapportage eerste projectjaar", False, True),
    ]
    report = outputs.last()
    with report.file.open("rb") as handle:
        content = handle.read()
    assert (report.file_name, report.file_size) == (
        "tussenrapportage-plint-jaar-1.pdf",
        len(content),
    )
    assert check_upload(SimpleUploadedFile(report.file_name, content)).content_type == (
        "application/pdf"
    )
    assert content.rstrip().endswith(b"%%EOF")
    assert len(list((settings.MEDIA_ROOT / "projects").rglob("*.pdf"))) == 1


def test_a_project_seeded_before_documents_gets_its_report(hofstede):
    from networks.models import ProjectOutput

    seed_casework()
    ProjectOutput.objects.exclude(file="").delete()
    seed_casework()
    assert ProjectOutput.objects.exclude(file="").count() == 1


def test_the_coordinator_shares_a_demo_case_with_an_expert_by_experience_once(hofstede):
    from casework.models import CaseShare
    from sessions.reminders.models import Delivery

    expert = member(hofstede, Role.EXPERT_BY_EXPERIENCE, full_name="Wim Schouten")
    seed_casework()
    seed_casework()
    [share] = CaseShare.objects.select_related("shared_by")
    assert share.person == expert
    assert share.shared_by.memberships.get().role == Role.COORDINATOR
    assert list(Delivery.objects.values_list("kind", "recipient")) == [("case_shared", expert.pk)]


def test_the_demo_texts_of_every_guarded_field_pass_the_guard(hofstede):
    """Demo data is written through services, not forms: it must pass the guard too."""
    from django.apps import apps

    from lin_platform import privacy

    member(hofstede, Role.EXPERT_BY_EXPERIENCE)
    seed_casework()
    for label, field in privacy.guarded_fields():
        model = apps.get_model(label)
        for value in model.objects.values_list(field, flat=True):
            for text in privacy.texts_in(value):
                assert privacy.find_identifying_data(text) == [], (label, field, text)
