"""Allowed state changes: declared on the model, checked and recorded by one helper.

A model with a lifecycle declares its moves as a table, ``{from_state: {to_state, …}}``::

    TRANSITIONS = Transitions("state", {State.PLANNED: {State.OPEN}, State.OPEN: {...}})

and every service moves a row with ``transition(row, to=…, reason=…)``, which refuses a
move the table does not list and saves the row as a tracked change (revision and history
reason). What a move needs besides the table (a hearing's version, a policy's hearing)
stays in the service that makes it.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from core.concurrency import tracked_save


class Transitions:
    def __init__(self, field, moves, *, refused=None):
        """``refused``: the message for a refused move, with ``%(from)s`` and ``%(to)s``
        (the states' labels), or a dict of such messages by target state."""
        self.field = field
        self.moves = {source: frozenset(targets) for source, targets in moves.items()}
        self.refused = refused

    def targets(self, source):
        return self.moves.get(source, frozenset())

    def allows(self, source, target):
        return target in self.targets(source)

    def check(self, instance, target):
        source = getattr(instance, self.field)
        if self.allows(source, target):
            return
        message = self.refused
        if isinstance(message, dict):
            message = message.get(target)
        if message is None:
            message = _("“%(from)s” kan ikke skifte til “%(to)s”.")
        labels = dict(instance._meta.get_field(self.field).flatchoices)
        raise ValidationError(
            message,
            code="invalid_transition",
            params={"from": labels.get(source, source), "to": labels.get(target, target)},
        )


def transition(instance, *, to, reason, user=None, **fields):
    """Move ``instance`` to state ``to`` (and set ``fields``) if its model's table allows it."""
    moves = type(instance).TRANSITIONS
    moves.check(instance, to)
    setattr(instance, moves.field, to)
    for name, value in fields.items():
        setattr(instance, name, value)
    return tracked_save(instance, reason=reason, user=user)
