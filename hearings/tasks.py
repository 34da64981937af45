"""Celery adapters: take ids, call a service. Idempotent, as core.jobs requires."""

import smtplib

from celery import shared_task

from hearings import services


# A mail server that is down or refuses for a while delays the receipt, never loses it: the
# task is tried again with a growing pause (up to an hour apart, for about two days).
@shared_task(
    name="hearings.tasks.send_response_receipt",
    ignore_result=True,
    autoretry_for=(OSError, smtplib.SMTPException),
    retry_backoff=60,
    retry_backoff_max=3600,
    max_retries=60,
)
def send_response_receipt(response_id):
    return services.response_receipt_send(response_id=response_id)


@shared_task(name="hearings.tasks.purge_contact_data", ignore_result=True)
def purge_contact_data():
    return services.contact_data_purge()
