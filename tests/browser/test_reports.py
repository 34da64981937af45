"""Ordering reports in the browser, on the demo, with a real Celery worker.

An editor orders each kind of report from its own staff page by clicking the form (the
cycle report on the policy's page, the minutes on the meeting's page, the hearing report on
the hearing's page), watches the version page go from the queue to done (htmx polling), and
downloads the PDF. A member of another council of the same municipality gets 404 for a
council's version; a citizen downloads the public one from the policy page.

The live server enqueues through the job outbox into a Redis of the test's own, and a real
worker process (reports/tests/stack.py) renders on the test database.
"""

import io
import re

import pytest
from django.urls import reverse
from pypdf import PdfReader

from councils.models import Council, Meeting
from councils.tests.factories import member_user
from hearings.models import Hearing
from policies.models import Policy
from reports.models import ReportVersion
from reports.tests.stack import Stack
from tests.browser.signing_in import sign_in

pytestmark = pytest.mark.stack

PASSWORD = "browser-test-kodeord"
DONE_WITHIN_MS = 120_000


@pytest.fixture
def worker(demo, tmp_path, settings):
    with Stack(tmp_path, settings.MEDIA_ROOT) as stack:
        stack.worker()
        yield stack


def _login(browser, live_server, user):
    user.set_password(PASSWORD)
    user.save()
    context = browser.new_context(locale="da-DK", accept_downloads=True)
    page = context.new_page()
    return sign_in(page, live_server, user.get_username(), password=PASSWORD)


def _order(page, heading, choices, label, button):
    """Fill in the order form under ``heading`` by clicking, as an editor would."""
    form = page.locator("section", has=page.get_by_role("heading", name=heading)).locator("form")
    for choice in choices:
        if isinstance(choice, tuple):  # a select: (name, option)
            form.locator(f"select[name={choice[0]}]").select_option(label=choice[1])
        else:  # a radio button, clicked on its label
            form.get_by_text(choice, exact=True).click()
    form.get_by_label("Betegnelse").fill(label)
    form.get_by_role("button", name=button).click()
    page.wait_for_url(re.compile(r"/rapporter/\d+/$"))


def _status(page):
    return page.locator("#report-status [role=status]").inner_text()


def _download_when_done(page):
    """Wait on the version page until the PDF is ready; download it and return its text."""
    download_link = page.get_by_role("link", name="Hent PDF")
    download_link.wait_for(timeout=DONE_WITHIN_MS)
    assert "Færdig" in _status(page)
    with page.expect_download() as info:
        download_link.click()
    content = open(info.value.path(), "rb").read()  # noqa: SIM115
    assert content.startswith(b"%PDF")
    return "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(content)).pages)


def test_an_editor_orders_each_kind_from_its_page_and_the_audiences_hold(
    browser, live_server, worker
):
    from django.contrib.auth import get_user_model

    policy = Policy.objects.get(municipality__slug="aalborg", slug="integrationsstrategi-2023-2026")
    council = Council.objects.get(municipality__slug="aalborg", slug="integrationsraadet")
    meeting = Meeting.objects.get(council=council, starts_at__date="2023-04-11")
    hearing = Hearing.objects.filter(policy=policy).order_by("opens_on").first()
    editor = get_user_model().objects.get(username="redaktoer-aalborg")
    page = _login(browser, live_server, editor)

    # The cycle report for the Integration Council, from the policy's staff page.
    page.goto(live_server.url + reverse("policies:staff_edit", args=["aalborg", policy.slug]))
    _order(
        page,
        "Bestil rapport",
        ["Udgave til ét råd", ("council", "Integrationsrådet")],
        "Til rådets møde",
        "Bestil rapport",
    )
    # Progress first (the worker needs seconds for the cycle report), then the download.
    assert _status(page).split(": ")[-1] in ("I kø", "Dannes")
    assert page.locator("progress").count() == 1
    assert "Integrationsrådet og sekretariatet" in page.locator("main").inner_text()
    text = _download_when_done(page)
    assert "Integrationsstrategi 2023-2026" in text
    assert "Til Integrationsrådet og sekretariatet – må ikke offentliggøres" in text
    council_version_url = page.url

    # The public cycle report, for the citizen below.
    page.goto(live_server.url + reverse("policies:staff_edit", args=["aalborg", policy.slug]))
    _order(page, "Bestil rapport", ["Offentlig udgave"], "Til hjemmesiden", "Bestil rapport")
    _download_when_done(page)

    # The minutes, from the meeting's staff page.
    page.goto(live_server.url + reverse("councils:staff_meeting", args=["aalborg", meeting.pk]))
    _order(page, "Referat som PDF", ["Offentlig udgave"], "Til hjemmesiden", "Bestil PDF")
    assert "Referat: Integrationsrådet" in _download_when_done(page)

    # The hearing report (høringsnotat), from the hearing's staff page.
    page.goto(live_server.url + hearing.get_staff_url())
    _order(page, "Høringsnotat som PDF", ["Udgave til sekretariatet"], "Til arkivet", "Bestil PDF")
    text = _download_when_done(page)
    assert "Høringsnotat" in text and hearing.title in " ".join(text.split())
    assert "Til sekretariatet – må ikke offentliggøres" in text
    page.context.close()

    versions = ReportVersion.objects.order_by("id")
    assert [(v.kind, v.audience, v.state) for v in versions] == [
        ("cycle", "council", "done"),
        ("cycle", "public", "done"),
        ("minutes", "public", "done"),
        ("hearing", "secretariat", "done"),
    ]
    council_version = versions[0]

    # A member of another council of the same municipality: 404 for the council's version.
    elsewhere = Council.objects.filter(municipality__slug="aalborg").exclude(pk=council.pk)[0]
    page = _login(browser, live_server, member_user(elsewhere))
    assert page.goto(council_version_url).status == 404
    assert page.goto(live_server.url + council_version.get_download_url()).status == 404
    page.context.close()

    # A citizen finds the public report on the policy's page and downloads it.
    context = browser.new_context(locale="da-DK", accept_downloads=True)
    page = context.new_page()
    assert page.goto(council_version_url).status == 404
    page.goto(live_server.url + policy.get_absolute_url())
    with page.expect_download() as info:
        page.get_by_role("link", name="Cyklusrapport v2 – Til hjemmesiden").click()
    content = open(info.value.path(), "rb").read()  # noqa: SIM115
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(content)).pages)
    assert "Integrationsstrategi 2023-2026" in text and "Offentlig udgave" in text
    context.close()
