"""The secretariat's and the citizens' workflows for hearings.

Keyword-only, typed, one transaction each, ``full_clean`` before save, the history change
reason set. The only place that sends mail or enqueues jobs for this app.
"""

from hearings.services._base import DEFAULT_PERSONAL_DATA_DAYS
from hearings.services.followup import (
    acknowledgement_send,
    acknowledgements_send_all,
    party_remind,
)
from hearings.services.lifecycle import (
    hearing_close,
    hearing_create,
    hearing_mark_processed,
    hearing_open,
    hearing_publish_report,
    hearing_set_parties,
    hearing_set_summary,
)
from hearings.services.privacy import (
    contact_data_purge,
)
from hearings.services.remarks import (
    internal_note_add,
    remark_add,
    remark_handle,
    remark_mark_read,
    remark_set_themes,
    remarks_handle_bulk,
    render_answer_template,
)
from hearings.services.responses import (
    responder_for_party,
    response_receipt_send,
    response_register,
    response_set_publication,
    response_submit_citizen,
)

__all__ = [
    "DEFAULT_PERSONAL_DATA_DAYS",
    "acknowledgement_send",
    "acknowledgements_send_all",
    "contact_data_purge",
    "hearing_close",
    "hearing_create",
    "hearing_mark_processed",
    "hearing_open",
    "hearing_publish_report",
    "hearing_set_parties",
    "hearing_set_summary",
    "internal_note_add",
    "party_remind",
    "remark_add",
    "remark_handle",
    "remark_mark_read",
    "remark_set_themes",
    "remarks_handle_bulk",
    "render_answer_template",
    "responder_for_party",
    "response_receipt_send",
    "response_register",
    "response_set_publication",
    "response_submit_citizen",
]
