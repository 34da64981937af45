"""The policy's own text, its lineage and the differences between two texts."""

from reports.snapshot import base
from reports.snapshot.base import day

# --- the policy text --------------------------------------------------------------------------


def policy_text(policy):
    snapshot_policy = base.optional(
        ("policies.snapshots", "snapshot_policy"), ("policies.services", "snapshot_policy")
    )
    if snapshot_policy is not None:
        return snapshot_policy(policy)
    return _policy_text_fallback(policy)


def _policy_text_fallback(policy):
    def goal(g):
        return {
            "key": f"goal-{g.pk}",
            "number": g.number,
            "title": g.title,
            "description": g.description,
            "commitments": [
                {"key": f"commitment-{c.pk}", "text": c.text}
                for c in g.commitments.order_by("position", "id")
            ],
        }

    goals = policy.goals.order_by("position", "id")
    return {
        "format": 1,
        "policy": {
            "title": policy.title,
            "subtitle": policy.subtitle,
            "kind": policy.kind,
            "period_start": policy.period_start,
            "period_end": policy.period_end,
            "vision": policy.vision,
            "introduction": policy.introduction,
            "prepared_by": policy.prepared_by.name if policy.prepared_by_id else "",
            "department": policy.department.name if policy.department_id else "",
        },
        "sections": [
            {
                "key": f"section-{s.pk}",
                "heading": s.heading,
                "body": s.body,
                "list_kind": s.list_kind,
                "closing": s.closing,
            }
            for s in policy.sections.order_by("position", "id")
        ],
        "principles": [
            {"key": f"principle-{p.pk}", "text": p.text}
            for p in policy.principles.order_by("position", "id")
        ],
        "goals": [goal(g) for g in goals.filter(focus_area__isnull=True)],
        "focus_areas": [
            {
                "key": f"focus-{f.pk}",
                "title": f.title,
                "description": f.description,
                "closing": f.closing,
                "goals": [goal(g) for g in goals.filter(focus_area=f)],
            }
            for f in policy.focus_areas.order_by("position", "id")
        ],
    }


def policy_diff(old_text, new_text):
    """What changed in the policy's text between two snapshots (None: nothing to compare)."""
    if not old_text or not new_text:
        return None
    snapshot_diff = base.optional(
        ("policies.snapshots", "snapshot_diff"), ("policies.services", "snapshot_diff")
    )
    if snapshot_diff is not None:
        return snapshot_diff(old_text, new_text)
    return _diff_fallback(old_text, new_text)


def _diff_fallback(old_text, new_text):
    from django.utils.html import escape

    def goals(text):
        rows = {g["key"]: g for g in text.get("goals", [])}
        for focus in text.get("focus_areas", []):
            rows.update({g["key"]: g for g in focus.get("goals", [])})
        return rows

    old, new = goals(old_text), goals(new_text)
    changes = []
    for key, goal in new.items():
        if key not in old:
            changes.append({"kind_label": "Målsætning", "change": "added", "name": goal["title"],
                            "fields": []})  # fmt: skip
        elif old[key]["title"] != goal["title"]:
            diff = f"<del>{escape(old[key]['title'])}</del> <ins>{escape(goal['title'])}</ins>"
            changes.append({"kind_label": "Målsætning", "change": "changed", "name": goal["title"],
                            "fields": [{"label": "Titel", "diff": diff}]})  # fmt: skip
    for key, goal in old.items():
        if key not in new:
            changes.append({"kind_label": "Målsætning", "change": "removed", "name": goal["title"],
                            "fields": []})  # fmt: skip
    counts = {k: sum(c["change"] == k for c in changes) for k in ("added", "removed", "changed")}
    return {"changes": changes, "counts": {**counts, "moved": 0}}


def lineage(policy, reader):
    from policies.models import Policy

    visible = Policy.objects.visible_to(reader)
    rows = []
    seen = {policy.pk}
    current = policy
    while current.predecessor_id and current.predecessor_id not in seen:
        seen.add(current.predecessor_id)
        current = visible.filter(pk=current.predecessor_id).first()
        if current is None:
            break
        rows.append(
            {
                "title": current.title,
                "subtitle": current.subtitle,
                "period": current.period_label,
                "state": current.get_state_display(),
                "adopted_on": day(current.adopted_on),
                "adopted_year": current.adopted_year,
                "document_date": day(current.document_date),
            }
        )
    return rows
