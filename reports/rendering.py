"""HTML to PDF with WeasyPrint, reaching nothing but the project's own static files.

Whatever a staff member types into rich text ends up in the HTML we render. The sanitiser
already removes images and styles, but the PDF must not depend on that: WeasyPrint gets a
URL fetcher that serves ``/static/...`` from the static directories and refuses everything
else (other hosts, ``file://`` anywhere, ``data:``, ``..`` escapes). A refused resource is
simply left out of the PDF; the render goes on.
"""

import logging
import mimetypes
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.conf import settings

logger = logging.getLogger(__name__)
# WeasyPrint logs every step of every render at INFO; the worker's log needs the warnings only.
logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)

# Only what our templates use: fonts and images from the vendored design system.
ALLOWED_SUFFIXES = {".woff", ".woff2", ".ttf", ".otf", ".svg", ".png", ".jpg", ".jpeg", ".css"}

# The PDF profile. PDF/UA-1 gives a tagged PDF (structure tree, /Lang, /MarkInfo) that screen
# readers can follow; WeasyPrint 70 renders our templates with it (see the tests).
PDF_VARIANT = "pdf/ua-1"


class FetchRefused(Exception):
    """WeasyPrint tried to reach something outside the static files."""


def static_roots():
    roots = [Path(p) for p in getattr(settings, "STATICFILES_DIRS", [])]
    if getattr(settings, "STATIC_ROOT", None):
        roots.append(Path(settings.STATIC_ROOT))
    return [root.resolve() for root in roots]


def static_path(relative):
    """The file under one of the static roots that ``relative`` names, or None.

    Resolves symlinks and ``..`` first, then insists the result stays inside the root.
    """
    relative = relative.lstrip("/")
    if not relative or "\x00" in relative:
        return None
    for root in static_roots():
        candidate = (root / relative).resolve()
        if candidate.is_relative_to(root) and candidate.is_file():
            return candidate
    return None


def _fetcher_base():
    from weasyprint.urls import URLFetcher

    return URLFetcher


class StaticOnlyFetcher(_fetcher_base()):
    """A WeasyPrint URL fetcher that only serves files below the static directories.

    Accepts ``/static/<path>`` (as our templates write it, resolved against the base URL
    ``file:///``). Remembers what it was asked and what it refused, for the tests and the
    log. Never opens a network connection: ``fetch`` does not call the parent's.
    """

    def __init__(self):
        super().__init__(allowed_protocols=("file",), allow_redirects=False)
        self.requested = []
        self.refused = []

    def fetch(self, url, headers=None):
        from weasyprint.urls import URLFetcherResponse

        self.requested.append(url)
        try:
            path = self._resolve(url)
        except FetchRefused:
            self.refused.append(url)
            logger.warning("PDF: refused to fetch %s", url[:200])
            raise
        mime_type, _encoding = mimetypes.guess_type(path.name)
        mime_type = {".woff2": "font/woff2", ".woff": "font/woff"}.get(path.suffix, mime_type)
        return URLFetcherResponse(
            url,
            body=path.read_bytes(),
            headers={"Content-Type": mime_type or "application/octet-stream"},
        )

    def _resolve(self, url):
        parts = urlsplit(url)
        static_url = urlsplit(settings.STATIC_URL).path  # "/static/"
        if parts.scheme != "file" or parts.netloc not in ("", "localhost"):
            raise FetchRefused(url)
        path = unquote(parts.path)
        if not path.startswith(static_url) or ".." in path.split("/"):
            raise FetchRefused(url)
        relative = path[len(static_url) :]
        if Path(relative).suffix.lower() not in ALLOWED_SUFFIXES:
            raise FetchRefused(url)
        found = static_path(relative)
        if found is None:
            raise FetchRefused(url)
        return found


# Templates write static URLs as "/static/…"; this base makes them "file:///static/…", which
# the fetcher maps onto the static directories (never onto the real /static of the disk).
BASE_URL = "file:///"


@dataclass(frozen=True)
class Rendered:
    pdf: bytes
    page_count: int
    fetcher: StaticOnlyFetcher


def html_to_pdf(html, *, fetcher=None, variant=PDF_VARIANT) -> Rendered:
    """Render ``html`` to PDF bytes; the page count is the laid-out document's own."""
    from weasyprint import HTML

    fetcher = fetcher or StaticOnlyFetcher()
    options = {"pdf_variant": variant} if variant else {}
    document = HTML(string=html, base_url=BASE_URL, url_fetcher=fetcher).render(**options)
    return Rendered(
        pdf=document.write_pdf(**options), page_count=len(document.pages), fetcher=fetcher
    )


def weasyprint_version():
    import weasyprint

    return weasyprint.__version__
