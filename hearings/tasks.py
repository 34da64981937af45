"""Celery adapters: take ids, call a service. Idempotent, as core.jobs requires."""

from celery import shared_task

from hearings import services


@shared_task(name="hearings.tasks.send_response_receipt", ignore_result=True)
def send_response_receipt(response_id):
    return services.response_receipt_send(response_id=response_id)


@shared_task(name="hearings.tasks.purge_contact_data", ignore_result=True)
def purge_contact_data():
    return services.contact_data_purge()
