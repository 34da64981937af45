"""Saving a tracked change, the one way, and what a form does when two editors collide.

Every write to a ``TrackedModel`` goes through ``tracked_save``: it validates, refuses a
form built from a revision someone has saved since (optimistic locking: never a silent
overwrite), bumps the revision and records why (and, where the service knows it, who) on
the history row. It is HackSoft's ``model_update`` with the lock added.

When the lock refuses a save, the edit form is shown again with what the user typed, an
error, and the saved values beside it (``after_conflict`` and ``includes/conflict.html``),
on every form, with and without JavaScript.
"""

import datetime

from django import forms
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.diff import word_diff
from core.sanitize import html_to_text


class EditConflict(Exception):
    """Someone saved the record after this form was opened."""

    def __init__(self, current):
        super().__init__(f"{type(current).__name__} {current.pk} changed meanwhile")
        self.current = current


def lock_unchanged(queryset, pk, expected_revision):
    """Lock and return the row ``pk``; ``EditConflict`` if it is no longer at
    ``expected_revision`` (None: not checked). For a service that must know before it writes
    other rows; ``tracked_save`` checks the same way."""
    current = queryset.select_for_update().get(pk=pk)
    if expected_revision is not None and current.revision != expected_revision:
        raise EditConflict(current)
    return current


@transaction.atomic
def tracked_save(instance, *, reason, expected_revision=None, user=None, fields=None):
    """Save ``instance`` as a tracked change and return it.

    ``expected_revision``: the revision the user's form was built from. If someone saved the
    row since, nothing is saved and ``EditConflict`` carries the saved row; the row is locked
    while checked, so two simultaneous saves cannot both pass. Every service that saves a
    form's edit of an existing row requires it. ``None`` for a new row, and for a workflow
    step on a row the service has just locked and read itself.

    ``reason``: the history change reason. ``user``: who, for history rows made outside a
    request (the request's user is recorded by the history middleware anyway).

    ``fields``: write only these columns (values the service computed: a position, a
    status); the row is then not validated as a whole.
    """
    if not instance._state.adding:
        if expected_revision is not None:
            lock_unchanged(type(instance)._default_manager, instance.pk, expected_revision)
            instance.revision = expected_revision + 1
        else:
            instance.revision += 1
    instance._change_reason = reason
    if user is not None and getattr(user, "is_authenticated", False):
        instance._history_user = user
    if fields is None:
        instance.full_clean()
        instance.save()
    else:
        instance.save(update_fields=[*fields, "revision", "updated_at"])
    return instance


def tracked_save_many(instances, *, fields, reason, user=None):
    """Write ``fields`` of many rows at once (hundreds of remarks answered together): each
    revision bumped, one history row each with ``reason``. The caller has validated the rows
    and holds them locked."""
    from simple_history.utils import bulk_update_with_history

    instances = list(instances)
    if not instances:
        return instances
    now = timezone.now()
    for instance in instances:
        instance.revision += 1
        instance.updated_at = now  # bulk_update does not set auto_now fields
    bulk_update_with_history(
        instances,
        type(instances[0]),
        [*fields, "revision", "updated_at"],
        batch_size=500,
        default_user=user if getattr(user, "is_authenticated", False) else None,
        default_change_reason=reason,
    )
    return instances


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


def after_conflict(form, conflict, rebuild):
    """The form again after ``conflict`` (an ``EditConflict``), and the rows to compare.

    ``rebuild(data, saved)`` makes the form anew from the user's input, now carrying the
    saved revision (so saving again is a deliberate choice to overwrite) on a fresh copy of
    the saved row (validating writes the input onto it). Nothing typed is lost; the rows
    (``conflict_rows``) show the saved value of every field that differs beside the user's.
    """
    saved = conflict.current
    rows = conflict_rows(form, saved)
    data = form.data.copy()
    data[form.add_prefix("revision")] = str(saved.revision)
    fresh = type(saved)._default_manager.get(pk=saved.pk)
    again = rebuild(data, fresh)
    again.is_valid()
    again.conflict_error()
    return again, rows


def conflict_rows(form, saved):
    """``{label, mine, saved, diff}`` for each field of ``form`` whose input differs from the
    saved row's value (only fields that are columns of the row; texts compared as plain text)."""
    rows = []
    names = {field.name: field for field in saved._meta.concrete_fields}
    for name, form_field in form.fields.items():
        if name == "revision" or name not in names:
            continue
        model_field = names[name]
        if name in getattr(form, "cleaned_data", {}):
            mine = form.cleaned_data[name]
        else:
            mine = form.data.get(form.add_prefix(name), "")
        mine_text = _as_text(model_field, mine)
        saved_text = _as_text(model_field, getattr(saved, model_field.attname))
        if mine_text != saved_text:
            rows.append(
                {
                    "label": form_field.label or model_field.verbose_name,
                    "mine": mine_text,
                    "saved": saved_text,
                    "diff": word_diff(saved_text, mine_text),
                }
            )
    return rows


def _as_text(model_field, value):
    if value is None or value == "":
        return ""
    if hasattr(value, "pk"):  # a chosen row (foreign key)
        value = value.pk
    if model_field.is_relation:
        target = model_field.related_model._default_manager.filter(pk=value).first()
        return str(target) if target is not None else ""
    if model_field.choices:
        return str(dict(model_field.flatchoices).get(value, value))
    if isinstance(value, datetime.datetime):
        return f"{timezone.localtime(value):%d.%m.%Y %H:%M}"
    return html_to_text(str(value))
