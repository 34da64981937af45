"""Time the council's review page of a hearing with 500 responses and 3,000 remarks.

Builds the hearing inside a transaction that is rolled back at the end, so the database is
left as it was. Prints median and p95 in milliseconds and the query count, with and without
a filter.

    DJANGO_SETTINGS_MODULE=config.settings .venv/bin/python bench/bench_review.py
"""

import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

import django

django.setup()

import datetime  # noqa: E402

from django.conf import settings  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.urls import reverse  # noqa: E402

from core.models import Municipality, MunicipalityRole  # noqa: E402
from hearings.models import (  # noqa: E402
    Hearing,
    InternalNote,
    Remark,
    RemarkRead,
    RemarkTheme,
    Responder,
    Response,
    Theme,
)
from policies.models import Commitment, FocusArea, Goal, Policy  # noqa: E402

RESPONSES = 500
REMARKS_PER_RESPONSE = 6
RUNS = 10


class Rollback(Exception):
    pass


def build():
    from django.contrib.auth import get_user_model

    municipality = Municipality.objects.create(name="Benchby", slug="benchby-review")
    editor = get_user_model().objects.create_user("bench-review-editor", password="x")
    MunicipalityRole.objects.create(
        user=editor, municipality=municipality, role=MunicipalityRole.Role.EDITOR
    )
    policy = Policy.objects.create(
        municipality=municipality,
        title="Benchpolitik",
        slug="benchpolitik",
        state=Policy.State.IN_HEARING,
    )
    areas = [
        FocusArea.objects.create(policy=policy, title=f"Fokus {i}", position=i) for i in range(3)
    ]
    goals = [
        Goal.objects.create(
            policy=policy, focus_area=areas[i % 3], number=str(i + 1), title=f"Mål {i}", position=i
        )
        for i in range(9)
    ]
    for goal in goals:
        for j in range(3):
            Commitment.objects.create(goal=goal, text=f"Indsats {goal.number}.{j}", position=j)
    themes = [Theme.objects.create(municipality=municipality, name=f"Tema {i}") for i in range(8)]
    hearing = Hearing.objects.create(
        policy=policy,
        title="Benchhøring",
        opens_on=datetime.date(2026, 1, 1),
        closes_on=datetime.date(2026, 2, 1),
        state=Hearing.State.CLOSED,
    )
    responders = Responder.objects.bulk_create(
        Responder(
            municipality=municipality,
            kind=Responder.Kind.CITIZEN if i % 3 else Responder.Kind.ORGANISATION,
            name=f"Afsender {i}",
            email=f"afsender{i}@example.net",
        )
        for i in range(RESPONSES)
    )
    responses = Response.objects.bulk_create(
        Response(
            hearing=hearing,
            responder=responder,
            reference=f"B-{i:05d}",
            received_on=datetime.date(2026, 1, 1) + datetime.timedelta(days=i % 30),
            channel=Response.Channel.WEB,
            text=f"Svar {i} " + "tekst " * 80,
            publication_consent=True,
        )
        for i, responder in enumerate(responders)
    )
    outcomes = [*Remark.Outcome.values, ""]
    remarks = Remark.objects.bulk_create(
        Remark(
            response=response,
            position=j,
            excerpt=f"Bemærkning {i}.{j} " + "ord " * 40,
            goal=goals[(i + j) % len(goals)] if (i + j) % 10 else None,
            stance=Remark.Stance.values[(i + j) % 4],
            outcome=outcomes[(i + j) % len(outcomes)],
            answer="" if not outcomes[(i + j) % len(outcomes)] else "Svar " * 20,
            reason="Fordi." if outcomes[(i + j) % len(outcomes)] == "not_taken_up" else "",
        )
        for i, response in enumerate(responses)
        for j in range(REMARKS_PER_RESPONSE)
    )
    RemarkTheme.objects.bulk_create(
        RemarkTheme(remark=remark, theme=themes[index % len(themes)], tagged_by=editor)
        for index, remark in enumerate(remarks)
    )
    InternalNote.objects.bulk_create(
        InternalNote(remark=remark, author=editor, text="Intern note") for remark in remarks[::5]
    )
    RemarkRead.objects.bulk_create(
        RemarkRead(remark=remark, user=editor) for remark in remarks[::3]
    )
    return municipality, hearing, editor, themes, goals


def measure(client, url):
    timings = []
    queries = 0
    client.get(url)  # warm up (template loading, connection)
    for _ in range(RUNS):
        with CaptureQueriesContext(connection) as captured:
            start = time.perf_counter()
            response = client.get(url)
            timings.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, response.status_code
        queries = len(captured)
    timings.sort()
    p95 = timings[min(len(timings) - 1, round(0.95 * (len(timings) - 1)))]
    return statistics.median(timings), p95, queries, len(response.content)


def main():
    # No setup_test_environment(): its template instrumentation would be timed too.
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
    try:
        with transaction.atomic():
            municipality, hearing, editor, themes, goals = build()
            client = Client()
            client.force_login(editor)
            base = reverse("hearings:review", args=[municipality.slug, hearing.pk])
            cases = [
                ("ingen filter", base),
                (
                    "filter: mål + tema + ulæste",
                    f"{base}?section=maal-{goals[0].pk}&theme={themes[1].pk}&unread=on",
                ),
                ("tekstsøgning", f"{base}?q=Afsender+4"),
                ("side 20", f"{base}?page=20"),
            ]
            print(
                f"Review page, {RESPONSES} responses, {RESPONSES * REMARKS_PER_RESPONSE} remarks,"
                f" {RUNS} runs each (50 remarks per page)"
            )
            for label, url in cases:
                median, p95, queries, size = measure(client, url)
                print(
                    f"  {label:30} median {median:7.1f} ms   p95 {p95:7.1f} ms   "
                    f"{queries:2d} queries   {size / 1024:6.0f} KiB"
                )
            raise Rollback
    except Rollback:
        pass


if __name__ == "__main__":
    main()
