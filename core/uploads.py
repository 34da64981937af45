"""What an uploaded file is, judged by its bytes: exactly one type, or refused.

libmagic (python-magic) names a type from the first bytes. A polyglot is a file that is also
something else to another reader: a PDF whose bytes a browser renders as a web page, a PDF
that is also a ZIP, an image with a page inside. Each reader looks in its own place (a PDF
reader for `%PDF-` in the first kilobyte, a ZIP reader for the directory at the end, a
browser for markup anywhere), so each signature below is looked for where its reader
looks. A file in which two are found is refused, and a file that is kept is stored under
the extension of the type it was found to be, never the name it came with.
"""

import io
import re
import zipfile

import magic

PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PNG = "image/png"
JPEG = "image/jpeg"
EXTENSIONS = {PDF: "pdf", DOCX: "docx", XLSX: "xlsx", PNG: "png", JPEG: "jpg"}

# libmagic's names for a ZIP whose parts it did not read as an Office document.
_ZIP_NAMES = {"application/zip", "application/x-zip-compressed", "application/octet-stream"}
# Markup a browser acts on. Long enough (with the character after the name) that the
# compressed bytes of an ordinary PDF or image do not contain one by chance.
_MARKUP = re.compile(
    rb"<(?:!doctype\s+html|html|head|body|script|iframe|frame|frameset|object|embed|svg"
    rb"|form|meta|link|style|base|img|video|audio|math)[\s/>]"
    rb"|\bjavascript:",
    re.IGNORECASE,
)


class UploadRefused(Exception):
    """The bytes are not one allowed type. `reason` is "type" or "polyglot"."""

    def __init__(self, reason):
        super().__init__(reason)
        self.reason = reason


def _read_all(upload):
    upload.seek(0)
    data = upload.read()
    upload.seek(0)
    return data


def _office_type(data):
    """DOCX and XLSX are ZIP files; tell them apart by their parts, not by their name."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
    except zipfile.BadZipFile:
        return None
    if "[Content_Types].xml" not in names:
        return None
    if any(name.startswith("word/") for name in names):
        return DOCX
    if any(name.startswith("xl/") for name in names):
        return XLSX
    return None


def _signatures(data):
    """Every family of reader that would accept these bytes."""
    found = set()
    if b"%PDF-" in data[:1024]:
        found.add("pdf")
    if zipfile.is_zipfile(io.BytesIO(data)):
        found.add("zip")
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        found.add("png")
    if data.startswith(b"\xff\xd8\xff"):
        found.add("jpeg")
    if _MARKUP.search(data):
        found.add("html")
    return found


_FAMILY = {PDF: "pdf", DOCX: "zip", XLSX: "zip", PNG: "png", JPEG: "jpeg"}


def detect_type(upload, allowed):
    """The one allowed content type these bytes are, or UploadRefused.

    `allowed` is a collection of content types (see EXTENSIONS). The upload's name and the
    browser's claimed type are not consulted.
    """
    data = _read_all(upload)
    mime = magic.from_buffer(data[:8192], mime=True)
    if mime in _ZIP_NAMES or mime in (DOCX, XLSX):
        # Some DOCX writers put the parts in an order libmagic does not recognise.
        mime = _office_type(data) or mime
    if mime not in allowed or mime not in _FAMILY:
        raise UploadRefused("type")
    if _signatures(data) - {_FAMILY[mime]}:
        raise UploadRefused("polyglot")
    return mime


def stored_name(original_name, content_type, *, default_stem="fil"):
    """The name a kept file goes by: the uploader's stem, the detected type's extension."""
    from django.utils.text import get_valid_filename

    stem = original_name.rsplit("/", 1)[-1].rsplit("\\", 1)[-1]
    stem = stem.rsplit(".", 1)[0] if "." in stem else stem
    try:
        stem = get_valid_filename(stem)[:120]
    except Exception:  # Django refuses names like "." and ".."
        stem = ""
    return f"{stem or default_stem}.{EXTENSIONS.get(content_type, 'bin')}"
