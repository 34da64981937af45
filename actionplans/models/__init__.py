"""Action plans: a policy's goals turned into actions with owners, followed up in rounds and
measured by indicators.

An action's **status** is the owner's judgement (on track, at risk …); its **progress** is how
far it has come (0-100 %). They are kept apart on purpose: an action can be 80 % done and
still off track. Both change only through a dated status update, so the history of every
round can be reported afterwards. Roll-ups (a goal's progress, an indicator's attainment, a
round's counts) are computed in ``actionplans.rollups`` and never stored.
"""

from actionplans.models.indicators import Indicator, Measurement
from actionplans.models.plans import (
    PROGRESS_RANGE,
    STATUS_VARIANTS,
    STATUSES_NEEDING_NOTE,
    Action,
    ActionPlan,
    ActionStatus,
)
from actionplans.models.rounds import FollowUpRound, StatusUpdate

__all__ = [
    "PROGRESS_RANGE",
    "STATUSES_NEEDING_NOTE",
    "STATUS_VARIANTS",
    "Action",
    "ActionPlan",
    "ActionStatus",
    "FollowUpRound",
    "Indicator",
    "Measurement",
    "StatusUpdate",
]
