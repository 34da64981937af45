from django import forms
from django.contrib.auth.forms import AuthenticationForm

_CLASSES = {
    "checkbox": "form-checkbox",
    "radioselect": "form-radio",
    "checkboxselectmultiple": "form-checkbox",
    "select": "form-select",
    "selectmultiple": "form-select",
}


class DKFDSFormMixin:
    """Gives every widget the Det Fælles Designsystem class it needs to look right."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            widget = field.widget
            if isinstance(widget, forms.HiddenInput):
                continue
            kind = type(widget).__name__.lower()
            css = _CLASSES.get(kind, "form-input")
            existing = widget.attrs.get("class", "")
            if css not in existing.split():
                widget.attrs["class"] = f"{existing} {css}".strip()


class LoginForm(DKFDSFormMixin, AuthenticationForm):
    pass
