import time

import pytest

from core import health


@pytest.fixture
def redis_up():
    client = health.redis_client()
    client.ping()
    yield client
    client.delete(health.HEARTBEAT_KEY)


def test_healthz_is_200_when_database_broker_and_worker_answer(client, redis_up, db):
    redis_up.set(health.HEARTBEAT_KEY, str(time.time()))
    response = client.get("/healthz")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert set(body["checks"]) == {"database", "broker", "worker"}


def test_healthz_names_the_worker_when_no_heartbeat_arrives(client, redis_up, db):
    redis_up.delete(health.HEARTBEAT_KEY)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["failing"] == ["worker"]


def test_healthz_names_a_stale_worker_heartbeat(client, redis_up, db):
    redis_up.set(health.HEARTBEAT_KEY, str(time.time() - health.HEARTBEAT_STALE - 5))
    response = client.get("/healthz")
    assert response.status_code == 503
    assert "worker" in response.json()["failing"]


def test_healthz_names_the_broker_when_redis_is_unreachable(client, settings, db):
    settings.CELERY_BROKER_URL = "redis://127.0.0.1:1/0"
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["failing"] == ["broker", "worker"]
