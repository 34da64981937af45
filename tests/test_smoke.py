"""Boots the real stack the way `make run` does and fetches / and /healthz."""

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

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


@pytest.mark.stack
def test_make_run_stack_serves_the_demo_and_reports_healthy(tmp_path):
    port, redis_port = free_port(), free_port()
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "REDIS_URL", "PORT"}}
    env.update(
        POLITIKSPOR_VAR_DIR=str(tmp_path / "var"),
        PORT=str(port),
        REDIS_PORT=str(redis_port),
    )
    stack = subprocess.Popen(
        [sys.executable, "-m", "devstack", "run"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 180
        health = None
        while time.monotonic() < deadline:
            status, body = fetch(base + "/healthz")
            if status == 200:
                health = json.loads(body)
                break
            assert stack.poll() is None, stack.stdout.read().decode()
            time.sleep(1)
        assert health is not None, "the stack never became healthy"
        assert health["checks"]["worker"]["ok"]
        status, body = fetch(base + "/")
        assert status == 200
        assert "Aalborg Kommune" in body.decode()
    finally:
        if stack.poll() is None:
            os.killpg(stack.pid, signal.SIGINT)
        output = stack.communicate(timeout=60)[0].decode()
    assert stack.returncode == 0, output
    assert "alt er stoppet" in output
    assert "Demo-logins" in output  # credentials printed once, on the first run
