"""Optimistic locking: two editors on the same record get a conflict, never a silent overwrite."""

from django import forms
from django.db import transaction
from django.utils.translation import gettext_lazy as _


class EditConflict(Exception):
    """Someone saved the record after this form was opened."""

    def __init__(self, current):
        super().__init__(f"{type(current).__name__} {current.pk} changed meanwhile")
        self.current = current


@transaction.atomic
def save_if_unchanged(instance, *, expected_revision):
    """Save ``instance`` only if nobody saved it since ``expected_revision``.

    The row is locked while checked, so two simultaneous saves cannot both pass.
    """
    model = type(instance)
    current = model.objects.select_for_update().get(pk=instance.pk)
    if current.revision != expected_revision:
        raise EditConflict(current)
    instance.revision = expected_revision + 1
    instance.full_clean()
    instance.save()
    return instance


class RevisionFormMixin(forms.Form):
    """Adds the hidden revision the form was built from."""

    revision = forms.IntegerField(widget=forms.HiddenInput, required=True, min_value=0)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        instance = getattr(self, "instance", None)
        if instance is not None and instance.pk and not self.is_bound:
            self.initial["revision"] = instance.revision

    def conflict_error(self):
        self.add_error(
            None,
            _(
                "En anden har gemt denne post, mens du redigerede. Dine ændringer er ikke gemt "
                "endnu: sammenlign med den gemte udgave herunder, ret til og gem igen."
            ),
        )
