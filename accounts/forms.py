from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import DKFDSFormMixin


class TokenForm(DKFDSFormMixin, forms.Form):
    token = forms.CharField(
        label=_("Engangskode"),
        max_length=16,
        help_text=_("De seks cifre, din autentificeringsapp viser lige nu."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["token"].widget.attrs.update(
            {"inputmode": "numeric", "autocomplete": "one-time-code", "autofocus": True}
        )

    def clean_token(self):
        return "".join(self.cleaned_data["token"].split())
