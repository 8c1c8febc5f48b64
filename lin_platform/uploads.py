"""The upload guard shared by every app that takes files: size, extension, and a content that
is wholly what the extension says; and the one way such a file is handed out again.

Pure functions, no models: casework (case attachments) and networks (project outputs) both
use it, and neither may import the other. An extension is only a claim; the file must agree
with it all through:

- an image decodes, with Pillow, as an image of that format, at most ``MAX_IMAGE_PIXELS``
  large, with nothing after its end (no HTML or zip behind a PNG header);
- a PDF parses (pypdf) and holds no JavaScript or other actions that run on opening or on a
  page event (``/JS``, ``/JavaScript``, ``/AA``, ``/Launch``, an ``/OpenAction`` running
  one) and no embedded files (``/EmbeddedFiles``, ``/EF``); a PDF locked with a password
  cannot be checked and is refused too;
- an office file (docx, pptx, odp: a zip) has the parts of its kind and stays within
  ``ZIP_MAX_ENTRIES`` entries, ``ZIP_MAX_UNPACKED_BYTES`` unpacked and ``ZIP_MAX_RATIO``
  times its packed size, read from the zip's directory without unpacking anything (the
  entry count from its end record alone, before the directory is read).

The size limit is a setting, read at call time: ``UPLOAD_MAX_BYTES`` for every upload,
which an app may narrow with its own setting (``CASEWORK_ATTACHMENT_MAX_BYTES``). The name
a file is handed out under is cleaned by ``safe_filename``.
"""

import re
import struct
import unicodedata
import uuid
import warnings
import zipfile
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404
from django.template.defaultfilters import filesizeformat
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from PIL import Image
from pypdf import PdfReader
from pypdf.errors import DependencyError, FileNotDecryptedError
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject

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

# Office files: an ordinary docx or pptx has tens to a few hundred parts and packs its XML some
# 5 to 20 times; a zip bomb has many thousands, or unpacks a thousand times its size.
ZIP_MAX_ENTRIES = 2000
ZIP_MAX_UNPACKED_BYTES = 100 * 1024 * 1024
ZIP_MAX_RATIO = 100
# Below this many unpacked bytes the ratio does not matter: nothing that small is a bomb.
ZIP_RATIO_FLOOR_BYTES = 1024 * 1024
# An entry of the zip's directory takes 46 bytes plus its name and extra fields; 300 on
# average is generous for an office file.
ZIP_DIRECTORY_BYTES_PER_ENTRY = 300

# Images: 40 million pixels (a 7,300 × 5,500 photo) is more than a slide or handout needs;
# a small file that claims far more pixels is a decompression bomb.
MAX_IMAGE_PIXELS = 40_000_000
IMAGE_FORMATS = {"png": {"PNG"}, "jpg": {"JPEG", "MPO"}, "jpeg": {"JPEG", "MPO"}}
PNG_END = b"\x00\x00\x00\x00IEND\xaeB`\x82"
JPEG_END = b"\xff\xd9"

# PDF dictionary keys that run something or carry files (names as pypdf reads them, with
# #xx escapes resolved). An /OpenAction that is a plain destination (open at page 1) is fine;
# one that runs JavaScript has /JS in its action and is caught by that.
PDF_ACTIVE_KEYS = frozenset({"/JS", "/JavaScript", "/AA"})
PDF_ACTIVE_ACTIONS = frozenset({"/JavaScript", "/Launch"})
PDF_FILE_KEYS = frozenset({"/EmbeddedFiles", "/EF"})

SAFE_NAME_MAX = 80


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
    # The uploaded name, cleaned (``safe_filename``): what the file is handed out under.
    name: str = ""


def extension_of(name: str) -> str:
    return name.rsplit(".", 1)[-1].lower() if "." in name else ""


def content_type_of(name: str) -> str:
    return CONTENT_TYPES.get(extension_of(name), "application/octet-stream")


