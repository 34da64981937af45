"""The data a report is rendered from, taken once, for one audience, as plain JSON.

Everything is fetched through the models' ``visible_to`` with a reader that stands for the
audience: a public version reads as an anonymous citizen, an internal one as a member of all
the municipality's councils (not as the secretariat: responses marked confidential are for
the secretariat only and never reach a PDF that council members can download). No
timestamps of the moment of taking go into the snapshot, so the same data give the same JSON
and the same SHA-256.

The apps' own report functions (``policies.snapshots.snapshot_policy``,
``hearings.services.hearing_report_data``, ``actionplans.selectors.round_report_data``) are
used when present; each has a minimal fallback here so a report can be made while an app is
still being built.
"""

from reports.snapshot.base import (
    CouncilReader,
    canonical_json,
    normalise,
    optional,
    reader_for,
    snapshot_hash,
)
from reports.snapshot.cycle import cycle_changes, cycle_snapshot
from reports.snapshot.hearing import hearing_snapshot
from reports.snapshot.minutes import minutes_snapshot
from reports.snapshot.policy import policy_diff, policy_text

__all__ = [
    "CouncilReader",
    "canonical_json",
    "cycle_changes",
    "cycle_snapshot",
    "hearing_snapshot",
    "minutes_snapshot",
    "normalise",
    "optional",
    "policy_diff",
    "policy_text",
    "reader_for",
    "snapshot_hash",
]
