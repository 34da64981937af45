"""The secretariat's forms, with DKFDS widget classes."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from core import uploads
from core.concurrency import RevisionFormMixin
from councils.models import AgendaItem, Attachment, Attendance, Council, FollowUp, Meeting, Person
from councils.services import CORRECTABLE_FIELDS


def _style(form):
    for field in form.fields.values():
        widget = field.widget
        if isinstance(widget, forms.HiddenInput):
            continue
        if isinstance(widget, forms.CheckboxInput):
            css = "form-checkbox"
        elif isinstance(widget, forms.Select):
            css = "form-select"
        else:
            css = "form-input"
        widget.attrs.setdefault("class", css)


class DateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%dT%H:%M", **kwargs)


class MeetingCreateForm(forms.ModelForm):
    standing_items = forms.BooleanField(
        label=_("Opret de faste punkter"),
        required=False,
        initial=True,
        help_text=_("Godkendelse af dagsorden, godkendelse af referat, meddelelser og eventuelt."),
    )

    class Meta:
        model = Meeting
        fields = ["council", "starts_at", "ends_at", "location"]
        widgets = {"starts_at": DateTimeInput(), "ends_at": DateTimeInput()}

    def __init__(self, *args, municipality, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["council"].queryset = Council.objects.filter(municipality=municipality)
        _style(self)


class MeetingForm(RevisionFormMixin, forms.ModelForm):
    class Meta:
        model = Meeting
        fields = ["starts_at", "ends_at", "location"]
        widgets = {"starts_at": DateTimeInput(), "ends_at": DateTimeInput()}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _style(self)


class ItemAddForm(forms.ModelForm):
    class Meta:
        model = AgendaItem
        fields = ["title", "is_closed", "public_title"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _style(self)

    def clean(self):
        data = super().clean()
        if data.get("is_closed") and not data.get("public_title"):
            self.add_error("public_title", _("Et lukket punkt skal have en offentlig titel."))
        return data


class ItemForm(RevisionFormMixin, forms.ModelForm):
    class Meta:
        model = AgendaItem
        fields = [
            "title",
            "is_closed",
            "public_title",
            "case_presentation",
            "recommendation",
            "decision",
            "outcome",
            "public_decision",
        ]
        widgets = {
            "case_presentation": forms.Textarea(attrs={"rows": 6}),
            "recommendation": forms.Textarea(attrs={"rows": 4}),
            "decision": forms.Textarea(attrs={"rows": 4}),
            "public_decision": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _style(self)

    def clean(self):
        data = super().clean()
        if data.get("is_closed") and not data.get("public_title"):
            self.add_error("public_title", _("Et lukket punkt skal have en offentlig titel."))
        return data


class CorrectionForm(forms.Form):
    field = forms.ChoiceField(label=_("Felt der rettes"))
    new_value = forms.CharField(
        label=_("Ny tekst"),
        widget=forms.Textarea(attrs={"rows": 6}),
        required=False,
        help_text=_("For beslutningsresultat: skriv værdien, fx approved."),
    )
    reason = forms.CharField(
        label=_("Begrundelse"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Vises sammen med rettelsen i referatet."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["field"].choices = [
            (name, AgendaItem._meta.get_field(name).verbose_name.capitalize())
            for name in CORRECTABLE_FIELDS
        ]
        _style(self)

    def clean(self):
        data = super().clean()
        if data.get("field") == "outcome":
            valid = dict(AgendaItem.Outcome.choices)
            labels = {str(label).lower(): value for value, label in valid.items()}
            value = (data.get("new_value") or "").strip()
            value = labels.get(value.lower(), value)
            if value not in valid:
                self.add_error(
                    "new_value",
                    _("Skriv et af resultaterne: %(choices)s.")
                    % {"choices": ", ".join(str(label) for label in valid.values())},
                )
            data["new_value"] = value
        return data


# What the secretariat may attach, checked by the bytes, never by the file name.
ALLOWED_TYPES = {
    uploads.PDF: "pdf",
    uploads.PNG: "png",
    uploads.JPEG: "jpg",
    uploads.DOCX: "docx",
    uploads.XLSX: "xlsx",
}


class AttachmentForm(forms.ModelForm):
    file = forms.FileField(
        label=_("Fil"),
        help_text=_("PDF, DOCX, XLSX, PNG eller JPEG. Højst %(mb)s MB.")
        % {"mb": settings.POLITIKSPOR_MAX_UPLOAD_MB},
    )

    class Meta:
        model = Attachment
        fields = ["title", "journal_number", "document_number", "is_closed"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _style(self)

    def clean_file(self):
        upload = self.cleaned_data["file"]
        limit_mb = settings.POLITIKSPOR_MAX_UPLOAD_MB
        if upload.size > limit_mb * 1024 * 1024:
            raise forms.ValidationError(
                _("Filen er for stor (%(size).1f MB). Den må højst fylde %(limit)s MB.")
                % {"size": upload.size / 1024 / 1024, "limit": limit_mb}
            )
        try:
            content_type = uploads.detect_type(upload, ALLOWED_TYPES)
        except uploads.UploadRefused as refused:
            if refused.reason == "polyglot":
                raise forms.ValidationError(
                    _(
                        "Filen kan læses som mere end én filtype (fx både PDF og webside) og "
                        "afvises af sikkerhedshensyn. Gem den igen i et af de tilladte formater."
                    )
                ) from None
            raise forms.ValidationError(
                _(
                    "Filens indhold er ikke en tilladt filtype. Vedhæft PDF, DOCX, XLSX, PNG "
                    "eller JPEG (filtypen afgøres af indholdet, ikke af navnet)."
                )
            ) from None
        self.content_type = content_type
        return upload


class AttendanceForm(forms.Form):
    """One select per current member of the council."""

    def __init__(self, *args, people, current, **kwargs):
        super().__init__(*args, **kwargs)
        self.people = people
        choices = [("", _("Ikke registreret")), *Attendance.Status.choices]
        for person in people:
            self.fields[f"person_{person.pk}"] = forms.ChoiceField(
                label=person.name,
                choices=choices,
                required=False,
                initial=current.get(person.pk, ""),
            )
        _style(self)

    def rows(self):
        for person in self.people:
            yield person, self.cleaned_data.get(f"person_{person.pk}", "")


class GuestForm(forms.Form):
    name = forms.CharField(label=_("Navn"), max_length=200)
    capacity = forms.CharField(
        label=_("I egenskab af"),
        max_length=200,
        required=False,
        help_text=_("Fx Økonomi- og IT-chef v. Job og Velfærd."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _style(self)


class FollowUpForm(forms.ModelForm):
    class Meta:
        model = FollowUp
        fields = ["kind", "title", "task", "due_date", "due_label", "members", "support"]
        widgets = {
            "due_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "task": forms.Textarea(attrs={"rows": 3}),
            "members": forms.CheckboxSelectMultiple,
            "support": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args, municipality, **kwargs):
        super().__init__(*args, **kwargs)
        people = Person.objects.filter(municipality=municipality)
        self.fields["members"].queryset = people
        self.fields["support"].queryset = people
        _style(self)
        for name in ("members", "support"):
            self.fields[name].widget.attrs["class"] = "form-checkbox"