def safe_filename(name: str) -> str:
    """A short, safe form of an uploaded file's name: ASCII letters, digits, ``_`` and ``-``
    (accents dropped, every other run of characters a ``-``), at most ``SAFE_NAME_MAX``
    characters, the extension kept in lower case. "Dia's “les” (v2).PPTX" becomes
    "Dia-s-les-v2.pptx"; a name with nothing left becomes "document"."""
    name = name.replace("\\", "/").rsplit("/", 1)[-1]
    stem, dot, extension = name.rpartition(".")
    if not dot:
        stem, extension = extension, ""
    extension = re.sub(r"[^a-z0-9]", "", extension.lower())[:10]
    ascii_stem = unicodedata.normalize("NFKD", stem).encode("ascii", "ignore").decode()
    stem = re.sub(r"[^A-Za-z0-9_]+", "-", ascii_stem).strip("-_") or "document"
    room = SAFE_NAME_MAX - (len(extension) + 1 if extension else 0)
    stem = stem[:room].rstrip("-_") or "document"
    return f"{stem}.{extension}" if extension else stem


def stored_path(folder: str, filename: str) -> str:
    """Where an upload is stored: ``folder``, a random name and the cleaned extension
    (``safe_filename``'s), e.g. "casework/12/3f2a…9c.pdf". The uploaded name is never part
    of the stored one: it may hold identifying data, path parts or odd characters, and a
    random name cannot be guessed or collide."""
    cleaned = safe_filename(unicodedata.normalize("NFKC", filename))
    extension = cleaned.rpartition(".")[2] if "." in cleaned else ""
    name = uuid.uuid4().hex
    return f"{folder}/{name}.{extension}" if extension else f"{folder}/{name}"


class _Refused(Exception):
    """The content check's finding: an error code and the message's parameters."""

    def __init__(self, code: str, **params):
        super().__init__(code)
        self.code = code
        self.params = params


def _messages():
    # Built at call time, so each refusal is in the language of the person who uploads.
    return {
        "content_mismatch": _(
            "The content of this file is not a .%(extension)s file. Save it again in that format."
        ),
        "image_too_large": _(
            "The image has more than %(limit)s million pixels. Save it smaller and add it again."
        ),
        "pdf_encrypted": _(
            "This PDF is locked with a password, so its content cannot be checked. "
            "Save it without a password."
        ),
        "pdf_active_content": _(
            "This PDF contains JavaScript or actions that run when it is opened. "
            "Save it again without them, for instance by printing it to a new PDF."
        ),
        "pdf_embedded_files": _(
            "This PDF contains embedded files. Save it again without them, "
            "and add those files separately if they are needed."
        ),
        "zip_too_many_entries": _(
            "This .%(extension)s file holds %(count)s parts; an ordinary one holds at most "
            "%(limit)s. It cannot be added."
        ),
        "zip_too_large_unpacked": _(
            "Unpacked, this .%(extension)s file would take %(size)s; at most %(limit)s is "
            "allowed. It cannot be added."
        ),
        "zip_ratio": _(
            "This .%(extension)s file would unpack to %(ratio)s times its own size; at most "
            "%(limit)s times is allowed. It looks like a zip bomb, not a document."
        ),
    }


def _read_all(fileobj) -> bytes:
    fileobj.seek(0)
    data = fileobj.read()
    fileobj.seek(0)
    return data


# --- images ----------------------------------------------------------------------------------


