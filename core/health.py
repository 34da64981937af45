"""The state of the database, the broker and the worker, for /healthz and start-up."""

import time

from django.conf import settings
from django.db import connection

HEARTBEAT_KEY = "politikspor:worker-heartbeat"
HEARTBEAT_EVERY = 10  # seconds between a worker's heartbeats
HEARTBEAT_STALE = 45  # a worker silent this long is taken for dead


def redis_client():
    import redis

    return redis.Redis.from_url(
        settings.CELERY_BROKER_URL, socket_connect_timeout=1, socket_timeout=1
    )


def check_database():
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        return {"ok": True}
    except Exception as exc:
        return {"ok": False, "error": type(exc).__name__}


def check_broker():
    try:
        redis_client().ping()
        return {"ok": True}
    except Exception as exc:
        return {"ok": False, "error": type(exc).__name__}


def check_worker():
    try:
        beat = redis_client().get(HEARTBEAT_KEY)
    except Exception as exc:
        return {"ok": False, "error": type(exc).__name__}
    if beat is None:
        return {"ok": False, "error": "no heartbeat"}
    age = time.time() - float(beat)
    if age > HEARTBEAT_STALE:
        return {"ok": False, "error": f"last heartbeat {int(age)} s ago"}
    return {"ok": True, "last_heartbeat_seconds": round(age, 1)}


def check_all():
    return {"database": check_database(), "broker": check_broker(), "worker": check_worker()}
