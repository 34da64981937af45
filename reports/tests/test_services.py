import datetime

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import IntegrityError, InternalError, transaction
from django.utils import timezone, translation

from core.models import Job
from councils.tests.factories import CouncilFactory, member_user
from reports import services
from reports.models import ReportVersion
from reports.snapshot import canonical_json
from reports.tests import factories, pdf

pytestmark = pytest.mark.django_db

PUBLIC = ReportVersion.Audience.PUBLIC
COUNCIL = ReportVersion.Audience.COUNCIL
SECRETARIAT = ReportVersion.Audience.SECRETARIAT


def test_cycle_report_is_rendered_to_a_pdf_with_its_text_pages_and_metadata(cycle, request_report):
    version = request_report(cycle["policy"], label="Til rådets møde")

    assert version.state == ReportVersion.State.DONE
    assert version.number == 1
    assert version.attempts == 1
    assert version.weasyprint_version == "70.0"
    content = version.pdf.read()
    document = pdf.reader(content)
    assert version.page_count == len(document.pages) > 3
    assert version.pdf_sha256 == __import__("hashlib").sha256(content).hexdigest()
    assert document.metadata.title == "Integrationsstrategi 2023-2026"
    assert document.metadata.author == "Aalborg Kommune"
    assert document.trailer["/Root"]["/Lang"] == "da"
    bookmarks = pdf.bookmarks(content)
    assert bookmarks[0] == (0, "Integrationsstrategi 2023-2026")
    for heading in ("Indhold", "Politikken", "Beslutninger", "Ændringer siden forrige version"):
        assert (1, heading) in bookmarks
    # Running header on every page but the cover: the policy and the version.
    third_page = document.pages[2].extract_text()
    assert "Integrationsstrategi 2023-2026" in third_page
    assert "Version 1 – Til rådets møde" in third_page
    assert f"Side 3 af {version.page_count}" in third_page
    text = pdf.text(content)
    for expected in (
        "Version 1 – Til rådets møde",
        "Sammen kan vi mest.",
        "Flere unge i uddannelse",
        "Integrationspolitik 2012-2015",  # lineage
        "Godkendt med bemærkninger",  # decisions trail
        "Flere lektiecaféer",  # hearing report
        "Indgår i handleplanen for uddannelse.",
        "Lektiecaféer i alle bydele",  # action plans
        "2023 2. halvår",  # latest round
        "Andel unge i uddannelse",  # indicator
        "Dette er den første version",
        f"Side 1 af {version.page_count}",
        f"Side {version.page_count} af {version.page_count}",
    ):
        assert expected in text, expected


def test_public_version_holds_nothing_closed_confidential_or_personal(cycle, request_report):
    version = request_report(cycle["policy"], PUBLIC)

    text = pdf.text(version.pdf.read())
    stored = canonical_json(version.snapshot)
    for secret in (
        factories.CLOSED_SECRET,
        factories.CLOSED_TITLE,
        "Jensen fortsætter",
        factories.CITIZEN_EMAIL,
        factories.CITIZEN_PHONE,
        "Boulevarden",
        factories.CONFIDENTIAL_RESPONSE,
        "23/100" if False else factories.CLOSED_SECRET,
    ):
        assert secret not in text
        assert secret not in stored
    assert "Personalesag" in text
    assert "Rådet traf beslutning i sagen." in text


def test_a_council_s_version_shows_its_closed_items_but_no_contact_data(cycle, request_report):
    version = request_report(cycle["policy"], COUNCIL, council=cycle["council"])

    content = version.pdf.read()
    text = pdf.text(content)
    assert factories.CLOSED_TITLE in text
    assert "Jensen fortsætter i stillingen." in text
    # Whom it is for: on the cover and in every page's footer.
    assert "Udgaven indeholder også rådets lukkede punkter" in " ".join(text.split())
    for page in pdf.reader(content).pages:
        assert "Til Integrationsrådet og sekretariatet – må ikke offentliggøres" in (
            page.extract_text()
        )
    # Confidential responses are the secretariat's only; contact data are never in a report.
    assert factories.CONFIDENTIAL_RESPONSE not in text
    assert factories.CITIZEN_EMAIL not in text


def test_same_data_give_the_same_hash_and_no_duplicate(cycle, request_report):
    first = request_report(cycle["policy"], PUBLIC)
    again = request_report(cycle["policy"], PUBLIC)

    assert again.pk == first.pk
    assert ReportVersion.objects.count() == 1
    assert Job.objects.filter(task_name="reports.render_version").count() == 1

    with translation.override("en"):  # the page's language does not change the data
        assert request_report(cycle["policy"], PUBLIC).pk == first.pk

    internal = request_report(cycle["policy"], COUNCIL, council=cycle["council"])
    assert internal.pk != first.pk
    assert internal.number == 2  # numbered per policy
    assert internal.snapshot_sha256 != first.snapshot_sha256


