"""The secretariat's forms: hearings, registered responses, remarks and their handling."""

from django import forms
from django.utils.translation import gettext_lazy as _

from core.concurrency import RevisionFormMixin
from core.forms import DKFDSFormMixin
from hearings.forms.uploads import MultipleAttachmentField
from hearings.models import (
    Acknowledgement,
    ConsultedParty,
    Hearing,
    Remark,
    Responder,
    Response,
    Theme,
)


class HearingForm(DKFDSFormMixin, forms.ModelForm):
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


class RegisterResponseForm(DKFDSFormMixin, forms.Form):
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
    name = forms.CharField(
        label=_("Afsenderens navn"),
        max_length=200,
        required=False,
        help_text=_(
            "For en organisation: kontaktpersonen. Den vises ikke offentligt og slettes med "
            "kontaktoplysningerne."
        ),
    )
    organisation = forms.CharField(
        label=_("Organisation"),
        max_length=200,
        required=False,
        help_text=_("For en organisation: dens navn, som vises offentligt."),
    )
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


class RemarkAddForm(DKFDSFormMixin, forms.Form):
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


class RemarkHandleForm(DKFDSFormMixin, RevisionFormMixin, forms.Form):
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


class BulkHandleForm(DKFDSFormMixin, forms.Form):
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


class PublicationForm(DKFDSFormMixin, RevisionFormMixin, forms.ModelForm):
    class Meta:
        model = Response
        fields = ["summary", "withheld", "confidential"]
        widgets = {"summary": forms.Textarea(attrs={"rows": 3})}


class AcknowledgementForm(DKFDSFormMixin, forms.Form):
    channel = forms.ChoiceField(
        label=_("Send via"), choices=Acknowledgement.Channel.choices, required=False
    )
    text = forms.CharField(
        label=_("Kvitteringens tekst"),
        widget=forms.Textarea(attrs={"rows": 6}),
    )


class InternalNoteForm(DKFDSFormMixin, forms.Form):
    text = forms.CharField(
        label=_("Intern note"),
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=5000,
        help_text=_("Kun rådets medlemmer og sekretariatet kan se noten."),
    )


class HearingPartiesForm(DKFDSFormMixin, forms.Form):
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
