"""The production shape with real processes: gunicorn (config/gunicorn.conf.py) with DEBUG
off on a PostgreSQL cluster of its own, probed by the compose health check and read while
that PostgreSQL restarts."""

import secrets
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections import Counter

import pytest

from devstack.services import BASE_DIR, free_port
from devstack.testing import postgres_cluster, process, redis_server, wait_for

pytestmark = pytest.mark.stack

HOST = "politikspor.test"


def get(base, path, headers=None):
    request = urllib.request.Request(
        base + path, headers={"Host": HOST, "X-Forwarded-Proto": "https", **(headers or {})}
    )
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def manage(*args, env):
    subprocess.run(
        [sys.executable, "manage.py", *args], cwd=BASE_DIR, env=env, check=True,
        capture_output=True,
    )  # fmt: skip


@pytest.fixture(scope="module")
def production(tmp_path_factory):
    import os

    tmp = tmp_path_factory.mktemp("production")
    with postgres_cluster() as postgres, redis_server(tmp / "redis") as redis:
        port = free_port()
        env = {
            **{k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "REDIS_URL"}},
            "DJANGO_DEBUG": "0",
            "SECRET_KEY": secrets.token_urlsafe(50),
            "ALLOWED_HOSTS": HOST,
            "DATABASE_URL": postgres.url("politikspor"),
            "REDIS_URL": redis.url,
            "STATIC_ROOT": str(tmp / "static"),
            "MEDIA_ROOT": str(tmp / "media"),
            "PORT": str(port),
            "GUNICORN_BIND_HOST": "127.0.0.1",
            "GUNICORN_ACCESS_LOG": "",
            "LOG_LEVEL": "WARNING",
        }
        manage("migrate", "--noinput", env=env)
        manage("collectstatic", "--noinput", env=env)
        manage(
            "shell", "-c",
            "from core.models import Municipality; "
            "Municipality.objects.create(name='Aalborg', slug='aalborg')",
            env=env,
        )  # fmt: skip
        argv = [sys.executable, "-m", "gunicorn", "config.wsgi", "-c", "config/gunicorn.conf.py"]
        with process(argv, env=env, log_path=tmp / "gunicorn.log"):
            base = f"http://127.0.0.1:{port}"

            def answers():
                try:
                    return get(base, "/")[0] == 200
                except OSError:
                    return False

            wait_for(answers, 60, "gunicorn did not answer")
            yield {"base": base, "env": env, "postgres": postgres, "redis": redis}


def test_the_compose_health_check_passes_with_debug_off(production):
    compose = (BASE_DIR / "docker-compose.yml").read_text()
    assert '"python", "-m", "config.healthcheck"' in compose
    # The worker's heartbeat, as a running worker writes it every 10 s.
    import redis

    redis.Redis.from_url(production["redis"].url).set(
        "politikspor:worker-heartbeat", str(time.time())
    )
    probe = subprocess.run(
        [sys.executable, "-m", "config.healthcheck"], cwd=BASE_DIR, env=production["env"],
        capture_output=True, text=True, timeout=30,
    )  # fmt: skip
    assert probe.returncode == 0, probe.stderr
    # Without the proxy's header, /healthz is still not redirected to HTTPS.
    request = urllib.request.Request(production["base"] + "/healthz", headers={"Host": HOST})
    with urllib.request.urlopen(request, timeout=10) as response:
        assert response.status == 200


def test_pages_are_redirected_to_https_without_the_proxy_header(production):
    request = urllib.request.Request(production["base"] + "/", headers={"Host": HOST})
    opener = urllib.request.build_opener(NoRedirect)
    with pytest.raises(urllib.error.HTTPError) as redirect:
        opener.open(request, timeout=10)
    assert redirect.value.code == 301
    assert redirect.value.headers["Location"].startswith("https://")


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def test_a_postgresql_restart_under_a_reading_client_gives_no_500(production):
    base = production["base"]
    statuses = Counter()
    retry_after = set()
    stop = threading.Event()

    def reader():
        while not stop.is_set():
            for path in ("/", "/aalborg/"):
                try:
                    status, headers, _ = get(base, path)
                except OSError as error:
                    statuses[type(error).__name__] += 1
                    continue
                statuses[status] += 1
                if status == 503:
                    retry_after.add(headers.get("Retry-After"))

    readers = [threading.Thread(target=reader) for _ in range(4)]
    for thread in readers:
        thread.start()
    try:
        time.sleep(1.5)
        for _ in range(3):
            production["postgres"].restart()
            time.sleep(1.5)
    finally:
        stop.set()
        for thread in readers:
            thread.join(30)
    assert statuses[500] == 0, statuses
    assert set(statuses) <= {200, 503}, statuses
    assert statuses[200] > 20, statuses
    assert retry_after <= {"5"}
    # And the site is back on its own.
    assert get(base, "/aalborg/")[0] == 200
