"""Workflows on policies: create, change state by a decision, freeze a version
(``lifecycle``), edit the tree (``parts``).

Every function is keyword-only, runs in one transaction and saves through
``core.concurrency.tracked_save``, which validates and records who did it (and why) on the
history rows; a policy's state moves only as ``Policy.TRANSITIONS`` allows. Import from
``policies.services``.
"""

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
    "part_create",
    "part_delete",
    "part_move",
    "part_save",
    "policy_create",
    "policy_freeze_version",
    "policy_transition",
    "policy_update",
    "siblings",
]
