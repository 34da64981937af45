"""`make run` and `make test`: start what they need, supervise it, stop what they started.

Everything started is registered on an ExitStack as it starts, so a failed step (a taken
port, a failing migration) unwinds exactly what came before it and leaves nothing running.
A web server or worker that dies under `make run` is started again, with a message, and
with a growing pause when it keeps dying (a syntax error the reloader cannot survive).
"""

import os
import signal
import subprocess
import time
from contextlib import ExitStack

from devstack.services import (
    BASE_DIR,
    PYTHON,
    Postgres,
    Redis,
    StackError,
    free_port,
    port_is_free,
    say,
    stop_process,
    var_dir,
)

RESTART_PAUSE_MAX = 30  # seconds between restarts of a process that keeps dying
STEADY_SECONDS = 60  # a process that ran this long is healthy again: restart at once


def pg_dir():
    return os.environ.get("POLITIKSPOR_PG_DIR") or var_dir() / "pg"


def service_env(redis_url, base=None):
    env = dict(os.environ if base is None else base)
    env.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    if redis_url:
        env.setdefault("REDIS_URL", redis_url)
    return env


def manage(*args, env):
    return subprocess.run([PYTHON, "manage.py", *args], cwd=BASE_DIR, env=env, check=False)  # noqa: S603


class Child:
    """A supervised process, in a process group of its own (its pool and reloader too)."""

    def __init__(self, name, argv, env):
        self.name, self.argv, self.env = name, argv, env
        self.process = None
        self.started_at = 0.0
        self.pause = 1
        self.restart_at = None
        self.restarts = 0

    def start(self):
        self.process = subprocess.Popen(  # noqa: S603
            self.argv, cwd=BASE_DIR, env=self.env, start_new_session=True
        )
        self.started_at = time.monotonic()
        return self

    def supervise(self, now=None):
        """Called every half second: notice a death, restart after a pause."""
        now = now or time.monotonic()
        if self.restart_at is None:
            code = self.process.poll()
            if code is None:
                return
            stop_process(self.process, self.name)  # what is left of its group
            self.pause = 1 if now - self.started_at > STEADY_SECONDS else self.pause
            say(f"{self.name} stoppede uventet (kode {code}); genstarter om {self.pause} s")
            self.restart_at = now + self.pause
            self.pause = min(self.pause * 2, RESTART_PAUSE_MAX)
        elif now >= self.restart_at:
            self.restart_at = None
            self.restarts += 1
            self.start()
            say(f"{self.name} er genstartet (pid {self.process.pid})")

    def stop(self):
        stop_process(self.process, self.name)


def run():
    port = int(os.environ.get("PORT", "8000"))
    if not port_is_free(port):
        raise StackError(
            f"Port {port} er optaget, så webserveren kan ikke starte. "
            f"Vælg en anden port: PORT={port + 1} make run"
        )
    stopping = []
    with ExitStack() as started:
        started.callback(say, "alt er stoppet")
        redis_url = None
        if not os.environ.get("DATABASE_URL"):
            say("starter PostgreSQL (data i var/)")
            postgres = Postgres(pg_dir()).start()
            started.callback(postgres.stop)
            postgres.ensure_database(os.environ.get("POLITIKSPOR_DB_NAME", "politikspor"))
        if not os.environ.get("REDIS_URL"):
            redis = Redis(int(os.environ.get("REDIS_PORT", "6379")), var_dir() / "redis")
            started.callback(redis.stop)
            redis_url = redis.start().url
        env = service_env(redis_url)
        env.setdefault("DJANGO_DEBUG", "1")
        for step in (("preflight",), ("migrate", "--noinput"), ("loaddemo",)):
            if manage(*step, env=env).returncode != 0:
                raise StackError(f"'manage.py {' '.join(step)}' fejlede; se udskriften ovenfor")
        children = [
            Child("Celery", [PYTHON, "-m", "celery", "-A", "config", "worker", "-B",
                             "-Q", "default,reports", "--concurrency", "2", "--loglevel", "INFO",
                             "--schedule", str(var_dir() / "celerybeat-schedule")], env),
            Child("web", [PYTHON, "manage.py", "runserver", f"127.0.0.1:{port}"], env),
        ]  # fmt: skip
        for child in children:
            started.callback(child.stop)
            child.start()
        # The children have process groups of their own, so Ctrl-C reaches only us; we stop
        # them in order (web and worker first, the servers last).
        for signum in (signal.SIGINT, signal.SIGTERM):
            signal.signal(signum, lambda *_: stopping.append(True))
        say(f"Politikspor kører på http://127.0.0.1:{port}/ (stop med Ctrl-C)")
        while not stopping:
            for child in children:
                child.supervise()
            time.sleep(0.5)
        say("stopper …")


def test(args):
    """pytest on a PostgreSQL cluster (var/test-pg) and a Redis of its own."""
    keep = os.environ.get("POLITIKSPOR_KEEP_SERVICES") == "1"
    env = dict(os.environ)
    with ExitStack() as started:
        if not env.get("DATABASE_URL"):
            test_pg = env.get("POLITIKSPOR_TEST_PG_DIR") or str(var_dir() / "test-pg")
            env["POLITIKSPOR_PG_DIR"] = test_pg
            postgres = Postgres(test_pg).start()
            if not keep:
                started.callback(postgres.stop)
            postgres.ensure_database(env.get("POLITIKSPOR_DB_NAME", "politikspor"))
        redis_url = None
        if not env.get("REDIS_URL"):
            # Always a free port (REDIS_PORT is `make run`'s), so it never meets that one.
            port = free_port()
            redis = Redis(port, var_dir() / "redis-test")
            if not keep:
                started.callback(redis.stop)
            redis_url = redis.start().url
        env = service_env(redis_url, env)
        try:
            result = subprocess.run([PYTHON, "-m", "pytest", *args], cwd=BASE_DIR, env=env)  # noqa: S603
        except KeyboardInterrupt:
            result = subprocess.CompletedProcess(args, 130)
    return result.returncode


def services(*, with_redis=True):
    """Start the development servers and leave them running (make bench, lint)."""
    postgres = Postgres(pg_dir()).start()
    postgres.ensure_database(os.environ.get("POLITIKSPOR_DB_NAME", "politikspor"))
    if not with_redis:
        return
    say(f"PostgreSQL: socket i {postgres.socket_dir}")
    if not os.environ.get("REDIS_URL"):
        redis = Redis(int(os.environ.get("REDIS_PORT", "6379")), var_dir() / "redis").start()
        say(f"Redis: {redis.url}")


def stop():
    for directory in (pg_dir(), var_dir() / "test-pg"):
        Postgres(directory).stop(force=True)
