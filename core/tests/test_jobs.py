from datetime import timedelta

import pytest
from django.db import transaction

from config.celery import app
from core.jobs import job_enqueue, jobs_sweep
from core.models import Job


@pytest.fixture
def real_broker(settings):
    """Send to the broker for real (not in-process) for the duration of a test."""
    app.conf.task_always_eager = False
    original = app.conf.broker_url
    yield app
    _point_broker_at(original)
    with app.connection_for_write() as connection:
        connection.default_channel.queue_purge("default")


def _point_broker_at(url):
    app.conf.broker_url = url
    app._pool = None
    app.amqp._producer_pool = None


@pytest.mark.django_db(transaction=True)
def test_a_job_accepted_while_redis_is_down_stays_queued_and_the_sweep_sends_it(real_broker):
    original = app.conf.broker_url
    _point_broker_at("redis://127.0.0.1:1/0")
    with transaction.atomic():
        job = job_enqueue(task_name="core.tasks.sweep_jobs")
    job.refresh_from_db()
    assert job.sent_at is None
    assert job.send_attempts == 1

    _point_broker_at(original)
    assert jobs_sweep(older_than=timedelta(0)) == 1
    job.refresh_from_db()
    assert job.sent_at is not None


@pytest.mark.django_db(transaction=True)
def test_a_job_is_sent_only_after_its_transaction_commits(real_broker):
    with pytest.raises(RuntimeError), transaction.atomic():
        job_enqueue(task_name="core.tasks.sweep_jobs")
        raise RuntimeError("rolled back")
    assert not Job.objects.exists()
