"""The shared upload guard (lin_platform.uploads): one guard for case attachments and project
outputs, each with its size limit, a content that is wholly what its extension says, and one
way of handing a stored file out under a cleaned name.

The hostile files are built here: a PNG header followed by HTML, a PDF with JavaScript or an
embedded file, a zip bomb from one highly compressible part, a zip of 95,000 entries."""

import io
import struct
import time
import zipfile
import zlib

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.http import Http404
from django.utils import translation
from PIL import Image
from pypdf import PdfWriter
from pypdf.generic import (
    ArrayObject,
    DictionaryObject,
    NameObject,
    TextStringObject,
)

from casework.attachments import check_attachment
from lin_platform.uploads import (
    ZIP_MAX_ENTRIES,
    check_upload,
    download_response,
    safe_filename,
)

# --- building files ------------------------------------------------------------------------


def png_bytes(size=(24, 16), fmt="PNG", mode="RGB") -> bytes:
    buffer = io.BytesIO()
    Image.new(mode, size, (200, 40, 40)).save(buffer, fmt)
    return buffer.getvalue()


def pdf_bytes(change=None, *, subject: str = "", password: str | None = None) -> bytes:
    """A one-page PDF made with pypdf; ``change(writer)`` adds to it before writing."""
    writer = PdfWriter()
    writer.add_blank_page(width=200, height=200)
    if subject:
        writer.add_metadata({"/Subject": subject})
    if change:
        change(writer)
    if password is not None:
        writer.encrypt(user_password=password, owner_password="eigenaar", algorithm="RC4-128")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def zip_bytes(entries: dict[str, bytes], compression=zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return buffer.getvalue()


DOCX_PARTS = {"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<w:document/>"}
PNG = png_bytes()
JPG = png_bytes(fmt="JPEG")
PDF = pdf_bytes()
DOCX = zip_bytes(DOCX_PARTS)
PPTX = zip_bytes({"[Content_Types].xml": b"<Types/>", "ppt/presentation.xml": b"<p:pres/>"})
ODP = zip_bytes(
    {"mimetype": b"application/vnd.oasis.opendocument.presentation", "content.xml": b"<x/>"},
    compression=zipfile.ZIP_STORED,
)


def pdf_of_size(size: int) -> bytes:
    """A real PDF of exactly ``size`` bytes: its subject fills it up."""
    length = size - len(pdf_bytes(subject="x"))
    data = pdf_bytes(subject="x" * length)
    data = pdf_bytes(subject="x" * (length - (len(data) - size)))
    assert len(data) == size
    return data


PDF_2KB = pdf_of_size(2048)


def many_entries_zip(count: int) -> bytes:
    """A docx-like zip of ``count`` empty stored entries, written by hand (zipfile takes
    seconds for 95,000 entries); zip64 end records when there are more than 65,535."""
    names = [b"[Content_Types].xml", b"word/document.xml"] + [b"%x" % i for i in range(count - 2)]
    local, central, offset = [], [], 0
    crc = zlib.crc32(b"")
    for name in names:
        header = struct.pack("<4s5H3L2H", b"PK\x03\x04", 20, 0, 0, 0, 0, crc, 0, 0, len(name), 0)
        local.append(header + name)
        central.append(
            struct.pack(
                "<4s6H3L5H2L",
                b"PK\x01\x02",
                20,
                20,
                0,
                0,
                0,
                0,
                crc,
                0,
                0,
                len(name),
                0,
                0,
                0,
                0,
                0,
                offset,
            )
            + name
        )
        offset += len(header) + len(name)
    directory = b"".join(central)
    end = b""
    if count > 0xFFFF:
        zip64_at = offset + len(directory)
        end += struct.pack(
            "<4sQ2H2L4Q", b"PK\x06\x06", 44, 45, 45, 0, 0, count, count, len(directory), offset
        )
        end += struct.pack("<4sLQL", b"PK\x06\x07", 0, zip64_at, 1)
    shown = min(count, 0xFFFF)
    end += struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, shown, shown, len(directory), offset, 0)
    return b"".join(local) + directory + end


def refusal(name, content, guard=check_upload):
    with pytest.raises(ValidationError) as caught:
        guard(SimpleUploadedFile(name, content))
    return caught.value


GUARDS = {"case attachment": check_attachment, "project output": check_upload}


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


