"""Councils, people, cases, meetings and minutes from the meeting files.

Meetings are found by council and date, items by number, guests by person and follow-ups by
their order in the item, so a corrected text or time updates the row in place.
"""

import datetime

from django.core.files.base import ContentFile

from core.models import Municipality
from core.text import danish_slugify
from councils.models import (
    AgendaItem,
    Attachment,
    Attendance,
    Case,
    Council,
    FollowUp,
    ItemGuest,
    Meeting,
    Membership,
    Person,
)
from demo.loaders._base import TZ, at, read, rich, sync_rows
from demo.placeholder import placeholder_pdf

MEETING_FILES = [
    "aalborg-integrationsraadet-2023-04-11.yaml",
    "aalborg-integrationsraadet-fiktivt-moede.yaml",
    "norddjurs-dialogforum-2023-03-15.yaml",
]
RICH_FIELDS = ["case_presentation", "recommendation", "decision"]


def load(stdout):
    for data in read("municipalities.yaml")["municipalities"]:
        municipality = Municipality.objects.get(slug=data["slug"])
        for council in data["councils"]:
            Council.objects.update_or_create(
                municipality=municipality,
                slug=danish_slugify(council["name"]),
                defaults={
                    "name": council["name"],
                    "kind": council["kind"],
                    "short_name": council.get("short_name", ""),
                },
            )
    headlines = []
    for name in MEETING_FILES:
        data = read(name)
        _load_file(Municipality.objects.get(slug=data["municipality"]), data)
        if "headline" in data:
            headlines.append(data["headline"])
    stdout.write("Råd og møder: " + ", ".join(headlines))


def council_named(municipality, name):
    return Council.objects.get(municipality=municipality, name=name)


def _load_file(municipality, data):
    for person in data.get("people", []):
        Person.objects.update_or_create(
            municipality=municipality,
            name=person["name"],
            defaults={"title": person.get("title", "")},
        )
    for row in data.get("memberships", []):
        Membership.objects.update_or_create(
            council=council_named(municipality, row["council"]),
            person=_person(municipality, row["person"]),
            role=row.get("role", Membership.Role.MEMBER),
            defaults={"represents": row.get("represents", "")},
        )
    cases = {
        row["number"]: Case.objects.update_or_create(
            municipality=municipality, number=row["number"], defaults={"title": row["title"]}
        )[0]
        for row in data.get("cases", [])
    }
    for row in data.get("meetings", []):
        _meeting(municipality, row, cases)


def _person(municipality, name):
    return Person.objects.get(municipality=municipality, name=name)


def _meeting(municipality, data, cases):
    council = council_named(municipality, data["council"])
    starts_at = at(data["date"], data["time"])
    defaults = {
        "starts_at": starts_at,
        "status": data["status"],
        "location": data.get("location", ""),
        "ends_at": None,
    }
    if data["status"] in Meeting.AGENDA_PUBLIC:
        defaults["agenda_published_at"] = starts_at - datetime.timedelta(days=7)
    if data["status"] in Meeting.MINUTES_PUBLIC:
        defaults["minutes_published_at"] = starts_at + datetime.timedelta(days=3)
    meeting, _ = Meeting.objects.update_or_create(
        council=council, starts_at__date=data["date"], defaults=defaults
    )
    for item in data.get("items", []):
        _item(meeting, item, cases)
    for row in data.get("attendance", []):
        Attendance.objects.update_or_create(
            meeting=meeting,
            person=_person(municipality, row["person"]),
            defaults={"status": row["status"]},
        )
    return meeting


def _item(meeting, data, cases):
    municipality = meeting.council.municipality
    fields = {
        "title": data["title"],
        "position": data.get("position", data["number"]),
        "is_closed": data.get("is_closed", False),
        "public_title": data.get("public_title", ""),
        "public_decision": data.get("public_decision", ""),
        "case": cases.get(data.get("case")),
        "outcome": data.get("outcome", ""),
        **{field: rich(data.get(field)) for field in RICH_FIELDS},
    }
    item, _ = AgendaItem.objects.update_or_create(
        meeting=meeting, number=data["number"], defaults=fields
    )
    guests = {
        _person(municipality, g["person"]): g.get("capacity", "") for g in data.get("guests", [])
    }
    for person, capacity in guests.items():
        ItemGuest.objects.update_or_create(
            item=item, person=person, defaults={"capacity": capacity}
        )
    item.guests.exclude(person__in=list(guests)).delete()
    for attachment in data.get("attachments", []):
        _attachment(item, attachment)
    _follow_ups(item, data.get("follow_ups", []))
    return item


def _attachment(item, data):
    fields = {
        "title": data["title"],
        "journal_number": data.get("journal_number", ""),
        "document_number": data.get("document_number", ""),
        "is_closed": data.get("is_closed", False),
        "content_type": "application/pdf",
    }
    attachment = Attachment.objects.filter(item=item, number=data["number"]).first()
    changed = attachment is None or any(getattr(attachment, k) != v for k, v in fields.items())
    attachment, _ = Attachment.objects.update_or_create(
        item=item, number=data["number"], defaults=fields
    )
    missing = not attachment.file or not attachment.file.storage.exists(attachment.file.name)
    if changed or missing:
        # The placeholder names the original, so it is made again when the title changes.
        pdf = placeholder_pdf("Politikspor demobilag", _placeholder_lines(item, attachment))
        if attachment.file and not missing:
            attachment.file.delete(save=False)
        name = f"bilag-{attachment.number}-{danish_slugify(attachment.title)[:60]}.pdf"
        attachment.file.save(name, ContentFile(pdf), save=False)
        attachment.size = len(pdf)
        attachment.save()
    return attachment


def _placeholder_lines(item, attachment):
    meeting = item.meeting
    lines = [
        "DEMO-PLADSHOLDER - ikke det originale dokument.",
        f"Originalen: {attachment.title}",
        f"{meeting.council.name}, møde {meeting.starts_at.astimezone(TZ):%d.%m.%Y}, "
        f"punkt {item.number}, bilag {attachment.number}.",
    ]
    if attachment.journal_number:
        lines.append(f"Journalnummer: {attachment.journal_number}")
    if attachment.document_number:
        lines.append(f"Dokumentnummer: {attachment.document_number}")
    return lines


def _follow_ups(item, rows):
    municipality = item.meeting.council.municipality
    values = [
        {
            "title": row["title"],
            "kind": row["kind"],
            "task": row["task"],
            "due_date": row.get("due_date"),
            "due_label": row.get("due_label", ""),
        }
        for row in rows
    ]
    saved = sync_rows(
        FollowUp, FollowUp.objects.filter(item=item).order_by("id"), values, item=item
    )
    for follow_up, row in zip(saved, rows, strict=True):
        follow_up.members.set([_person(municipality, name) for name in row.get("members", [])])
        follow_up.support.set([_person(municipality, name) for name in row.get("support", [])])
