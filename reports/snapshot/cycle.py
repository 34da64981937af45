"""The cycle report's snapshot, and what changed since the previous one."""

from reports.models import ReportVersion
from reports.snapshot.base import SNAPSHOT_FORMAT, day, normalise
from reports.snapshot.decisions import decisions
from reports.snapshot.hearing import hearings
from reports.snapshot.plans import action_plans, indicators, latest_round
from reports.snapshot.policy import lineage, policy_text


def cycle_changes(old, new):
    """What changed between two cycle snapshots besides the text: new decisions, actions
    whose status or progress moved, new measurements, new hearing responses. Lists of plain
    rows for the report's "Ændringer siden forrige version"."""
    old_items = {row["id"]: row for row in old.get("decisions", []) if row.get("id")}
    decisions = [
        row
        for row in new.get("decisions", [])
        if row.get("id")
        and (row["id"] not in old_items or old_items[row["id"]]["outcome"] != row["outcome"])
    ]

    def actions(snapshot):
        return {a["id"]: a for plan in snapshot.get("action_plans", []) for a in plan["actions"]}

    old_actions = actions(old)
    moved = []
    for action_id, action in actions(new).items():
        before = old_actions.get(action_id)
        if before is None:
            moved.append({**action, "before": None})
        elif (before["status"], before["progress"]) != (action["status"], action["progress"]):
            moved.append({**action, "before": before})

    old_periods = {
        i["id"]: {m["period"] for m in i["measurements"]} for i in old.get("indicators", [])
    }
    measurements = [
        {"indicator": i["name"], "unit": i["unit"], **m}
        for i in new.get("indicators", [])
        for m in i["measurements"]
        if m["period"] not in old_periods.get(i["id"], set())
    ]

    old_refs = {r["reference"] for h in old.get("hearings", []) for r in h.get("responses", [])}
    responses = [
        {"hearing": h["title"], **r}
        for h in new.get("hearings", [])
        for r in h.get("responses", [])
        if r["reference"] not in old_refs
    ]
    return {
        "decisions": decisions,
        "actions": moved,
        "measurements": measurements,
        "responses": responses,
        "any": bool(decisions or moved or measurements or responses),
    }


def cycle_snapshot(policy, audience, reader):
    return normalise(
        {
            "format": SNAPSHOT_FORMAT,
            "kind": ReportVersion.Kind.CYCLE.value,
            "audience": audience,
            "title": policy.title,
            "municipality": policy.municipality.name,
            "policy": {
                "slug": policy.slug,
                "title": policy.title,
                "subtitle": policy.subtitle,
                "kind": policy.get_kind_display(),
                "state": policy.get_state_display(),
                "period": policy.period_label,
                "adopted_on": day(policy.adopted_on),
                "adopted_year": policy.adopted_year,
                "document_date": day(policy.document_date),
                "prepared_by": policy.prepared_by.name if policy.prepared_by_id else "",
                "department": policy.department.name if policy.department_id else "",
            },
            "text": policy_text(policy),
            "lineage": lineage(policy, reader),
            "decisions": decisions(policy, reader),
            "hearings": hearings(policy, reader),
            "action_plans": action_plans(policy, reader),
            "latest_round": latest_round(policy, reader),
            "indicators": indicators(policy, reader),
        }
    )
