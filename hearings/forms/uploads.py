"""Attachments checked by content, and the signed timestamp that slows down bots."""

from django import forms
from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.uploads import DOCX, PDF, UploadRefused, detect_type

ALLOWED_TYPES = {PDF: "pdf", DOCX: "docx"}

# A person needs more than a few seconds to read the hearing and write an answer; a bot
# posting the form straight away does not. A form older than a day is stale.
MIN_FILL_SECONDS = 4
MAX_FORM_AGE_SECONDS = 24 * 3600
_SIGNING_SALT = "hearings.citizen-form"


def max_upload_bytes():
    return settings.POLITIKSPOR_MAX_UPLOAD_MB * 1024 * 1024


def check_upload(upload):
    """Accept a PDF or DOCX up to the size limit, judged by content, not by name or the
    browser's claimed type."""
    if upload.size > max_upload_bytes():
        raise ValidationError(
            _("Filen er for stor. Den må højst fylde %(mb)d MB.")
            % {"mb": settings.POLITIKSPOR_MAX_UPLOAD_MB}
        )
    try:
        mime = detect_type(upload, ALLOWED_TYPES)
    except UploadRefused as refused:
        if refused.reason == "polyglot":
            raise ValidationError(
                _(
                    "Filen kan læses som mere end én filtype (fx både PDF og webside) og "
                    "afvises af sikkerhedshensyn. Gem den igen som PDF eller Word (DOCX)."
                )
            ) from None
        raise ValidationError(_("Vedhæft en PDF- eller Word-fil (DOCX).")) from None
    upload.checked_content_type = mime
    return upload


class AttachmentField(forms.FileField):
    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault(
            "help_text",
            _("PDF eller Word (DOCX), højst %(mb)d MB.")
            % {"mb": settings.POLITIKSPOR_MAX_UPLOAD_MB},
        )
        super().__init__(**kwargs)
        self.widget.attrs["accept"] = ".pdf,.docx," + ",".join(ALLOWED_TYPES)

    def clean(self, data, initial=None):
        upload = super().clean(data, initial)
        if upload:
            check_upload(upload)
        return upload


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleAttachmentField(AttachmentField):
    def __init__(self, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(**kwargs)

    def clean(self, data, initial=None):
        if not data:
            return []
        uploads = data if isinstance(data, list | tuple) else [data]
        return [AttachmentField.clean(self, upload, initial) for upload in uploads]


def form_token():
    return signing.TimestampSigner(salt=_SIGNING_SALT).sign(str(int(timezone.now().timestamp())))
