"""Views of action plans: ``public`` for citizens, ``staff`` for the secretariat."""

from actionplans.views.public import dashboard, index, round_report
from actionplans.views.staff import (
    action_create,
    action_edit,
    plan_create,
    plan_detail,
    staff_index,
    staff_policy,
)
from actionplans.views.staff_indicators import (
    indicator_create,
    indicator_detail,
    measurements_import,
)
from actionplans.views.staff_rounds import (
    round_create,
    round_detail,
    round_report_staff,
    round_transition,
    round_update,
)

__all__ = [
    "action_create",
    "action_edit",
    "dashboard",
    "index",
    "indicator_create",
    "indicator_detail",
    "measurements_import",
    "plan_create",
    "plan_detail",
    "round_create",
    "round_detail",
    "round_report",
    "round_report_staff",
    "round_transition",
    "round_update",
    "staff_index",
    "staff_policy",
]
