"""The policy's own text, its lineage and the differences between two texts."""

from policies.models import Policy
from policies.selectors import snapshot_diff, snapshot_policy
from reports.snapshot.base import day


def policy_text(policy):
    """The policy's text as the policies app freezes it for a named version."""
    return snapshot_policy(policy)


def policy_diff(old_text, new_text):
    """What changed in the policy's text between two snapshots (None: nothing to compare)."""
    if not old_text or not new_text:
        return None
    return snapshot_diff(old_text, new_text)


def lineage(policy, reader):
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
