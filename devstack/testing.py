"""Real processes for the integration tests: Redis, a PostgreSQL cluster, Celery, gunicorn.

Every helper is a context manager that kills what it started, and prints the process's log
when the test failed (pytest shows captured output only then).
"""

import contextlib
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import quote

from devstack.services import BASE_DIR, Postgres, Redis, free_port


def wait_for(condition, timeout, message):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.1)
    raise AssertionError(message)


def django_database_url():
    """The test database the calling test uses, as a DATABASE_URL for a child process."""
    from django.db import connection

    db = connection.settings_dict
    host = quote(db["HOST"], safe="") if db["HOST"] else "localhost"
    port = f":{db['PORT']}" if db.get("PORT") else ""
    password = f":{quote(db['PASSWORD'])}" if db.get("PASSWORD") else ""
    return f"postgres://{db['USER']}{password}@{host}{port}/{db['NAME']}"


@contextlib.contextmanager
def redis_server(directory):
    server = Redis(free_port(), directory, persistent=False).start()
    try:
        yield server
    finally:
        server.kill()


@contextlib.contextmanager
def postgres_cluster(database="politikspor"):
    """A PostgreSQL cluster of its own (initdb takes about a second), deleted afterwards.

    Not under pytest's tmp_path: pytest makes /tmp/pytest-of-<user> private again whenever
    a session starts, and as root pgserver runs the server as another user, who must reach
    the data directory.
    """
    directory = Path(tempfile.mkdtemp(prefix="politikspor-pg-"))
    directory.chmod(0o755)
    postgres = Postgres(directory / "pg").start()
    try:
        postgres.ensure_database(database)
        yield postgres
    finally:
        postgres.stop(force=True)
        shutil.rmtree(directory, ignore_errors=True)


@contextlib.contextmanager
def process(argv, *, env, log_path, cwd=BASE_DIR):
    log = open(log_path, "wb")  # noqa: SIM115 (closed below)
    child = subprocess.Popen(  # noqa: S603
        argv, cwd=cwd, env={**os.environ, **env}, start_new_session=True,
        stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT,
    )  # fmt: skip
    try:
        yield child
    finally:
        if child.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(child.pid, signal.SIGKILL)
            child.wait(10)
        log.close()
        print(f"--- {log_path}", Path(log_path).read_text(errors="replace")[-4000:], sep="\n")


def celery_worker(*, env, log_path, queues="default"):
    return process(
        [sys.executable, "-m", "celery", "-A", "config", "worker", "-Q", queues,
         "--concurrency", "1", "--pool", "solo", "--loglevel", "INFO",
         "--without-gossip", "--without-mingle", "--without-heartbeat"],
        env={"DJANGO_SETTINGS_MODULE": "config.settings", **env},
        log_path=log_path,
    )  # fmt: skip
