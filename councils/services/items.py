"""The items of a meeting: add, order, edit, correct published minutes, attachments, guests
and follow-ups."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F, Max
from django.utils.translation import gettext as _

from core.concurrency import tracked_save
from core.uploads import stored_name
from councils.models import (
    AgendaItem,
    Attachment,
    FollowUp,
    ItemGuest,
    Meeting,
    MinutesCorrection,
    Person,
)
from councils.services.meetings import STANDING_ITEM_LAST

# What a correction of published minutes may change.
CORRECTABLE_FIELDS = [
    "title",
    "public_title",
    "public_decision",
    "case_presentation",
    "recommendation",
    "decision",
    "outcome",
]

_RENUMBER_OFFSET = 100_000


def _ensure_agenda_editable(meeting: Meeting):
    if meeting.minutes_are_public:
        raise ValidationError(
            _("Referatet er offentliggjort. Ændringer skal laves som en rettelse med begrundelse.")
        )
    if meeting.is_cancelled:
        raise ValidationError(_("Mødet er aflyst."))


@transaction.atomic
def item_add(
    *,
    meeting: Meeting,
    title: str,
    is_closed: bool = False,
    public_title: str = "",
) -> AgendaItem:
    """Add an item; it goes before a trailing "Eventuelt" so that stays last."""
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    _ensure_agenda_editable(meeting)
    items = list(meeting.items.order_by("position", "number"))
    item = AgendaItem(meeting=meeting, title=title, is_closed=is_closed, public_title=public_title)
    if items and items[-1].title == STANDING_ITEM_LAST and not meeting.agenda_is_public:
        items.insert(len(items) - 1, item)
    else:
        items.append(item)
    item.number = (meeting.items.aggregate(m=Max("number"))["m"] or 0) + 1
    item.position = len(items)
    tracked_save(item, reason=_("Punkt tilføjet"))
    _renumber(meeting, items)
    item.refresh_from_db()
    return item


def _renumber(meeting: Meeting, items: list[AgendaItem]):
    """Positions follow the list; before the agenda is published the numbers do too.

    Published agendas keep their numbers (people refer to "punkt 4"), only the order moves.
    """
    renumber = not meeting.agenda_is_public
    if renumber:
        # Park the numbers first, so the unique (meeting, number) never sees a duplicate.
        AgendaItem.objects.filter(meeting=meeting).update(number=F("number") + _RENUMBER_OFFSET)
    for index, item in enumerate(items, start=1):
        fresh = AgendaItem.objects.get(pk=item.pk)
        old_number = fresh.number - _RENUMBER_OFFSET if renumber else fresh.number
        new_number = index if renumber else old_number
        if fresh.position == index and old_number == new_number:
            if renumber:
                AgendaItem.objects.filter(pk=fresh.pk).update(number=new_number)
            continue
        fresh.position, fresh.number = index, new_number
        tracked_save(fresh, reason=_("Rækkefølge ændret"), fields=["position", "number"])


@transaction.atomic
def item_move(*, item: AgendaItem, offset: int) -> AgendaItem:
    """Move an item ``offset`` places up (negative) or down (positive)."""
    meeting = Meeting.objects.select_for_update().get(pk=item.meeting_id)
    _ensure_agenda_editable(meeting)
    items = list(meeting.items.order_by("position", "number"))
    index = next(i for i, other in enumerate(items) if other.pk == item.pk)
    target = max(0, min(len(items) - 1, index + offset))
    if target != index:
        items.insert(target, items.pop(index))
        _renumber(meeting, items)
    item.refresh_from_db()
    return item


@transaction.atomic
def item_update(*, item: AgendaItem, expected_revision: int) -> AgendaItem:
    """Save an item edited in a form (fields already set on ``item``).

    Raises core.concurrency.EditConflict when someone saved it meanwhile.
    """
    meeting = Meeting.objects.get(pk=item.meeting_id)
    _ensure_agenda_editable(meeting)
    return tracked_save(item, reason=_("Punkt redigeret"), expected_revision=expected_revision)


@transaction.atomic
def item_correct(
    *, item: AgendaItem, field: str, new_value: str, reason: str, user
) -> MinutesCorrection:
    """Change published minutes: the only way, and always recorded with a reason."""
    if field not in CORRECTABLE_FIELDS:
        raise ValidationError(_("Feltet kan ikke rettes."))
    if not reason.strip():
        raise ValidationError(_("Skriv en begrundelse for rettelsen."))
    item = AgendaItem.objects.select_for_update().get(pk=item.pk)
    if not item.meeting.minutes_are_public:
        raise ValidationError(_("Rettelser bruges kun på offentliggjorte referater."))
    old_value = getattr(item, field) or ""
    setattr(item, field, new_value)
    tracked_save(item, reason=_("Rettelse: %(reason)s") % {"reason": reason.strip()[:80]})
    correction = MinutesCorrection(
        item=item,
        made_by=user,
        reason=reason.strip(),
        field=field,
        old_value=old_value,
        new_value=getattr(item, field) or "",
    )
    return tracked_save(correction, reason=_("Rettelse registreret"))


@transaction.atomic
def attachment_add(
    *,
    item: AgendaItem,
    title: str,
    file,
    content_type: str,
    number: int | None = None,
    journal_number: str = "",
    document_number: str = "",
    is_closed: bool = False,
) -> Attachment:
    if number is None:
        number = (item.attachments.aggregate(m=Max("number"))["m"] or 0) + 1
    attachment = Attachment(
        item=item,
        number=number,
        title=title,
        journal_number=journal_number,
        document_number=document_number,
        is_closed=is_closed,
        content_type=content_type,
        size=file.size,
    )
    # Stored under the extension of the type found in its bytes, not the name it came with.
    attachment.file.save(stored_name(file.name, content_type), file, save=False)
    return tracked_save(attachment, reason=_("Bilag tilføjet"))


@transaction.atomic
def item_guest_add(*, item: AgendaItem, name: str, capacity: str = "") -> ItemGuest:
    """Record someone taking part in the item; the person is reused by name."""
    _ensure_agenda_editable(item.meeting)
    municipality = item.meeting.council.municipality
    person = Person.objects.filter(municipality=municipality, name=name.strip()).first()
    if person is None:
        person = tracked_save(
            Person(municipality=municipality, name=name.strip(), title=capacity),
            reason=_("Person oprettet som deltager"),
        )
    guest = ItemGuest.objects.filter(item=item, person=person).first() or ItemGuest(
        item=item, person=person
    )
    guest.capacity = capacity
    return tracked_save(guest, reason=_("Deltager under punktet registreret"))


@transaction.atomic
def follow_up_add(
    *,
    item: AgendaItem,
    kind: str,
    title: str,
    task: str,
    due_date: datetime.date | None = None,
    due_label: str = "",
    members=(),
    support=(),
) -> FollowUp:
    _ensure_agenda_editable(item.meeting)
    follow_up = tracked_save(
        FollowUp(
            item=item, kind=kind, title=title, task=task, due_date=due_date, due_label=due_label
        ),
        reason=_("Opfølgning besluttet"),
    )
    follow_up.members.set(members)
    follow_up.support.set(support)
    return follow_up
