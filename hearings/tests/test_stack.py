"""A citizen's answer is never lost: real Redis stopped while the citizen submits.

The cache (the rate limit) and the broker (the receipt mail's job) are both that Redis.
The answer must be stored and receipted on screen at once, the mail sent by a real worker
once Redis is back.
"""

import logging
from datetime import timedelta
from pathlib import Path

import pytest

from config.celery import app
from core.jobs import jobs_sweep
from core.models import Job
from devstack.testing import celery_worker, django_database_url, redis_server, wait_for
from hearings.models import Response
from hearings.tests.citizen import form_data, respond_url

pytestmark = [pytest.mark.stack, pytest.mark.django_db(transaction=True)]


def _point_broker_at(url):
    app.conf.broker_url = url
    app._pool = None
    app.amqp._producer_pool = None


@pytest.fixture
def redis(tmp_path, settings):
    with redis_server(tmp_path / "redis") as server:
        settings.CACHES = {
            "default": {
                "BACKEND": "django.core.cache.backends.redis.RedisCache",
                "LOCATION": server.url,
                "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
            }
        }
        original = app.conf.broker_url
        app.conf.task_always_eager = False
        _point_broker_at(server.url)
        yield server
        _point_broker_at(original)


def test_an_answer_sent_while_redis_is_down_is_stored_and_receipted_later(
    client, hearing, redis, tmp_path, settings, caplog
):
    redis.kill()

    with caplog.at_level(logging.WARNING):
        page = client.post(respond_url(hearing), form_data(), follow=True)

    assert page.status_code == 200
    saved = Response.objects.get(hearing=hearing)
    assert saved.reference in page.content.decode()  # the receipt on screen, at once
    assert "rate limit not applied" in caplog.text
    job = Job.objects.get(task_name="hearings.tasks.send_response_receipt")
    assert job.sent_at is None and saved.receipt_sent_at is None

    redis.start()
    var = tmp_path / "var"
    env = {
        "DATABASE_URL": django_database_url(),
        "REDIS_URL": redis.url,
        "CELERY_BROKER_URL": redis.url,
        "POLITIKSPOR_VAR_DIR": str(var),
        "EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
    }
    with celery_worker(env=env, log_path=tmp_path / "worker.log"):
        assert jobs_sweep(older_than=timedelta(0)) == 1
        wait_for(
            lambda: Response.objects.filter(pk=saved.pk, receipt_sent_at__isnull=False).exists(),
            60,
            "the receipt mail was not sent once Redis was back",
        )
    mails = [p.read_text() for p in Path(var / "mail").iterdir()]
    assert len(mails) == 1
    assert saved.reference in mails[0] and "karen@example.dk" in mails[0]
