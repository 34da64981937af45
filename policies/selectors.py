"""Reads of policies that are not one QuerySet's: the whole tree as plain data (a snapshot),
the differences between two snapshots, and the trail of saved changes.

A snapshot is what a named version freezes and what the reading page, the version page, the
comparison and the PDF reports render. It is deterministic: the same data always give the
same JSON (``snapshot_json``), parts in their reading order, keys sorted.

Parts carry a ``key`` made from their database id ("goal-17"), so a comparison recognises
a goal that was reworded or moved rather than showing it as removed and added.
"""

import json
from itertools import chain

from django.utils.translation import gettext as _

from core.diff import record_diff, rich_diff, word_diff
from core.sanitize import html_to_text
from policies.models import Commitment, FocusArea, Goal, Policy, Principle, Section

SNAPSHOT_FORMAT = 1

# Fields of the policy itself that belong to its text (its state and dates do not: they
# change without the text changing, and have their own trail of decisions).
POLICY_FIELDS = [
    "title",
    "subtitle",
    "kind",
    "period_start",
    "period_end",
    "vision",
    "introduction",
]


def _tree_prefetched(policy):
    cache = getattr(policy, "_prefetched_objects_cache", {})
    return "focus_areas" in cache and "sections" in cache and hasattr(policy, "direct_goals")


def _goal(goal):
    return {
        "key": f"goal-{goal.pk}",
        "number": goal.number,
        "title": goal.title,
        "description": goal.description,
        "commitments": [
            {"key": f"commitment-{c.pk}", "text": c.text} for c in goal.commitments.all()
        ],
    }


def snapshot_policy(policy):
    """The policy's text as a dict of plain data (sections, principles, goals, focus areas).

    Fetches the tree in a fixed number of queries unless the caller already did
    (``Policy.objects.with_tree()``).
    """
    if not _tree_prefetched(policy):
        policy = (
            Policy.objects.with_tree().select_related("prepared_by", "department").get(pk=policy.pk)
        )
    return {
        "format": SNAPSHOT_FORMAT,
        "policy": {
            "title": policy.title,
            "subtitle": policy.subtitle,
            "kind": policy.kind,
            "period_start": policy.period_start,
            "period_end": policy.period_end,
            "vision": policy.vision,
            "introduction": policy.introduction,
            "prepared_by": policy.prepared_by.name if policy.prepared_by_id else "",
            "department": policy.department.name if policy.department_id else "",
        },
        "sections": [
            {
                "key": f"section-{s.pk}",
                "heading": s.heading,
                "body": s.body,
                "list_kind": s.list_kind,
                "closing": s.closing,
            }
            for s in policy.sections.all()
        ],
        "principles": [
            {"key": f"principle-{p.pk}", "text": p.text} for p in policy.principles.all()
        ],
        "goals": [_goal(g) for g in policy.direct_goals],
        "focus_areas": [
            {
                "key": f"focus-{f.pk}",
                "title": f.title,
                "description": f.description,
                "closing": f.closing,
                "goals": [_goal(g) for g in f.goals.all()],
            }
            for f in policy.focus_areas.all()
        ],
    }


