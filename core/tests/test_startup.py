"""Bad configuration stops start-up with one clear line, never a traceback wall."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def manage(*args, **env):
    environment = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "DJANGO_DEBUG"}}
    environment.update(env)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
    )


def assert_one_clear_line(result, *words):
    assert result.returncode == 2
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.stderr
    for word in words:
        assert word in lines[0]


def test_missing_secret_key_with_debug_off_is_one_line():
    result = manage("check", DJANGO_DEBUG="0")
    assert_one_clear_line(result, "SECRET_KEY")


def test_a_database_url_that_is_not_postgresql_is_one_line():
    result = manage("check", DATABASE_URL="mysql://u:p@localhost/x")
    assert_one_clear_line(result, "DATABASE_URL", "PostgreSQL")


def test_an_unreachable_database_is_one_line():
    result = manage("preflight", DATABASE_URL="postgres://u:p@127.0.0.1:1/nothing")
    assert result.returncode == 2
    assert "DATABASE_URL" in result.stderr
    assert "Traceback" not in result.stderr


def test_an_unreachable_redis_is_one_line():
    result = manage("preflight", REDIS_URL="redis://127.0.0.1:1/0")
    assert_one_clear_line(result, "REDIS_URL")


def test_a_short_secret_key_with_debug_off_is_one_line():
    result = manage("check", DJANGO_DEBUG="0", SECRET_KEY="x" * 49)
    assert_one_clear_line(result, "SECRET_KEY", "49", "50")


def test_a_long_secret_key_with_debug_off_starts():
    result = manage(
        "check", DJANGO_DEBUG="0", SECRET_KEY="k" * 30 + "ey-for-startup-tests-0123456789"
    )
    assert result.returncode == 0, result.stderr
