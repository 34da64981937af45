"""Deletion of citizens' contact data after the hearing's deletion date."""

import datetime

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from hearings.models import (
    Hearing,
    Responder,
)
from hearings.services._base import _today


@transaction.atomic
def contact_data_purge(*, today: datetime.date | None = None) -> int:
    """Remove citizens' e-mail, phone and address once every hearing they answered has
    passed its deletion date, from the rows and from their history rows.

    The names, texts, remarks and answers stay: they are the public record of the hearing.
    Idempotent: safe to run every night.
    """
    today = today or _today()
    due = Hearing.objects.filter(personal_data_delete_on__lt=today)
    not_due = Hearing.objects.filter(
        Q(personal_data_delete_on__isnull=True) | Q(personal_data_delete_on__gte=today)
    )
    responder_ids = list(
        Responder.objects.filter(kind=Responder.Kind.CITIZEN, responses__hearing__in=due)
        .exclude(responses__hearing__in=not_due)
        .filter(~Q(email="") | ~Q(phone="") | ~Q(address=""))
        .values_list("pk", flat=True)
        .distinct()
    )
    blank = dict.fromkeys(Responder.CONTACT_FIELDS, "")
    now = timezone.now()
    if responder_ids:
        # .update() on purpose: a history row per wipe would be one more copy to wipe.
        Responder.objects.filter(pk__in=responder_ids).update(**blank, contact_data_deleted_at=now)
    # History rows of every citizen whose data are due, including earlier runs' leftovers.
    purged_ids = Responder.objects.filter(
        kind=Responder.Kind.CITIZEN, contact_data_deleted_at__isnull=False
    ).values("pk")
    Responder.history.filter(id__in=purged_ids).filter(
        ~Q(email="") | ~Q(phone="") | ~Q(address="")
    ).update(**blank)
    due.filter(contact_data_purged_at__isnull=True).update(contact_data_purged_at=now)
    return len(responder_ids)
