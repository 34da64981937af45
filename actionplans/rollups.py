"""Roll-ups: computed from actions, updates and measurements, never typed in.

Each roll-up exists as a plain function over rows already fetched (the dashboard and the
status report use these, so a page costs no extra queries) and, where a list needs it, as a
QuerySet annotation that computes the same number in the database.
"""

from collections import Counter
from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext_lazy as _

from actionplans.models import ActionStatus

NOT_REPORTED = "not_reported"
NOT_REPORTED_LABEL = _("ikke rapporteret")


def weighted_progress(actions):
    """A goal's progress: the weighted average of its non-cancelled actions' progress.

    ``actions`` are objects with ``progress``, ``weight`` and ``status``. Returns a float
    0-100, or None when there is nothing to average (no actions, or all cancelled: the page
    then says "ingen aktive handlinger" instead of a misleading 0 %).
    """
    total = 0
    weights = 0
    for action in actions:
        if action.status == ActionStatus.CANCELLED:
            continue
        total += action.progress * action.weight
        weights += action.weight
    if not weights:
        return None
    return total / weights


def attainment(*, baseline, target, latest):
    """Where ``latest`` stands between ``baseline`` (0 %) and ``target`` (100 %), clamped.

    The same formula serves "lower is better": with a target below the baseline both the
    numerator and the denominator turn negative when the value falls, so a fall towards the
    target counts as progress and a rise as 0 %. None when there is no measurement yet.
    """
    if latest is None or baseline is None or target is None:
        return None
    baseline, target, latest = Decimal(baseline), Decimal(target), Decimal(latest)
    if target == baseline:
        return None
    share = (latest - baseline) / (target - baseline) * 100
    return float(min(Decimal(100), max(Decimal(0), share)))


def indicator_attainment(indicator, measurements):
    """Attainment of ``indicator`` from its ``measurements`` (any order); the latest counts."""
    latest = max(measurements, key=lambda m: m.period, default=None)
    return attainment(
        baseline=indicator.baseline_value,
        target=indicator.target_value,
        latest=latest.value if latest else None,
    )


@dataclass(frozen=True)
class StatusCount:
    status: str
    label: str
    variant: str
    count: int


def status_counts(statuses):
    """Counts per status in the order of the status list, every status included (0 too).

    ``statuses`` holds one status per action; None means the action was not reported.
    """
    from actionplans.models import STATUS_VARIANTS

    counter = Counter(statuses)
    rows = [
        StatusCount(status.value, status.label, STATUS_VARIANTS[status], counter[status.value])
        for status in ActionStatus
    ]
    if counter[None]:
        rows.append(StatusCount(NOT_REPORTED, NOT_REPORTED_LABEL, "neutral", counter[None]))
    return rows


def round_summary(round, actions, updates=None):
    """A round's summary: how many of ``actions`` stood at each status in that round.

    An action counts with the status of its update in the round; without one it counts as
    "ikke rapporteret". ``updates`` maps action id to its update in the round; when not
    given it is looked up (one query).
    """
    from actionplans.models import StatusUpdate

    actions = list(actions)
    if updates is None:
        updates = {
            update.action_id: update
            for update in StatusUpdate.objects.filter(round=round, action__in=actions)
        }
    return status_counts(
        [updates[action.pk].status if action.pk in updates else None for action in actions]
    )
