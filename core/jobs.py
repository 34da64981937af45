"""Jobs that must not be lost: recorded in PostgreSQL first, then sent to Celery.

A job is a row written in the caller's transaction. After commit it is sent to the
broker; if Redis is down the row simply stays unsent and the periodic sweep sends it when
the broker is back. Workers acknowledge late and re-queue on a lost worker, so a job
accepted is a job done. Tasks must be idempotent: they look at their object's state
before doing anything.
"""

import logging
from datetime import timedelta

from celery import current_app
from django.db import transaction
from django.utils import timezone
from kombu.exceptions import OperationalError

from core.models_jobs import Job

logger = logging.getLogger(__name__)


def job_enqueue(*, task_name, args=(), queue=None):
    """Record a job in the current transaction and send it once the transaction commits."""
    job = Job.objects.create(task_name=task_name, args=list(args), queue=queue or "")
    transaction.on_commit(lambda: job_send(job_id=job.pk))
    return job


def job_send(*, job_id):
    """Send one recorded job to the broker. Failure is not an error: the sweep retries."""
    app = current_app  # the project's app (config.celery), without the kernel naming it
    job = Job.objects.get(pk=job_id)
    task = app.tasks.get(job.task_name)
    try:
        if task is not None:  # also honours task_always_eager in tests
            task.apply_async(args=job.args, queue=job.queue or None, retry=False)
        else:
            app.send_task(job.task_name, args=job.args, queue=job.queue or None, retry=False)
    except (OperationalError, ConnectionError, OSError):
        logger.warning("broker unavailable; job %s stays queued for the sweep", job_id)
        Job.objects.filter(pk=job_id).update(send_attempts=job.send_attempts + 1)
        return False
    Job.objects.filter(pk=job_id).update(
        sent_at=timezone.now(), send_attempts=job.send_attempts + 1
    )
    return True


def jobs_sweep(*, older_than=timedelta(seconds=30)):
    """Send every job that was recorded but never reached the broker."""
    cutoff = timezone.now() - older_than
    sent = 0
    for job_id in Job.objects.filter(sent_at__isnull=True, created_at__lt=cutoff).values_list(
        "pk", flat=True
    ):
        sent += job_send(job_id=job_id)
    return sent
