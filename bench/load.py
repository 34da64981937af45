"""50 users for 3 minutes against the production shape; pages and a static file side by side.

Starts gunicorn with DEBUG off and config/gunicorn.conf.py (GUNICORN_* variables pass
through, so other shapes can be compared) on the development database with the demo, and,
with --nginx, nginx in front serving /static/ itself as deploy/nginx.conf does in compose.
Each user keeps one connection (as a browser does), fetches a demo page and the stylesheet
that page links to, then thinks for a random 0-2×--think seconds. Only 127.0.0.1 is ever
contacted, and every loop ends at the deadline.

    .venv/bin/python bench/load.py                      # 50 users, 180 s
    .venv/bin/python bench/load.py --seconds 60 --nginx
    GUNICORN_WORKER_CLASS=sync GUNICORN_WORKERS=3 .venv/bin/python bench/load.py
    .venv/bin/python bench/load.py --url http://127.0.0.1:8000   # a server already running

Prints p50/p95/p99 of pages and of the static file, throughput, and the errors (0 expected).
"""

import argparse
import http.client
import os
import random
import re
import secrets
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from contextlib import ExitStack
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from devstack.services import Postgres, Redis, free_port, var_dir  # noqa: E402
from devstack.testing import process, wait_for  # noqa: E402

HOST = "politikspor.bench"
HEADERS = {
    "Host": HOST,
    "X-Forwarded-Proto": "https",  # as the TLS proxy in front sends it
    "Accept-Encoding": "gzip, br",
    "User-Agent": "politikspor-bench-load",
}
BASE_PAGES = ["/", "/aalborg/", "/norddjurs/"]
APPS_WITH_DEMO_PAGES = ["councils", "policies", "hearings", "actionplans"]


def demo_pages(env):
    """The public demo pages the apps list (as the accessibility test does)."""
    code = (
        "import importlib, json\n"
        "urls = []\n"
        f"for app in {APPS_WITH_DEMO_PAGES!r}:\n"
        "    try:\n"
        "        module = importlib.import_module(app + '.demo')\n"
        "    except ModuleNotFoundError:\n"
        "        continue\n"
        "    urls.extend(getattr(module, 'public_urls', list)())\n"
        "print(json.dumps(urls))\n"
    )
    import json

    out = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", code],
        cwd=ROOT, env=env, capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    return list(dict.fromkeys(BASE_PAGES + json.loads(out.strip().splitlines()[-1])))


def nginx_config(*, port, upstream_port, static_root, directory):
    template = (ROOT / "deploy" / "nginx.conf").read_text()
    body = (
        template.replace("web:8000", f"127.0.0.1:{upstream_port}")
        .replace("listen 80;", f"listen 127.0.0.1:{port};")
        .replace("/app/staticfiles/", f"{static_root}/")
    )
    conf = directory / "nginx.conf"
    conf.write_text(
        "daemon off;\nworker_processes 1;\npid " + str(directory / "nginx.pid") + ";\n"
        "error_log " + str(directory / "nginx-error.log") + " warn;\n"
        "events { worker_connections 1024; }\n"
        "http {\n  include /etc/nginx/mime.types;\n  access_log off;\n"
        "  client_body_temp_path " + str(directory) + ";\n"
        "  proxy_temp_path " + str(directory) + ";\n" + body + "\n}\n"
    )
    return conf


def start_shape(stack, args):
    """gunicorn (and nginx) on free ports; returns the base URL and the gunicorn env."""
    tmp = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="politikspor-load-")))
    env = dict(os.environ)
    if not env.get("DATABASE_URL"):
        postgres = Postgres(os.environ.get("POLITIKSPOR_PG_DIR") or var_dir() / "pg").start()
        stack.callback(postgres.stop)
        postgres.ensure_database("politikspor")
    if not env.get("REDIS_URL"):
        redis = Redis(free_port(), tmp / "redis", persistent=False).start()
        stack.callback(redis.stop)
        env["REDIS_URL"] = redis.url
    port = free_port()
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings",
        DJANGO_DEBUG="0",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS=HOST,
        STATIC_ROOT=str(tmp / "static"),
        PORT=str(port),
        GUNICORN_BIND_HOST="127.0.0.1",
        GUNICORN_ACCESS_LOG="",
        LOG_LEVEL="WARNING",
    )
    for step in (
        ["migrate", "--noinput", "-v0"],
        ["loaddemo"],
        ["collectstatic", "--noinput", "-v0"],
    ):
        subprocess.run([sys.executable, "manage.py", *step], cwd=ROOT, env=env, check=True,
                       stdout=subprocess.DEVNULL)  # fmt: skip
    gunicorn = [sys.executable, "-m", "gunicorn", "config.wsgi", "-c", "config/gunicorn.conf.py"]
    stack.enter_context(process(gunicorn, env=env, log_path=tmp / "gunicorn.log"))
    base = f"http://127.0.0.1:{port}"
    wait_for(lambda: _answers(base), 60, "gunicorn did not start; see its log above")
    if args.nginx:
        nginx = shutil.which("nginx") or "/usr/sbin/nginx"
        if not Path(nginx).exists():
            raise SystemExit("--nginx: nginx is not installed (apt-get install nginx)")
        front = free_port()
        conf = nginx_config(port=front, upstream_port=port, static_root=tmp / "static",
                            directory=tmp)  # fmt: skip
        stack.enter_context(process([nginx, "-c", str(conf)], env={}, log_path=tmp / "nginx.log"))
        base = f"http://127.0.0.1:{front}"
        wait_for(lambda: _answers(base), 30, "nginx did not start; see its log above")
    return base, env


