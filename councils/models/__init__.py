"""Councils, their members, meetings, agenda items and cases.

Kommunestyrelsesloven § 10: meetings are public, but single items may be closed (Lukket).
A closed item's public title and public decision are shown to everyone; its texts,
attachments, guests and history only to its council and the secretariat.
"""

from councils.models.bodies import Council, Membership, Person
from councils.models.cases import Case
from councils.models.items import (
    AgendaItem,
    Attachment,
    FollowUp,
    ItemGuest,
    MinutesCorrection,
    attachment_upload_to,
)
from councils.models.meetings import Attendance, Meeting

__all__ = [
    "AgendaItem",
    "Attachment",
    "Attendance",
    "Case",
    "Council",
    "FollowUp",
    "ItemGuest",
    "Meeting",
    "Membership",
    "MinutesCorrection",
    "Person",
    "attachment_upload_to",
]
