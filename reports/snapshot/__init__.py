"""The data a report is rendered from, taken once, for one audience, as plain JSON.

Everything is fetched through the models' ``visible_to`` with the reader that stands for the
audience (``reports.models.audience_reader``): a public version reads as an anonymous
citizen, a council's version as a member of that one council, the secretariat's as the
secretariat, so a version holds exactly what its readers may see. No
timestamps of the moment of taking go into the snapshot, so the same data give the same JSON
and the same SHA-256.

The apps' own report functions (``policies.selectors.snapshot_policy``,
``hearings.selectors.hearing_report_data``, ``actionplans.selectors.round_report_data``) give
the data; reports sit on top of every app and import them directly.
"""

from reports.snapshot.base import (
    canonical_json,
    normalise,
    snapshot_hash,
)
from reports.snapshot.cycle import cycle_changes, cycle_snapshot
from reports.snapshot.hearing import hearing_snapshot
from reports.snapshot.minutes import minutes_snapshot
from reports.snapshot.policy import policy_diff, policy_text

__all__ = [
    "canonical_json",
    "cycle_changes",
    "cycle_snapshot",
    "hearing_snapshot",
    "minutes_snapshot",
    "normalise",
    "policy_diff",
    "policy_text",
    "snapshot_hash",
]
