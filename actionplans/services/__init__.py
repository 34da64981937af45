"""Workflows of action plans: status updates, rounds, reminders, measurements and imports.

Every function is keyword-only, runs in one transaction, validates with ``full_clean()``
before saving, and is the only place that sends mail or enqueues jobs. The modules are
split by topic; import from ``actionplans.services``.
"""

from actionplans.services.measurements import (
    ImportResult,
    RejectedRow,
    measurement_create,
    measurements_import_csv,
    parse_number,
    parse_period,
)
from actionplans.services.rounds import (
    REMINDER_DAYS_BEFORE_CLOSE,
    REMINDER_TASK,
    round_change,
    round_close,
    round_create,
    round_open,
    round_reminders_due,
    round_reminders_send,
)
from actionplans.services.status import (
    RoundEntry,
    action_save,
    action_update_status,
    plan_save,
    round_submit,
)

__all__ = [
    "REMINDER_DAYS_BEFORE_CLOSE",
    "REMINDER_TASK",
    "ImportResult",
    "RejectedRow",
    "RoundEntry",
    "action_save",
    "action_update_status",
    "measurement_create",
    "measurements_import_csv",
    "parse_number",
    "parse_period",
    "plan_save",
    "round_change",
    "round_close",
    "round_create",
    "round_open",
    "round_reminders_due",
    "round_reminders_send",
    "round_submit",
]
