"""A meeting's agenda or minutes, as the audience may see them."""

from django.utils import timezone

from councils.models import AgendaItem, Attachment, Attendance, FollowUp, ItemGuest
from reports.models import ReportVersion
from reports.snapshot.base import SNAPSHOT_FORMAT, day, normalise
from reports.snapshot.decisions import item_row


def minutes_snapshot(meeting, audience, reader):
    municipality = meeting.council.municipality
    items = list(
        AgendaItem.objects.visible_to(reader)
        .filter(meeting=meeting)
        .select_related("meeting__council", "case")
        .order_by("position", "number", "id")
    )
    guests, attachments, follow_ups = {}, {}, {}
    for guest in (
        ItemGuest.objects.visible_to(reader).filter(item__in=items).select_related("person")
    ):
        guests.setdefault(guest.item_id, []).append(
            f"{guest.person.name}, {guest.capacity}" if guest.capacity else guest.person.name
        )
    for attachment in Attachment.objects.visible_to(reader).filter(item__in=items):
        label = f"{attachment.number}. {attachment.title}"
        if attachment.journal_number:
            label += f" ({attachment.journal_number})"
        attachments.setdefault(attachment.item_id, []).append(label)
    for follow_up in FollowUp.objects.visible_to(reader).filter(item__in=items):
        follow_ups.setdefault(follow_up.item_id, []).append(
            {
                "title": follow_up.title,
                "task": follow_up.task,
                "due": follow_up.due_label or day(follow_up.due_date) or "",
            }
        )
    rows = []
    for item in items:
        row = item_row(item)
        readable = item.can_read
        row.update(
            {
                "case_presentation": item.case_presentation if readable else "",
                "recommendation": item.recommendation if readable else "",
                "guests": guests.get(item.pk, []),
                "attachments": attachments.get(item.pk, []),
                "follow_ups": follow_ups.get(item.pk, []) if item.decision_public else [],
            }
        )
        rows.append(row)
    attendance = [
        {"name": a.person.name, "status": a.get_status_display(), "note": a.note}
        for a in Attendance.objects.visible_to(reader)
        .filter(meeting=meeting)
        .select_related("person")
    ]
    return normalise(
        {
            "format": SNAPSHOT_FORMAT,
            "kind": ReportVersion.Kind.MINUTES.value,
            "audience": audience,
            "title": f"{meeting.council.name} {timezone.localtime(meeting.starts_at):%d.%m.%Y}",
            "municipality": municipality.name,
            "meeting": {
                "council": meeting.council.name,
                "starts_at": timezone.localtime(meeting.starts_at).isoformat(),
                "date": day(meeting.starts_at),
                "location": meeting.location,
                "status": meeting.get_status_display(),
                "minutes_public": meeting.minutes_are_public,
            },
            "attendance": attendance,
            "items": rows,
        }
    )
