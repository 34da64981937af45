"""Time a policy's public reading page on a large policy.

20 focus areas, 200 goals (10 per area) and 2,000 commitments (10 per goal), plus a
frozen version and a decision. Everything is built inside a transaction that is rolled
back at the end, so the database is left as it was.

    .venv/bin/python bench/bench_policy.py
"""

import datetime
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

import django

django.setup()

from django.db import connection, transaction  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from core.models import Municipality  # noqa: E402
from policies.models import (  # noqa: E402
    Commitment,
    FocusArea,
    Goal,
    Policy,
    PolicyTransition,
)
from policies.services import policy_freeze_version  # noqa: E402

FOCUS_AREAS, GOALS_PER_AREA, COMMITMENTS_PER_GOAL, RUNS = 20, 10, 10, 20


class Rollback(Exception):
    pass


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def build():
    municipality, _ = Municipality.objects.get_or_create(
        slug="bench-kommune", defaults={"name": "Benchkommune"}
    )
    policy = Policy.objects.create(
        municipality=municipality,
        title="Stor politik til måling",
        slug="stor-politik-til-maaling",
        period_start=2024,
        period_end=2027,
        vision="En vision i én sætning.",
        introduction="<p>Indledning.</p>",
        state=Policy.State.IN_FORCE,
    )
    areas = FocusArea.objects.bulk_create(
        FocusArea(policy=policy, position=a, title=f"Fokusområde {a}", description="<p>Tekst</p>")
        for a in range(1, FOCUS_AREAS + 1)
    )
    goals = Goal.objects.bulk_create(
        Goal(
            policy=policy,
            focus_area=area,
            position=g,
            number=f"{a}.{g}",
            title=f"Målsætning {a}.{g} om at gøre en mærkbar forskel for borgerne",
        )
        for a, area in enumerate(areas, start=1)
        for g in range(1, GOALS_PER_AREA + 1)
    )
    Commitment.objects.bulk_create(
        Commitment(goal=goal, position=c, text=f"Indsats {c}: en konkret handling med en ejer.")
        for goal in goals
        for c in range(1, COMMITMENTS_PER_GOAL + 1)
    )
    PolicyTransition.objects.create(
        policy=policy,
        from_state=Policy.State.ADOPTED,
        to_state=Policy.State.IN_FORCE,
        decided_on=datetime.date(2024, 1, 1),
    )
    policy_freeze_version(policy=policy, label="Vedtaget", user=None)
    return policy


def main():
    try:
        with transaction.atomic():
            policy = build()
            url = policy.get_absolute_url()
            client = Client(HTTP_HOST="localhost")
            assert client.get(url).status_code == 200  # warm up
            timings = []
            for _ in range(RUNS):
                start = time.perf_counter()
                response = client.get(url)
                timings.append((time.perf_counter() - start) * 1000)
                assert response.status_code == 200
            with CaptureQueriesContext(connection) as queries:
                client.get(url)
            print(
                f"Læsesiden for en politik med {FOCUS_AREAS} fokusområder, "
                f"{FOCUS_AREAS * GOALS_PER_AREA} målsætninger og "
                f"{FOCUS_AREAS * GOALS_PER_AREA * COMMITMENTS_PER_GOAL} indsatser "
                f"({RUNS} kørsler):"
            )
            print(
                f"  median {statistics.median(timings):.0f} ms, "
                f"p95 {percentile(timings, 0.95):.0f} ms, "
                f"{len(queries)} forespørgsler, {len(response.content) // 1024} KiB HTML"
            )
            raise Rollback
    except Rollback:
        pass


if __name__ == "__main__":
    main()
