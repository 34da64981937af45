"""The decisions trail: agenda items about a policy, as the reader may see them."""

from actionplans.models import FollowUpRound
from councils.models import AgendaItem
from policies.models import Policy, PolicyTransition
from reports.snapshot.base import day


def item_row(item):
    """One agenda item as the reader may see it (the item's ``shown_*`` methods decide)."""
    meeting = item.meeting
    decision, public_decision = item.shown_decision()
    return {
        "id": item.pk,
        "council": meeting.council.name,
        "date": day(meeting.starts_at),
        "number": item.number,
        "title": item.shown_title(),
        "is_closed": item.is_closed,
        "case": item.case.number if item.case_id and item.can_read else "",
        "outcome": item.shown_outcome(),
        "decision": decision,
        "public_decision": public_decision,
    }


def item_ids(policy):
    """The agenda items about ``policy``: linked to it, deciding one of its transitions, or
    receiving a status report of its action plans. Three indexed look-ups, not one query
    that ORs three joins over every agenda item (issue 12: seconds at national scale)."""
    linked = Policy.agenda_items.through.objects.filter(policy=policy)
    rounds = FollowUpRound.agenda_items.through.objects.filter(followupround__policy=policy)
    return (
        set(linked.values_list("agendaitem_id", flat=True))
        | set(
            PolicyTransition.objects.filter(policy=policy, agenda_item__isnull=False).values_list(
                "agenda_item_id", flat=True
            )
        )
        | set(rounds.values_list("agendaitem_id", flat=True))
    )


def decisions(policy, reader):
    items = list(
        AgendaItem.objects.visible_to(reader)
        .filter(pk__in=item_ids(policy))
        .select_related("meeting__council", "case")
        .order_by("meeting__starts_at", "position", "number", "id")
    )
    transitions = list(
        PolicyTransition.objects.visible_to(reader)
        .filter(policy=policy)
        .order_by("decided_on", "id")
    )
    by_item = {}
    for transition in transitions:
        by_item.setdefault(transition.agenda_item_id, []).append(transition)
    rows = []
    for item in items:
        row = item_row(item)
        row["transitions"] = [
            f"{t.get_from_state_display()} → {t.get_to_state_display()}"
            for t in by_item.get(item.pk, [])
        ]
        rows.append(row)
    visible_ids = {item.pk for item in items}
    # A change of state recorded without a (visible) item is still part of the trail, but
    # says nothing about the item it may point to.
    for transition in transitions:
        if transition.agenda_item_id is None or transition.agenda_item_id not in visible_ids:
            rows.append(
                {
                    "id": None,
                    "council": "",
                    "date": day(transition.decided_on),
                    "number": None,
                    "title": "",
                    "is_closed": False,
                    "case": "",
                    "outcome": "",
                    "decision": "",
                    "public_decision": "",
                    "transitions": [
                        f"{transition.get_from_state_display()} → "
                        f"{transition.get_to_state_display()}"
                    ],
                }
            )
    rows.sort(key=lambda r: (r["date"] or "", r["number"] or 0))
    return rows
