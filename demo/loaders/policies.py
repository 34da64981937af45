"""Policies and their trees from the policy files, the strategy's lifecycle included.

Policies are found by slug and every list of the tree by position, so loading again updates
in place with the same ids (version comparisons and remarks keep pointing at the right part).
"""

from core.models import Department, Municipality
from councils.models import AgendaItem, Council
from demo.loaders._base import CHANGE_REASON, read, rich, sync_rows
from policies.models import Commitment, FocusArea, Goal, Policy, Principle, Section
from policies.services import policy_freeze_version, policy_transition

POLICY_FILES = [
    "aalborg-integrationspolitik-2005.yaml",
    "aalborg-integrationspolitik-2012-2015.yaml",
    "aalborg-integrationsstrategi-2023-2026.yaml",
    "norddjurs-integrationspolitik-2021-2026.yaml",
]
PLAIN_FIELDS = [
    "title",
    "subtitle",
    "kind",
    "period_start",
    "period_end",
    "vision",
    "document_date",
    "adopted_year",
]


def load(stdout):
    policies = [_load_policy(read(name)) for name in POLICY_FILES]
    stdout.write("Politikker: " + ", ".join(policy.title for policy in policies))


def agenda_item(municipality, ref):
    """The item a file points at as {council, date, number}, or None if it is not loaded."""
    return AgendaItem.objects.filter(
        meeting__council__municipality=municipality,
        meeting__council__name=ref["council"],
        meeting__starts_at__date=ref["date"],
        number=ref["number"],
    ).first()


def _load_policy(data):
    municipality = Municipality.objects.get(slug=data["municipality"])
    fields = {field: data.get(field) for field in PLAIN_FIELDS}
    fields.update(
        subtitle=data.get("subtitle", ""),
        vision=data.get("vision", ""),
        introduction=rich(data.get("introduction")),
        prepared_by=_named(Council, municipality, data.get("prepared_by")),
        department=_named(Department, municipality, data.get("department")),
        predecessor=Policy.objects.filter(
            municipality=municipality, slug=data.get("predecessor")
        ).first(),
    )
    policy = Policy.objects.filter(municipality=municipality, slug=data["slug"]).first()
    lifecycle = data.get("lifecycle")
    if lifecycle and (policy is None or not policy.transitions.exists()):
        policy = _walk_lifecycle(municipality, data, fields, lifecycle)
    else:
        state = policy.state if lifecycle else data["state"]
        policy = _save_policy(municipality, data["slug"], {**fields, "state": state})
        sync_tree(policy, data)
        for step in lifecycle or []:
            _link_decision(policy, municipality, step["transition"])
    for ref in data.get("agenda_items", []):
        item = agenda_item(municipality, ref)
        if item is not None:
            policy.agenda_items.add(item)
    return policy


def _walk_lifecycle(municipality, data, fields, lifecycle):
    """First load: walk the documented steps through the services, freezing on the way,
    exactly as staff would."""
    policy = _save_policy(municipality, data["slug"], {**fields, "state": Policy.State.DRAFT})
    policy.versions.all().delete()
    for step in lifecycle:
        sync_tree(policy, {**data, **({"goals": step["goals"]} if "goals" in step else {})})
        transition = step["transition"]
        ref = transition.get("agenda_item")
        policy_transition(
            policy=policy,
            to_state=transition["to_state"],
            decided_on=transition["decided_on"],
            user=None,
            agenda_item=agenda_item(municipality, ref) if ref else None,
            note=transition.get("note", ""),
        )
        policy_freeze_version(policy=policy, label=step["freeze"], user=None)
    policy.refresh_from_db()
    return policy


def _link_decision(policy, municipality, transition):
    """A later load keeps the trail; it only picks up an agenda item loaded since."""
    ref = transition.get("agenda_item")
    item = agenda_item(municipality, ref) if ref else None
    if item is None:
        return
    policy.transitions.filter(to_state=transition["to_state"], agenda_item__isnull=True).update(
        agenda_item=item
    )
    policy.agenda_items.add(item)


def _named(model, municipality, name):
    if not name:
        return None
    return model.objects.filter(municipality=municipality, name=name).first()


def _save_policy(municipality, slug, fields):
    policy = Policy.objects.filter(municipality=municipality, slug=slug).first()
    if policy is None:
        policy = Policy(municipality=municipality, slug=slug)
    for key, value in fields.items():
        setattr(policy, key, value)
    policy._change_reason = CHANGE_REASON
    policy.full_clean()
    policy.save()
    return policy


def sync_tree(policy, tree):
    """Give ``policy`` exactly the parts in ``tree``, in order, reusing existing rows."""
    sections = [
        {
            "heading": section["heading"],
            "body": rich(section.get("body")),
            "list_kind": section.get("list", ""),
            "closing": rich(section.get("closing")),
        }
        for section in tree.get("sections", [])
    ]
    sync_rows(Section, policy.sections.all(), sections, policy=policy)
    principles = [{"text": text} for text in tree.get("principles", [])]
    sync_rows(Principle, policy.principles.all(), principles, policy=policy)
    _sync_goals(policy, None, tree.get("goals", []))
    focus_rows = [
        {
            "title": area["title"],
            "description": rich(area.get("description")),
            "closing": rich(area.get("closing")),
        }
        for area in tree.get("focus_areas", [])
    ]
    areas = sync_rows(FocusArea, policy.focus_areas.all(), focus_rows, policy=policy)
    for area, data in zip(areas, tree.get("focus_areas", []), strict=True):
        _sync_goals(policy, area, data.get("goals", []))


def _sync_goals(policy, focus_area, goals):
    rows = [
        {"number": str(goal.get("number", "")), "title": goal["title"], "description": ""}
        for goal in goals
    ]
    existing = Goal.objects.filter(policy=policy, focus_area=focus_area)
    saved = sync_rows(Goal, existing, rows, policy=policy, focus_area=focus_area)
    for goal, data in zip(saved, goals, strict=True):
        commitments = [{"text": text} for text in data.get("commitments", [])]
        sync_rows(Commitment, Commitment.objects.filter(goal=goal), commitments, goal=goal)
