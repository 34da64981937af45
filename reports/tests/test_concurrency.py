import threading

import pytest
from django.db import connection, transaction

from reports import services
from reports.models import ReportVersion
from reports.tasks import render_version


@pytest.mark.django_db(transaction=True)
def test_a_second_delivery_while_a_worker_holds_the_version_goes_away(cycle, monkeypatch):
    monkeypatch.setattr(services, "job_enqueue", lambda **kwargs: None)  # no worker here
    version = services.report_request(
        policy=cycle["policy"], audience=ReportVersion.Audience.PUBLIC
    )
    locked, release = threading.Event(), threading.Event()

    def first_worker():
        with transaction.atomic():
            ReportVersion.objects.select_for_update().get(pk=version.pk)
            locked.set()
            release.wait(10)
        connection.close()

    holder = threading.Thread(target=first_worker)
    holder.start()
    try:
        assert locked.wait(10)
        with pytest.raises(services.RenderBusy):
            services.report_render(version_id=version.pk)
        render_version.apply(args=[version.pk])  # the task lets it go quietly
    finally:
        release.set()
        holder.join(10)

    version.refresh_from_db()
    assert version.state == ReportVersion.State.QUEUED
    assert version.attempts == 0
