"""The render pipeline with real processes: a Redis of our own and real Celery workers.

Proves the two promises of issue 7 that only real processes can: a worker killed with
SIGKILL in the middle of a render still yields the version exactly once, and a request made
while Redis is down waits as "i kø" and is rendered once Redis is back.
"""

import os
import signal
import socket
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path
from urllib.parse import quote

import psutil
import pytest
from django.conf import settings
from django.db import connection, transaction

from config.celery import app
from core.jobs import jobs_sweep
from core.models import Job
from devstack.services import redis_answers, redis_binary
from reports import services
from reports.models import ReportVersion

pytestmark = [pytest.mark.stack, pytest.mark.django_db(transaction=True)]

BASE_DIR = Path(settings.BASE_DIR)


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Redis:
    def __init__(self, directory):
        self.port = _free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.directory = directory
        self.process = None

    def start(self):
        self.process = subprocess.Popen(
            [redis_binary(), "--port", str(self.port), "--bind", "127.0.0.1",
             "--dir", str(self.directory), "--save", "", "--appendonly", "no"],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            start_new_session=True,
        )  # fmt: skip
        _wait(lambda: redis_answers(self.port), 10, "Redis did not start")

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.kill()
            self.process.wait(10)
        _wait(lambda: not redis_answers(self.port), 10, "Redis did not stop")


def _wait(condition, timeout, message):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.1)
    raise AssertionError(message)


def _point_broker_at(url):
    app.conf.broker_url = url
    app._pool = None
    app.amqp._producer_pool = None


@pytest.fixture
def redis(tmp_path):
    server = Redis(tmp_path)
    server.start()
    original = app.conf.broker_url
    app.conf.task_always_eager = False
    _point_broker_at(server.url)
    yield server
    _point_broker_at(original)
    server.stop()


@pytest.fixture
def workers(redis, settings, tmp_path):
    """Start real Celery workers (``start(delay=…)``); all are killed at the end."""
    started = []
    db = connection.settings_dict
    database_url = f"postgres://{db['USER']}@{quote(db['HOST'], safe='')}/{db['NAME']}"

    def start(delay=None):
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "config.settings",
            "DATABASE_URL": database_url,
            "REDIS_URL": redis.url,
            "CELERY_BROKER_URL": redis.url,
            "MEDIA_ROOT": settings.MEDIA_ROOT,
        }
        env.pop(services.TEST_DELAY_ENV, None)
        if delay:
            env[services.TEST_DELAY_ENV] = str(delay)
        log = open(tmp_path / f"worker-{len(started)}.log", "wb")  # noqa: SIM115
        process = subprocess.Popen(
            [sys.executable, "-m", "celery", "-A", "config", "worker", "-Q", "reports",
             "--concurrency", "1", "--pool", "prefork", "--loglevel", "INFO",
             "--without-gossip", "--without-mingle", "--without-heartbeat",
             "-n", f"reports-test-{len(started)}@%h"],
            cwd=BASE_DIR, env=env, start_new_session=True,
            stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT,
        )  # fmt: skip
        started.append((process, log))
        return process

    yield start
    for process, log in started:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(10)
        log.close()
        # Shown by pytest only when the test failed.
        print(f"--- {log.name}", Path(log.name).read_text(errors="replace")[-3000:], sep="\n")


def _state(version):
    version.refresh_from_db()
    return version.state


def _request(policy, audience=ReportVersion.Audience.PUBLIC):
    with transaction.atomic():
        return services.report_request(policy=policy, audience=audience)


def _pdf_files():
    return sorted((Path(settings.MEDIA_ROOT) / "reports").rglob("*.pdf"))


def test_a_worker_killed_mid_render_still_produces_the_version_exactly_once(cycle, workers):
    policy = cycle["policy"]

    # 1. The pool process dies (SIGKILL) mid-render: the master re-queues the message
    #    (acks_late + reject_on_worker_lost) and a fresh pool process renders it.
    worker = workers(delay=3)
    first = _request(policy, ReportVersion.Audience.INTERNAL)
    _wait(lambda: _state(first) == "rendering", 60, "the worker never started rendering")
    time.sleep(0.5)
    children = psutil.Process(worker.pid).children()
    assert len(children) == 1
    children[0].send_signal(signal.SIGKILL)
    _wait(lambda: _state(first) == "done", 60, "the re-queued render did not finish")
    assert first.attempts == 2

    # 2. The whole worker dies (SIGKILL to master and pool): the message waits unacknowledged
    #    in Redis, the version stays "rendering"; the stale sweep (beat, after the hard time
    #    limit) sends it again and a new worker renders it.
    second = _request(policy, ReportVersion.Audience.PUBLIC)
    _wait(lambda: _state(second) == "rendering", 60, "the worker never started rendering")
    time.sleep(0.5)
    os.killpg(worker.pid, signal.SIGKILL)
    worker.wait(10)
    time.sleep(0.5)
    assert _state(second) == "rendering" and not second.pdf

    workers()
    # The dead worker's database session may take a moment to go (and release its row lock);
    # the sweep skips locked rows, and beat simply runs it again.
    _wait(
        lambda: services.reports_sweep_stale(older_than=timedelta(0)) == 1,
        20,
        "the stale sweep did not re-send the version",
    )
    _wait(lambda: _state(second) == "done", 60, "the re-sent render did not finish")

    for version in (first, second):
        version.refresh_from_db()
        assert version.state == "done"
        assert version.pdf_size > 0
    assert second.attempts == 2
    # Exactly once: one stored PDF per version, nothing half-written left behind.
    assert [p.name for p in _pdf_files()] == sorted(Path(v.pdf.name).name for v in (first, second))
    # A late duplicate of the message changes nothing.
    done = services.report_render(version_id=second.pk)
    assert done.pdf_sha256 == second.pdf_sha256 and done.attempts == 2


def test_a_request_made_while_redis_is_down_is_rendered_when_it_is_back(
    cycle, redis, workers, client
):
    redis.stop()

    version = _request(cycle["policy"])

    job = Job.objects.get(task_name="reports.render_version", args=[version.pk])
    assert job.sent_at is None and job.send_attempts == 1
    assert _state(version) == "queued"
    page = client.get(version.get_absolute_url())
    assert page.status_code == 200
    assert "I kø" in page.content.decode()

    redis.start()
    workers()
    assert jobs_sweep(older_than=timedelta(0)) == 1
    _wait(lambda: _state(version) == "done", 60, "the swept job was not rendered")

    job.refresh_from_db()
    assert job.sent_at is not None
    assert version.attempts == 1
    assert len(_pdf_files()) == 1