def test_a_changed_goal_shows_in_changes_since_the_previous_version(cycle, request_report):
    first = request_report(cycle["policy"], PUBLIC)
    goal = cycle["goal"]
    goal.title = "Alle unge i uddannelse eller job"
    goal.save()

    second = request_report(cycle["policy"], PUBLIC)

    assert second.pk != first.pk
    assert second.number == 2
    assert second.previous == first
    text = pdf.text(second.pdf.read())
    changes = text.split("Ændringer siden forrige version")[-1]
    assert "sammenlignet med version 1" in changes.lower()
    assert "Alle unge i uddannelse eller job" in changes
    assert "ændret" in changes
    # The first version is untouched: same file, same hash.
    first_again = ReportVersion.objects.get(pk=first.pk)
    assert first_again.pdf_sha256 == first.pdf_sha256
    assert "Alle unge" not in pdf.text(first_again.pdf.read())


def test_a_done_version_is_never_rendered_or_changed_again(cycle, request_report):
    version = request_report(cycle["policy"], PUBLIC)

    again = services.report_render(version_id=version.pk)
    assert again.pdf.name == version.pdf.name
    assert again.attempts == 1

    for change in ({"pdf_sha256": "0" * 64}, {"state": "queued"}, {"page_count": 1}):
        with pytest.raises((IntegrityError, InternalError)), transaction.atomic():
            ReportVersion.objects.filter(pk=version.pk).update(**change)
    with pytest.raises((IntegrityError, InternalError)), transaction.atomic():
        ReportVersion.objects.filter(pk=version.pk).delete()
    # Deleting the user who asked for it is the one change it takes (requested_by → NULL).
    version.requested_by.delete()
    version.refresh_from_db()
    assert version.requested_by is None and version.state == ReportVersion.State.DONE


def test_a_version_s_data_cannot_be_changed_even_before_it_is_rendered(cycle):
    version = services.report_request(policy=cycle["policy"], audience=PUBLIC)  # not sent

    with pytest.raises((IntegrityError, InternalError)), transaction.atomic():
        ReportVersion.objects.filter(pk=version.pk).update(snapshot={"title": "andet"})


def test_a_request_is_kept_as_an_unsent_job_until_commit(cycle):
    version = services.report_request(policy=cycle["policy"], audience=PUBLIC)

    assert version.state == ReportVersion.State.QUEUED
    job = Job.objects.get(task_name="reports.render_version")
    assert job.args == [version.pk] and job.queue == "reports" and job.sent_at is None


def test_a_failing_render_is_retried_at_most_three_times_and_says_why(cycle, monkeypatch):
    from reports.tasks import render_version

    version = services.report_request(policy=cycle["policy"], audience=PUBLIC)

    def broken(version):
        raise RuntimeError("skrifttypen mangler")

    monkeypatch.setattr(services, "render_version_pdf", broken)
    # Let the in-process retries run their course instead of raising at the first.
    from config.celery import app

    app.conf.task_eager_propagates = False
    try:
        result = render_version.apply(args=[version.pk], throw=False)
    finally:
        app.conf.task_eager_propagates = True

    assert isinstance(result.result, RuntimeError)
    version.refresh_from_db()
    assert version.state == ReportVersion.State.FAILED
    assert version.attempts == services.MAX_ATTEMPTS
    assert "skrifttypen mangler" in version.error


def test_staff_retry_of_a_failed_version_renders_it(
    cycle, editor, monkeypatch, django_capture_on_commit_callbacks
):
    version = services.report_request(policy=cycle["policy"], audience=PUBLIC)
    services.report_mark_failed(version_id=version.pk, error="Boom")
    version.refresh_from_db()

    with django_capture_on_commit_callbacks(execute=True):
        services.report_retry(version=version, user=editor)

    version.refresh_from_db()
    assert version.state == ReportVersion.State.DONE
    assert version.error == ""


def test_the_stale_sweep_resends_a_render_whose_lease_ran_out(
    cycle, django_capture_on_commit_callbacks
):
    version = services.report_request(policy=cycle["policy"], audience=PUBLIC)
    # Started a moment ago: its age says nothing, its lease (not renewed) does.
    ReportVersion.objects.filter(pk=version.pk).update(
        state="rendering",
        attempts=1,
        rendering_started_at=timezone.now() - datetime.timedelta(seconds=25),
        lease_until=timezone.now() - datetime.timedelta(seconds=1),
    )

    with django_capture_on_commit_callbacks(execute=True):
        assert services.reports_sweep_stale() == 1

    version.refresh_from_db()
    assert version.state == ReportVersion.State.DONE
    assert version.attempts == 2


def test_the_stale_sweep_gives_up_after_the_attempts_are_used(cycle):
    version = services.report_request(policy=cycle["policy"], audience=PUBLIC)
    long_ago = timezone.now() - datetime.timedelta(hours=1)
    ReportVersion.objects.filter(pk=version.pk).update(
        state="rendering", attempts=services.MAX_ATTEMPTS, rendering_started_at=long_ago
    )

    assert services.reports_sweep_stale() == 0

    version.refresh_from_db()
    assert version.state == ReportVersion.State.FAILED
    assert "afbrudt" in version.error


