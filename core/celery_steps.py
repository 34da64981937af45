"""A worker bootstep that writes a heartbeat to Redis, read by /healthz."""

import logging
import time

from celery import bootsteps

from core.health import HEARTBEAT_EVERY, HEARTBEAT_KEY, HEARTBEAT_STALE, redis_client

logger = logging.getLogger(__name__)


class Heartbeat(bootsteps.StartStopStep):
    requires = {"celery.worker.components:Timer"}

    def start(self, worker):
        self.client = redis_client()
        self.tref = worker.timer.call_repeatedly(HEARTBEAT_EVERY, self.beat, (worker,))
        self.beat(worker)

    def stop(self, worker):
        if getattr(self, "tref", None) is not None:
            self.tref.cancel()

    def beat(self, worker):
        try:
            self.client.set(HEARTBEAT_KEY, str(time.time()), ex=HEARTBEAT_STALE * 2)
        except Exception:  # the broker is down; /healthz will say so
            logger.warning("worker heartbeat could not be written", exc_info=True)
