"""Reads that build whole pages: the strategy dashboard and a round's status report.

Both are pure: they take the policy or round and the reader, fetch everything through the
models' ``visible_to`` in a fixed number of queries (however many goals, actions and
measurements there are), and return plain data. The PDF of the status report (reports
pipeline) and the HTML pages use the same data.
"""

from dataclasses import dataclass, field
from functools import cached_property
from types import SimpleNamespace

from django.db.models import Exists, OuterRef, Prefetch

from actionplans.charts import indicator_chart
from actionplans.models import (
    Action,
    ActionPlan,
    FollowUpRound,
    Indicator,
    Measurement,
    StatusUpdate,
)
from actionplans.rollups import indicator_attainment, round_summary, weighted_progress


@dataclass
class IndicatorView:
    indicator: Indicator
    measurements: list
    attainment: float | None
    chart_id: str
    latest: Measurement | None

    @cached_property
    def chart(self):
        """Drawn when a page shows it (the reports' snapshot reads only the numbers)."""
        return indicator_chart(self.indicator, self.measurements, chart_id=self.chart_id)


@dataclass
class GoalView:
    goal: object
    actions: list = field(default_factory=list)
    indicators: list = field(default_factory=list)
    progress: float | None = None
    has_active_actions: bool = False


def _actions(policy, user):
    from councils.models import FollowUp

    return (
        Action.objects.visible_to(user)
        .filter(plan__policy=policy)
        .with_last_update()
        .select_related("plan", "owner_department", "owner_person", "goal")
        .defer("created_at", "updated_at")
        .annotate(
            source_visible=Exists(
                FollowUp.objects.visible_to(user).filter(pk=OuterRef("source_follow_up_id"))
            )
        )
        .order_by("goal__position", "goal_id", "due_date", "id")
    )


def _indicator_views(indicators, *, until=None, chart_prefix="indikator"):
    views = []
    for indicator in indicators:
        measurements = [
            m for m in indicator.measurements.all() if until is None or m.period <= until
        ]
        views.append(
            IndicatorView(
                indicator=indicator,
                measurements=measurements,
                attainment=indicator_attainment(indicator, measurements),
                chart_id=f"{chart_prefix}-{indicator.pk}",
                latest=measurements[-1] if measurements else None,
            )
        )
    return views


def _indicators(policy, user):
    return (
        Indicator.objects.visible_to(user)
        .filter(goal__policy=policy)
        .prefetch_related(
            Prefetch(
                "measurements",
                # Timestamps are not shown; parsing 2,000 of them costs more than the query.
                queryset=Measurement.objects.visible_to(user)
                .defer("created_at", "updated_at")
                .order_by("period", "id"),
            )
        )
    )


def dashboard_data(policy, user):
    """Everything the public dashboard of ``policy`` shows, for ``user``."""
    from policies.models import Goal

    plans = list(
        ActionPlan.objects.visible_to(user)
        .filter(policy=policy)
        .select_related("department")
        .prefetch_related("goals")
    )
    goals = {
        goal.pk: GoalView(goal=goal)
        for goal in Goal.objects.visible_to(user).filter(policy=policy).select_related("focus_area")
    }
    from hearings.models import Remark

    actions = list(
        _actions(policy, user)
        .select_related("source_follow_up")
        .prefetch_related(
            Prefetch(
                "from_remarks",
                queryset=Remark.objects.visible_to(user)
                .select_related("response__responder")
                .order_by("id"),
                to_attr="visible_remarks",
            )
        )
    )
    for action in actions:
        if action.goal_id in goals:
            goals[action.goal_id].actions.append(action)
    for view in _indicator_views(_indicators(policy, user)):
        if view.indicator.goal_id in goals:
            goals[view.indicator.goal_id].indicators.append(view)
    for view in goals.values():
        view.progress = weighted_progress(view.actions)
        view.has_active_actions = view.progress is not None
    rounds = list(
        FollowUpRound.objects.visible_to(user).filter(policy=policy).order_by("-opens_on", "-id")
    )
    last_update = max((a.last_update_on for a in actions if a.last_update_on), default=None)
    return {
        "policy": policy,
        "plans": plans,
        "goals": list(goals.values()),
        "actions_count": len(actions),
        "closed_rounds": [r for r in rounds if r.is_closed],
        "open_rounds": [r for r in rounds if not r.is_closed],
        "last_update": last_update,
    }


@dataclass
class ReportRow:
    action: Action
    update: StatusUpdate | None


def round_report_data(round: FollowUpRound, user):
    """The status report of one round ("Status på implementering") for ``user``.

    Each visible action with its update in the round (None: not reported), the goals'
    progress as reported in the round, the counts per status, and the indicators as they
    stood when the round closed. Pure data; no request, no rendering.
    """
    from councils.models import AgendaItem
    from policies.models import Goal

    policy = round.policy
    actions = list(_actions(policy, user))
    updates = {
        update.action_id: update
        for update in StatusUpdate.objects.visible_to(user)
        .filter(round=round, action__plan__policy=policy)
        .select_related("author")
    }
    goals = {
        goal.pk: GoalView(goal=goal) for goal in Goal.objects.visible_to(user).filter(policy=policy)
    }
    for action in actions:
        if action.goal_id in goals:
            goals[action.goal_id].actions.append(ReportRow(action, updates.get(action.pk)))
    for view in _indicator_views(
        _indicators(policy, user), until=round.closes_on, chart_prefix=f"runde-{round.pk}"
    ):
        if view.indicator.goal_id in goals:
            goals[view.indicator.goal_id].indicators.append(view)
    for view in goals.values():
        # Progress as reported in this round; unreported actions are listed, not guessed.
        view.progress = weighted_progress(
            SimpleNamespace(
                status=r.update.status, progress=r.update.progress, weight=r.action.weight
            )
            for r in view.actions
            if r.update
        )
        view.has_active_actions = view.progress is not None
    counts = round_summary(round, actions, updates)
    agenda_items = list(
        AgendaItem.objects.visible_to(user)
        .filter(follow_up_rounds=round)
        .select_related("meeting__council")
        .order_by("meeting__starts_at")
    )
    return {
        "round": round,
        "policy": policy,
        "title": round.report_title or policy.title,
        "goals": [view for view in goals.values() if view.actions or view.indicators],
        "counts": [row for row in counts if row.count],
        "total": len(actions),
        "reported": len(updates),
        "agenda_items": agenda_items,
    }