def test_a_render_whose_lease_is_renewed_is_left_to_its_worker(cycle):
    version = services.report_request(policy=cycle["policy"], audience=PUBLIC)
    # However long ago it started: a renewed lease means its worker is alive.
    ReportVersion.objects.filter(pk=version.pk).update(
        state="rendering",
        attempts=1,
        rendering_started_at=timezone.now() - datetime.timedelta(hours=1),
        lease_until=timezone.now() + datetime.timedelta(seconds=15),
    )

    assert services.reports_sweep_stale() == 0
    version.refresh_from_db()
    assert version.state == ReportVersion.State.RENDERING


def test_minutes_pdf_shows_open_items_and_only_the_public_face_of_closed_ones(
    cycle, editor, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        public = services.minutes_request(meeting=cycle["meeting"], audience=PUBLIC, user=editor)
        internal = services.minutes_request(meeting=cycle["meeting"], audience=COUNCIL, user=editor)
    public.refresh_from_db()
    internal.refresh_from_db()

    public_pdf = public.pdf.read()
    public_text = pdf.text(public_pdf)
    assert "Referat: Integrationsrådet" in public_text
    assert "1. Godkendelse af integrationsstrategien" in public_text
    assert "Udkastet har været i høring." in public_text
    assert "2. Personalesag (lukket punkt)" in public_text
    assert factories.CLOSED_SECRET not in public_text
    assert factories.CLOSED_TITLE not in public_text
    assert pdf.reader(public_pdf).trailer["/Root"]["/Lang"] == "da"

    internal_text = pdf.text(internal.pdf.read())
    assert factories.CLOSED_SECRET in internal_text


def test_hearing_report_pdf(cycle, editor, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        version = services.hearing_report_request(
            hearing=cycle["hearing"], audience=PUBLIC, user=editor
        )
    version.refresh_from_db()

    text = pdf.text(version.pdf.read())
    assert "Høringsnotat" in text
    assert "Hanne Hansen" in text
    assert factories.CITIZEN_EMAIL not in text
    assert factories.CONFIDENTIAL_RESPONSE not in text


def test_visibility_of_versions(cycle, editor, other_editor, request_report):
    public = request_report(cycle["policy"], PUBLIC)
    internal = request_report(cycle["policy"], COUNCIL, council=cycle["council"])
    secretariat = request_report(cycle["policy"], SECRETARIAT)
    member = member_user(cycle["council"])
    member_elsewhere = member_user(CouncilFactory(municipality=cycle["policy"].municipality))

    def visible(user):
        return set(ReportVersion.objects.visible_to(user).values_list("pk", flat=True))

    assert visible(AnonymousUser()) == {public.pk}
    assert visible(other_editor) == {public.pk}
    assert visible(editor) == {public.pk, internal.pk, secretariat.pk}
    assert visible(member) == {public.pk, internal.pk}
    # A member of another council of the same municipality reads neither inside version.
    assert visible(member_elsewhere) == {public.pk}
    assert list(services.public_versions_for(cycle["policy"])) == [public]


def test_the_stale_sweep_resends_a_queued_version_whose_message_was_lost(
    cycle, django_capture_on_commit_callbacks
):
    version = services.report_request(policy=cycle["policy"], audience=PUBLIC)
    long_ago = timezone.now() - datetime.timedelta(hours=1)
    ReportVersion.objects.filter(pk=version.pk).update(requested_at=long_ago)

    # Still unsent: that is the job sweep's to send, not a second message.
    assert services.reports_sweep_stale() == 0

    Job.objects.update(sent_at=long_ago)  # sent, and then lost in the broker
    with django_capture_on_commit_callbacks(execute=True):
        assert services.reports_sweep_stale() == 1
    version.refresh_from_db()
    assert version.state == ReportVersion.State.DONE


def test_a_render_over_the_soft_time_limit_fails_without_retrying(cycle, monkeypatch):
    from celery.exceptions import SoftTimeLimitExceeded

    from reports.tasks import render_version

    version = services.report_request(policy=cycle["policy"], audience=PUBLIC)

    def too_slow(version):
        raise SoftTimeLimitExceeded()

    monkeypatch.setattr(services, "render_version_pdf", too_slow)
    render_version.apply(args=[version.pk])

    version.refresh_from_db()
    assert version.state == ReportVersion.State.FAILED
    assert version.attempts == 1
    assert "tidsgrænse" in version.error


def test_a_version_whose_workers_keep_dying_is_failed_instead_of_rendered_again(cycle):
    version = services.report_request(policy=cycle["policy"], audience=PUBLIC)
    ReportVersion.objects.filter(pk=version.pk).update(
        state="rendering", attempts=services.MAX_ATTEMPTS, rendering_started_at=timezone.now()
    )

    version = services.report_render(version_id=version.pk)

    assert version.state == ReportVersion.State.FAILED
    assert version.attempts == services.MAX_ATTEMPTS
    assert "afbrudt" in version.error
