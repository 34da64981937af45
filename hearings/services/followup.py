"""Who answered, reminders, and acknowledgements (kvitteringer)."""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.concurrency import tracked_save
from hearings.models import (
    Acknowledgement,
    Hearing,
    HearingParty,
    Response,
)
from hearings.services._base import _today


@transaction.atomic
def party_remind(
    *, hearing_party: HearingParty, sent_by, today: datetime.date | None = None
) -> HearingParty:
    today = today or _today()
    row = (
        HearingParty.objects.select_for_update()
        .select_related("party", "hearing__policy__municipality")
        .get(pk=hearing_party.pk)
    )
    hearing = row.hearing
    if hearing.state != Hearing.State.OPEN or today > hearing.closes_on:
        raise ValidationError(_("Der kan kun sendes påmindelser, mens høringen er åben."))
    if Response.objects.filter(hearing=hearing, responder__party=row.party).exists():
        raise ValidationError(_("%(party)s har allerede svaret.") % {"party": row.party})
    if not row.party.contact_email:
        raise ValidationError(_("%(party)s har ingen e-mailadresse.") % {"party": row.party})
    send_mail(
        _("Påmindelse: høring om %(title)s") % {"title": hearing.title},
        _(
            "Kære %(party)s\n\nVi minder om høringen om %(title)s. Høringsfristen er "
            "%(deadline)s (%(days)d dage tilbage).\n\nVenlig hilsen\n%(municipality)s Kommune"
        )
        % {
            "party": row.party.name,
            "title": hearing.title,
            "deadline": f"{hearing.closes_on:%d.%m.%Y}",
            "days": hearing.days_left(today),
            "municipality": hearing.policy.municipality.name,
        },
        settings.DEFAULT_FROM_EMAIL,
        [row.party.contact_email],
    )
    row.reminded_at = timezone.now()
    row.reminder_count += 1
    return tracked_save(row, reason=_("Påmindelse sendt af %(user)s") % {"user": sent_by})


@transaction.atomic
def acknowledgement_send(
    *,
    response: Response,
    text: str,
    sent_by,
    channel: str = Acknowledgement.Channel.EMAIL,
    sent_at: datetime.datetime | None = None,
) -> Acknowledgement:
    """Thank the responder and say what happens next. E-mail goes out now; a letter is
    recorded as sent by post. Either way it is on the record."""
    if not text.strip():
        raise ValidationError({"text": _("Skriv kvitteringens tekst.")})
    responder = response.responder
    if channel == Acknowledgement.Channel.EMAIL:
        if not responder.email:
            raise ValidationError(
                _("%(name)s har ingen e-mailadresse; send kvitteringen med brev.")
                % {"name": responder.public_name}
            )
        send_mail(
            _("Tak for dit høringssvar (%(reference)s)") % {"reference": response.reference},
            text,
            settings.DEFAULT_FROM_EMAIL,
            [responder.email],
        )
    return tracked_save(
        Acknowledgement(
            response=response,
            sent_at=sent_at or timezone.now(),
            channel=channel,
            text=text.strip(),
            sent_by=sent_by,
        ),
        reason=_("Kvittering sendt"),
    )


def acknowledgements_send_all(*, hearing: Hearing, text: str, sent_by) -> int:
    """Acknowledge every response that has not been acknowledged (e-mail where possible,
    otherwise recorded as a letter). Each acknowledgement is its own transaction, so one bad
    address does not undo the others."""
    pending = (
        Response.objects.filter(hearing=hearing)
        .exclude(acknowledgements__isnull=False)
        .select_related("responder")
    )
    sent = 0
    for response in pending:
        channel = (
            Acknowledgement.Channel.EMAIL
            if response.responder.email
            else Acknowledgement.Channel.LETTER
        )
        acknowledgement_send(response=response, text=text, sent_by=sent_by, channel=channel)
        sent += 1
    return sent