def _answers(base):
    try:
        status, _ = fetch(connect(base), "/healthz")
        return status in (200, 503)
    except OSError:
        return False


def connect(base):
    parts = urlsplit(base)
    if parts.hostname not in ("127.0.0.1", "localhost", "::1"):
        raise SystemExit("bench/load.py only loads servers on this machine (127.0.0.1)")
    return http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)


def fetch(connection, path):
    connection.request("GET", path, headers=HEADERS)
    response = connection.getresponse()
    body = response.read()
    return response.status, body


def stylesheet(base):
    status, body = fetch(connect(base), "/aalborg/")
    match = re.search(rb'<link[^>]+rel="stylesheet"[^>]+href="(/static/[^"]+\.css)"', body)
    if status != 200 or not match:
        raise SystemExit(f"could not find the stylesheet on /aalborg/ (status {status})")
    return match.group(1).decode()


def user(base, pages, static, deadline, think, results, lock):
    rng = random.Random()
    connection = connect(base)
    while time.monotonic() < deadline:
        for kind, path in (("page", rng.choice(pages)), ("static", static)):
            started = time.perf_counter()
            try:
                status, _ = fetch(connection, path)
                error = None if status == 200 else f"{kind} {path} → {status}"
            except (OSError, http.client.HTTPException) as exc:
                error = f"{kind} {path} → {type(exc).__name__}"
                connection.close()
                connection = connect(base)
            elapsed = (time.perf_counter() - started) * 1000
            with lock:
                results[kind].append(elapsed)
                if error:
                    results["errors"][error] += 1
        if think:
            time.sleep(min(rng.uniform(0, 2 * think), max(deadline - time.monotonic(), 0)))
    connection.close()


def percentile(values, fraction):
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def report(results, seconds, shape):
    rows = []
    for kind, label in (("page", "pages"), ("static", "static file")):
        values = results[kind]
        rows.append((label, len(values), statistics.median(values) if values else float("nan"),
                     percentile(values, 0.95), percentile(values, 0.99),
                     max(values, default=float("nan"))))  # fmt: skip
    total = sum(row[1] for row in rows)
    errors = sum(results["errors"].values())
    print(f"\n{shape}")
    print(f"{'':12} {'requests':>9} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'max ms':>8}")
    for label, count, p50, p95, p99, worst in rows:
        print(f"{label:12} {count:9d} {p50:8.1f} {p95:8.1f} {p99:8.1f} {worst:8.1f}")
    print(f"throughput   {total / seconds:.1f} requests/s ({rows[0][1] / seconds:.1f} pages/s)")
    print(f"errors       {errors}")
    for error, count in results["errors"].most_common(10):
        print(f"  {count:5d}  {error}")
    return errors


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=180)
    parser.add_argument("--think", type=float, default=1.0, help="mean think time, seconds")
    parser.add_argument("--nginx", action="store_true", help="nginx in front serves /static/")
    parser.add_argument("--url", help="load a server that is already running instead")
    args = parser.parse_args()

    with ExitStack() as stack:
        if args.url:
            base, env = args.url.rstrip("/"), dict(os.environ)
            pages = BASE_PAGES
        else:
            base, env = start_shape(stack, args)
            pages = demo_pages(env)
        static = stylesheet(base)
        for path in pages:  # warm up, and make sure every page answers before timing
            status, _ = fetch(connect(base), path)
            if status != 200:
                raise SystemExit(f"{path} answered {status} before the load began")
        worker_class = env.get("GUNICORN_WORKER_CLASS", "gthread")
        threads = env.get("GUNICORN_THREADS", "8") if worker_class == "gthread" else ""
        threads = f" threads={threads}" if threads else ""
        shape = (
            f"{args.users} users, {args.seconds:.0f} s, think 0-{2 * args.think:.1f} s, "
            f"{len(pages)} pages + {static.rsplit('/', 1)[-1]}; gunicorn {worker_class} "
            f"workers={env.get('GUNICORN_WORKERS', '2')}{threads}"
            + (", nginx serves /static/" if args.nginx else ", whitenoise serves /static/")
            + f"; load average before {os.getloadavg()[0]:.2f}"
        )
        print(f"loading {base}: {shape}", flush=True)
        results = {"page": [], "static": [], "errors": Counter()}
        lock = threading.Lock()
        deadline = time.monotonic() + args.seconds
        started = time.monotonic()
        threads = [
            threading.Thread(target=user, args=(base, pages, static, deadline, args.think,
                                                results, lock), daemon=True)
            for _ in range(args.users)
        ]  # fmt: skip
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(args.seconds + 60)
        errors = report(results, time.monotonic() - started, shape)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
