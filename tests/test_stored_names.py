"""Uploaded files are stored under a short, safe, random name: the uploaded name (which may
hold identifying data, path parts or odd characters) never reaches the storage."""

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from casework.models import CaseAttachment, attachment_path
from casework.services import case_attachment_add
from networks.models import ProjectOutput, project_output_path
from tests.casework.factories import CaseFactory
from tests.test_uploads import pdf_bytes

STORED = re.compile(r"[0-9a-f]{32}(\.[a-z0-9]{1,10})?")


@pytest.mark.parametrize(
    ("uploaded", "extension"),
    [
        ("Dia's “les” (v2).PPTX", ".pptx"),
        ("../../etc/passwd", ""),
        ("C:\\Users\\jan\\Verslag mevrouw Jansen.PDF", ".pdf"),
        ("x.p hp;.pdf ", ".pdf"),
        ("scan.jpeg\u202egnp.exe", ".exe"),
        ("name." + "a" * 300, ".aaaaaaaaaa"),
        ("ﾌｧｲﾙ.ＤＯＣＸ", ".docx"),
    ],
)
def test_the_stored_name_is_random_with_a_clean_extension(uploaded, extension):
    for path, folder in (
        (attachment_path(CaseAttachment(case_id=7), uploaded), "casework/7/"),
        (project_output_path(ProjectOutput(project_id=3), uploaded), "projects/3/"),
    ):
        assert path.startswith(folder)
        name = path.removeprefix(folder)
        assert STORED.fullmatch(name), path
        assert name[32:] == extension
        assert len(path) <= len(folder) + 43


def test_two_uploads_of_the_same_name_do_not_collide():
    attachment = CaseAttachment(case_id=1)
    assert attachment_path(attachment, "a.pdf") != attachment_path(attachment, "a.pdf")


def test_an_attachment_is_stored_under_its_safe_name_and_shown_under_its_own(db, network):
    case = CaseFactory(network=network)
    upload = SimpleUploadedFile("Overdracht (def) – wijk Oost.PDF", pdf_bytes(), "application/pdf")
    attachment = case_attachment_add(case=case, uploaded_by=case.student, file=upload)
    folder = f"casework/{case.pk}/"
    assert attachment.file.name.startswith(folder)
    assert STORED.fullmatch(attachment.file.name.removeprefix(folder))
    assert attachment.file.name.endswith(".pdf")
    assert attachment.name == "Overdracht (def) – wijk Oost.PDF"
