"""The shared upload guard (lin_platform.uploads): one guard for case attachments and project
outputs, each with its size limit, and one way of handing a stored file out."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.http import Http404
from django.utils import translation

from casework.attachments import check_attachment
from lin_platform.uploads import check_upload, download_response

PDF = b"%PDF-1.7\n" + b"x" * 2039  # 2 KB

GUARDS = {"case attachment": check_attachment, "project output": check_upload}


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


@pytest.mark.parametrize("guard", GUARDS.values(), ids=GUARDS.keys())
@pytest.mark.parametrize(
    ("name", "content", "code", "message"),
    [
        (
            "rapport.xlsx",
            PDF,
            "forbidden_type",
            "Files of this kind cannot be added. Allowed are: pdf, pptx, docx, odp, png, jpg.",
        ),
        (
            "rapport.pdf",
            b"\x89PNG\r\n\x1a\n",
            "content_mismatch",
            "The content of this file is not a .pdf file. Save it again in that format.",
        ),
    ],
)
def test_both_uploads_refuse_the_same_files_with_the_same_words(
    guard, name, content, code, message
):
    with pytest.raises(ValidationError) as caught:
        guard(SimpleUploadedFile(name, content))
    assert (caught.value.code, caught.value.messages) == (code, [message])


def test_upload_max_bytes_limits_every_upload_unless_casework_narrows_it(settings):
    settings.UPLOAD_MAX_BYTES = 1024
    del settings.CASEWORK_ATTACHMENT_MAX_BYTES
    for guard in GUARDS.values():
        with pytest.raises(ValidationError) as caught:
            guard(SimpleUploadedFile("rapport.pdf", PDF))
        assert caught.value.messages == ["The file is 2.0\xa0KB; the limit is 1.0\xa0KB."]

    settings.UPLOAD_MAX_BYTES = 4096
    settings.CASEWORK_ATTACHMENT_MAX_BYTES = 1024
    assert check_upload(SimpleUploadedFile("rapport.pdf", PDF)).content_type == "application/pdf"
    with pytest.raises(ValidationError) as caught:
        check_attachment(SimpleUploadedFile("rapport.pdf", PDF))
    assert caught.value.code == "too_large"


def test_a_file_of_exactly_the_limit_passes(settings):
    settings.UPLOAD_MAX_BYTES = len(PDF)
    assert check_upload(SimpleUploadedFile("rapport.pdf", PDF)).extension == "pdf"


def test_the_download_is_an_attachment_never_sniffed_nor_shared(tmp_path):
    storage = FileSystemStorage(location=tmp_path)
    name = storage.save("x/abc.bin", ContentFile(PDF))
    response = download_response(storage.open(name), filename="Dia's “les”.pptx")
    assert response["Content-Type"] == (
        "application/vnd.openxmlformats-officedocument.presentationml.presentation"
    )
    assert response["Content-Disposition"] == (
        "attachment; filename*=utf-8''Dia%27s%20%E2%80%9Cles%E2%80%9D.pptx"
    )
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Cache-Control"] == "private"
    assert b"".join(response.streaming_content) == PDF


def test_an_unknown_kind_is_handed_out_as_plain_bytes(tmp_path):
    storage = FileSystemStorage(location=tmp_path)
    name = storage.save("x/abc", ContentFile(b"data"))
    response = download_response(storage.open(name), filename="oud-bestand")
    assert response["Content-Type"] == "application/octet-stream"
    assert b"".join(response.streaming_content) == b"data"


def test_a_file_gone_from_storage_is_404():
    from casework.models import CaseAttachment

    attachment = CaseAttachment(file="casework/1/gone.pdf", name="gone.pdf", size=1)
    with pytest.raises(Http404):
        download_response(attachment.file, filename=attachment.name)
