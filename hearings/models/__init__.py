"""Hearings (høringer): who was asked, who answered, what they said and what became of it.

Publication rules, in one place (the ``visible_to`` methods below):
- a hearing is public from the moment it opens (planned hearings: insiders only);
- a response is public only once the hearing is processed, and only if staff neither
  withheld it nor marked it confidential, and (for a citizen) the citizen consented;
- withheld responses are seen by the secretariat and the municipality's council members,
  confidential ones by the secretariat only;
- a responder's e-mail, phone and address are never public: no public template or export
  reads ``Responder.CONTACT_FIELDS``;
- internal notes and read marks: council members of the municipality and the secretariat.
"""

from hearings.models.hearing import (
    Hearing,
    HearingParty,
    HearingPartyQuerySet,
    HearingQuerySet,
)
from hearings.models.parties import (
    ConsultedParty,
    Theme,
)
from hearings.models.remarks import (
    Acknowledgement,
    AcknowledgementQuerySet,
    InternalNote,
    InternalNoteQuerySet,
    Remark,
    RemarkQuerySet,
    RemarkRead,
    RemarkReadQuerySet,
    RemarkTheme,
    RemarkThemeQuerySet,
)
from hearings.models.responses import (
    Responder,
    ResponderQuerySet,
    Response,
    ResponseAttachment,
    ResponseAttachmentQuerySet,
    ResponseQuerySet,
    attachment_upload_to,
)

__all__ = [
    "Acknowledgement",
    "AcknowledgementQuerySet",
    "ConsultedParty",
    "Hearing",
    "HearingParty",
    "HearingPartyQuerySet",
    "HearingQuerySet",
    "InternalNote",
    "InternalNoteQuerySet",
    "Remark",
    "RemarkQuerySet",
    "RemarkRead",
    "RemarkReadQuerySet",
    "RemarkTheme",
    "RemarkThemeQuerySet",
    "Responder",
    "ResponderQuerySet",
    "Response",
    "ResponseAttachment",
    "ResponseAttachmentQuerySet",
    "ResponseQuerySet",
    "Theme",
    "attachment_upload_to",
]
