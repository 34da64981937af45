"""Deletion of personal data after the hearing's deletion date."""

import datetime

from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone

from core.redact import redact
from hearings.models import (
    Hearing,
    Remark,
    Responder,
    Response,
)
from hearings.services._base import _today

# Whose contact data are personal. A consulted body's responder row is the municipality's own
# register entry (its official hearing address), reused across hearings: it stays.
PURGED_KINDS = (Responder.Kind.CITIZEN, Responder.Kind.ORGANISATION)

HAS_CONTACT_DATA = ~Q(email="") | ~Q(phone="") | ~Q(address="")
# An organisation's contact person is kept in ``name`` beside the organisation's name.
HAS_CONTACT_PERSON = (
    Q(kind=Responder.Kind.ORGANISATION) & ~Q(organisation="") & ~Q(name=F("organisation"))
)


@transaction.atomic
def contact_data_purge(*, today: datetime.date | None = None) -> int:
    """Remove personal data once the deletion date has passed, from the rows and from their
    history rows; returns how many responders' contact data were removed.

    - Citizens' and organisations' e-mail, phone and address, and an organisation's contact
      person, once every hearing they answered has passed its date. The organisation's name
      stays (``public_name`` reads it), and a citizen's name stays with the text.
    - Contact details typed into the responses' text and summary and into their remarks'
      excerpts are replaced by ``core.redact``'s marker.

    The texts, remarks and answers stay otherwise: they are the public record of the
    hearing. Idempotent and incremental: a hearing's texts are read in full once, later only
    rows edited since. Safe to run every night. ``.update()`` on purpose throughout: a history
    row per wipe would be one more copy to wipe.
    """
    today = today or _today()
    now = timezone.now()
    due = Hearing.objects.filter(personal_data_delete_on__lt=today)
    not_due = Hearing.objects.filter(
        Q(personal_data_delete_on__isnull=True) | Q(personal_data_delete_on__gte=today)
    )
    responder_ids = list(
        Responder.objects.filter(kind__in=PURGED_KINDS, responses__hearing__in=due)
        .exclude(responses__hearing__in=not_due)
        .filter(HAS_CONTACT_DATA | HAS_CONTACT_PERSON | Q(contact_data_deleted_at__isnull=True))
        .values_list("pk", flat=True)
        .distinct()
    )
    if responder_ids:
        _purge_responders(Responder.objects.filter(pk__in=responder_ids), now=now)
    # History rows of every responder whose data are gone, including earlier runs' leftovers.
    purged_ids = Responder.objects.filter(
        kind__in=PURGED_KINDS, contact_data_deleted_at__isnull=False
    ).values("pk")
    _purge_responders(Responder.history.filter(id__in=purged_ids), now=None)

    # Rows of due hearings not read since their purge (all of them, the first time).
    unread = Q(hearing__contact_data_purged_at__isnull=True) | Q(
        updated_at__gte=F("hearing__contact_data_purged_at")
    )
    response_ids = list(
        Response.objects.filter(unread, hearing__in=due).values_list("pk", flat=True)
    )
    remark_ids = list(
        Remark.objects.filter(
            Q(response_id__in=response_ids)
            | Q(
                response__hearing__in=due,
                updated_at__gte=F("response__hearing__contact_data_purged_at"),
            )
        ).values_list("pk", flat=True)
    )
    for rows, fields in (
        (Response.objects.filter(pk__in=response_ids), ("text", "summary")),
        (Response.history.filter(id__in=response_ids), ("text", "summary")),
        (Remark.objects.filter(pk__in=remark_ids), ("excerpt",)),
        (Remark.history.filter(id__in=remark_ids), ("excerpt",)),
    ):
        _redact_rows(rows, fields)
    due.filter(contact_data_purged_at__isnull=True).update(contact_data_purged_at=now)
    return len(responder_ids)


def _purge_responders(rows, *, now):
    changes = dict.fromkeys(Responder.CONTACT_FIELDS, "")
    if now is not None:
        rows.filter(contact_data_deleted_at__isnull=True).update(contact_data_deleted_at=now)
    rows.filter(HAS_CONTACT_DATA).update(**changes)
    # The contact person goes; the organisation's name takes the place of theirs.
    rows.filter(HAS_CONTACT_PERSON).update(name=F("organisation"))


def _redact_rows(rows, fields):
    """Write ``redact`` over ``fields`` of ``rows``, touching only the rows it changes."""
    model = rows.model
    for row in rows.values("pk", *fields).iterator():
        redacted = {field: redact(row[field]) for field in fields}
        if any(redacted[field] != row[field] for field in fields):
            model._base_manager.filter(pk=row["pk"]).update(**redacted)
