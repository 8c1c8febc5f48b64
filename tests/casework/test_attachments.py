"""The attachment guard: size, type, and the content's magic bytes."""

import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from casework.attachments import check_attachment
from tests.test_uploads import pdf_bytes, png_bytes


def zip_bytes(entries: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in entries.items():
            archive.writestr(name, data, compress_type=zipfile.ZIP_STORED)
    return buffer.getvalue()


PPTX = zip_bytes({"[Content_Types].xml": b"<Types/>", "ppt/presentation.xml": b"<p/>"})
DOCX = zip_bytes({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<w/>"})
ODP = zip_bytes(
    {"mimetype": b"application/vnd.oasis.opendocument.presentation", "content.xml": b"<x/>"}
)
# Real files: the upload guard decodes images and parses PDFs.
PNG = png_bytes()
JPG = png_bytes(fmt="JPEG")
PDF = pdf_bytes()


@pytest.mark.parametrize(
    ("name", "content", "content_type"),
    [
        ("dia.pdf", PDF, "application/pdf"),
        (
            "Dia.PPTX",
            PPTX,
            "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        ),
        (
            "hand-out.docx",
            DOCX,
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ),
        ("dia.odp", ODP, "application/vnd.oasis.opendocument.presentation"),
        ("schema.png", PNG, "image/png"),
        ("foto.jpg", JPG, "image/jpeg"),
        ("foto.jpeg", JPG, "image/jpeg"),
    ],
)
def test_allowed_files_pass(name, content, content_type):
    assert check_attachment(SimpleUploadedFile(name, content)).content_type == content_type


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("dia.pdf", PNG),  # a png renamed to pdf
        ("dia.pptx", DOCX),  # a Word file renamed to pptx
        ("dia.docx", PPTX),
        ("dia.odp", PPTX),
        ("foto.jpg", PDF),
        ("schema.png", b"<svg></svg>"),
        ("dia.pptx", b"PK\x03\x04 not really a zip"),
    ],
)
def test_content_that_does_not_match_the_extension_is_refused(name, content):
    with pytest.raises(ValidationError) as caught:
        check_attachment(SimpleUploadedFile(name, content))
    assert caught.value.code == "content_mismatch"


@pytest.mark.parametrize("name", ["script.exe", "dia.svg", "data.xlsx", "geen-extensie", "a.html"])
def test_forbidden_types_are_refused(name):
    with pytest.raises(ValidationError) as caught:
        check_attachment(SimpleUploadedFile(name, PDF))
    assert caught.value.code == "forbidden_type"
    assert caught.value.messages == [
        "Files of this kind cannot be added. Allowed are: pdf, pptx, docx, odp, png, jpg."
    ]


def test_too_large_is_refused_with_size_and_limit(settings):
    settings.CASEWORK_ATTACHMENT_MAX_BYTES = 1024
    with pytest.raises(ValidationError) as caught:
        check_attachment(SimpleUploadedFile("dia.pdf", PDF + b"x" * (2048 - len(PDF))))
    assert caught.value.code == "too_large"
    assert caught.value.messages == ["The file is 2.0\xa0KB; the limit is 1.0\xa0KB."]
