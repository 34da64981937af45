"""The lease a rendering worker holds on its version, and the heartbeat that renews it.

While WeasyPrint runs (seconds to minutes, holding the GIL only in slices), a thread of the
rendering process renews ``ReportVersion.lease_until`` every ``HEARTBEAT_EVERY`` seconds.
A worker that dies (SIGKILL, out of memory, a node gone) stops renewing; once its lease has
run out, the sweep (beat, every ``SWEEP_EVERY`` seconds) sends the version again. A live
worker that merely lost its lease (it stalled for longer than ``LEASE``) cannot commit
over the one that took over: the attempt number is the fencing token.
"""

import logging
import threading
from contextlib import contextmanager
from datetime import timedelta

from django.db import DatabaseError, connection, transaction
from django.utils import timezone

logger = logging.getLogger(__name__)

LEASE = timedelta(seconds=20)
HEARTBEAT_EVERY = 5.0  # seconds; four missed heartbeats lose the lease
SWEEP_EVERY = 15.0  # seconds; config.settings.CELERY_BEAT_SCHEDULE runs the sweep this often


def lease_from_now():
    return timezone.now() + LEASE


def _renew(version_id, attempt):
    from reports.models import ReportVersion

    with transaction.atomic(), connection.cursor() as cursor:
        # Never wait behind a lock for long: a missed beat is cheaper than a stuck thread.
        cursor.execute("SET LOCAL lock_timeout = '2s'")
        renewed = ReportVersion.objects.filter(
            pk=version_id, attempts=attempt, state=ReportVersion.State.RENDERING
        ).update(lease_until=lease_from_now())
    return renewed == 1


@contextmanager
def lease_kept(version_id: int, attempt: int, *, every: float | None = None):
    """Keep renewing the lease of ``attempt`` on the version while the block runs."""
    every = HEARTBEAT_EVERY if every is None else every
    stop = threading.Event()

    def heartbeat():
        try:
            while not stop.wait(every):
                try:
                    if not _renew(version_id, attempt):
                        logger.warning(
                            "report version %s: attempt %s no longer holds the lease",
                            version_id,
                            attempt,
                        )
                        return
                except DatabaseError:
                    # The database is briefly away: try again at the next beat. The lease
                    # runs for several beats, so one miss does not lose it.
                    logger.warning("report version %s: lease not renewed", version_id)
        finally:
            connection.close()  # this thread's own connection

    thread = threading.Thread(target=heartbeat, name=f"report-lease-{version_id}", daemon=True)
    thread.start()
    try:
        yield
    finally:
        stop.set()
        thread.join(every + 10)