# --- the same guard for both uploads -------------------------------------------------------


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
        (
            "schema.png",
            b"\x89PNG\r\n\x1a\n<html><script>alert(document.cookie)</script></html>",
            "content_mismatch",
            "The content of this file is not a .png file. Save it again in that format.",
        ),
    ],
)
def test_both_uploads_refuse_the_same_files_with_the_same_words(
    guard, name, content, code, message
):
    refused = refusal(name, content, guard)
    assert (refused.code, refused.messages) == (code, [message])


def test_upload_max_bytes_limits_every_upload_unless_casework_narrows_it(settings):
    settings.UPLOAD_MAX_BYTES = 1024
    del settings.CASEWORK_ATTACHMENT_MAX_BYTES
    for guard in GUARDS.values():
        refused = refusal("rapport.pdf", PDF_2KB, guard)
        assert refused.messages == ["The file is 2.0\xa0KB; the limit is 1.0\xa0KB."]

    settings.UPLOAD_MAX_BYTES = 4096
    settings.CASEWORK_ATTACHMENT_MAX_BYTES = 1024
    assert check_upload(SimpleUploadedFile("rapport.pdf", PDF_2KB)).content_type == (
        "application/pdf"
    )
    assert refusal("rapport.pdf", PDF_2KB, check_attachment).code == "too_large"


def test_a_file_of_exactly_the_limit_passes(settings):
    settings.UPLOAD_MAX_BYTES = len(PDF_2KB)
    assert check_upload(SimpleUploadedFile("rapport.pdf", PDF_2KB)).extension == "pdf"


# --- ordinary files pass ---------------------------------------------------------------------


