"""The secretariat's workflows: meetings from agenda to published minutes (``meetings``) and
their items (``items``).

Every function is keyword-only, runs in one transaction and saves through
``core.concurrency.tracked_save`` (validated, revision bumped, history reason set); a
meeting's status moves only as ``Meeting.TRANSITIONS`` allows. Import from
``councils.services``.
"""

from councils.services.items import (
    CORRECTABLE_FIELDS,
    attachment_add,
    follow_up_add,
    item_add,
    item_correct,
    item_guest_add,
    item_move,
    item_update,
)
from councils.services.meetings import (
    STANDING_ITEM_LAST,
    STANDING_ITEMS_FIRST,
    attendance_record,
    meeting_cancel,
    meeting_create,
    meeting_publish_agenda,
    meeting_publish_minutes,
    meeting_start_minutes,
    meeting_update,
)

__all__ = [
    "CORRECTABLE_FIELDS",
    "STANDING_ITEMS_FIRST",
    "STANDING_ITEM_LAST",
    "attachment_add",
    "attendance_record",
    "follow_up_add",
    "item_add",
    "item_correct",
    "item_guest_add",
    "item_move",
    "item_update",
    "meeting_cancel",
    "meeting_create",
    "meeting_publish_agenda",
    "meeting_publish_minutes",
    "meeting_start_minutes",
    "meeting_update",
]
