"""Boots the real stack the way `make run` does, and lives through what a developer does
beside it: a `make test` run, a worker that dies, a web server that dies."""

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import psutil
import pytest

ROOT = Path(__file__).resolve().parents[1]


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url):
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()
    except OSError:
        return None, b""


def wait_healthy(base, stack, timeout=180):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        status, body = fetch(base + "/healthz")
        if status == 200:
            return json.loads(body)
        assert stack.poll() is None, "the stack stopped"
        time.sleep(1)
    raise AssertionError("the stack never became healthy")


def postmaster_pid(var):
    return int((var / "pg" / "postmaster.pid").read_text().splitlines()[0])


def child(stack, *words):
    """The supervised process (its own process group) whose command line has the words."""
    for process in psutil.Process(stack.pid).children():
        try:
            if all(word in " ".join(process.cmdline()) for word in words):
                return process
        except psutil.NoSuchProcess:
            continue
    return None


def kill_and_wait_for_restart(stack, *words):
    old = child(stack, *words)
    assert old is not None, f"no child with {words}"
    os.killpg(old.pid, signal.SIGKILL)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        assert stack.poll() is None, "the stack stopped with its child"
        new = child(stack, *words)
        if new is not None and new.pid != old.pid:
            return new
        time.sleep(0.5)
    raise AssertionError(f"{words} was not started again")


@pytest.mark.stack
def test_make_run_serves_and_survives_a_test_run_and_dying_children(tmp_path):
    port, redis_port = free_port(), free_port()
    # Not under pytest's tmp_path: the pytest run beside the stack makes that private again,
    # and as root the embedded PostgreSQL runs as another user who must reach var/.
    var = Path(tempfile.mkdtemp(prefix="politikspor-var-"))
    var.chmod(0o755)
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"DATABASE_URL", "REDIS_URL", "PORT", "POLITIKSPOR_PG_DIR"}
    }
    env.update(POLITIKSPOR_VAR_DIR=str(var), PORT=str(port), REDIS_PORT=str(redis_port))
    log = open(tmp_path / "stack.log", "wb")  # noqa: SIM115
    stack = subprocess.Popen(
        [sys.executable, "-m", "devstack", "run"],
        cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
    )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    output = ""
    try:
        health = wait_healthy(base, stack)
        assert health["checks"]["worker"]["ok"]
        status, body = fetch(base + "/")
        assert status == 200 and "Aalborg Kommune" in body.decode()
        server = postmaster_pid(var)

        # 1. A `make test`-style run beside it, on the same var/: its own cluster and
        #    Redis, and the site's PostgreSQL is untouched afterwards.
        beside = subprocess.run(
            [sys.executable, "-m", "devstack", "test", "-q", "-n", "0",
             "-p", "no:randomly", "core/tests/test_text.py"],
            cwd=ROOT, env={k: v for k, v in env.items() if k != "PORT"},
            capture_output=True, text=True, timeout=300,
        )  # fmt: skip
        assert beside.returncode == 0, beside.stdout + beside.stderr
        assert (var / "test-pg").is_dir()
        assert postmaster_pid(var) == server and psutil.pid_exists(server)
        assert fetch(base + "/aalborg/")[0] == 200

        # 2. The worker dies: it is started again, and the site keeps answering.
        kill_and_wait_for_restart(stack, "celery", "worker")
        assert fetch(base + "/aalborg/")[0] == 200

        # 3. The web server dies: started again on the same port.
        kill_and_wait_for_restart(stack, "runserver")
        wait_healthy(base, stack, timeout=90)
    finally:
        if stack.poll() is None:
            os.killpg(stack.pid, signal.SIGINT)
        stack.wait(60)
        log.close()
        output = (tmp_path / "stack.log").read_text(errors="replace")
    assert stack.returncode == 0, output
    assert "Celery stoppede uventet" in output and "Celery er genstartet" in output
    assert "web stoppede uventet" in output and "web er genstartet" in output
    assert "alt er stoppet" in output
    assert "Demo-logins" in output  # credentials printed once, on the first run
    # Ctrl-C stopped everything it had started.
    assert not (var / "pg" / "postmaster.pid").exists()
    shutil.rmtree(var, ignore_errors=True)
