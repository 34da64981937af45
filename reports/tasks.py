"""Celery adapters: take ids, call a service. Routed to the "reports" queue (reports.*)."""

import logging

from celery import shared_task
from celery.exceptions import SoftTimeLimitExceeded

from reports import services

logger = logging.getLogger(__name__)


@shared_task(
    name="reports.render_version",
    bind=True,
    ignore_result=True,
    acks_late=True,
    reject_on_worker_lost=True,
    autoretry_for=(Exception,),
    dont_autoretry_for=(SoftTimeLimitExceeded, services.RenderBusy),
    max_retries=services.MAX_ATTEMPTS - 1,
    retry_backoff=5,
    retry_backoff_max=120,
    retry_jitter=False,
)
def render_version(self, version_id):
    try:
        services.report_render(version_id=version_id)
    except services.RenderBusy:
        # Another worker holds the row and is rendering it now; nothing to do here.
        logger.info("report version %s is being rendered by another worker", version_id)
    except SoftTimeLimitExceeded:
        services.report_mark_failed(
            version_id=version_id,
            error="Dannelsen tog for lang tid og blev stoppet (tidsgrænse).",
        )
    except Exception as exc:
        services.report_mark_failed(version_id=version_id, error=f"{type(exc).__name__}: {exc}")
        raise


@shared_task(name="reports.sweep_stale", ignore_result=True)
def sweep_stale():
    return services.reports_sweep_stale()