def snapshot_json(snapshot):
    """Canonical JSON of a snapshot: sorted keys, no whitespace variations."""
    return json.dumps(snapshot, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def anchored(snapshot):
    """The snapshot with reading-page anchors added (fokus-2, maal-2-1, indsats-2-1-3 …).

    Anchors follow the reading order, so a link to #maal-2-1 means "the first goal of the
    second focus area" in every version of the text.
    """
    data = json.loads(json.dumps(snapshot))  # a deep copy that never shares lists

    def goals(items, prefix):
        for number, goal in enumerate(items, start=1):
            goal["anchor"] = f"maal-{prefix}{number}"
            for c_number, commitment in enumerate(goal["commitments"], start=1):
                commitment["anchor"] = f"indsats-{prefix}{number}-{c_number}"

    for number, section in enumerate(data["sections"], start=1):
        section["anchor"] = f"afsnit-{number}"
    for number, principle in enumerate(data["principles"], start=1):
        principle["anchor"] = f"princip-{number}"
    goals(data["goals"], "")
    placed = {section.get("list_kind") for section in data["sections"]}
    data["goals_placed"] = "goals" in placed
    data["principles_placed"] = "principles" in placed
    for number, focus in enumerate(data["focus_areas"], start=1):
        focus["anchor"] = f"fokus-{number}"
        goals(focus["goals"], f"{number}-")
    return data


# --- Differences ---------------------------------------------------------------------------

_RICH = {"introduction", "body", "description", "closing"}


def _labels():
    return {
        "policy": _("Politikken"),
        "section": _("Afsnit"),
        "principle": _("Grundprincip"),
        "focus": _("Fokusområde"),
        "goal": _("Målsætning"),
        "commitment": _("Indsats"),
        "title": _("Titel"),
        "subtitle": _("Undertitel"),
        "kind": _("Type"),
        "period_start": _("Gælder fra år"),
        "period_end": _("Gælder til år"),
        "vision": _("Vision"),
        "introduction": _("Indledning"),
        "prepared_by": _("Udarbejdet af"),
        "department": _("Ansvarlig forvaltning"),
        "heading": _("Overskrift"),
        "body": _("Tekst"),
        "text": _("Tekst"),
        "description": _("Beskrivelse"),
        "number": _("Nummer"),
        "closing": _("Tekst efter listen"),
        "list_kind": _("Liste i afsnittet"),
    }


def _flatten(snapshot):
    """Every part of the tree in reading order: (key, kind, parent key, fields, name)."""
    rows = []
    policy = snapshot.get("policy", {})
    rows.append(("policy", "policy", None, {k: policy.get(k) for k in sorted(policy)}, ""))

    def add_goals(goals, parent):
        for goal in goals:
            fields = {k: goal.get(k, "") for k in ("number", "title", "description")}
            name = f"{goal.get('number')}. {goal['title']}" if goal.get("number") else goal["title"]
            rows.append((goal["key"], "goal", parent, fields, name))
            for commitment in goal.get("commitments", []):
                rows.append(
                    (
                        commitment["key"],
                        "commitment",
                        goal["key"],
                        {"text": commitment["text"]},
                        commitment["text"],
                    )
                )

    for section in snapshot.get("sections", []):
        fields = {
            "heading": section["heading"],
            "body": section.get("body", ""),
            "list_kind": section.get("list_kind", ""),
            "closing": section.get("closing", ""),
        }
        rows.append((section["key"], "section", None, fields, section["heading"]))
    for principle in snapshot.get("principles", []):
        rows.append((principle["key"], "principle", None, {"text": principle["text"]}, ""))
    add_goals(snapshot.get("goals", []), None)
    for focus in snapshot.get("focus_areas", []):
        fields = {
            "title": focus["title"],
            "description": focus.get("description", ""),
            "closing": focus.get("closing", ""),
        }
        rows.append((focus["key"], "focus", None, fields, focus["title"]))
        add_goals(focus.get("goals", []), focus["key"])
    return rows


def _text(name, value):
    if value is None:
        return ""
    value = str(value)
    return html_to_text(value) if name in _RICH else value


def _whole(name, value, how):
    """A whole added or removed text, marked like a word diff."""
    text = _text(name, value)
    return word_diff("", text) if how == "added" else word_diff(text, "")


def snapshot_diff(old_snapshot, new_snapshot):
    """What changed from one snapshot to another, part by part, in reading order.

    Returns ``{"changes": [...], "counts": {"added": n, "removed": n, "changed": n,
    "moved": n}}``. Each change is a dict with ``key``, ``kind`` (policy, section,
    principle, focus, goal, commitment), ``kind_label``, ``change`` (added, removed,
    changed, moved), ``name`` (the part's title in the newer text, or the older if
    removed) and ``fields``: ``[{"name", "label", "diff"}]`` where ``diff`` is safe HTML
    with <ins>/<del> marking every added and removed word.
    """
    labels = _labels()
    old_rows = {
        key: (kind, parent, fields, name)
        for key, kind, parent, fields, name in _flatten(old_snapshot)
    }
    new_rows = _flatten(new_snapshot)
    new_keys = {row[0] for row in new_rows}
    changes = []
    counts = {"added": 0, "removed": 0, "changed": 0, "moved": 0}

    def entry(key, kind, change, name, fields):
        counts[change] += 1
        return {
            "key": key,
            "kind": kind,
            "kind_label": labels[kind],
            "change": change,
            "name": name,
            "fields": fields,
        }

    old_order = {key: index for index, key in enumerate(old_rows)}
    old_keys = list(old_rows)
    kept_old_indexes = sorted(old_order[key] for key in old_rows if key in new_keys)

    def removed_after(previous_key):
        # Removed parts are listed where they stood in the older text: after the kept part
        # that preceded them there.
        start = old_order.get(previous_key, -1)
        end = next((i for i in kept_old_indexes if i > start), len(old_keys))
        for key in old_keys[start + 1 : end]:
            if key in new_keys:
                continue
            kind, _parent, fields, name = old_rows[key]
            changes.append(
                entry(
                    key,
                    kind,
                    "removed",
                    name or _text("text", fields.get("text", "")),
                    [
                        {"name": f, "label": labels.get(f, f), "diff": _whole(f, v, "removed")}
                        for f, v in fields.items()
                        if _text(f, v)
                    ],
                )
            )

    removed_after(None)
    for key, kind, parent, fields, name in new_rows:
        if key not in old_rows:
            changes.append(
                entry(
                    key,
                    kind,
                    "added",
                    name or _text("text", fields.get("text", "")),
                    [
                        {"name": f, "label": labels.get(f, f), "diff": _whole(f, v, "added")}
                        for f, v in fields.items()
                        if _text(f, v)
                    ],
                )
            )
            continue
        _old_kind, old_parent, old_fields, _old_name = old_rows[key]
        diffs = []
        for field in [*fields, *(f for f in old_fields if f not in fields)]:
            old_value, new_value = old_fields.get(field), fields.get(field)
            if _text(field, old_value) == _text(field, new_value):
                continue
            if field in _RICH:
                diff = rich_diff(old_value or "", new_value or "")
            else:
                diff = word_diff(_text(field, old_value), _text(field, new_value))
            diffs.append({"name": field, "label": labels.get(field, field), "diff": diff})
        if diffs:
            changes.append(entry(key, kind, "changed", name or labels[kind], diffs))
        elif old_parent != parent:
            changes.append(entry(key, kind, "moved", name or labels[kind], []))
        removed_after(key)
    return {"changes": changes, "counts": counts}


# --- The trail of changes ------------------------------------------------------------------

# What the history page compares, per model: the fields a reader cares about.
HISTORY_FIELDS = {
    Policy: ["title", "subtitle", "kind", "period_start", "period_end", "vision",
             "introduction", "state"],
    Section: ["heading", "body", "list_kind", "closing", "position"],
    Principle: ["text", "position"],
    FocusArea: ["title", "description", "closing", "position"],
    Goal: ["number", "title", "description", "focus_area", "position"],
    Commitment: ["text", "position"],
}  # fmt: skip


def policy_history(policy, *, limit=150):
    """Every saved change of the policy and its parts, newest first: the history record, the
    kind of part, its name and the field-by-field diff against the record before."""
    from policies.models import Commitment, FocusArea, Goal, Policy, Principle, Section

    goal_ids = Goal.history.filter(policy_id=policy.pk).values_list("id", flat=True).distinct()
    records = sorted(
        chain(
            Policy.history.filter(id=policy.pk).select_related("history_user"),
            Section.history.filter(policy_id=policy.pk).select_related("history_user"),
            Principle.history.filter(policy_id=policy.pk).select_related("history_user"),
            FocusArea.history.filter(policy_id=policy.pk).select_related("history_user"),
            Goal.history.filter(policy_id=policy.pk).select_related("history_user"),
            Commitment.history.filter(goal_id__in=list(goal_ids)).select_related("history_user"),
        ),
        key=lambda record: record.history_date,
        reverse=True,
    )[:limit]
    rows = []
    for record in records:
        model = record.instance_type
        previous = record.prev_record if record.history_type == "~" else None
        fields = HISTORY_FIELDS[model]
        rows.append(
            {
                "record": record,
                "kind": model._meta.verbose_name,
                "name": str(record.instance)[:120],
                "diff": record_diff(previous, record, fields) if previous else [],
            }
        )
    return rows
