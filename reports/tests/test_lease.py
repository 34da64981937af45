"""The lease a rendering worker holds on its version (reports.lease): renewed while it
renders, respected by a second delivery, and no use to an attempt that lost it."""

import datetime
import time
from pathlib import Path

import pytest
from django.conf import settings
from django.utils import timezone

from reports import lease, services
from reports.models import ReportVersion
from reports.tasks import render_version

PUBLIC = ReportVersion.Audience.PUBLIC


def _pdf_files():
    return sorted((Path(settings.MEDIA_ROOT) / "reports").rglob("*.pdf"))


@pytest.mark.django_db(transaction=True)
def test_the_worker_renews_its_lease_while_it_renders(cycle, monkeypatch):
    monkeypatch.setattr(services, "job_enqueue", lambda **kwargs: None)  # rendered below
    monkeypatch.setattr(lease, "HEARTBEAT_EVERY", 0.2)
    version = services.report_request(policy=cycle["policy"], audience=PUBLIC)
    seen = []
    render = services.render_version_pdf

    def slow(version):
        # What the sweep would read meanwhile, from another connection: the lease moves on.
        deadline = time.monotonic() + 10
        while len(set(seen)) < 3 and time.monotonic() < deadline:
            seen.append(ReportVersion.objects.get(pk=version.pk).lease_until)
            time.sleep(0.1)
        return render(version)

    monkeypatch.setattr(services, "render_version_pdf", slow)
    services.report_render(version_id=version.pk)

    version.refresh_from_db()
    assert version.state == ReportVersion.State.DONE
    assert version.lease_until is None  # a done version holds no lease
    assert len(set(seen)) == 3 and seen == sorted(seen)  # renewed twice while rendering


@pytest.mark.django_db
def test_a_second_delivery_while_the_lease_is_live_goes_away(cycle):
    version = services.report_request(policy=cycle["policy"], audience=PUBLIC)
    ReportVersion.objects.filter(pk=version.pk).update(
        state="rendering",
        attempts=1,
        rendering_started_at=timezone.now(),
        lease_until=timezone.now() + lease.LEASE,
    )

    with pytest.raises(services.RenderBusy):
        services.report_render(version_id=version.pk)
    render_version.apply(args=[version.pk])  # the task lets it go quietly

    version.refresh_from_db()
    assert version.state == ReportVersion.State.RENDERING
    assert version.attempts == 1


@pytest.mark.django_db
def test_an_attempt_that_lost_its_lease_does_not_store_its_pdf(
    cycle, monkeypatch, django_capture_on_commit_callbacks
):
    version = services.report_request(policy=cycle["policy"], audience=PUBLIC)
    render = services.render_version_pdf
    calls = []

    def stalls_past_its_lease(version):
        calls.append(version.attempts)
        if len(calls) == 1:
            # The first worker stalls: its lease runs out, the sweep re-sends the version
            # and a second worker renders and stores it meanwhile.
            ReportVersion.objects.filter(pk=version.pk).update(
                lease_until=timezone.now() - datetime.timedelta(seconds=1)
            )
            with django_capture_on_commit_callbacks(execute=True):
                assert services.reports_sweep_stale() == 1
        return render(version)

    monkeypatch.setattr(services, "render_version_pdf", stalls_past_its_lease)
    services.report_render(version_id=version.pk)  # the first worker finishes last

    version.refresh_from_db()
    assert calls == [1, 2]
    assert version.state == ReportVersion.State.DONE
    assert version.attempts == 2
    # Exactly once: the second attempt's PDF, and no other file.
    assert [p.name for p in _pdf_files()] == [Path(version.pdf.name).name]
