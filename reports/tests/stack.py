"""Real processes for tests: a Redis of our own, Celery workers and beat on the test database.

Used by reports/tests/test_stack.py and the browser test of ordering reports. ``Stack`` is a
context manager: everything it started is killed when it ends, and the processes' logs are
printed (pytest shows them when a test failed).
"""

import os
import signal
import subprocess
import sys
from pathlib import Path

from django.conf import settings

from config.celery import app
from devstack import services as devstack_services
from devstack.services import free_port
from devstack.testing import django_database_url, wait_for
from reports import services

__all__ = ["Stack", "wait_for"]

BASE_DIR = Path(settings.BASE_DIR)


class Redis(devstack_services.Redis):
    """A throwaway Redis on a free port; ``stop`` kills it as a crash would."""

    def __init__(self, directory):
        super().__init__(free_port(), directory, persistent=False)

    def stop(self):
        self.kill()


def _point_broker_at(url):
    app.conf.broker_url = url
    app._pool = None
    app.amqp._producer_pool = None


class Stack:
    """A Redis, and workers and beat started on demand, all on the test database."""

    def __init__(self, directory, media_root):
        self.directory = Path(directory)
        self.media_root = media_root
        self.redis = Redis(self.directory)
        self.started = []

    def __enter__(self):
        self.redis.start()
        self._broker = app.conf.broker_url
        self._eager = app.conf.task_always_eager
        app.conf.task_always_eager = False
        _point_broker_at(self.redis.url)
        return self

    def __exit__(self, *exc):
        for process, log in self.started:
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait(10)
            log.close()
            print(f"--- {log.name}", Path(log.name).read_text(errors="replace")[-3000:], sep="\n")
        _point_broker_at(self._broker)
        app.conf.task_always_eager = self._eager
        self.redis.stop()

    def _env(self, delay=None):
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "config.settings",
            "DATABASE_URL": django_database_url(),
            "REDIS_URL": self.redis.url,
            "CELERY_BROKER_URL": self.redis.url,
            "MEDIA_ROOT": str(self.media_root),
        }
        env.pop(services.TEST_DELAY_ENV, None)
        if delay:
            env[services.TEST_DELAY_ENV] = str(delay)
        return env

    def _start(self, name, arguments, env):
        log = open(self.directory / f"{name}-{len(self.started)}.log", "wb")  # noqa: SIM115
        process = subprocess.Popen(
            [sys.executable, "-m", "celery", "-A", "config", *arguments],
            cwd=BASE_DIR, env=env, start_new_session=True,
            stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT,
        )  # fmt: skip
        self.started.append((process, log))
        return process

    def worker(self, delay=None):
        """A worker of the reports queue with one pool process (``delay``: seconds every
        render sleeps, so a test can kill it in the middle)."""
        return self._start(
            "worker",
            ["worker", "-Q", "reports", "--concurrency", "1", "--pool", "prefork",
             "--loglevel", "INFO", "--without-gossip", "--without-mingle",
             "--without-heartbeat", "-n", f"reports-test-{len(self.started)}@%h"],
            self._env(delay),
        )  # fmt: skip

    def beat(self):
        """Celery beat with the project's schedule (the reports sweep every 15 s)."""
        return self._start(
            "beat",
            ["beat", "--loglevel", "INFO",
             "--schedule", str(self.directory / f"beat-{len(self.started)}")],
            self._env(),
        )  # fmt: skip