@pytest.mark.parametrize("guard", GUARDS.values(), ids=GUARDS.keys())
@pytest.mark.parametrize(
    ("name", "content", "content_type"),
    [
        ("schema.png", PNG, "image/png"),
        ("schema.png", png_bytes(mode="RGBA"), "image/png"),
        ("foto.jpg", JPG, "image/jpeg"),
        ("Foto.JPEG", png_bytes((640, 480), fmt="JPEG"), "image/jpeg"),
        ("rapport.pdf", PDF, "application/pdf"),
        ("rapport.pdf", PDF_2KB, "application/pdf"),
        (
            "verslag.docx",
            DOCX,
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ),
        (
            "dia.pptx",
            PPTX,
            "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        ),
        ("dia.odp", ODP, "application/vnd.oasis.opendocument.presentation"),
    ],
)
def test_ordinary_files_pass(guard, name, content, content_type):
    assert guard(SimpleUploadedFile(name, content)).content_type == content_type


def test_a_pdf_that_opens_at_its_first_page_passes():
    def open_at_first_page(writer):
        writer._root_object[NameObject("/OpenAction")] = ArrayObject(
            [writer.pages[0].indirect_reference, NameObject("/Fit")]
        )

    assert check_upload(SimpleUploadedFile("a.pdf", pdf_bytes(open_at_first_page)))


def test_a_pdf_protected_only_against_editing_passes():
    """No password to open it (the owner's password only limits editing): readable, checked."""
    assert check_upload(SimpleUploadedFile("a.pdf", pdf_bytes(password=""))).extension == "pdf"


def test_an_office_file_of_ordinary_size_and_many_parts_passes():
    parts = {**DOCX_PARTS, **{f"word/media/image{i}.png": PNG for i in range(ZIP_MAX_ENTRIES - 2)}}
    parts["word/styles.xml"] = b"<w:styles>" + b"<w:style/>" * 20_000 + b"</w:styles>"
    del parts["word/media/image0.png"]
    assert check_upload(SimpleUploadedFile("verslag.docx", zip_bytes(parts))).extension == "docx"


# --- images: wholly the image their extension says -------------------------------------------


def _png_claiming(width: int, height: int) -> bytes:
    """A small PNG whose header claims ``width`` × ``height`` pixels (a decompression bomb's
    first bytes)."""
    data = bytearray(png_bytes((1, 1)))
    ihdr = struct.pack(">2L", width, height) + bytes(data[24:29])
    data[16:29] = ihdr
    data[29:33] = struct.pack(">L", zlib.crc32(b"IHDR" + ihdr))
    return bytes(data)


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("schema.png", b"\x89PNG\r\n\x1a\n<html><script>alert(1)</script></html>"),
        ("schema.png", PNG + b"<html><script>alert(1)</script></html>"),  # after IEND
        ("schema.png", PNG + DOCX),  # a PNG and a zip in one
        ("schema.png", PNG[:-30] + PNG[-12:]),  # cut in the middle of its pixel data
        ("schema.png", PNG[:40] + bytes([PNG[40] ^ 0xFF]) + PNG[41:]),  # checksum fails
        ("foto.jpg", b"\xff\xd8\xff\xe0<html><script>alert(1)</script></html>\xff\xd9"),
        ("foto.jpg", JPG + b"<html></html>"),
        ("foto.jpg", JPG[: len(JPG) // 2] + b"\xff\xd9"),  # half a photo
        ("foto.jpg", b"\xff\xd8\xff" + PNG + b"\xff\xd9"),
        ("schema.png", JPG),
    ],
    ids=[
        "png-header-then-html",
        "png-then-html",
        "png-then-zip",
        "png-cut",
        "png-bad-checksum",
        "jpeg-header-then-html",
        "jpeg-then-html",
        "jpeg-cut",
        "png-behind-jpeg-header",
        "jpeg-named-png",
    ],
)
def test_an_image_that_is_not_wholly_its_format_is_refused(name, content):
    refused = refusal(name, content)
    extension = name.rsplit(".", 1)[1]
    assert (refused.code, refused.messages) == (
        "content_mismatch",
        [f"The content of this file is not a .{extension} file. Save it again in that format."],
    )


@pytest.mark.parametrize(("width", "height"), [(8000, 6000), (20000, 20000)])
def test_an_image_of_too_many_pixels_is_refused_before_it_is_decoded(width, height):
    refused = refusal("schema.png", _png_claiming(width, height))
    assert (refused.code, refused.messages) == (
        "image_too_large",
        ["The image has more than 40 million pixels. Save it smaller and add it again."],
    )


# --- PDF: parses, runs nothing, carries no files -------------------------------------------


def _open_action(action: dict):
    def change(writer):
        writer._root_object[NameObject("/OpenAction")] = DictionaryObject(
            {NameObject(k): v for k, v in action.items()}
        )

    return change


def _page_actions(writer):
    writer.pages[0][NameObject("/AA")] = DictionaryObject(
        {
            NameObject("/O"): DictionaryObject(
                {NameObject("/S"): NameObject("/URI"), NameObject("/URI"): TextStringObject("x")}
            )
        }
    )


def _javascript_name_tree(writer):
    # Placeholder names, of the length of the escaped names the test puts in their place.
    script = writer._add_object(
        DictionaryObject({NameObject("/Jqqq"): TextStringObject("app.alert(1)")})
    )
    names = DictionaryObject({NameObject("/Names"): ArrayObject([TextStringObject("a"), script])})
    writer._root_object[NameObject("/Names")] = DictionaryObject(
        {NameObject("/Jvvvvvvvvv"): writer._add_object(names)}
    )


JS = {"/S": NameObject("/JavaScript"), "/JS": TextStringObject("app.alert(1)")}
LAUNCH = {"/S": NameObject("/Launch"), "/F": TextStringObject("calc.exe")}
ACTIVE = "This PDF contains JavaScript or actions that run when it is opened. Save it again \
without them, for instance by printing it to a new PDF."


@pytest.mark.parametrize(
    "content",
    [
        pdf_bytes(_open_action(JS)),
        pdf_bytes(_open_action(LAUNCH)),
        pdf_bytes(_page_actions),
        # The name tree of scripts, its names written with #xx escapes (/J#53 is /JS).
        pdf_bytes(_javascript_name_tree)
        .replace(b"/Jqqq", b"/J#53")
        .replace(b"/Jvvvvvvvvv", b"/J#61vaScript"),
    ],
    ids=["open-action-javascript", "open-action-launch", "page-action", "escaped-names"],
)
def test_a_pdf_with_javascript_or_actions_is_refused(content):
    assert b"/JS" in content or b"/AA" in content or b"#" in content or b"/Launch" in content
    refused = refusal("rapport.pdf", content)
    assert (refused.code, refused.messages) == ("pdf_active_content", [ACTIVE])


def test_the_escaped_names_are_what_is_refused():
    assert check_upload(SimpleUploadedFile("a.pdf", pdf_bytes(_javascript_name_tree)))


def test_a_pdf_with_an_embedded_file_is_refused():
    content = pdf_bytes(lambda writer: writer.add_attachment("virus.exe", b"MZ\x90\x00"))
    refused = refusal("rapport.pdf", content)
    assert (refused.code, refused.messages) == (
        "pdf_embedded_files",
        [
            "This PDF contains embedded files. Save it again without them, and add those "
            "files separately if they are needed."
        ],
    )


def test_a_pdf_locked_with_a_password_cannot_be_checked_and_is_refused():
    refused = refusal("rapport.pdf", pdf_bytes(password="geheim"))
    assert (refused.code, refused.messages) == (
        "pdf_encrypted",
        [
            "This PDF is locked with a password, so its content cannot be checked. "
            "Save it without a password."
        ],
    )


@pytest.mark.parametrize(
    "content",
    [
        b"%PDF-1.7\n<html><script>alert(1)</script></html>",
        b"%PDF-1.7\n%slides\n",
        PDF[: len(PDF) // 2],
        b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n",
    ],
    ids=["pdf-header-then-html", "header-only", "cut-in-half", "no-pages"],
)
def test_a_pdf_that_does_not_parse_is_refused(content):
    refused = refusal("rapport.pdf", content)
    assert (refused.code, refused.messages) == (
        "content_mismatch",
        ["The content of this file is not a .pdf file. Save it again in that format."],
    )


# --- office files: within the limits of an ordinary document ---------------------------------


def test_a_zip_bomb_of_one_highly_compressible_part_is_refused():
    bomb = zip_bytes({**DOCX_PARTS, "word/media/x.xml": b"\0" * (20 * 1024 * 1024)})
    assert len(bomb) < 30_000
    refused = refusal("verslag.docx", bomb)
    assert refused.code == "zip_ratio"
    (message,) = refused.messages
    assert message.startswith("This .docx file would unpack to ")
    assert message.endswith(
        " times its own size; at most 100 times is allowed. It looks like a zip bomb, "
        "not a document."
    )


def claims_2_gib() -> bytes:
    """A small docx whose zip directory says its last part unpacks to 2 GiB (the sizes come
    from the directory, so the test need not pack 2 GiB)."""
    content = bytearray(zip_bytes({**DOCX_PARTS, "word/media/film.bin": b"\1" * 1024}))
    entry = content.rindex(b"PK\x01\x02")  # the last part's directory entry
    content[entry + 24 : entry + 28] = struct.pack("<L", 2 * 1024**3 - 1)
    return bytes(content)


def test_an_office_file_that_unpacks_past_the_limit_is_refused():
    content = claims_2_gib()
    refused = refusal("verslag.docx", content)
    assert (refused.code, refused.messages) == (
        "zip_too_large_unpacked",
        [
            "Unpacked, this .docx file would take 2.0\xa0GB; at most 100.0\xa0MB is allowed. "
            "It cannot be added."
        ],
    )


@pytest.mark.parametrize("count", [ZIP_MAX_ENTRIES + 1, 95_000])
def test_an_office_file_of_too_many_parts_is_refused(count):
    refused = refusal("verslag.docx", many_entries_zip(count))
    assert (refused.code, refused.messages) == (
        "zip_too_many_entries",
        [
            f"This .docx file holds {count} parts; an ordinary one holds at most 2000. "
            "It cannot be added."
        ],
    )


def test_95000_parts_are_refused_from_the_end_record_without_reading_the_directory():
    content = many_entries_zip(95_000)
    assert len(content) < 10 * 1024 * 1024  # within the size limit: the count refuses it
    started = time.perf_counter()
    refused = refusal("verslag.docx", content)
    elapsed = time.perf_counter() - started
    assert refused.code == "zip_too_many_entries"
    print(f"95,000 parts refused in {elapsed * 1000:.1f} ms")


def test_a_zip_whose_end_record_hides_its_parts_is_refused():
    content = bytearray(many_entries_zip(ZIP_MAX_ENTRIES + 500))
    end = content.rindex(b"PK\x05\x06")
    content[end + 8 : end + 12] = struct.pack("<2H", 3, 3)  # "3 entries"
    assert refusal("verslag.docx", bytes(content)).code == "zip_too_many_entries"


# --- refusals in the person's language --------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "content", "dutch"),
    [
        ("a.png", _png_claiming(9000, 9000), "De afbeelding heeft meer dan 40 miljoen pixels."),
        ("a.pdf", pdf_bytes(_open_action(JS)), "Deze pdf bevat JavaScript"),
        (
            "a.pdf",
            pdf_bytes(lambda w: w.add_attachment("a.txt", b"a")),
            "Deze pdf bevat ingesloten bestanden.",
        ),
        ("a.pdf", pdf_bytes(password="geheim"), "Deze pdf is beveiligd met een wachtwoord"),
        ("a.docx", many_entries_zip(ZIP_MAX_ENTRIES + 1), "Dit .docx-bestand bestaat uit 2001"),
        (
            "a.docx",
            zip_bytes({**DOCX_PARTS, "word/x.xml": b"\0" * (2 * 1024 * 1024)}),
            "Dit .docx-bestand zou uitgepakt ",
        ),
        ("a.docx", claims_2_gib(), "Uitgepakt zou dit .docx-bestand 2,0\xa0GB innemen"),
        ("a.png", b"\x89PNG\r\n\x1a\n<html>", "De inhoud van dit bestand is geen .png-bestand."),
    ],
    ids=[
        "pixels",
        "javascript",
        "embedded",
        "password",
        "entries",
        "ratio",
        "unpacked",
        "content",
    ],
)
def test_each_refusal_says_why_in_dutch(name, content, dutch):
    with translation.override("nl"):
        refused = refusal(name, content)
    assert refused.messages[0].startswith(dutch), refused.messages


# --- the name a file is handed out under ------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "safe"),
    [
        ("Tussenrapportage jaar 1.pdf", "Tussenrapportage-jaar-1.pdf"),
        ("Dia's “les” (v2).PPTX", "Dia-s-les-v2.pptx"),
        ("Één café-overzicht_2026.docx", "Een-cafe-overzicht_2026.docx"),
        ("../../etc/passwd.png", "passwd.png"),
        ("C:\\Users\\jan\\foto.jpg", "foto.jpg"),
        ('a"; filename=evil.html; x=".pdf', "a-filename-evil-html-x.pdf"),
        ("rapport.html.pdf", "rapport-html.pdf"),
        ("\u202eexe.pdf", "exe.pdf"),  # a right-to-left override
        ("\r\nSet-Cookie: x.pdf", "Set-Cookie-x.pdf"),
        ("日本語.pdf", "document.pdf"),
        (".pdf", "document.pdf"),
        ("oud-bestand", "oud-bestand"),
        ("x" * 300 + ".docx", "x" * 75 + ".docx"),
        ("a b " * 100 + ".pdf", ("a-b-" * 19)[:75].rstrip("-") + ".pdf"),
    ],
)
def test_the_name_is_cleaned_to_a_short_safe_form(name, safe):
    assert safe_filename(name) == safe
    assert len(safe) <= 80


