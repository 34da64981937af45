"""Celery adapters: take ids, call a service. Both are idempotent (each reminder is sent once)."""

from celery import shared_task

from actionplans import services


@shared_task(name="actionplans.tasks.send_round_reminders", ignore_result=True)
def send_round_reminders(round_id):
    """Enqueued (through core.jobs) when a round is opened or created open."""
    return services.round_reminders_send(round_id=round_id)


@shared_task(name="actionplans.tasks.send_due_round_reminders", ignore_result=True)
def send_due_round_reminders():
    """Daily (beat): the opening and the before-closing reminders of every open round."""
    return services.round_reminders_due()
