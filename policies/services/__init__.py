"""Workflows on policies: create, change state by a decision, freeze a version
(``lifecycle``), edit the tree (``parts``).

Every function is keyword-only, runs in one transaction and saves through
``core.concurrency.tracked_save``, which validates and records who did it (and why) on the
history rows; a policy's state moves only as ``Policy.TRANSITIONS`` allows. Import from
``policies.services``.
"""

# Reads, re-exported because the reports look them up here (reports/snapshot/policy.py).
from policies.selectors import anchored, snapshot_diff, snapshot_json, snapshot_policy
from policies.services.lifecycle import (
    NEEDS_HEARING,
    policy_create,
    policy_freeze_version,
    policy_transition,
    policy_update,
)
from policies.services.parts import (
    PART_MODELS,
    part_create,
    part_delete,
    part_move,
    part_save,
    siblings,
)

__all__ = [
    "NEEDS_HEARING",
    "PART_MODELS",
    "anchored",
    "part_create",
    "part_delete",
    "part_move",
    "part_save",
    "policy_create",
    "policy_freeze_version",
    "policy_transition",
    "policy_update",
    "siblings",
    "snapshot_diff",
    "snapshot_json",
    "snapshot_policy",
]