def test_the_checked_file_carries_its_cleaned_name():
    checked = check_upload(SimpleUploadedFile("Één rapport (def).pdf", PDF))
    assert (checked.extension, checked.name) == ("pdf", "Een-rapport-def.pdf")


# --- handing a file out ---------------------------------------------------------------------


def test_the_download_is_an_attachment_under_the_cleaned_name_never_sniffed_nor_shared(
    tmp_path,
):
    storage = FileSystemStorage(location=tmp_path)
    name = storage.save("x/abc.bin", ContentFile(PDF))
    response = download_response(storage.open(name), filename="Dia's “les”.pptx")
    assert response["Content-Type"] == (
        "application/vnd.openxmlformats-officedocument.presentationml.presentation"
    )
    assert response["Content-Disposition"] == 'attachment; filename="Dia-s-les.pptx"'
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Cache-Control"] == "private"
    assert b"".join(response.streaming_content) == PDF


def test_an_unknown_kind_is_handed_out_as_plain_bytes(tmp_path):
    storage = FileSystemStorage(location=tmp_path)
    name = storage.save("x/abc", ContentFile(b"data"))
    response = download_response(storage.open(name), filename="oud-bestand")
    assert response["Content-Type"] == "application/octet-stream"
    assert response["Content-Disposition"] == 'attachment; filename="oud-bestand"'
    assert b"".join(response.streaming_content) == b"data"


def test_a_file_gone_from_storage_is_404():
    from casework.models import CaseAttachment

    attachment = CaseAttachment(file="casework/1/gone.pdf", name="gone.pdf", size=1)
    with pytest.raises(Http404):
        download_response(attachment.file, filename=attachment.name)
