import pytest

from reports import rendering, services
from reports.models import ReportVersion
from reports.tests import pdf

FONT = "/static/vendor/dkfds/fonts/IBMPlexSans/complete/woff/IBMPlexSans-Regular.woff"


def _html(body):
    return (
        '<html lang="da"><head><title>Prøve</title><style>'
        f'@font-face {{ font-family: "IBM Plex Sans"; src: url("{FONT}"); }}'
        'html { font-family: "IBM Plex Sans"; }'
        f"</style></head><body>{body}</body></html>"
    )


def test_the_page_count_is_the_laid_out_document_s_own():
    rendered = rendering.html_to_pdf(
        _html("".join(f'<p style="break-after: page">Side {n}</p>' for n in range(1, 4)))
    )

    assert rendered.pdf.startswith(b"%PDF")
    assert rendered.page_count == 3 == len(pdf.reader(rendered.pdf).pages)


def test_the_fetcher_serves_static_files_and_refuses_everything_else():
    rendered = rendering.html_to_pdf(
        _html(
            "<p>Hej</p>"
            '<img src="file:///etc/passwd" alt="a">'
            '<img src="http://127.0.0.1:9/x" alt="b">'
            '<img src="https://example.org/logo.png" alt="c">'
            '<img src="/static/../../../etc/passwd" alt="d">'
            '<img src="/static/vendor/../../config/settings.py" alt="e">'
            '<img src="file:///static/%2e%2e/%2e%2e/etc/passwd" alt="f">'
            '<img src="data:image/png;base64,iVBORw0KGgo=" alt="g">'
        )
    )

    content, fetcher = rendered.pdf, rendered.fetcher
    assert "Hej" in pdf.text(content)
    assert fetcher.requested[0] == f"file://{FONT}"
    assert f"file://{FONT}" not in fetcher.refused
    for url in ("file:///etc/passwd", "http://127.0.0.1:9/x", "https://example.org/logo.png"):
        assert url in fetcher.refused
    assert len(fetcher.refused) == len(fetcher.requested) - 1  # everything but the font


@pytest.mark.parametrize(
    "url",
    [
        "file:///static/../config/settings.py",
        "file:///static/vendor/dkfds/../../../config/settings.py",
        "file:///static/css/politikspor.css/../../../manage.py",
        "file://evil.example/static/vendor/dkfds/fonts/x.woff",
        "ftp://127.0.0.1/static/x.woff",
        "file:///static/",
    ],
)
def test_the_fetcher_refuses_escapes_from_the_static_directories(url):
    fetcher = rendering.StaticOnlyFetcher()

    with pytest.raises(rendering.FetchRefused):
        fetcher.fetch(url)


@pytest.mark.django_db
def test_a_file_url_typed_into_rich_text_is_never_fetched(
    cycle, monkeypatch, django_capture_on_commit_callbacks
):
    from policies.models import Policy

    asked = []
    original = rendering.StaticOnlyFetcher.fetch

    def spy(self, url, headers=None):
        asked.append(url)
        return original(self, url, headers)

    monkeypatch.setattr(rendering.StaticOnlyFetcher, "fetch", spy)
    # Written past the sanitiser (a raw update), as if the database had been tampered with.
    Policy.objects.filter(pk=cycle["policy"].pk).update(
        introduction='<p>Se <img src="file:///etc/passwd"> og '
        '<img src="http://127.0.0.1:9/x"> og <link rel="stylesheet" href="file:///etc/hosts"></p>'
    )

    with django_capture_on_commit_callbacks(execute=True):
        version = services.report_request(
            policy=Policy.objects.get(pk=cycle["policy"].pk),
            audience=ReportVersion.Audience.PUBLIC,
        )
    version.refresh_from_db()

    assert version.state == ReportVersion.State.DONE
    assert asked, "the fetcher was used for the fonts"
    assert all(url.startswith("file:///static/vendor/dkfds/fonts/") for url in asked), asked
    assert "root:" not in pdf.text(version.pdf.read())


@pytest.mark.django_db
def test_the_pdf_embeds_ibm_plex_and_is_tagged_pdf_ua(cycle, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        version = services.report_request(
            policy=cycle["policy"], audience=ReportVersion.Audience.PUBLIC
        )
    version.refresh_from_db()
    content = version.pdf.read()

    fonts = pdf.embedded_font_names(content)
    assert "IBM Plex Sans" in fonts
    assert all(name.startswith("IBM Plex Sans") for name in fonts), fonts  # no DejaVu
    catalog = pdf.reader(content).trailer["/Root"]
    assert "/StructTreeRoot" in catalog
    assert catalog["/MarkInfo"]["/Marked"]
    assert catalog["/Lang"] == "da"
    assert b"pdfuaid" in catalog["/Metadata"].get_object().get_data()