def _check_image(extension: str, fileobj) -> None:
    data = _read_all(fileobj)
    # Nothing may follow the image's end marker (a JPEG may be padded with zero bytes).
    if extension == "png":
        ends_well = data.endswith(PNG_END)
    else:
        ends_well = data.rstrip(b"\x00").endswith(JPEG_END)
    if not ends_well:
        raise _Refused("content_mismatch")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(fileobj) as image:
                if image.format not in IMAGE_FORMATS[extension]:
                    raise _Refused("content_mismatch")
                width, height = image.size
                if width * height > MAX_IMAGE_PIXELS:
                    raise _Refused("image_too_large", limit=MAX_IMAGE_PIXELS // 1_000_000)
                image.verify()
            fileobj.seek(0)
            # verify() checks the structure (for a PNG every chunk's checksum); decoding the
            # pixels checks the rest. A JPEG is decoded at an eighth of its size: all of its
            # data is read, a fraction of the memory is used.
            with Image.open(fileobj) as image:
                if image.format == "JPEG":
                    image.draft(image.mode, (max(1, width // 8), max(1, height // 8)))
                image.load()
    except _Refused:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise _Refused("image_too_large", limit=MAX_IMAGE_PIXELS // 1_000_000) from exc
    except Exception as exc:  # Pillow raises many kinds for a damaged or foreign file.
        raise _Refused("content_mismatch") from exc
    finally:
        fileobj.seek(0)


# --- PDF -------------------------------------------------------------------------------------


def _pdf_findings(reader: PdfReader) -> str | None:
    """Walk every object reachable from the trailer (dictionaries, arrays, references; stream
    data is not decoded) and name the first thing that is not allowed."""
    seen: set[tuple[int, int]] = set()
    stack = [reader.trailer]
    while stack:
        item = stack.pop()
        if isinstance(item, IndirectObject):
            key = (item.idnum, item.generation)
            if key in seen:
                continue
            seen.add(key)
            stack.append(item.get_object())
        elif isinstance(item, DictionaryObject):
            keys = set(item.keys())
            if keys & PDF_FILE_KEYS:
                return "pdf_embedded_files"
            if keys & PDF_ACTIVE_KEYS or item.get("/S") in PDF_ACTIVE_ACTIONS:
                return "pdf_active_content"
            stack.extend(item.values())
        elif isinstance(item, ArrayObject):
            stack.extend(item)
    return None


def _check_pdf(fileobj) -> None:
    fileobj.seek(0)
    try:
        reader = PdfReader(fileobj)
        if reader.is_encrypted and not reader.decrypt(""):
            raise _Refused("pdf_encrypted")
        finding = _pdf_findings(reader)
        if not reader.pages:
            raise _Refused("content_mismatch")
    except _Refused:
        raise
    except (DependencyError, FileNotDecryptedError) as exc:
        # AES needs the "cryptography" package: without it, a locked file cannot be read.
        raise _Refused("pdf_encrypted") from exc
    except Exception as exc:  # pypdf raises many kinds for a damaged or foreign file.
        raise _Refused("content_mismatch") from exc
    finally:
        fileobj.seek(0)
    if finding:
        raise _Refused(finding)


# --- office files (zip) ----------------------------------------------------------------------

_EOCD = b"PK\x05\x06"
_ZIP64_LOCATOR = b"PK\x06\x07"
_ZIP64_EOCD = b"PK\x06\x06"


def _zip_end_record(fileobj, size: int) -> tuple[int, int] | None:
    """The number of entries and the size of the central directory that the zip's end record
    announces, read from its last bytes alone (the zip64 record when there are more than
    65,534 entries), or None when there is no end record."""
    tail_size = min(size, 22 + 65535)
    fileobj.seek(size - tail_size)
    tail = fileobj.read(tail_size)
    at = tail.rfind(_EOCD)
    if at < 0 or len(tail) - at < 22:
        return None
    count, directory_size = struct.unpack("<HL", tail[at + 10 : at + 16])
    locator = tail[at - 20 : at] if at >= 20 else b""
    if count == 0xFFFF or locator.startswith(_ZIP64_LOCATOR):
        if not locator.startswith(_ZIP64_LOCATOR):
            return None
        offset = struct.unpack("<Q", locator[8:16])[0]
        if offset + 56 > size:
            return None
        fileobj.seek(offset)
        record = fileobj.read(56)
        if not record.startswith(_ZIP64_EOCD):
            return None
        count, directory_size = struct.unpack("<QQ", record[32:48])
    return count, directory_size


def _check_office(extension: str, fileobj, size: int) -> None:
    fileobj.seek(0)
    try:
        if not fileobj.read(4).startswith(b"PK\x03\x04"):
            raise _Refused("content_mismatch")
        end = _zip_end_record(fileobj, size)
        if end is None:
            raise _Refused("content_mismatch")
        count, directory_size = end
        if count > ZIP_MAX_ENTRIES:
            raise _Refused(
                "zip_too_many_entries", extension=extension, count=count, limit=ZIP_MAX_ENTRIES
            )
        # A directory far larger than its announced entries need hides more of them: refuse it
        # before reading it.
        if directory_size > ZIP_MAX_ENTRIES * ZIP_DIRECTORY_BYTES_PER_ENTRY:
            raise _Refused("content_mismatch")
        fileobj.seek(0)
        try:
            with zipfile.ZipFile(fileobj) as archive:
                entries = archive.infolist()
        except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
            raise _Refused("content_mismatch") from exc
        if len(entries) > ZIP_MAX_ENTRIES:
            raise _Refused(
                "zip_too_many_entries",
                extension=extension,
                count=len(entries),
                limit=ZIP_MAX_ENTRIES,
            )
        names = {entry.filename for entry in entries}
        if not _has_parts_of(extension, names, fileobj):
            raise _Refused("content_mismatch")
        unpacked = sum(entry.file_size for entry in entries)
        packed = sum(entry.compress_size for entry in entries)
        if packed > size:  # entries that share their data: the "overlapping" zip bomb
            raise _Refused("content_mismatch")
        if unpacked > ZIP_MAX_UNPACKED_BYTES:
            raise _Refused(
                "zip_too_large_unpacked",
                extension=extension,
                size=filesizeformat(unpacked),
                limit=filesizeformat(ZIP_MAX_UNPACKED_BYTES),
            )
        if unpacked > ZIP_RATIO_FLOOR_BYTES and unpacked > ZIP_MAX_RATIO * max(packed, 1):
            raise _Refused(
                "zip_ratio",
                extension=extension,
                ratio=unpacked // max(packed, 1),
                limit=ZIP_MAX_RATIO,
            )
    finally:
        fileobj.seek(0)


def _has_parts_of(extension: str, names: set[str], fileobj) -> bool:
    if extension == "pptx":
        return "[Content_Types].xml" in names and any(n.startswith("ppt/") for n in names)
    if extension == "docx":
        return "[Content_Types].xml" in names and any(n.startswith("word/") for n in names)
    # An OpenDocument file starts with an uncompressed "mimetype" entry naming its type.
    fileobj.seek(0)
    start = fileobj.read(200)
    return "mimetype" in names and ODP_MIMETYPE in start


# --- the guard -------------------------------------------------------------------------------

_MAGIC = {
    "pdf": b"%PDF-",
    "png": b"\x89PNG\r\n\x1a\n",
    "jpg": b"\xff\xd8\xff",
    "jpeg": b"\xff\xd8\xff",
    "pptx": b"PK\x03\x04",
    "docx": b"PK\x03\x04",
    "odp": b"PK\x03\x04",
}


def _check_content(extension: str, fileobj, size: int) -> None:
    """Raise _Refused unless the file is wholly what its extension says."""
    fileobj.seek(0)
    head = fileobj.read(16)
    fileobj.seek(0)
    if not head.startswith(_MAGIC[extension]):
        raise _Refused("content_mismatch")
    if extension == "pdf":
        _check_pdf(fileobj)
    elif extension in IMAGE_FORMATS:
        _check_image(extension, fileobj)
    else:
        _check_office(extension, fileobj, size)


def content_matches(extension: str, fileobj) -> bool:
    """Is the file wholly what its extension says (and within the limits of its kind)?"""
    fileobj.seek(0, 2)
    size = fileobj.tell()
    try:
        _check_content(extension, fileobj, size)
    except _Refused:
        return False
    return True


def check_upload(uploaded, *, max_bytes: int | None = None) -> CheckedFile:
    """Refuses (ValidationError) a file that is too large, of a kind not allowed, or whose
    content is not wholly what its name says. Returns the checked kind and the cleaned name
    (``safe_filename``) under which it is handed out.

    ``max_bytes`` defaults to ``UPLOAD_MAX_BYTES``. The error codes are ``too_large``,
    ``forbidden_type``, ``content_mismatch`` (the content is not of that kind, or damaged),
    ``image_too_large``, ``pdf_encrypted``, ``pdf_active_content``, ``pdf_embedded_files``,
    ``zip_too_many_entries``, ``zip_too_large_unpacked`` and ``zip_ratio``. Nothing is
    stored: the caller stores the file only when this returns.
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
    try:
        _check_content(extension, uploaded, uploaded.size)
    except _Refused as refused:
        params = {"extension": extension, **refused.params}
        raise ValidationError(_messages()[refused.code] % params, code=refused.code) from None
    return CheckedFile(extension, CONTENT_TYPES[extension], safe_filename(uploaded.name))


def download_response(stored_file, *, filename: str) -> FileResponse:
    """Hand out a stored upload after the caller checked who asks: always as a download
    (never shown inline, so an uploaded file cannot run as a page of ours), with the type
    its name says, no sniffing by the browser, and kept out of shared caches.

    The name shown is ``filename`` cleaned (``safe_filename``), also for files stored before
    names were cleaned. Raises 404 when the file is gone from storage.
    """
    try:
        handle = stored_file.open("rb")
    except FileNotFoundError as exc:
        raise Http404 from exc
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=safe_filename(filename),
        content_type=content_type_of(filename),
    )
    response["X-Content-Type-Options"] = "nosniff"
    patch_cache_control(response, private=True)
    return response
