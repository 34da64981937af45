"""The demo's Aalborg 2023-2026 cycle report: the whole pipeline next to WeasyPrint alone.

    .venv/bin/python bench/bench_report.py [--audience public|council|secretariat] [--runs N]

Each run requests the report through the service (snapshot as the audience, hash, version
row) and renders it as the worker does (``reports.services.report_render``: HTML from the
snapshot, WeasyPrint, page count, SHA-256, storage). Then WeasyPrint alone renders the very
same HTML (same URL fetcher for the bundled fonts, same PDF/UA variant) and nothing else.
Both are timed in the same process, interleaved (every other run WeasyPrint alone goes
first, so garbage collection and caches favour neither), and the medians, the best runs and
their ratios printed. On a shared machine the best runs are the steadier figure.

Runs against its own database (POLITIKSPOR_DB_NAME, default "politikspor_bench") in the
embedded PostgreSQL, migrated and loaded with the demo the first time, and stores the PDFs in
a temporary directory; every version it makes is rolled back afterwards.
Targets: issue 7, at most 10 s and 400 MB; issue 12, the pipeline at most 1.2x WeasyPrint
alone on the same HTML.
"""

import argparse
import os
import resource
import statistics
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

MUNICIPALITY, POLICY, COUNCIL = "aalborg", "integrationsstrategi-2023-2026", "integrationsraadet"
RATIO_TARGET = 1.2


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


def weasyprint_alone(html):
    """WeasyPrint and nothing else, on the pipeline's HTML (the fetcher serves the fonts)."""
    from weasyprint import HTML

    from reports.rendering import BASE_URL, PDF_VARIANT, StaticOnlyFetcher

    started, cpu = time.perf_counter(), time.process_time()
    HTML(string=html, base_url=BASE_URL, url_fetcher=StaticOnlyFetcher()).write_pdf(
        pdf_variant=PDF_VARIANT
    )
    return time.perf_counter() - started, time.process_time() - cpu


def pipeline_once(policy, audience, council):
    """The service's request and the worker's render, rolled back; returns the figures and
    the version's HTML."""
    from django.db import transaction

    from reports import services
    from reports.documents import version_html

    figures = {}
    try:
        with transaction.atomic():
            started, cpu = time.perf_counter(), time.process_time()
            version = services.report_request(
                policy=policy, audience=audience, council=council, label="bench"
            )
            if not version.was_created:
                raise SystemExit(
                    f"{version} findes allerede med samme data i benchmark-databasen; "
                    "pipelinen ville ikke blive målt"
                )
            figures["request_s"] = time.perf_counter() - started
            render_started = time.perf_counter()
            version = services.report_render(version_id=version.pk)
            figures["render_s"] = time.perf_counter() - render_started
            figures["pipeline_s"] = time.perf_counter() - started
            figures["pipeline_cpu"] = time.process_time() - cpu
            figures["pages"] = version.page_count
            figures["bytes"] = version.pdf_size
            figures["html"] = version_html(version)
            raise Rollback
    except Rollback:
        pass
    return figures


def run_once(policy, audience, council, html, *, alone_first):
    if alone_first:
        alone = weasyprint_alone(html)
        figures = pipeline_once(policy, audience, council)
    else:
        figures = pipeline_once(policy, audience, council)
        alone = weasyprint_alone(figures["html"])
    figures["weasyprint_s"], figures["weasyprint_cpu"] = alone
    return figures


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--audience", default="public", choices=["public", "council", "secretariat"]
    )
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument(
        "--tracemalloc",
        action="store_true",
        help="mål også Python-allokeringer (gør WeasyPrint op til 10 gange langsommere)",
    )
    args = parser.parse_args()

    policy = prepare()
    council = None
    if args.audience == "council":
        from councils.models import Council

        council = Council.objects.get(municipality=policy.municipality, slug=COUNCIL)
    print(f"{policy.municipality.name}: {policy.title} ({args.audience})")
    print(f"hukommelse før første rapport (maxrss): {peak_rss_mb():.0f} MB")
    # Warm-up: imports, fonts, template cache; its HTML is the one WeasyPrint alone renders
    # when it goes first (the same document but for the moment the data were taken).
    html = pipeline_once(policy, args.audience, council)["html"]
    runs = []
    for run in range(1, args.runs + 1):
        figures = run_once(policy, args.audience, council, html, alone_first=run % 2 == 0)
        runs.append(figures)
        print(
            f"kørsel {run}: pipeline {figures['pipeline_s']:.2f} s "
            f"(bestilling og data {figures['request_s']:.2f} s, dannelse "
            f"{figures['render_s']:.2f} s), WeasyPrint alene {figures['weasyprint_s']:.2f} s, "
            f"{figures['pages']} sider, {figures['bytes'] / 1024:.0f} KiB, "
            f"maxrss {peak_rss_mb():.0f} MB"
        )
    # Wall clock is what a user waits; this process's CPU time is steadier on a shared
    # machine (it leaves out the database server's share of the snapshot, a few queries).
    for name, pick, clock in (
        ("median", statistics.median, "s"),
        ("bedste", min, "s"),
        ("median CPU-tid", statistics.median, "cpu"),
    ):
        pipeline = pick(r[f"pipeline_{clock}"] for r in runs)
        alone = pick(r[f"weasyprint_{clock}"] for r in runs)
        ratio = pipeline / alone
        print(
            f"{name}: pipeline {pipeline:.2f} s, WeasyPrint alene {alone:.2f} s, "
            f"forhold {ratio:.2f}x (mål ≤ {RATIO_TARGET}x): "
            f"{'OK' if ratio <= RATIO_TARGET else 'OVER MÅL'}"
        )
    if args.tracemalloc:
        # Separate run: tracing slows the pure-Python layout down a lot, so no timing here.
        tracemalloc.start()
        pipeline_once(policy, args.audience, council)
        _current, traced_peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        print(
            "Python-allokeringer under én rapport (tracemalloc), maks: "
            f"{traced_peak / 2**20:.0f} MB"
        )
    worst = max(r["pipeline_s"] for r in runs)
    peak = peak_rss_mb()
    verdict = "OK" if worst <= 10 and peak <= 400 else "OVER MÅL"
    print(
        f"værst: {worst:.2f} s; maxrss for processen: {peak:.0f} MB "
        f"(mål ≤ 10 s, ≤ 400 MB): {verdict}"
    )


if __name__ == "__main__":
    main()
