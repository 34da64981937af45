"""The visibility matrix: every output × every reader × every state.

Outputs (tests/matrix/outputs.py): public pages, htmx partials, iCal, Atom, CSV, XLSX, file
downloads, the review page's filter choices, staff pages, and each report version's page,
status partial and PDF (cycle report, minutes, hearing report, for each audience). Readers
(tests/matrix/markers.py): anonymous; a member of the item's council; a member of another
council of the same municipality; a member of a council in the other municipality; the
editor of each municipality. States: draft, published, closed item, confidential response,
withheld response, contact details in a response's text.

Each confidential field carries a unique marker. For every output × reader × state the test
asserts the marker's absence for readers who may not read the field, and its presence where
the output shows the field to a reader who may. Report versions are also fetched by guessing
ids: every version in the database × every reader.

The world (tests/matrix/world.py) is built once per module inside a transaction that is
rolled back at the end; each test runs in a savepoint of its own, and each output is fetched
once per reader (the first test that needs it), so the matrix stays fast.
"""

from urllib.parse import quote

import pytest
from django.conf import settings
from django.db import transaction
from django.test import override_settings

from config.celery import app as celery_app
from reports.models import ReportVersion
from tests.matrix import outputs as O
from tests.matrix.markers import ALL as MARKERS
from tests.matrix.markers import BY_NAME as MARKER
from tests.matrix.markers import CLOSED_OUTCOME, READERS, STATES, in_closed_row
from tests.matrix.world import build

# Each test runs in a savepoint of the module's transaction (pytest-django's TestCase wrapper
# nests inside the world's atomic block), so what a POST writes is gone after the test.
pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker, tmp_path_factory):
    media = str(tmp_path_factory.mktemp("matrix-media"))
    storages = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": media},
        },
    }
    eager = celery_app.conf.task_always_eager, celery_app.conf.task_eager_propagates
    with (
        django_db_blocker.unblock(),
        override_settings(MEDIA_ROOT=media, STORAGES=storages),
        transaction.atomic(),
    ):
        # The report versions are rendered by the in-process worker while the world is built.
        celery_app.conf.task_always_eager = celery_app.conf.task_eager_propagates = True
        try:
            world = build()
            world.fetched = {}
            yield world
        finally:
            celery_app.conf.task_always_eager, celery_app.conf.task_eager_propagates = eager
            transaction.set_rollback(True)


@pytest.fixture(autouse=True)
def _media_in_tmp():
    """The world's files (attachments, PDFs) live in the module's media folder."""


def fetch(world, output, reader):
    """(status, text, Cache-Control) of ``output`` for ``reader``, fetched once per module."""
    key = (output.name, reader)
    if key not in world.fetched:
        client = world.clients[reader]
        headers = {"HX-Request": "true"} if output.htmx else {}
        url = output.url(world)
        if output.post is not None:
            response = client.post(url, output.post(world), headers=headers)
        else:
            response = client.get(url, headers=headers)
        text = O.body_text(output, response)
        # Pages repeat the address the reader asked for (language switch, log-in link); what
        # the reader typed is no leak.
        for form in (url, quote(url, safe="")):
            text = text.replace(form, "")
        world.fetched[key] = (response.status_code, text, response.get("Cache-Control", ""))
    return world.fetched[key]


def present(marker, text):
    return marker.text in text if marker is not CLOSED_OUTCOME else in_closed_row(text)


OUTPUT_READER = [
    pytest.param(output, reader, id=f"{output.name}-{reader}")
    for output in O.ALL
    for reader in READERS
]
OUTPUT_READER_STATE = [
    pytest.param(output, reader, state, id=f"{output.name}-{reader}-{state}")
    for output in O.ALL
    for reader in READERS
    for state in STATES
]


@pytest.mark.parametrize(("output", "reader"), OUTPUT_READER)
def test_output_answers_only_its_readers(world, output, reader):
    status, _text, _cache = fetch(world, output, reader)
    if reader in output.may:
        assert status == 200, f"{output.name} for {reader}: {status}"
    else:
        assert status in output.denied, f"{output.name} for {reader}: {status}"


@pytest.mark.parametrize(("output", "reader", "state"), OUTPUT_READER_STATE)
def test_output_shows_each_reader_what_they_may_see(world, output, reader, state):
    status, text, _cache = fetch(world, output, reader)
    view = output.reader_view(reader)
    leaks, missing = [], []
    for marker in (m for m in MARKERS if m.state == state):
        may_read = (
            view in marker.readers
            and marker.name not in output.never
            and view not in output.hidden.get(marker.name, ())
        )
        if not may_read and marker.found_in(text):
            leaks.append(marker.name)
        expected = output.carries.get(marker.name, ())
        shown_to = marker.readers if expected is None else expected
        if (
            status == 200
            and reader in output.may
            and marker.name in output.carries
            and may_read
            and view in shown_to
            and not present(marker, text)
        ):
            missing.append(marker.name)
    assert not leaks, f"{output.name} shows {reader} (as {view}) what they may not read: {leaks}"
    assert not missing, f"{output.name} hides from {reader} (as {view}) what it shows: {missing}"


FILES = [
    pytest.param(output, reader, id=f"{output.name}-{reader}")
    for output in O.ALL
    if output.kind in ("file", "pdf")
    for reader in sorted(output.may)
]


@pytest.mark.parametrize(("output", "reader"), FILES)
def test_files_are_never_kept_by_shared_caches(world, output, reader):
    """A file someone may open is theirs: a proxy must not keep it for the next person."""
    status, _text, cache_control = fetch(world, output, reader)
    assert status == 200
    assert "private" in cache_control or "no-store" in cache_control, cache_control


def version_readers(world, version):
    """Exactly the audience of ``version``: who may open it, by the matrix's reader names."""
    if version.audience == ReportVersion.Audience.PUBLIC:
        return set(READERS)
    editor = "editor" if version.municipality_id == world.aalborg.pk else "editor_norddjurs"
    if version.audience == ReportVersion.Audience.SECRETARIAT:
        return {editor}
    members = {world.council.pk: "member", world.other_council.pk: "member_other_council"}
    return {editor, members[version.council_id]}


@pytest.mark.parametrize("reader", READERS)
def test_report_versions_found_by_guessing_ids_open_only_for_their_audience(world, reader):
    client = world.clients[reader]
    versions = list(ReportVersion.objects.select_related("municipality"))
    assert len(versions) == len(world.versions)
    wrong = []
    for version in versions:
        expected = 200 if reader in version_readers(world, version) else 404
        for suffix in ("", "status/", "pdf"):
            for slug in ("aalborg", "norddjurs"):
                url = f"/{slug}/rapporter/{version.pk}/{suffix}"
                status = client.get(url).status_code
                want = expected if slug == version.municipality.slug else 404
                if status != want:
                    wrong.append(f"{url} ({version.kind}, {version.audience}): {status}")
    unknown = max(v.pk for v in versions) + 1
    for suffix in ("", "status/", "pdf"):
        if client.get(f"/aalborg/rapporter/{unknown}/{suffix}").status_code != 404:
            wrong.append(f"unknown version {unknown}/{suffix}")
    assert not wrong, f"{reader}: " + "; ".join(wrong)


def test_the_matrix_covers_every_state_and_reader():
    assert {m.state for m in MARKERS} == set(STATES)
    kinds = {output.kind for output in O.ALL}
    assert kinds == {"html", "ics", "atom", "csv", "xlsx", "pdf", "file"}
    # Every confidential marker is shown somewhere to someone, so its absence means something.
    shown = {name for output in O.ALL for name in output.carries}
    assert shown == set(MARKER)
