"""Action plans, follow-up rounds, status updates and indicators from the action-plan files.

A missing policy, department or council creates nothing for it. A round that is closed is
never touched again, not even by the demo.
"""

import datetime
from decimal import Decimal

from django.db.models import Q
from django.utils import timezone

from actionplans.models import (
    Action,
    ActionPlan,
    FollowUpRound,
    Indicator,
    Measurement,
    StatusUpdate,
)
from core.models import Department
from councils.models import FollowUp
from demo.loaders._base import read
from demo.loaders.policies import agenda_item
from policies.models import Policy

AALBORG_FILE = "actionplans-aalborg.yaml"
NORDDJURS_FILE = "actionplans-norddjurs.yaml"


def load(stdout):
    done = [
        name
        for name, loaded in (
            ("Aalborg", _aalborg(read(AALBORG_FILE))),
            ("Norddjurs", _norddjurs(read(NORDDJURS_FILE))),
        )
        if loaded
    ]
    if done:
        stdout.write("Handleplaner, opfølgningsrunder og indikatorer: " + ", ".join(done))
    else:
        stdout.write("Handleplaner: ingen demo (politikkerne findes ikke endnu)")


def _policy(ref):
    return (
        Policy.objects.filter(municipality__slug=ref["municipality"], slug=ref["slug"])
        .select_related("municipality")
        .first()
    )


def _department(municipality, name):
    return Department.objects.filter(municipality=municipality, name=name).first()


def _rounds(policy, rows):
    rounds = []
    for row in rows:
        round, _ = FollowUpRound.objects.get_or_create(
            policy=policy,
            name=row["name"],
            defaults={
                "opens_on": row["opens_on"],
                "closes_on": row["closes_on"],
                "report_title": row.get("report_title", ""),
                "summary": row.get("summary", ""),
            },
        )
        rounds.append((round, row.get("closed_on")))
    return rounds


def _close(rounds):
    # Closed after their updates are in, backdated to when the round really closed.
    for round, closed_on in rounds:
        if closed_on and not round.is_closed:
            round.closed_at = timezone.make_aware(
                datetime.datetime.combine(closed_on, datetime.time(12))
            )
            round.save(update_fields=["closed_at"])


def _record(action, rounds, history):
    for (round, _closed_on), entry in zip(rounds, history, strict=False):
        if entry is None or round.is_closed:
            continue
        status, progress, *note = entry
        day = min(round.closes_on, round.opens_on + datetime.timedelta(days=10))
        StatusUpdate.objects.get_or_create(
            action=action,
            round=round,
            defaults={"status": status, "progress": progress, "note": "".join(note), "date": day},
        )
    latest = action.updates.order_by("-date", "-id").first()
    if latest and (action.status, action.progress) != (latest.status, latest.progress):
        action.status, action.progress = latest.status, latest.progress
        action.save(update_fields=["status", "progress"])


def _aalborg(data):
    policy = _policy(data["policy"])
    if policy is None:
        return False
    municipality = policy.municipality
    goals = {goal.number.strip().rstrip("."): goal for goal in policy.goals.all()}
    rounds = _rounds(policy, data["rounds"])
    period = data["period"]
    for spec in data["plans"]:
        goal = goals.get(str(spec["goal"]))
        if goal is None:
            continue
        plan, _ = ActionPlan.objects.get_or_create(
            policy=policy,
            title=spec["title"],
            defaults={
                "department": _department(municipality, spec["department"]),
                "partners": spec["partners"],
                "period_start": period["start"],
                "period_end": period["end"],
                "state": ActionPlan.State.RUNNING,
            },
        )
        plan.goals.add(goal)
        for row in spec["actions"]:
            action, _ = Action.objects.get_or_create(
                plan=plan,
                title=row["title"],
                defaults={
                    "goal": goal,
                    "description": data["action_description"],
                    "owner_department": _department(municipality, row["department"]),
                    "start_date": period["start"],
                    "due_date": row["due_date"],
                    "weight": row["weight"],
                },
            )
            _record(action, rounds, row["updates"])
        for row in spec["indicators"]:
            _indicator(goal, row, data)
        if "budget_request" in spec:
            _budget_request(plan, goal, rounds, spec["budget_request"])
    _close(rounds)
    return True


def _indicator(goal, row, data):
    source = data["demo_source"]
    indicator, _ = Indicator.objects.get_or_create(
        goal=goal,
        name=row["name"],
        defaults={
            "unit": row["unit"],
            "baseline_value": Decimal(row["baseline"]),
            "baseline_date": datetime.date(2022, 12, 31),
            "target_value": Decimal(row["target"]),
            "target_date": data["period"]["end"],
            "higher_is_better": row["higher_is_better"],
            "data_source": source,
        },
    )
    for period, value in zip(data["measurement_periods"], row["values"], strict=True):
        Measurement.objects.get_or_create(
            indicator=indicator,
            period=period["period"],
            defaults={"period_label": period["label"], "value": Decimal(value), "source": source},
        )


def _budget_request(plan, goal, rounds, spec):
    """The Integration Council's working group and its budget request (11 April 2023)."""
    municipality = plan.policy.municipality
    follow_up = (
        FollowUp.objects.filter(item__meeting__council__municipality=municipality)
        .filter(Q(title__icontains="budgetønske") | Q(task__icontains="budgetønske"))
        .filter(item__meeting__starts_at__date=spec["start_date"])
        .first()
    )
    members = list(follow_up.members.all()) if follow_up else []
    owner = next((p for p in members if p.name == spec["owner"]), members[0] if members else None)
    fields = {
        "title": spec["title"],
        "goal": goal,
        "description": spec["description"],
        "owner_department": _department(municipality, spec["department"]),
        "start_date": spec["start_date"],
        "due_date": spec["due_date"],
    }
    # Found by its flag, not its title, so a corrected title updates the same action.
    action = Action.objects.filter(plan=plan, is_budget_request=True).first()
    if action is None:
        action = Action(plan=plan, is_budget_request=True, owner_person=owner)
    for key, value in fields.items():
        setattr(action, key, value)
    action.source_follow_up = action.source_follow_up or follow_up
    action.owner_person = action.owner_person or owner
    action.save()
    _record(action, rounds, spec["updates"])


def _norddjurs(data):
    policy = _policy(data["policy"])
    if policy is None:
        return False
    rounds = _rounds(policy, data["rounds"])
    report_round = rounds[0][0]
    items = [agenda_item(policy.municipality, ref) for ref in data["report_items"]]
    report_round.agenda_items.add(*[item for item in items if item is not None])
    spec = data["plan"]
    goals = list(policy.goals.all()[: spec["max_goals"]])
    if goals:
        plan, _ = ActionPlan.objects.get_or_create(
            policy=policy,
            title=spec["title"],
            defaults={
                "department": _department(policy.municipality, spec["department"]),
                "partners": spec["partners"],
                "period_start": spec["period"]["start"],
                "period_end": spec["period"]["end"],
                "state": ActionPlan.State.RUNNING,
            },
        )
        plan.goals.add(*goals)
        cycle = spec["updates_cycle"]
        for index, goal in enumerate(goals):
            action, _ = Action.objects.get_or_create(
                plan=plan,
                title=spec["action_title"].format(number=goal.number or index + 1),
                defaults={
                    "goal": goal,
                    "description": spec["action_description"],
                    "owner_department": _department(policy.municipality, spec["department"]),
                },
            )
            _record(action, rounds, cycle[index % len(cycle)])
    _close(rounds)
    return True
