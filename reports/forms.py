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
            "Den offentlige udgave indeholder kun det, borgerne kan se. "
            "Den interne kan kun rådets medlemmer og sekretariatet hente."
        ),
    )
    label = forms.CharField(
        label=_("Betegnelse"),
        max_length=200,
        required=False,
        widget=forms.TextInput(attrs={"class": "form-input"}),
        help_text=_("Fx 'Til Integrationsrådets møde 20.06.2023'."),
    )
