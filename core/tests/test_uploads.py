"""A file is the one type its bytes say, or it is refused; polyglots are refused."""

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image
from pypdf import PdfWriter

from core import uploads

ALL = tuple(uploads.EXTENSIONS)


def real_pdf():
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    writer.add_metadata({"/Title": "Høringssvar"})
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def real_png():
    buffer = io.BytesIO()
    Image.new("RGB", (40, 40), (200, 30, 30)).save(buffer, "PNG")
    return buffer.getvalue()


def real_docx():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document><w:body/></w:document>")
    return buffer.getvalue()


def upload(content, name="fil.pdf"):
    return SimpleUploadedFile(name, content)


@pytest.mark.parametrize(
    ("content", "expected"),
    [(real_pdf, uploads.PDF), (real_png, uploads.PNG), (real_docx, uploads.DOCX)],
)
def test_ordinary_files_are_what_their_bytes_say_whatever_their_name(content, expected):
    assert uploads.detect_type(upload(content(), "noget.html"), ALL) == expected


def test_a_pdf_that_is_also_a_web_page_is_refused():
    polyglot = real_pdf() + b"\n<html><body><script>alert(document.cookie)</script></body></html>"
    with pytest.raises(uploads.UploadRefused) as refused:
        uploads.detect_type(upload(polyglot, "rapport.html"), ALL)
    assert refused.value.reason == "polyglot"


def test_a_pdf_that_is_also_a_zip_is_refused():
    with pytest.raises(uploads.UploadRefused) as refused:
        uploads.detect_type(upload(real_pdf() + real_docx()), ALL)
    assert refused.value.reason == "polyglot"


def test_an_image_carrying_markup_is_refused():
    with pytest.raises(uploads.UploadRefused) as refused:
        uploads.detect_type(upload(real_png() + b"<svg onload=alert(1)>", "x.png"), ALL)
    assert refused.value.reason == "polyglot"


def test_a_type_not_allowed_is_refused_as_such():
    with pytest.raises(uploads.UploadRefused) as refused:
        uploads.detect_type(upload(real_png(), "x.png"), (uploads.PDF, uploads.DOCX))
    assert refused.value.reason == "type"


@pytest.mark.parametrize(
    ("name", "content_type", "stored"),
    [
        ("høringssvar.html", uploads.PDF, "høringssvar.pdf"),
        ("bilag", uploads.DOCX, "bilag.docx"),
        ("../../etc/passwd.PDF", uploads.PDF, "passwd.pdf"),
        ("..", uploads.PNG, "fil.png"),
    ],
)
def test_the_stored_name_takes_the_detected_extension(name, content_type, stored):
    assert uploads.stored_name(name, content_type) == stored
