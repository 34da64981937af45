"""Responses: registered by the secretariat or submitted by citizens, with receipts."""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.concurrency import tracked_save
from core.jobs import job_enqueue
from core.uploads import DOCX, PDF, detect_type, stored_name
from hearings.models import (
    ConsultedParty,
    Hearing,
    Responder,
    Response,
    ResponseAttachment,
)
from hearings.services._base import _today


def _next_reference(hearing: Hearing) -> str:
    # The hearing row is locked by the caller, so two submissions never get the same number.
    count = Response.objects.filter(hearing=hearing).count()
    while True:
        count += 1
        reference = f"H{hearing.pk}-{count:04d}"
        if not Response.objects.filter(reference=reference).exists():
            return reference


def responder_for_party(*, party: ConsultedParty) -> Responder:
    """The one responder row of a consulted body, reused across hearings."""
    responder = Responder.objects.filter(party=party, kind=Responder.Kind.CONSULTED_BODY).first()
    if responder is None:
        responder = tracked_save(
            Responder(
                municipality_id=party.municipality_id,
                kind=Responder.Kind.CONSULTED_BODY,
                party=party,
                name=party.name,
                email=party.contact_email,
            ),
            reason=_("Afsender oprettet"),
        )
    return responder


def _attach(response: Response, files) -> None:
    for upload in files or ():
        # The type was judged by content (hearings.forms.uploads.check_upload); the name the
        # file is stored and offered under follows it, whatever it was called when sent.
        content_type = getattr(upload, "checked_content_type", None) or detect_type(
            upload, (PDF, DOCX)
        )
        upload.name = stored_name(upload.name, content_type, default_stem="bilag")
        tracked_save(
            ResponseAttachment(
                response=response,
                file=upload,
                original_name=upload.name[:255],
                content_type=content_type,
                size=upload.size,
            ),
            reason=_("Bilag tilføjet"),
        )


@transaction.atomic
def response_register(
    *,
    hearing: Hearing,
    responder: Responder,
    received_on: datetime.date,
    channel: str,
    text: str,
    registered_by,
    summary: str = "",
    files=(),
    publication_consent: bool = False,
    withheld: bool = False,
    confidential: bool = False,
    late_override_reason: str = "",
    is_demo: bool = False,
) -> Response:
    """Register a response that came by e-mail or letter (or any response, from the demo).

    Outside the period, or once the hearing is no longer open, a response is only accepted
    with a written override; who allowed it is recorded on the response and in its history.
    """
    hearing = Hearing.objects.select_for_update().get(pk=hearing.pk)
    if responder.municipality_id != hearing.policy.municipality_id:
        raise ValidationError(_("Afsenderen hører til en anden kommune."))
    late_override_reason = late_override_reason.strip()
    if hearing.is_late(received_on) and not late_override_reason:
        raise ValidationError(
            {
                "late_override_reason": _(
                    "Svaret er modtaget uden for høringsperioden eller efter, at høringen er "
                    "lukket. Skriv begrundelsen for, at det alligevel registreres."
                )
            }
        )
    response = tracked_save(
        Response(
            hearing=hearing,
            responder=responder,
            reference=_next_reference(hearing),
            received_on=received_on,
            channel=channel,
            text=text,
            summary=summary,
            publication_consent=publication_consent,
            withheld=withheld,
            confidential=confidential,
            late_override_reason=late_override_reason,
            late_override_by=registered_by if late_override_reason else None,
            registered_by=registered_by,
            is_demo=is_demo,
        ),
        reason=_("Sent svar registreret: %(reason)s") % {"reason": late_override_reason}
        if late_override_reason
        else _("Svar registreret"),
    )
    _attach(response, files)
    return response


@transaction.atomic
def response_submit_citizen(
    *,
    hearing: Hearing,
    name: str,
    email: str,
    text: str,
    organisation: str = "",
    publication_consent: bool = False,
    attachment=None,
    today: datetime.date | None = None,
) -> Response:
    """A citizen's answer through the web form. The receipt e-mail goes out as a job after
    commit, so a mail server that is down never loses the response."""
    today = today or _today()
    hearing = Hearing.objects.select_for_update().get(pk=hearing.pk)
    if not hearing.accepts_citizens(today):
        raise ValidationError(_("Høringen modtager ikke svar fra borgere nu."))
    responder = tracked_save(
        Responder(
            municipality_id=hearing.policy.municipality_id,
            kind=Responder.Kind.CITIZEN,
            name=name.strip(),
            organisation=organisation.strip(),
            email=email.strip(),
        ),
        reason=_("Borger har svaret via webformular"),
    )
    response = tracked_save(
        Response(
            hearing=hearing,
            responder=responder,
            reference=_next_reference(hearing),
            received_on=today,
            channel=Response.Channel.WEB,
            text=text.strip(),
            publication_consent=publication_consent,
        ),
        reason=_("Svar modtaget via webformular"),
    )
    _attach(response, [attachment] if attachment else [])
    job_enqueue(task_name="hearings.tasks.send_response_receipt", args=[response.pk])
    return response


def response_receipt_send(*, response_id: int) -> bool:
    """Send the receipt with the reference number, once."""
    with transaction.atomic():
        response = (
            Response.objects.select_for_update()
            .select_related("responder", "hearing__policy__municipality")
            .get(pk=response_id)
        )
        if response.receipt_sent_at or not response.responder.email:
            return False
        hearing = response.hearing
        body = _(
            "Tak for dit høringssvar til %(title)s.\n\n"
            "Dit referencenummer er %(reference)s. Oplys det, hvis du kontakter os om svaret.\n"
            "Høringsfristen er %(deadline)s. Når høringen er behandlet, kan du læse "
            "høringsnotatet på høringens side.\n\nVenlig hilsen\n%(municipality)s Kommune"
        ) % {
            "title": hearing.title,
            "reference": response.reference,
            "deadline": f"{hearing.closes_on:%d.%m.%Y}",
            "municipality": hearing.policy.municipality.name,
        }
        send_mail(
            _("Kvittering for høringssvar %(reference)s") % {"reference": response.reference},
            body,
            settings.DEFAULT_FROM_EMAIL,
            [response.responder.email],
        )
        Response.objects.filter(pk=response.pk).update(receipt_sent_at=timezone.now())
    return True


@transaction.atomic
def response_set_publication(
    *,
    response: Response,
    withheld: bool,
    confidential: bool,
    summary: str | None = None,
    expected_revision: int,
) -> Response:
    response.withheld = withheld
    response.confidential = confidential
    if summary is not None:
        response.summary = summary
    return tracked_save(
        response, reason=_("Offentliggørelse ændret"), expected_revision=expected_revision
    )
