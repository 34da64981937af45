import zipfile

import magic
from django import forms
from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.concurrency import RevisionFormMixin
from hearings.models import (
    Acknowledgement,
    ConsultedParty,
    Hearing,
    Remark,
    Responder,
    Response,
    Theme,
)

PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
ALLOWED_TYPES = {PDF: "pdf", DOCX: "docx"}

# A person needs more than a few seconds to read the hearing and write an answer; a bot
# posting the form straight away does not. A form older than a day is stale.
MIN_FILL_SECONDS = 4
MAX_FORM_AGE_SECONDS = 24 * 3600
_SIGNING_SALT = "hearings.citizen-form"


class DkfdsMixin:
    """Put the DKFDS classes on every widget (includes/field.html expects them)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            widget = field.widget
            if isinstance(widget, forms.CheckboxInput):
                css = "form-checkbox"
            elif isinstance(widget, forms.RadioSelect):
                css = "form-radio"
            elif isinstance(widget, forms.CheckboxSelectMultiple):
                css = "form-checkbox"
            elif isinstance(widget, forms.Select):
                css = "form-select"
            elif isinstance(widget, forms.HiddenInput):
                continue
            elif isinstance(widget, forms.ClearableFileInput | forms.FileInput):
                css = "form-file-input"
            else:
                css = "form-input"
            widget.attrs["class"] = f"{widget.attrs.get('class', '')} {css}".strip()


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
    upload.seek(0)
    head = upload.read(8192)
    upload.seek(0)
    mime = magic.from_buffer(head, mime=True)
    if mime == "application/zip":
        # Some DOCX writers put the parts in an order libmagic does not recognise.
        try:
            with zipfile.ZipFile(upload) as archive:
                if "word/document.xml" in archive.namelist():
                    mime = DOCX
        except zipfile.BadZipFile:
            pass
        upload.seek(0)
    if mime not in ALLOWED_TYPES:
        raise ValidationError(_("Vedhæft en PDF- eller Word-fil (DOCX)."))
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


class CitizenResponseForm(DkfdsMixin, forms.Form):
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


class HearingForm(DkfdsMixin, forms.ModelForm):
    parties = forms.ModelMultipleChoiceField(
        label=_("Høringsparter"),
        queryset=ConsultedParty.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = Hearing
        fields = [
            "policy",
            "version",
            "title",
            "intro",
            "opens_on",
            "closes_on",
            "citizens_may_answer",
            "personal_data_delete_on",
        ]
        widgets = {
            "opens_on": forms.DateInput(attrs={"type": "date"}),
            "closes_on": forms.DateInput(attrs={"type": "date"}),
            "personal_data_delete_on": forms.DateInput(attrs={"type": "date"}),
            "intro": forms.Textarea(attrs={"rows": 5}),
        }

    def __init__(self, *args, municipality, **kwargs):
        super().__init__(*args, **kwargs)
        from policies.models import Policy, PolicyVersion

        self.fields["policy"].queryset = Policy.objects.filter(municipality=municipality)
        self.fields["version"].queryset = PolicyVersion.objects.filter(
            policy__municipality=municipality
        ).select_related("policy")
        self.fields["parties"].queryset = ConsultedParty.objects.filter(
            municipality=municipality, is_active=True
        )
        self.fields["title"].required = False
        self.fields["title"].help_text = _("Tom: 'Høring om' og politikkens titel.")

    def clean(self):
        data = super().clean()
        if not data.get("title") and data.get("policy"):
            data["title"] = _("Høring om %(policy)s") % {"policy": data["policy"].title}
            self.instance.title = data["title"]
        return data


class RegisterResponseForm(DkfdsMixin, forms.Form):
    party = forms.ModelChoiceField(
        label=_("Høringspart"),
        queryset=ConsultedParty.objects.none(),
        required=False,
        help_text=_("Vælg høringsparten, eller udfyld afsender herunder."),
    )
    kind = forms.ChoiceField(
        label=_("Anden afsender"),
        choices=[
            (Responder.Kind.ORGANISATION, Responder.Kind.ORGANISATION.label),
            (Responder.Kind.CITIZEN, Responder.Kind.CITIZEN.label),
        ],
        required=False,
    )
    name = forms.CharField(label=_("Afsenderens navn"), max_length=200, required=False)
    organisation = forms.CharField(label=_("Organisation"), max_length=200, required=False)
    email = forms.EmailField(label=_("E-mail"), required=False)
    phone = forms.CharField(label=_("Telefon"), max_length=30, required=False)
    address = forms.CharField(label=_("Adresse"), max_length=300, required=False)
    received_on = forms.DateField(
        label=_("Modtaget"), widget=forms.DateInput(attrs={"type": "date"})
    )
    channel = forms.ChoiceField(
        label=_("Modtaget via"),
        choices=[
            (Response.Channel.EMAIL, Response.Channel.EMAIL.label),
            (Response.Channel.LETTER, Response.Channel.LETTER.label),
        ],
    )
    text = forms.CharField(label=_("Svarets tekst"), widget=forms.Textarea(attrs={"rows": 10}))
    summary = forms.CharField(
        label=_("Resumé"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    files = MultipleAttachmentField(label=_("Bilag"))
    publication_consent = forms.BooleanField(
        label=_("Borgeren har givet samtykke til offentliggørelse"), required=False
    )
    withheld = forms.BooleanField(label=_("Tilbagehold (offentliggøres ikke)"), required=False)
    confidential = forms.BooleanField(label=_("Fortroligt (kun sekretariatet)"), required=False)
    late_override_reason = forms.CharField(
        label=_("Begrundelse for sen registrering"),
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
        help_text=_("Kun når svaret er kommet efter fristen eller høringen er lukket."),
    )

    def __init__(self, *args, hearing, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["party"].queryset = hearing.consulted_parties.all()

    def clean(self):
        data = super().clean()
        if not data.get("party") and not data.get("name"):
            self.add_error("name", _("Vælg en høringspart eller skriv afsenderens navn."))
        if not data.get("party") and not data.get("kind"):
            self.add_error("kind", _("Vælg hvilken slags afsender det er."))
        return data


class RemarkAddForm(DkfdsMixin, forms.Form):
    excerpt = forms.CharField(label=_("Bemærkning"), widget=forms.Textarea(attrs={"rows": 4}))
    target = forms.ChoiceField(label=_("Vedrører"))
    stance = forms.ChoiceField(
        label=_("Holdning"), choices=Remark.Stance.choices, initial=Remark.Stance.UNCLEAR
    )
    themes = forms.ModelMultipleChoiceField(
        label=_("Temaer"),
        queryset=Theme.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, hearing, sections, **kwargs):
        super().__init__(*args, **kwargs)
        choices = []
        self.targets = {}
        for section in sections:
            choices.append((section["key"], section["label"]))
            self.targets[section["key"]] = section
            if section["kind"] == "goal":
                for commitment in section["object"].commitments.all():
                    key = f"indsats-{commitment.pk}"
                    choices.append((key, f"— {commitment.text[:120]}"))
                    self.targets[key] = {"kind": "commitment", "object": commitment}
        self.fields["target"].choices = choices
        self.fields["themes"].queryset = Theme.objects.filter(
            municipality_id=hearing.policy.municipality_id
        )

    def target_kwargs(self):
        target = self.targets[self.cleaned_data["target"]]
        kind = target["kind"]
        if kind == "policy":
            return {}
        return {kind: target["object"]}


class RemarkHandleForm(DkfdsMixin, RevisionFormMixin, forms.Form):
    outcome = forms.ChoiceField(label=_("Hvad sker der med bemærkningen?"))
    answer = forms.CharField(
        label=_("Administrationens svar"), widget=forms.Textarea(attrs={"rows": 4})
    )
    reason = forms.CharField(
        label=_("Begrundelse"),
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
        help_text=_("Påkrævet når bemærkningen ikke imødekommes."),
    )
    changed_version = forms.ModelChoiceField(
        label=_("Ændret i version"), queryset=None, required=False
    )
    changed_anchor = forms.CharField(
        label=_("Ændret del"), max_length=200, required=False, help_text=_("Fx 'maal-2'.")
    )
    themes = forms.ModelMultipleChoiceField(
        label=_("Temaer"),
        queryset=Theme.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, remark, **kwargs):
        # One form per remark on a page: the prefix keeps names and ids apart.
        kwargs.setdefault("prefix", f"r{remark.pk}")
        self.instance = remark
        initial = kwargs.setdefault("initial", {})
        for name in ("outcome", "answer", "reason", "changed_version", "changed_anchor"):
            initial.setdefault(name, getattr(remark, name))
        super().__init__(*args, **kwargs)
        self.fields["outcome"].choices = [("", _("Vælg")), *Remark.Outcome.choices]
        from policies.models import PolicyVersion

        self.fields["changed_version"].queryset = PolicyVersion.objects.filter(
            policy_id=remark.response.hearing.policy_id
        )
        self.fields["themes"].queryset = Theme.objects.filter(
            municipality_id=remark.response.hearing.policy.municipality_id
        )
        if not self.is_bound:
            self.initial["themes"] = [theme.pk for theme in remark.themes.all()]

    def clean(self):
        data = super().clean()
        if data.get("outcome") == Remark.Outcome.NOT_TAKEN_UP and not data.get("reason"):
            self.add_error("reason", _("Skriv begrundelsen, når en bemærkning ikke imødekommes."))
        return data


class BulkHandleForm(DkfdsMixin, forms.Form):
    remarks = forms.ModelMultipleChoiceField(
        label=_("Bemærkninger"),
        queryset=Remark.objects.none(),
        widget=forms.MultipleHiddenInput,
        error_messages={"required": _("Markér de bemærkninger, der skal besvares.")},
    )
    outcome = forms.ChoiceField(
        label=_("Hvad sker der med bemærkningerne?"),
        choices=[("", _("Vælg")), *Remark.Outcome.choices],
    )
    answer_template = forms.CharField(
        label=_("Svar (skabelon)"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("{afsender} og {vedroerer} erstattes med afsender og del af udkastet."),
    )
    reason = forms.CharField(
        label=_("Begrundelse"),
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
        help_text=_("Påkrævet når bemærkningerne ikke imødekommes."),
    )

    def __init__(self, *args, remarks, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["remarks"].queryset = remarks

    def clean(self):
        data = super().clean()
        if data.get("outcome") == Remark.Outcome.NOT_TAKEN_UP and not data.get("reason"):
            self.add_error("reason", _("Skriv begrundelsen, når en bemærkning ikke imødekommes."))
        return data


class PublicationForm(DkfdsMixin, RevisionFormMixin, forms.ModelForm):
    class Meta:
        model = Response
        fields = ["summary", "withheld", "confidential"]
        widgets = {"summary": forms.Textarea(attrs={"rows": 3})}


class AcknowledgementForm(DkfdsMixin, forms.Form):
    channel = forms.ChoiceField(
        label=_("Send via"), choices=Acknowledgement.Channel.choices, required=False
    )
    text = forms.CharField(
        label=_("Kvitteringens tekst"),
        widget=forms.Textarea(attrs={"rows": 6}),
    )


class InternalNoteForm(DkfdsMixin, forms.Form):
    text = forms.CharField(
        label=_("Intern note"),
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=5000,
        help_text=_("Kun rådets medlemmer og sekretariatet kan se noten."),
    )


class HearingPartiesForm(DkfdsMixin, forms.Form):
    parties = forms.ModelMultipleChoiceField(
        label=_("Høringsparter"),
        queryset=ConsultedParty.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Parter, der allerede har svaret, bliver stående."),
    )

    def __init__(self, *args, hearing, **kwargs):
        kwargs.setdefault("initial", {"parties": list(hearing.consulted_parties.all())})
        super().__init__(*args, **kwargs)
        self.fields["parties"].queryset = ConsultedParty.objects.filter(
            municipality_id=hearing.policy.municipality_id, is_active=True
        )
