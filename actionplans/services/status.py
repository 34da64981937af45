"""Plans, actions and the status updates that move them."""

from dataclasses import dataclass
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from actionplans.models import (
    Action,
    ActionPlan,
    FollowUpRound,
    StatusUpdate,
)
from actionplans.services.rounds import lock_open_round
from core.concurrency import lock_unchanged, tracked_save


@transaction.atomic
def plan_save(*, plan: ActionPlan, goals, user, expected_revision: int | None):
    """Create (``expected_revision=None``) or change a plan and its goals. A stale form
    raises ``EditConflict``."""
    tracked_save(plan, reason=_("Handleplan gemt"), user=user, expected_revision=expected_revision)
    goals = list(goals)
    foreign = [goal for goal in goals if goal.policy_id != plan.policy_id]
    if foreign:
        raise ValidationError({"goals": _("Målsætningerne skal høre til handleplanens politik.")})
    plan.goals.set(goals)
    return plan


@transaction.atomic
def action_save(*, action: Action, user, expected_revision: int | None, remarks=None) -> Action:
    """Create (``expected_revision=None``) or change an action's description, owner and
    dates (not its status).

    ``remarks``: the hearing remarks it follows up on (None leaves them as they are).
    """
    tracked_save(action, reason=_("Handling gemt"), user=user, expected_revision=expected_revision)
    if remarks is not None:
        action.from_remarks.set(remarks)
    return action


@transaction.atomic
def action_update_status(
    *,
    action: Action,
    user,
    status: str,
    progress: int,
    note: str = "",
    round: FollowUpRound | None = None,
    on: date | None = None,
    expected_revision: int | None = None,
) -> StatusUpdate:
    """Record the owner's judgement of an action, and make it the action's current status.

    In a round an action has one update, changed in place while the round is open; once the
    round is closed every change is refused with the round's locked message.
    ``expected_revision``: the action's revision the round form showed (None for a status
    recorded outside a form).
    """
    if round is not None:
        round = lock_open_round(round.pk)
    current = lock_unchanged(Action.objects.select_related("plan"), action.pk, expected_revision)
    on = on or timezone.localdate()
    update = None
    if round is not None:
        update = StatusUpdate.objects.filter(action=current, round=round).first()
    if update is None:
        update = StatusUpdate(action=current, round=round)
    update.author = user if getattr(user, "is_authenticated", False) else None
    update.date = on
    update.status = status
    update.progress = progress
    update.note = (note or "").strip()
    tracked_save(update, reason=_("Statusopdatering"), user=user)

    newest = (
        StatusUpdate.objects.filter(action=current).order_by("-date", "-id").values("pk").first()
    )
    if newest and newest["pk"] == update.pk:
        current.status = status
        current.progress = progress
        tracked_save(current, reason=_("Ny status"), user=user, fields=["status", "progress"])
    action.status, action.progress, action.revision = (
        current.status,
        current.progress,
        current.revision,
    )
    return update


@dataclass
class RoundEntry:
    action: Action
    status: str
    progress: int
    note: str = ""
    revision: int | None = None


@transaction.atomic
def round_submit(*, round: FollowUpRound, user, entries: list[RoundEntry], on: date | None = None):
    """Record the status of several actions in a round at once: all of them or none."""
    return [
        action_update_status(
            action=entry.action,
            user=user,
            status=entry.status,
            progress=entry.progress,
            note=entry.note,
            round=round,
            on=on,
            expected_revision=entry.revision,
        )
        for entry in entries
    ]
