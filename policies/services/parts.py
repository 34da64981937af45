"""The policy's tree (sections, principles, focus areas, goals, commitments): add, edit,
move and delete parts, keeping each list numbered 1, 2, …"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from core.concurrency import tracked_save
from policies.models import Commitment, FocusArea, Goal, Principle, Section


def siblings(part):
    """The queryset of parts ordered together with ``part``."""
    model = type(part)
    if model is Commitment:
        return Commitment.objects.filter(goal_id=part.goal_id)
    if model is Goal:
        return Goal.objects.filter(policy_id=part.policy_id, focus_area_id=part.focus_area_id)
    return model.objects.filter(policy_id=part.policy_id)


def _renumber(queryset, user):
    for index, part in enumerate(queryset.order_by("position", "id"), start=1):
        if part.position != index:
            part.position = index
            tracked_save(part, reason=_("Flyttet"), user=user, fields=["position"])


@transaction.atomic
def part_create(*, part, user):
    """Add a section, principle, focus area, goal or commitment at the end of its list."""
    part.position = (siblings(part).aggregate(n=Max("position"))["n"] or 0) + 1
    return tracked_save(part, reason=_("Tilføjet"), user=user)


@transaction.atomic
def part_save(*, part, expected_revision: int, user):
    """Save an edited part; raises core.concurrency.EditConflict if someone saved first."""
    return tracked_save(part, reason=_("Redigeret"), user=user, expected_revision=expected_revision)


@transaction.atomic
def part_move(*, part, user, direction: str = "", focus_area=None):
    """Move a part one place up or down among its siblings, or a goal to another focus area
    (``focus_area``: a FocusArea of the same policy, or None for directly under the policy).
    """
    model = type(part)
    part = model.objects.select_for_update().get(pk=part.pk)
    if direction in ("up", "down"):
        ordered = list(siblings(part).order_by("position", "id"))
        index = next(i for i, p in enumerate(ordered) if p.pk == part.pk)
        other = index - 1 if direction == "up" else index + 1
        if 0 <= other < len(ordered):
            ordered[index], ordered[other] = ordered[other], ordered[index]
        for position, item in enumerate(ordered, start=1):
            if item.position != position:
                item.position = position
                tracked_save(item, reason=_("Flyttet"), user=user, fields=["position"])
        return model.objects.get(pk=part.pk)
    if model is Goal:
        if focus_area is not None and focus_area.policy_id != part.policy_id:
            raise ValidationError(_("Fokusområdet hører til en anden politik."))
        old_siblings = siblings(part)
        part.focus_area = focus_area
        part.position = (siblings(part).aggregate(n=Max("position"))["n"] or 0) + 1
        tracked_save(part, reason=_("Flyttet til andet fokusområde"), user=user)
        _renumber(old_siblings, user)
        return part
    raise ValidationError(_("Ukendt flytning."))


@transaction.atomic
def part_delete(*, part, user):
    remaining = siblings(part).exclude(pk=part.pk)
    part._change_reason = _("Slettet")  # the history's deletion row says why
    if getattr(user, "is_authenticated", False):
        part._history_user = user
    part.delete()
    _renumber(remaining, user)


PART_MODELS = {
    "afsnit": Section,
    "princip": Principle,
    "fokusomraade": FocusArea,
    "maal": Goal,
    "indsats": Commitment,
}
