"""Real processes for tests: a Redis of our own, Celery workers and beat on the test database.

Used by reports/tests/test_stack.py and the browser test of ordering reports. ``Stack`` is a
context manager: everything it started is killed when it ends, and the processes' logs are
printed (pytest shows them when a test failed).
"""

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import quote

from django.conf import settings
from django.db import connection

from config.celery import app
from devstack.services import redis_answers, redis_binary
from reports import services

BASE_DIR = Path(settings.BASE_DIR)


def wait_for(condition, timeout, message):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.1)
    raise AssertionError(message)


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
        wait_for(lambda: redis_answers(self.port), 10, "Redis did not start")

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.kill()
            self.process.wait(10)
        wait_for(lambda: not redis_answers(self.port), 10, "Redis did not stop")


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
        db = connection.settings_dict
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "config.settings",
            "DATABASE_URL": f"postgres://{db['USER']}@{quote(db['HOST'], safe='')}/{db['NAME']}",
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
