"""Meetings from planning to published minutes: create, edit, publish the agenda, write and
publish the minutes, cancel, record who attended."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.concurrency import tracked_save
from core.transitions import transition
from councils.models import AgendaItem, Attendance, Council, Meeting, Person

# The items every meeting starts with (kommunernes faste punkter). "Eventuelt" stays last
# when items are added.
STANDING_ITEMS_FIRST = ["Godkendelse af dagsorden", "Godkendelse af referat", "Meddelelser"]
STANDING_ITEM_LAST = "Eventuelt"


@transaction.atomic
def meeting_create(
    *,
    council: Council,
    starts_at: datetime.datetime,
    ends_at: datetime.datetime | None = None,
    location: str = "",
    standing_items: bool = True,
) -> Meeting:
    meeting = tracked_save(
        Meeting(council=council, starts_at=starts_at, ends_at=ends_at, location=location),
        reason=_("Møde oprettet"),
    )
    if standing_items:
        titles = [*STANDING_ITEMS_FIRST, STANDING_ITEM_LAST]
        for number, title in enumerate(titles, start=1):
            tracked_save(
                AgendaItem(meeting=meeting, number=number, position=number, title=title),
                reason=_("Fast punkt oprettet"),
            )
    return meeting


@transaction.atomic
def meeting_update(*, meeting: Meeting, expected_revision: int) -> Meeting:
    return tracked_save(meeting, reason=_("Mødet redigeret"), expected_revision=expected_revision)


@transaction.atomic
def meeting_publish_agenda(*, meeting: Meeting) -> Meeting:
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    Meeting.TRANSITIONS.check(meeting, Meeting.Status.AGENDA_PUBLISHED)
    if not meeting.items.exists():
        raise ValidationError(_("Dagsordenen har ingen punkter."))
    missing = meeting.items.filter(is_closed=True, public_title="")
    if missing.exists():
        raise ValidationError(_("Alle lukkede punkter skal have en offentlig titel."))
    return transition(
        meeting,
        to=Meeting.Status.AGENDA_PUBLISHED,
        reason=_("Dagsorden offentliggjort"),
        agenda_published_at=timezone.now(),
    )


@transaction.atomic
def meeting_start_minutes(*, meeting: Meeting) -> Meeting:
    """The meeting is held: the secretariat writes the minutes (not public yet)."""
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    return transition(meeting, to=Meeting.Status.MINUTES_DRAFT, reason=_("Referat påbegyndt"))


@transaction.atomic
def meeting_publish_minutes(*, meeting: Meeting) -> Meeting:
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    Meeting.TRANSITIONS.check(meeting, Meeting.Status.MINUTES_PUBLISHED)
    undecided = [str(item.number) for item in meeting.items.filter(outcome="")]
    if undecided:
        raise ValidationError(
            _("Disse punkter mangler et beslutningsresultat: %(numbers)s.")
            % {"numbers": ", ".join(undecided)}
        )
    closed_without_decision = meeting.items.filter(is_closed=True, public_decision="")
    if closed_without_decision.exists():
        # § 10: a closed decision is still published as far as confidentiality allows.
        raise ValidationError(
            _("Lukkede punkter skal have en offentlig beslutning, før referatet offentliggøres.")
        )
    return transition(
        meeting,
        to=Meeting.Status.MINUTES_PUBLISHED,
        reason=_("Referat offentliggjort"),
        minutes_published_at=timezone.now(),
    )


@transaction.atomic
def meeting_cancel(*, meeting: Meeting) -> Meeting:
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    return transition(meeting, to=Meeting.Status.CANCELLED, reason=_("Møde aflyst"))


@transaction.atomic
def attendance_record(*, meeting: Meeting, person: Person, status: str, note: str = ""):
    attendance, _created = Attendance.objects.get_or_create(
        meeting=meeting, person=person, defaults={"status": status, "note": note}
    )
    if not _created and (attendance.status, attendance.note) != (status, note):
        attendance.status, attendance.note = status, note
        tracked_save(attendance, reason=_("Fremmøde registreret"))
    return attendance
