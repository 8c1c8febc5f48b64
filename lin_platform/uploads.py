"""The upload guard shared by every app that takes files: size, extension, and the content's
own magic bytes; and the one way such a file is handed out again.

Pure functions, no models: casework (case attachments) and networks (project outputs) both
use it, and neither may import the other. An extension is only a claim; the first bytes of
the file (and, for the zip-based office formats, the parts inside the zip) must agree with
it. The size limit is a setting, read at call time: ``UPLOAD_MAX_BYTES`` for every upload,
which an app may narrow with its own setting (``CASEWORK_ATTACHMENT_MAX_BYTES``).
"""

import zipfile
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404
from django.template.defaultfilters import filesizeformat
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _

DEFAULT_MAX_BYTES = 10 * 1024 * 1024

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


def max_upload_bytes() -> int:
    return getattr(settings, "UPLOAD_MAX_BYTES", DEFAULT_MAX_BYTES)


def allowed_extensions_label() -> str:
    """The allowed kinds as a person reads them: "jpeg" is the same kind as "jpg"."""
    return ", ".join(e for e in ALLOWED_EXTENSIONS if e != "jpeg")


def accept_attribute() -> str:
    """For ``<input type="file" accept=…>``: the browser's file picker offers these first."""
    return ",".join(f".{e}" for e in ALLOWED_EXTENSIONS)


@dataclass(frozen=True)
class CheckedFile:
    extension: str
    content_type: str


def extension_of(name: str) -> str:
    return name.rsplit(".", 1)[-1].lower() if "." in name else ""


def content_type_of(name: str) -> str:
    return CONTENT_TYPES.get(extension_of(name), "application/octet-stream")


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


def check_upload(uploaded, *, max_bytes: int | None = None) -> CheckedFile:
    """Refuses (ValidationError) a file that is too large, of a kind not allowed, or whose
    content does not match its name. Returns the checked kind.

    ``max_bytes`` defaults to ``UPLOAD_MAX_BYTES``. The error codes are ``too_large``,
    ``forbidden_type`` and ``content_mismatch``.
    """
    limit = max_upload_bytes() if max_bytes is None else max_bytes
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
            % {"allowed": allowed_extensions_label()},
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


def download_response(stored_file, *, filename: str) -> FileResponse:
    """Hand out a stored upload after the caller checked who asks: always as a download
    (never shown inline, so an uploaded file cannot run as a page of ours), with the type
    its name says, no sniffing by the browser, and kept out of shared caches.

    Raises 404 when the file is gone from storage.
    """
    try:
        handle = stored_file.open("rb")
    except FileNotFoundError as exc:
        raise Http404 from exc
    response = FileResponse(
        handle, as_attachment=True, filename=filename, content_type=content_type_of(filename)
    )
    response["X-Content-Type-Options"] = "nosniff"
    patch_cache_control(response, private=True)
    return response
