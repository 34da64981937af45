"""Reads of hearings that are not one QuerySet's: the consulted parties' tracker, the
warnings before a hearing opens, the draft's parts, and the hearing report (høringsnotat)
as data."""

import datetime
from collections import Counter

from django.db.models import Exists, OuterRef, Subquery
from django.utils import timezone
from django.utils.translation import gettext as _

from hearings.models import (
    Hearing,
    HearingParty,
    Remark,
    Response,
)


def hearing_tracker(*, hearing: Hearing, today: datetime.date | None = None):
    """Each consulted party with whether it answered, and the days left. One query."""
    today = today or timezone.localdate()
    answered = Response.objects.filter(hearing=hearing, responder__party=OuterRef("party_id"))
    rows = list(
        HearingParty.objects.filter(hearing=hearing)
        .select_related("party")
        .annotate(
            answered=Exists(answered),
            answered_on=Subquery(answered.order_by("received_on").values("received_on")[:1]),
        )
        .order_by("answered", "party__name")
    )
    days_left = hearing.days_left(today)
    for row in rows:
        row.days_left = days_left
        row.may_remind = (
            not row.answered
            and hearing.state == Hearing.State.OPEN
            and bool(row.party.contact_email)
        )
    return rows


def hearing_warnings(*, hearing: Hearing) -> list[str]:
    warnings = [
        _("%(party)s er lovpligtig høringspart (%(basis)s), men er ikke med i høringen.")
        % {"party": party.name, "basis": party.legal_basis or _("lovkrav")}
        for party in hearing.missing_required_parties()
    ]
    if hearing.version_id is None:
        warnings.append(_("Vælg den frosne version (høringsudkastet), der sendes i høring."))
    return warnings


# --- The draft's parts and the report ---------------------------------------------------

WHOLE_POLICY_KEY = "politik"


def _section_key(remark: Remark) -> str:
    if remark.commitment_id:
        return f"maal-{remark.commitment.goal_id}"
    if remark.goal_id:
        return f"maal-{remark.goal_id}"
    if remark.focus_area_id:
        return f"fokus-{remark.focus_area_id}"
    return WHOLE_POLICY_KEY


def _snapshot_parts(version) -> dict:
    """The frozen draft's focus areas and goals by key ("goal-17"), or {} without a version."""
    snapshot = getattr(version, "snapshot", None) or {}
    parts = {}
    for goal in snapshot.get("goals", []):
        parts[goal.get("key")] = goal
    for area in snapshot.get("focus_areas", []):
        parts[area.get("key")] = area
        for goal in area.get("goals", []):
            parts[goal.get("key")] = goal
    return parts


def draft_sections(policy, version=None):
    """The draft's parts in reading order: focus areas and goals, then the policy as a whole.

    Remarks point at the live parts (so links survive later edits); the text shown is the
    frozen version under hearing where it holds the part (``section["draft"]``), so the
    council reads what the responders read. Three queries, however large the hearing.
    """
    from policies.models import FocusArea, Goal

    focus_areas = list(FocusArea.objects.filter(policy=policy).order_by("position", "id"))
    goals = list(
        Goal.objects.filter(policy=policy)
        .prefetch_related("commitments")
        .order_by("position", "id")
    )
    frozen = _snapshot_parts(version)
    sections = []
    by_focus = {}
    for goal in goals:
        by_focus.setdefault(goal.focus_area_id, []).append(goal)
    for area in focus_areas:
        sections.append({"key": f"fokus-{area.pk}", "kind": "focus_area", "object": area})
        sections.extend(
            {"key": f"maal-{goal.pk}", "kind": "goal", "object": goal}
            for goal in by_focus.get(area.pk, [])
        )
    sections.extend(
        {"key": f"maal-{goal.pk}", "kind": "goal", "object": goal}
        for goal in by_focus.get(None, [])
    )
    sections.append({"key": WHOLE_POLICY_KEY, "kind": "policy", "object": policy})
    for section in sections:
        obj = section["object"]
        prefix = {"goal": "goal", "focus_area": "focus"}.get(section["kind"])
        section["draft"] = frozen.get(f"{prefix}-{obj.pk}") if prefix else None
        section["label"] = _section_label(section)
    return sections


