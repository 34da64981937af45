"""Time the public strategy dashboard for a large policy.

30 goals, 600 actions (20 per goal, each with a status update), 50 indicators of 40
measurements each, two closed rounds. Everything is built inside a transaction that is
rolled back at the end, so the database is left as it was.

    .venv/bin/python bench/bench_dashboard.py
"""

import datetime
import os
import statistics
import sys
import time
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

import django

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.auth.models import AnonymousUser  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.urls import reverse  # noqa: E402

from actionplans.models import (  # noqa: E402
    Action,
    ActionPlan,
    FollowUpRound,
    Indicator,
    Measurement,
    StatusUpdate,
)
from actionplans.selectors import dashboard_data  # noqa: E402
from core.models import Department, Municipality  # noqa: E402
from policies.models import Goal, Policy  # noqa: E402

GOALS, ACTIONS, INDICATORS, MEASUREMENTS, RUNS = 30, 600, 50, 40, 10
STATUSES = ["not_started", "on_track", "at_risk", "off_track", "done", "cancelled"]


class Rollback(Exception):
    pass


def build():
    municipality, _ = Municipality.objects.get_or_create(
        slug="bench-kommune", defaults={"name": "Benchkommune"}
    )
    department = Department.objects.create(municipality=municipality, name="Bench-forvaltning")
    policy = Policy.objects.create(
        municipality=municipality,
        title="Benchstrategi",
        slug="benchstrategi",
        state=Policy.State.IN_FORCE,
        period_start=2023,
        period_end=2026,
    )
    goals = Goal.objects.bulk_create(
        Goal(policy=policy, number=str(n + 1), title=f"Målsætning {n + 1}", position=n)
        for n in range(GOALS)
    )
    plans = [
        ActionPlan.objects.create(
            policy=policy,
            title=f"Handleplan {n + 1}",
            department=department,
            state=ActionPlan.State.RUNNING,
        )
        for n in range(3)
    ]
    for n, plan in enumerate(plans):
        plan.goals.set(goals[n::3])
    actions = Action.objects.bulk_create(
        Action(
            plan=plans[(n % GOALS) % 3],
            goal=goals[n % GOALS],
            title=f"Handling {n + 1}",
            owner_department=department,
            status=STATUSES[n % len(STATUSES)],
            progress=(n * 7) % 101,
            weight=1 + n % 3,
            due_date=datetime.date(2026, 12, 31),
        )
        for n in range(ACTIONS)
    )
    rounds = [
        FollowUpRound.objects.create(
            policy=policy,
            name=f"{2024 + n} 1. halvår",
            opens_on=datetime.date(2024 + n, 8, 1),
            closes_on=datetime.date(2024 + n, 8, 31),
        )
        for n in range(2)
    ]
    StatusUpdate.objects.bulk_create(
        StatusUpdate(
            action=action,
            round=rounds[n % 2],
            date=rounds[n % 2].closes_on,
            status=action.status,
            progress=action.progress,
            note="Bemærkning" if action.status in ("at_risk", "off_track") else "",
        )
        for n, action in enumerate(actions)
    )
    FollowUpRound.objects.filter(pk__in=[r.pk for r in rounds]).update(
        closed_at=datetime.datetime(2025, 9, 1, tzinfo=datetime.UTC)
    )
    indicators = Indicator.objects.bulk_create(
        Indicator(
            goal=goals[n % GOALS],
            name=f"Indikator {n + 1}",
            unit="%",
            baseline_value=Decimal(40),
            baseline_date=datetime.date(2016, 12, 31),
            target_value=Decimal(60) if n % 2 else Decimal(20),
            target_date=datetime.date(2026, 12, 31),
            higher_is_better=bool(n % 2),
        )
        for n in range(INDICATORS)
    )
    Measurement.objects.bulk_create(
        Measurement(
            indicator=indicator,
            period=datetime.date(2017 + m // 4, 3 * (m % 4) + 1, 1),
            value=Decimal(40 + (m if n % 2 else -m) * 0.4).quantize(Decimal("0.01")),
            source="Bench",
        )
        for n, indicator in enumerate(indicators)
        for m in range(MEASUREMENTS)
    )
    return policy


def percentile(values, share):
    ordered = sorted(values)
    index = min(len(ordered) - 1, round(share * (len(ordered) - 1)))
    return ordered[index]


def main():
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
    try:
        with transaction.atomic():
            policy = build()
            url = reverse("actionplans:dashboard", args=[policy.municipality.slug, policy.slug])
            client = Client()
            client.get(url)  # warm up templates and caches
            timings, queries, size = [], [], 0
            for _ in range(RUNS):
                with CaptureQueriesContext(connection) as captured:
                    start = time.perf_counter()
                    response = client.get(url)
                    timings.append((time.perf_counter() - start) * 1000)
                assert response.status_code == 200, response.status_code
                queries.append(len(captured))
                size = len(response.content)
            data_timings = []
            for _ in range(RUNS):
                start = time.perf_counter()
                dashboard_data(policy, AnonymousUser())
                data_timings.append((time.perf_counter() - start) * 1000)
            print(
                f"Dashboard: {GOALS} målsætninger, {ACTIONS} handlinger, "
                f"{INDICATORS} indikatorer × {MEASUREMENTS} målinger ({RUNS} kørsler)"
            )
            print(
                f"  hele siden:   median {statistics.median(timings):.0f} ms, "
                f"p95 {percentile(timings, 0.95):.0f} ms, "
                f"{queries[0]} forespørgsler (alle kørsler: {sorted(set(queries))}), "
                f"{size / 1024:.0f} KiB HTML"
            )
            print(
                f"  kun data+SVG: median {statistics.median(data_timings):.0f} ms, "
                f"p95 {percentile(data_timings, 0.95):.0f} ms"
            )
            raise Rollback
    except Rollback:
        pass


if __name__ == "__main__":
    main()
