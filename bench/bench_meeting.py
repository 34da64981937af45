"""Time the public meeting page on a meeting with 300 items and 600 attachments.

Builds the meeting inside a transaction that is rolled back at the end, so the database
is left as it was. Prints median and p95 in milliseconds and the number of queries, for
an anonymous reader and for an editor.

    .venv/bin/python bench/bench_meeting.py
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

from django.contrib.auth import get_user_model  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.test import Client  # noqa: E402
from django.urls import reverse  # noqa: E402

from core.models import Municipality, MunicipalityRole  # noqa: E402
from councils.models import AgendaItem, Attachment, Council, Meeting  # noqa: E402

ITEMS, ATTACHMENTS_PER_ITEM, RUNS = 300, 2, 20


class Rollback(Exception):
    pass


def build():
    municipality, _ = Municipality.objects.get_or_create(
        slug="bench-kommune", defaults={"name": "Benchkommune"}
    )
    council = Council.objects.create(
        municipality=municipality, name="Benchrådet", slug="benchraadet", kind="forum"
    )
    meeting = Meeting.objects.create(
        council=council,
        starts_at=datetime.datetime(2024, 1, 1, 16, tzinfo=datetime.UTC),
        status=Meeting.Status.MINUTES_PUBLISHED,
    )
    text = "<p>" + "Sagsfremstilling med en del tekst. " * 40 + "</p>"
    items = AgendaItem.objects.bulk_create(
        AgendaItem(
            meeting=meeting,
            number=n,
            position=n,
            title=f"Punkt {n}",
            is_closed=n % 25 == 0,
            public_title="Lukket punkt" if n % 25 == 0 else "",
            public_decision="Beslutning truffet." if n % 25 == 0 else "",
            case_presentation=text,
            recommendation="<p>Forvaltningen indstiller, at punktet godkendes.</p>",
            decision="<p>Godkendt.</p>",
            outcome="approved",
        )
        for n in range(1, ITEMS + 1)
    )
    Attachment.objects.bulk_create(
        Attachment(
            item=item,
            number=k,
            title=f"Bilag {k} til punkt {item.number}",
            file=f"attachments/bench/{item.pk}-{k}.pdf",
            content_type="application/pdf",
        )
        for item in items
        for k in range(1, ATTACHMENTS_PER_ITEM + 1)
    )
    editor = get_user_model().objects.create_user("bench-redaktoer")
    MunicipalityRole.objects.create(user=editor, municipality=municipality, role="editor")
    return meeting, editor


def measure(client, url):
    timings = []
    executed = []

    def count(execute, sql, params, many, context):
        executed.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(count):
        client.get(url)  # warm-up, and the query count
    for _ in range(RUNS):
        start = time.perf_counter()
        response = client.get(url)
        timings.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200
    timings.sort()
    p95 = timings[min(len(timings) - 1, round(0.95 * len(timings)) - 1)]
    return statistics.median(timings), p95, len(executed), len(response.content)


def main():
    try:
        with transaction.atomic():
            meeting, editor = build()
            url = reverse("councils:meeting", args=["bench-kommune", meeting.pk])
            print(f"Mødeside med {ITEMS} punkter og {ITEMS * ATTACHMENTS_PER_ITEM} bilag, "
                  f"{RUNS} kørsler")  # fmt: skip
            for label, user in (("anonym", None), ("redaktør", editor)):
                client = Client(HTTP_HOST="localhost")
                if user:
                    client.force_login(user)
                median, p95, count, size = measure(client, url)
                print(
                    f"  {label:9} median {median:7.1f} ms  p95 {p95:7.1f} ms  "
                    f"{count} forespørgsler  {size / 1024:.0f} KiB"
                )
            raise Rollback
    except Rollback:
        pass


if __name__ == "__main__":
    main()
