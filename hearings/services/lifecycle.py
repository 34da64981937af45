"""Hearings from planned to report published: the states follow the dates."""

import datetime
from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from core.concurrency import tracked_save
from core.transitions import transition
from hearings.models import (
    ConsultedParty,
    Hearing,
    HearingParty,
    Remark,
    Response,
)
from hearings.selectors import hearing_warnings
from hearings.services._base import DEFAULT_PERSONAL_DATA_DAYS, _today


@transaction.atomic
def hearing_create(
    *,
    policy,
    version=None,
    title: str = "",
    intro: str = "",
    opens_on: datetime.date,
    closes_on: datetime.date,
    citizens_may_answer: bool = False,
    personal_data_delete_on: datetime.date | None = None,
    parties: Iterable[ConsultedParty] = (),
    is_demo: bool = False,
) -> Hearing:
    if version is not None and version.policy_id != policy.pk:
        raise ValidationError({"version": _("Versionen hører ikke til politikken.")})
    hearing = tracked_save(
        Hearing(
            policy=policy,
            version=version,
            title=title or _("Høring om %(policy)s") % {"policy": policy.title},
            intro=intro,
            opens_on=opens_on,
            closes_on=closes_on,
            citizens_may_answer=citizens_may_answer,
            personal_data_delete_on=personal_data_delete_on
            or closes_on + datetime.timedelta(days=DEFAULT_PERSONAL_DATA_DAYS),
            is_demo=is_demo,
        ),
        reason=_("Høring oprettet"),
    )
    hearing_set_parties(hearing=hearing, parties=parties)
    return hearing


@transaction.atomic
def hearing_set_parties(*, hearing: Hearing, parties: Iterable[ConsultedParty]) -> list[str]:
    """Set the consulted parties. Returns warnings (legally required parties left out)."""
    wanted = {party.pk: party for party in parties}
    for party in wanted.values():
        if party.municipality_id != hearing.policy.municipality_id:
            raise ValidationError(_("Høringsparten hører til en anden kommune."))
    answered = set(
        Response.objects.filter(hearing=hearing, responder__party__isnull=False).values_list(
            "responder__party_id", flat=True
        )
    )
    for row in hearing.parties.all():
        if row.party_id not in wanted and row.party_id not in answered:
            row.delete()
    existing = set(hearing.parties.values_list("party_id", flat=True))
    for party_id, party in wanted.items():
        if party_id not in existing:
            tracked_save(
                HearingParty(hearing=hearing, party=party), reason=_("Høringspart tilføjet")
            )
    return hearing_warnings(hearing=hearing)


def _move(hearing: Hearing, target: str, reason: str) -> Hearing:
    hearing = Hearing.objects.select_for_update().get(pk=hearing.pk)
    return transition(hearing, to=target, reason=reason)


@transaction.atomic
def hearing_open(*, hearing: Hearing, today: datetime.date | None = None) -> Hearing:
    today = today or _today()
    if hearing.version_id is None:
        raise ValidationError(_("Høringen mangler høringsudkastet (en frossen version)."))
    if today < hearing.opens_on:
        raise ValidationError(
            _("Høringen åbner først %(date)s.") % {"date": f"{hearing.opens_on:%d.%m.%Y}"}
        )
    hearing = _move(hearing, Hearing.State.OPEN, _("Høring åbnet"))
    HearingParty.objects.filter(hearing=hearing, invited_on__isnull=True).update(invited_on=today)
    return hearing


@transaction.atomic
def hearing_close(*, hearing: Hearing, today: datetime.date | None = None) -> Hearing:
    today = today or _today()
    if today <= hearing.closes_on:
        raise ValidationError(
            _("Høringsfristen er %(date)s; høringen kan først lukkes dagen efter.")
            % {"date": f"{hearing.closes_on:%d.%m.%Y}"}
        )
    return _move(hearing, Hearing.State.CLOSED, _("Høring afsluttet"))


@transaction.atomic
def hearing_mark_processed(*, hearing: Hearing) -> Hearing:
    unhandled = Remark.objects.filter(response__hearing=hearing, outcome="").count()
    if unhandled:
        raise ValidationError(
            _("%(count)d bemærkninger mangler at blive besvaret.") % {"count": unhandled}
        )
    return _move(hearing, Hearing.State.PROCESSED, _("Høringssvar behandlet"))


@transaction.atomic
def hearing_publish_report(*, hearing: Hearing) -> Hearing:
    return _move(hearing, Hearing.State.REPORT_PUBLISHED, _("Høringsnotat offentliggjort"))


@transaction.atomic
def hearing_set_summary(*, hearing: Hearing, summary: str) -> Hearing:
    """Record the municipality's overall summary of how the hearing went."""
    hearing.summary = summary
    return tracked_save(hearing, reason=_("Opsummering af høringen opdateret"))
