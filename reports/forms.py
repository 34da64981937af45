from django import forms
from django.utils.translation import gettext_lazy as _

from reports.models import AUDIENCE_INCLUDES, ReportVersion

Audience = ReportVersion.Audience


class AudienceRadioSelect(forms.RadioSelect):
    """Radio buttons with a DKFDS hint under each choice: what that audience's version holds
    and who may open it."""

    template_name = "reports/widgets/audience.html"

    def __init__(self, *, hints, attrs=None):
        super().__init__(attrs={"class": "form-radio", **(attrs or {})})
        self.hints = hints

    def create_option(self, name, value, label, selected, index, subindex=None, attrs=None):
        option = super().create_option(name, value, label, selected, index, subindex, attrs)
        option["hint"] = self.hints.get(value, "")
        if option["hint"]:
            option["hint_id"] = f"{option['attrs']['id']}-hint"
            option["attrs"]["aria-describedby"] = option["hint_id"]
        return option


class ReportRequestForm(forms.Form):
    """Order a report of one target (``reports.specs``): for whom, and an optional label."""

    audience = forms.ChoiceField(
        label=_("Hvem er rapporten til?"),
        initial=Audience.PUBLIC,
        widget=AudienceRadioSelect(hints=AUDIENCE_INCLUDES),
        error_messages={
            "required": _("vælg en målgruppe."),
            "invalid_choice": _("vælg en målgruppe."),
        },
    )
    council = forms.ModelChoiceField(
        label=_("Råd"),
        queryset=None,
        required=False,
        empty_label=_("Vælg råd"),
        widget=forms.Select(attrs={"class": "form-select"}),
        help_text=_("Kun for et råds udgave: rådet, hvis medlemmer må læse den."),
    )
    label = forms.CharField(
        label=_("Betegnelse"),
        max_length=200,
        required=False,
        widget=forms.TextInput(attrs={"class": "form-input"}),
        help_text=_("Fx 'Til Integrationsrådets møde 20.06.2023'."),
    )

    def __init__(self, *args, spec, target, **kwargs):
        kwargs.setdefault("auto_id", f"bestil-{spec.kind}-%s")
        super().__init__(*args, **kwargs)
        self.spec = spec
        self.target = target
        implied = spec.implied_council(target) if spec.implied_council else None
        council_choice = (
            _("Udgave til %(council)s") % {"council": implied.name}
            if implied
            else _("Udgave til ét råd")
        )
        labels = {
            Audience.PUBLIC: _("Offentlig udgave"),
            Audience.COUNCIL: council_choice,
            Audience.SECRETARIAT: _("Udgave til sekretariatet"),
        }
        self.fields["audience"].choices = [(value, labels[value]) for value in spec.audiences]
        if implied or Audience.COUNCIL not in spec.audiences:
            # A meeting's minutes are for its own council: nothing to choose.
            del self.fields["council"]
        else:
            self.fields["council"].queryset = spec.councils(target)

    def clean(self):
        data = super().clean()
        council = self.spec.council_for(self.target, data.get("council"))
        if data.get("audience") == Audience.COUNCIL:
            if council is None:
                self.add_error("council", _("vælg det råd, udgaven er til."))
            data["council"] = council
        else:
            data["council"] = None
        return data

    def error_text(self):
        """The form's errors in one sentence, for the message shown on the page it came from."""
        return " ".join(message for errors in self.errors.values() for message in errors)
