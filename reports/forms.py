from django import forms
from django.utils.translation import gettext_lazy as _

from reports.models import ReportVersion


class ReportRequestForm(forms.Form):
    audience = forms.ChoiceField(
        label=_("Målgruppe"),
        choices=ReportVersion.Audience.choices,
        initial=ReportVersion.Audience.PUBLIC,
        widget=forms.RadioSelect(attrs={"class": "form-radio"}),
        help_text=_(
            "Den offentlige udgave indeholder kun det, borgerne kan se. Et råds udgave "
            "indeholder også rådets lukkede punkter og kan kun hentes af rådets medlemmer og "
            "sekretariatet. Sekretariatets udgave indeholder alt, også fortrolige høringssvar."
        ),
    )
    council = forms.ModelChoiceField(
        label=_("Råd"),
        queryset=None,
        required=False,
        widget=forms.Select(attrs={"class": "form-select"}),
        help_text=_("Kun for et råds udgave."),
    )
    label = forms.CharField(
        label=_("Betegnelse"),
        max_length=200,
        required=False,
        widget=forms.TextInput(attrs={"class": "form-input"}),
        help_text=_("Fx 'Til Integrationsrådets møde 20.06.2023'."),
    )

    def __init__(self, *args, municipality, council=None, **kwargs):
        """``council``: the one council a council's version can be for (a meeting's own)."""
        from councils.models import Council

        super().__init__(*args, **kwargs)
        self.fixed_council = council
        self.fields["council"].queryset = Council.objects.filter(municipality=municipality)

    def clean(self):
        data = super().clean()
        if self.fixed_council is not None:
            data["council"] = self.fixed_council
        if data.get("audience") == ReportVersion.Audience.COUNCIL and not data.get("council"):
            self.add_error("council", _("Vælg det råd, udgaven er til."))
        return data
