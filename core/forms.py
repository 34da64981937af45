from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.forms.renderers import TemplatesSetting


class DKFDSRenderer(TemplatesSetting):
    """Renders forms in Det Fælles Designsystem's markup from the project's templates:
    ``{{ form }}`` is every field in order, ``{{ form.title.as_field_group }}`` one field with
    its label, hint and error message (``aria-describedby`` points at both). The error
    summary above a form stays ``includes/form_errors.html``."""

    form_template_name = "includes/form.html"
    field_template_name = "includes/field.html"


# Most specific first: CheckboxSelectMultiple and RadioSelect are Selects too.
_CLASSES = [
    (forms.HiddenInput, None),
    (forms.CheckboxInput, "form-checkbox"),
    (forms.CheckboxSelectMultiple, "form-checkbox"),
    (forms.RadioSelect, "form-radio"),
    (forms.Select, "form-select"),
    (forms.FileInput, "form-file-input"),
]


class DKFDSFormMixin:
    """Gives every widget the Det Fælles Designsystem class it needs to look right
    (templates/includes/field.html expects them)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            widget = field.widget
            css = next((css for kind, css in _CLASSES if isinstance(widget, kind)), "form-input")
            existing = widget.attrs.get("class", "")
            if css and css not in existing.split():
                widget.attrs["class"] = f"{existing} {css}".strip()


class LoginForm(DKFDSFormMixin, AuthenticationForm):
    pass
