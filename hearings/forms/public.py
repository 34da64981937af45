"""The citizen's answer form."""

from django import forms
from django.core import signing
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.forms import DKFDSFormMixin
from hearings.forms.uploads import (
    _SIGNING_SALT,
    MAX_FORM_AGE_SECONDS,
    MIN_FILL_SECONDS,
    AttachmentField,
    form_token,
)


class CitizenResponseForm(DKFDSFormMixin, forms.Form):
    name = forms.CharField(label=_("Dit navn"), max_length=200)
    email = forms.EmailField(
        label=_("Din e-mailadresse"),
        help_text=_("Vi sender en kvittering hertil. Adressen offentliggøres aldrig."),
    )
    organisation = forms.CharField(
        label=_("Organisation"),
        max_length=200,
        required=False,
        help_text=_("Hvis du svarer på vegne af en forening eller organisation."),
    )
    text = forms.CharField(
        label=_("Dit høringssvar"), widget=forms.Textarea(attrs={"rows": 12}), max_length=50_000
    )
    attachment = AttachmentField(label=_("Bilag"))
    publication_consent = forms.BooleanField(
        label=_("Mit svar og mit navn må offentliggøres"),
        required=False,
        help_text=_(
            "Uden samtykke læses og behandles dit svar, men det offentliggøres ikke. "
            "Din e-mailadresse offentliggøres aldrig."
        ),
    )
    # The honeypot: hidden from people (and screen readers), filled in by simple bots.
    website = forms.CharField(label=_("Lad dette felt være tomt"), required=False)
    started = forms.CharField(widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.initial.setdefault("started", form_token())
        self.fields["website"].widget.attrs.update(
            {"autocomplete": "off", "tabindex": "-1", "class": "form-input"}
        )
        self.fields["name"].widget.attrs["autocomplete"] = "name"
        self.fields["email"].widget.attrs["autocomplete"] = "email"
        self.fields["organisation"].widget.attrs["autocomplete"] = "organization"
        self.is_bot = False

    def clean_website(self):
        if self.cleaned_data.get("website"):
            self.is_bot = True
        return ""

    def clean_started(self):
        try:
            started = int(
                signing.TimestampSigner(salt=_SIGNING_SALT).unsign(
                    self.cleaned_data["started"], max_age=MAX_FORM_AGE_SECONDS
                )
            )
        except (signing.BadSignature, ValueError):
            raise ValidationError(
                _("Formularen er udløbet. Send den igen."), code="stale"
            ) from None
        if timezone.now().timestamp() - started < MIN_FILL_SECONDS:
            raise ValidationError(
                _("Formularen blev sendt meget hurtigt. Kontrollér dit svar og send igen."),
                code="too_fast",
            )
        return started

    def renew_token(self):
        """A fresh token for the re-rendered form (the data typed are kept)."""
        data = self.data.copy()
        data["started"] = form_token()
        self.data = data
