"""The attachment guard: size, extension and the content's own magic bytes.

Pure functions. An extension is only a claim; the first bytes of the file (and, for the
zip-based office formats, the parts inside the zip) must agree with it.
"""

import zipfile
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

ALLOWED_EXTENSIONS = ("pdf", "pptx", "docx", "odp", "png", "jpg", "jpeg")

CONTENT_TYPES = {
    "pdf": "application/pdf",
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "odp": "application/vnd.oasis.opendocument.presentation",
    "png": "image/png",
    "jpg": "image/jpeg",
    "jpeg": "image/jpeg",
}

ODP_MIMETYPE = b"application/vnd.oasis.opendocument.presentation"


def max_attachment_bytes() -> int:
    return getattr(settings, "CASEWORK_ATTACHMENT_MAX_BYTES", 10 * 1024 * 1024)


@dataclass(frozen=True)
class CheckedFile:
    extension: str
    content_type: str


def extension_of(name: str) -> str:
    return name.rsplit(".", 1)[-1].lower() if "." in name else ""


def _zip_names(fileobj) -> set[str] | None:
    try:
        with zipfile.ZipFile(fileobj) as archive:
            return set(archive.namelist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return None


def content_matches(extension: str, fileobj) -> bool:
    """Do the file's bytes say what its extension says?"""
    fileobj.seek(0)
    head = fileobj.read(64)
    fileobj.seek(0)
    if extension == "pdf":
        return head.startswith(b"%PDF-")
    if extension == "png":
        return head.startswith(b"\x89PNG\r\n\x1a\n")
    if extension in ("jpg", "jpeg"):
        return head.startswith(b"\xff\xd8\xff")
    if extension in ("pptx", "docx", "odp"):
        if not head.startswith(b"PK\x03\x04"):
            return False
        names = _zip_names(fileobj)
        fileobj.seek(0)
        if names is None:
            return False
        if extension == "pptx":
            return "[Content_Types].xml" in names and any(n.startswith("ppt/") for n in names)
        if extension == "docx":
            return "[Content_Types].xml" in names and any(n.startswith("word/") for n in names)
        # An OpenDocument file starts with an uncompressed "mimetype" entry naming its type.
        start = fileobj.read(200)
        fileobj.seek(0)
        return "mimetype" in names and ODP_MIMETYPE in start
    return False


def check_attachment(uploaded) -> CheckedFile:
    """Refuses (ValidationError) a file that is too large, of a kind not allowed, or whose
    content does not match its name. Returns the checked kind."""
    limit = max_attachment_bytes()
    if uploaded.size > limit:
        raise ValidationError(
            _("The file is %(size)s; the limit is %(limit)s.")
            % {"size": filesizeformat(uploaded.size), "limit": filesizeformat(limit)},
            code="too_large",
        )
    extension = extension_of(uploaded.name)
    if extension not in ALLOWED_EXTENSIONS:
        raise ValidationError(
            _("Files of this kind cannot be added. Allowed are: %(allowed)s.")
            % {"allowed": ", ".join(e for e in ALLOWED_EXTENSIONS if e != "jpeg")},
            code="forbidden_type",
        )
    if not content_matches(extension, uploaded):
        raise ValidationError(
            _(
                "The content of this file is not a .%(extension)s file. "
                "Save it again in that format."
            )
            % {"extension": extension},
            code="content_mismatch",
        )
    return CheckedFile(extension, CONTENT_TYPES[extension])
