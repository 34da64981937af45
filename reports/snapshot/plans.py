"""Action plans, the latest status round and the indicators of a policy."""

from django.db.models import Prefetch

from actionplans.models import Action, ActionPlan, FollowUpRound, Indicator, Measurement
from actionplans.rollups import weighted_progress
from actionplans.selectors import round_report_data
from reports.snapshot.base import day, number


def goal_label(goal):
    return f"{goal.number}. {goal.title}" if goal.number else goal.title


def _progress(actions):
    value = weighted_progress(actions)
    return None if value is None else round(value)


def action_plans(policy, reader):
    plans = list(
        ActionPlan.objects.visible_to(reader)
        .filter(policy=policy)
        .select_related("department")
        .order_by("title", "id")
    )
    actions = list(
        Action.objects.visible_to(reader)
        .filter(plan__in=plans)
        .select_related("goal", "owner_department", "owner_person")
        .order_by("plan_id", "goal__position", "goal_id", "due_date", "id")
    )
    by_plan = {}
    for action in actions:
        by_plan.setdefault(action.plan_id, []).append(action)
    rows = []
    for plan in plans:
        plan_actions = by_plan.get(plan.pk, [])
        rows.append(
            {
                "title": plan.title,
                "state": plan.get_state_display(),
                "department": plan.department.name if plan.department_id else "",
                "period_start": day(plan.period_start),
                "period_end": day(plan.period_end),
                "progress": _progress(plan_actions),
                "actions": [
                    {
                        "id": a.pk,
                        "title": a.title,
                        "goal": goal_label(a.goal),
                        # The owner shown publicly: department or named person, never the
                        # login that gets the reminders.
                        "owner": (
                            a.owner_person.name
                            if a.owner_person_id
                            else a.owner_department.name
                            if a.owner_department_id
                            else ""
                        ),
                        "due_date": day(a.due_date),
                        "status": a.get_status_display(),
                        "status_value": a.status,
                        "progress": a.progress,
                    }
                    for a in plan_actions
                ],
            }
        )
    return rows


def latest_round(policy, reader):
    rounds = FollowUpRound.objects.reports_visible_to(reader).filter(policy=policy)
    round = rounds.order_by("-closes_on", "-id").first()
    if round is None:
        return None
    data = {
        "name": round.name,
        "title": round.report_title,
        "opens_on": day(round.opens_on),
        "closes_on": day(round.closes_on),
        "closed": round.is_closed,
        "summary": round.summary,
    }
    report = round_report_data(round, reader)
    data["counts"] = [[str(row.label), row.count] for row in report["counts"]]
    data["total"] = report["total"]
    data["reported"] = report["reported"]
    data["updates"] = [
        {
            "action": row.action.title,
            "goal": goal_label(view.goal),
            "status": row.update.get_status_display() if row.update else "",
            "progress": row.update.progress if row.update else None,
            "note": row.update.note if row.update else "",
        }
        for view in report["goals"]
        for row in view.actions
    ]
    return data


def indicators(policy, reader):
    rows = []
    for indicator in (
        Indicator.objects.visible_to(reader)
        .filter(goal__policy=policy)
        .select_related("goal")
        .prefetch_related(
            Prefetch(
                "measurements",
                queryset=Measurement.objects.visible_to(reader).order_by("period", "id"),
            )
        )
        .order_by("goal__position", "goal_id", "position", "id")
    ):
        rows.append(
            {
                "id": indicator.pk,
                "name": indicator.name,
                "goal": goal_label(indicator.goal),
                "unit": indicator.unit,
                "baseline_value": number(indicator.baseline_value),
                "baseline_date": day(indicator.baseline_date),
                "target_value": number(indicator.target_value),
                "target_date": day(indicator.target_date),
                "higher_is_better": indicator.higher_is_better,
                "data_source": indicator.data_source,
                "measurements": [
                    {
                        "period": day(m.period),
                        "label": m.period_label,
                        "value": number(m.value),
                        "source": m.source,
                    }
                    for m in indicator.measurements.all()
                ],
            }
        )
    return rows
