"""Forms of the hearings app, by who fills them in."""

from hearings.forms.public import CitizenResponseForm
from hearings.forms.staff import (
    AcknowledgementForm,
    BulkHandleForm,
    HearingForm,
    HearingPartiesForm,
    InternalNoteForm,
    PublicationForm,
    RegisterResponseForm,
    RemarkAddForm,
    RemarkHandleForm,
)
from hearings.forms.uploads import (
    _SIGNING_SALT,
    DOCX,
    MAX_FORM_AGE_SECONDS,
    MIN_FILL_SECONDS,
    PDF,
    check_upload,
    form_token,
)

__all__ = [
    "DOCX",
    "MAX_FORM_AGE_SECONDS",
    "MIN_FILL_SECONDS",
    "PDF",
    "_SIGNING_SALT",
    "AcknowledgementForm",
    "BulkHandleForm",
    "CitizenResponseForm",
    "HearingForm",
    "HearingPartiesForm",
    "InternalNoteForm",
    "PublicationForm",
    "RegisterResponseForm",
    "RemarkAddForm",
    "RemarkHandleForm",
    "check_upload",
    "form_token",
]
