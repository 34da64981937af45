from celery import shared_task

from core.jobs import jobs_sweep


@shared_task(name="core.tasks.sweep_jobs", ignore_result=True)
def sweep_jobs():
    return jobs_sweep()
