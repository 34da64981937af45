"""Render the demo's Aalborg 2023-2026 cycle report and print seconds, pages and peak memory.

    .venv/bin/python bench/bench_report.py [--audience public|internal] [--runs N]

Runs against its own database (POLITIKSPOR_DB_NAME, default "politikspor_bench") in the
embedded PostgreSQL, migrated and loaded with the demo the first time, and stores the PDFs in
a temporary directory; every version it makes is rolled back afterwards. The render is the
worker's own service (``reports.services.report_render``), called in this process.
Target (issue 7): at most 10 seconds and 400 MB on the two-core machine.
"""

import argparse
import os
import resource
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE_DIR))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
os.environ.setdefault("POLITIKSPOR_DB_NAME", "politikspor_bench")
os.environ.setdefault("POLITIKSPOR_LOCMEM_CACHE", "1")
MEDIA = tempfile.mkdtemp(prefix="politikspor-bench-")
os.environ["MEDIA_ROOT"] = MEDIA

MUNICIPALITY, POLICY = "aalborg", "integrationsstrategi-2023-2026"


class Rollback(Exception):
    pass


def peak_rss_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: KiB


def prepare():
    if not os.environ.get("DATABASE_URL"):
        from devstack.supervisor import services

        services(with_redis=False)  # creates POLITIKSPOR_DB_NAME when missing
    import django

    django.setup()
    from django.core.management import call_command

    from policies.models import Policy

    call_command("migrate", verbosity=0)
    if not Policy.objects.filter(municipality__slug=MUNICIPALITY, slug=POLICY).exists():
        print("indlæser demodata …", flush=True)
        call_command("loaddemo", verbosity=0)
    return Policy.objects.select_related("municipality").get(
        municipality__slug=MUNICIPALITY, slug=POLICY
    )


def render_once(policy, audience):
    from django.db import transaction
    from django.db.models import Max
    from django.utils import timezone

    from reports import services, snapshot
    from reports.models import ReportVersion

    figures = {}
    try:
        with transaction.atomic():
            started = time.perf_counter()
            data = snapshot.cycle_snapshot(policy, audience)
            figures["snapshot_s"] = time.perf_counter() - started
            number = (
                ReportVersion.objects.filter(kind="cycle", policy=policy).aggregate(
                    n=Max("number")
                )["n"]
                or 0
            ) + 1
            version = ReportVersion.objects.create(
                kind="cycle",
                audience=audience,
                municipality=policy.municipality,
                policy=policy,
                number=number,
                label="bench",
                data_taken_at=timezone.now(),
                snapshot=data,
                snapshot_sha256=snapshot.snapshot_hash(data),
                template_version=services.TEMPLATE_VERSIONS["cycle"],
            )
            render_started = time.perf_counter()
            version = services.report_render(version_id=version.pk)
            figures["render_s"] = time.perf_counter() - render_started
            figures["total_s"] = time.perf_counter() - started
            figures["pages"] = version.page_count
            figures["bytes"] = version.pdf_size
            figures["sha256"] = version.pdf_sha256[:16]
            raise Rollback
    except Rollback:
        pass
    return figures


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--audience", default="public", choices=["public", "internal"])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument(
        "--tracemalloc",
        action="store_true",
        help="mål også Python-allokeringer (gør WeasyPrint op til 10 gange langsommere)",
    )
    args = parser.parse_args()

    policy = prepare()
    baseline = peak_rss_mb()
    print(f"{policy.municipality.name}: {policy.title} ({args.audience})")
    print(f"hukommelse før første rapport (maxrss): {baseline:.0f} MB")
    worst = 0.0
    for run in range(1, args.runs + 1):
        figures = render_once(policy, args.audience)
        worst = max(worst, figures["total_s"])
        print(
            f"kørsel {run}: {figures['total_s']:.2f} s i alt "
            f"(data {figures['snapshot_s']:.2f} s, PDF {figures['render_s']:.2f} s), "
            f"{figures['pages']} sider, {figures['bytes'] / 1024:.0f} KiB, "
            f"maxrss {peak_rss_mb():.0f} MB"
        )
    if args.tracemalloc:
        # Separate run: tracing slows the pure-Python layout down a lot, so no timing here.
        tracemalloc.start()
        render_once(policy, args.audience)
        _current, traced_peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        print(
            "Python-allokeringer under én rapport (tracemalloc), maks: "
            f"{traced_peak / 2**20:.0f} MB"
        )
    peak = peak_rss_mb()
    verdict = "OK" if worst <= 10 and peak <= 400 else "OVER MÅL"
    print(
        f"værst: {worst:.2f} s; maxrss for processen: {peak:.0f} MB "
        f"(mål ≤ 10 s, ≤ 400 MB): {verdict}"
    )


if __name__ == "__main__":
    main()