def _section_label(section) -> str:
    obj, draft = section["object"], section.get("draft") or {}
    if section["kind"] == "goal":
        number = draft.get("number", obj.number) if draft else obj.number
        title = draft.get("title", obj.title) if draft else obj.title
        return _("Målsætning %(goal)s") % {"goal": f"{number}. {title}" if number else title}
    if section["kind"] == "focus_area":
        return _("Fokusområde: %(title)s") % {"title": draft.get("title", obj.title)}
    return _("Politikken som helhed")


def changed_part_url(remark: Remark, hearing: Hearing) -> str:
    """Link to the changed part in the adopted version's page, once the policies app has it."""
    from django.urls import NoReverseMatch, reverse

    if not remark.changed_version_id:
        return ""
    try:
        url = reverse(
            "policies:version",
            args=[
                hearing.policy.municipality.slug,
                hearing.policy.slug,
                remark.changed_version.number,
            ],
        )
    except NoReverseMatch:
        return ""
    return f"{url}#{remark.changed_anchor}" if remark.changed_anchor else url


def hearing_report_data(hearing: Hearing, user) -> dict:
    """The hearing report (høringsnotat) as plain data, with the reader's visibility applied.

    Used by the report page, the CSV/XLSX export and the PDF pipeline. Responder contact
    fields are never part of it, whoever reads: the items are plain values, not model
    instances a template could walk to ``responder.email``. Summaries and excerpts are the
    ``shown_*`` texts: contact details typed into them only for the secretariat.
    """
    responses = list(
        Response.objects.visible_to(user)
        .filter(hearing=hearing)
        .select_related("responder", "hearing")
        .order_by("received_on", "id")
    )
    response_ids = [response.pk for response in responses]
    remarks = list(
        Remark.objects.visible_to(user)
        .filter(response_id__in=response_ids)
        .select_related("commitment", "goal", "focus_area", "changed_version")
        .prefetch_related("themes")
        .order_by("response__received_on", "response_id", "position", "id")
    )
    response_by_id = {response.pk: response for response in responses}
    for remark in remarks:
        remark.response = response_by_id[remark.response_id]  # loaded already, with responder
    sections = draft_sections(hearing.policy, hearing.version)
    by_key = {section["key"]: section for section in sections}
    for section in sections:
        section["remarks"] = []
    for remark in remarks:
        response = response_by_id[remark.response_id]
        section = by_key.get(_section_key(remark)) or by_key[WHOLE_POLICY_KEY]
        section["remarks"].append(
            {
                "reference": response.reference,
                "responder": response.responder.public_name,
                "responder_kind": response.responder.get_kind_display(),
                "is_public": response.is_public,
                "excerpt": remark.shown_excerpt(user),
                "target": remark.target_label,
                "stance": remark.get_stance_display(),
                "outcome": remark.get_outcome_display() if remark.outcome else "",
                "answer": remark.answer,
                "reason": remark.reason,
                "themes": [theme.name for theme in remark.themes.all()],
                "changed_url": changed_part_url(remark, hearing),
                "changed_part": (
                    f"{remark.changed_version.label} {remark.changed_anchor}".strip()
                    if remark.changed_version_id
                    else remark.changed_anchor
                ),
            }
        )
    counts = Counter(remark.outcome for remark in remarks)
    per_response = Counter(remark.response_id for remark in remarks)
    return {
        "hearing": hearing,
        "responses": [
            {
                "reference": response.reference,
                "responder": response.responder.public_name,
                "responder_kind": response.responder.get_kind_display(),
                "received_on": response.received_on,
                "is_public": response.is_public,
                "summary": response.shown_summary(user),
                "remark_count": per_response[response.pk],
            }
            for response in responses
        ],
        "sections": [section for section in sections if section["remarks"]],
        "outcome_counts": [
            (Remark.Outcome(value).label if value else _("ikke besvaret"), counts[value])
            for value in [*Remark.Outcome.values, ""]
            if counts.get(value)
        ],
        "remark_count": len(remarks),
    }
