"""Workflows of report versions: request, render, retry, and the sweep of stuck renders.

The request and the job that renders it are written in one transaction (core.jobs: the
transactional outbox), so a report asked for is a report made, even when Redis is down at the
time. Rendering is idempotent: a done version is returned as it is, and a version that a
killed worker left half-rendered is rendered again from its stored snapshot.
"""

import hashlib
import logging
import os
import time
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Max
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from core.access import Reader
from core.jobs import job_enqueue
from reports import snapshot as snapshots
from reports.models import ReportVersion, audience_reader

logger = logging.getLogger(__name__)

RENDER_TASK = "reports.render_version"
QUEUE = "reports"
# Celery retries a failing render at most this often in all (the first try included).
MAX_ATTEMPTS = 3
# Bumped whenever the PDF templates change in a way a reader would notice. Stored with every
# version; a done version is never rendered again, so old versions keep their old look.
TEMPLATE_VERSIONS = {
    ReportVersion.Kind.CYCLE: "cycle-1",
    ReportVersion.Kind.MINUTES: "minutes-1",
    ReportVersion.Kind.HEARING: "hearing-1",
}
# Only honoured when set: makes the render slow so a test can kill the worker in the middle.
TEST_DELAY_ENV = "POLITIKSPOR_REPORT_TEST_DELAY"

S = ReportVersion.State


class RenderBusy(Exception):
    """Another worker holds the version right now."""


def stale_after():
    """A render older than the hard time limit (plus a margin) has lost its worker."""
    return timedelta(seconds=getattr(settings, "CELERY_TASK_TIME_LIMIT", 300) + 60)


# --- requesting -----------------------------------------------------------------------------


def _target(kind, *, policy=None, meeting=None, hearing=None):
    if kind == ReportVersion.Kind.CYCLE:
        return {"policy": policy, "municipality_id": policy.municipality_id}
    if kind == ReportVersion.Kind.HEARING:
        return {
            "hearing": hearing,
            "policy": hearing.policy,
            "municipality_id": hearing.policy.municipality_id,
        }
    return {"meeting": meeting, "municipality_id": meeting.council.municipality_id}


def _take_snapshot(kind, audience, reader, *, policy=None, meeting=None, hearing=None):
    if kind == ReportVersion.Kind.CYCLE:
        return snapshots.cycle_snapshot(policy, audience, reader)
    if kind == ReportVersion.Kind.HEARING:
        return snapshots.hearing_snapshot(hearing, audience, reader)
    return snapshots.minutes_snapshot(meeting, audience, reader)


def _lock_target(kind, *, policy=None, meeting=None, hearing=None):
    """Serialise requests for one target, so version numbers and the duplicate check hold."""
    from councils.models import Meeting
    from hearings.models import Hearing
    from policies.models import Policy

    if kind == ReportVersion.Kind.MINUTES:
        Meeting.objects.select_for_update().filter(pk=meeting.pk).first()
    elif kind == ReportVersion.Kind.HEARING:
        Hearing.objects.select_for_update().filter(pk=hearing.pk).first()
    else:
        Policy.objects.select_for_update().filter(pk=policy.pk).first()


@transaction.atomic
def version_request(
    *, kind, audience, council=None, label="", user=None, policy=None, meeting=None, hearing=None
) -> ReportVersion:
    """Ask for a report of ``kind`` for ``audience``; returns the version (new or unchanged).

    The data are taken now, for the audience (not for the asking user). When they are the
    same as in the latest version for the same target and audience, that version is returned
    instead of a duplicate (unless it failed).
    """
    if audience not in ReportVersion.Audience.values:
        raise ValidationError({"audience": _("Vælg en målgruppe.")})
    target = _target(kind, policy=policy, meeting=meeting, hearing=hearing)
    if audience == ReportVersion.Audience.COUNCIL:
        if council is None or council.municipality_id != target["municipality_id"]:
            raise ValidationError({"council": _("Vælg det råd, udgaven er til.")})
    else:
        council = None
    reader = audience_reader(audience, municipality_id=target["municipality_id"], council=council)
    _lock_target(kind, policy=policy, meeting=meeting, hearing=hearing)
    # Labels (states, outcomes) go into the snapshot as text: always Danish, whatever the
    # language of the page the request came from, so the hash does not depend on it either.
    with translation.override("da"):
        data = _take_snapshot(
            kind, audience, reader, policy=policy, meeting=meeting, hearing=hearing
        )
    digest = snapshots.snapshot_hash(data)

    existing = ReportVersion.objects.for_target(
        kind=kind, policy=policy, meeting=meeting, hearing=hearing
    )
    existing_for_audience = existing.filter(audience=audience, council=council)
    latest = existing_for_audience.order_by("-number").first()
    if latest is not None and latest.snapshot_sha256 == digest and latest.state != S.FAILED:
        latest.was_created = False
        return latest
    previous = existing_for_audience.exclude(state=S.FAILED).order_by("-number").first()
    number = (existing.aggregate(n=Max("number"))["n"] or 0) + 1
    version = ReportVersion(
        kind=kind,
        audience=audience,
        council=council,
        number=number,
        label=label.strip(),
        previous=previous,
        requested_by=user if getattr(user, "is_authenticated", False) else None,
        data_taken_at=timezone.now(),
        snapshot=data,
        snapshot_sha256=digest,
        template_version=TEMPLATE_VERSIONS[kind],
        **target,
    )
    version.full_clean(exclude=["pdf"])
    version.save()
    job_enqueue(task_name=RENDER_TASK, args=[version.pk], queue=QUEUE)
    version.was_created = True
    return version


def report_request(*, policy, audience, council=None, label="", user=None) -> ReportVersion:
    """Ask for the policy's cycle report (see ``version_request``)."""
    return version_request(
        kind=ReportVersion.Kind.CYCLE,
        audience=audience,
        council=council,
        label=label,
        user=user,
        policy=policy,
    )


def minutes_request(*, meeting, audience, council=None, label="", user=None) -> ReportVersion:
    if audience == ReportVersion.Audience.COUNCIL:
        council = meeting.council  # a meeting's minutes are its own council's
    return version_request(
        kind=ReportVersion.Kind.MINUTES,
        audience=audience,
        council=council,
        label=label,
        user=user,
        meeting=meeting,
    )


def hearing_report_request(
    *, hearing, audience, council=None, label="", user=None
) -> ReportVersion:
    return version_request(
        kind=ReportVersion.Kind.HEARING,
        audience=audience,
        council=council,
        label=label,
        user=user,
        hearing=hearing,
    )


# --- rendering ------------------------------------------------------------------------------


def _test_delay():
    """Seconds to spend sleeping inside a render (integration tests only)."""
    value = os.environ.get(TEST_DELAY_ENV, "")
    try:
        return float(value) if value else 0.0
    except ValueError:
        return 0.0


def render_version_pdf(version) -> tuple[bytes, object]:
    """The PDF of ``version``, rendered from its stored snapshot. Pure: changes nothing."""
    from reports.documents import version_html
    from reports.rendering import html_to_pdf

    html = version_html(version)
    delay = _test_delay()
    deadline = time.monotonic() + delay
    while time.monotonic() < deadline:  # small steps, so a kill lands in the middle
        time.sleep(0.1)
    return html_to_pdf(html)


def report_render(*, version_id: int) -> ReportVersion | None:
    """Render one version to PDF and store it, exactly once.

    Step 1 (short transaction) marks the version as rendering and counts the attempt, so the
    page shows it. Step 2 holds the row lock (``skip_locked``: a second worker that gets the
    same message meanwhile goes away at once) while WeasyPrint runs and the PDF is stored. A
    worker killed during step 2 loses its connection and with it the lock; the row stays
    "rendering" until the message is delivered again (late ack) or the stale sweep re-sends it.
    """
    from reports.rendering import pdf_page_count, weasyprint_version

    with transaction.atomic():
        version = (
            ReportVersion.objects.select_for_update(skip_locked=True).filter(pk=version_id).first()
        )
        if version is None:
            if not ReportVersion.objects.filter(pk=version_id).exists():
                logger.warning("report version %s does not exist", version_id)
                return None
            raise RenderBusy(version_id)
        if version.state == S.DONE:
            return version
        if version.state == S.RENDERING and version.attempts >= MAX_ATTEMPTS:
            # Delivered again after its worker died that many times (e.g. killed for memory):
            # stop here instead of taking down worker after worker.
            version.state = S.FAILED
            version.error = _(
                "Dannelsen blev afbrudt %(count)s gange (arbejdsprocessen stoppede)."
            ) % {"count": version.attempts}
            version.save(update_fields=["state", "error"])
            return version
        version.state = S.RENDERING
        version.attempts += 1
        version.rendering_started_at = timezone.now()
        version.error = ""
        version.save(update_fields=["state", "attempts", "rendering_started_at", "error"])

    with transaction.atomic():
        version = (
            ReportVersion.objects.select_for_update(skip_locked=True, of=("self",))
            .select_related("municipality", "policy", "meeting", "hearing", "previous")
            .filter(pk=version_id)
            .first()
        )
        if version is None:
            raise RenderBusy(version_id)
        if version.state == S.DONE:
            return version
        pdf, _fetcher = render_version_pdf(version)
        digest = hashlib.sha256(pdf).hexdigest()
        name = f"{version.kind}-{version.pk}-v{version.number}-{version.audience}-{digest[:12]}.pdf"
        version.pdf.save(name, ContentFile(pdf), save=False)
        version.pdf_sha256 = digest
        version.pdf_size = len(pdf)
        version.page_count = pdf_page_count(pdf)
        version.weasyprint_version = weasyprint_version()
        version.state = S.DONE
        version.finished_at = timezone.now()
        version.save(
            update_fields=[
                "pdf",
                "pdf_sha256",
                "pdf_size",
                "page_count",
                "weasyprint_version",
                "state",
                "finished_at",
            ]
        )
    return version


def report_mark_failed(*, version_id: int, error: str) -> None:
    """Record why a render failed. A done version is left alone (it did not fail)."""
    ReportVersion.objects.filter(pk=version_id).exclude(state=S.DONE).update(
        state=S.FAILED, error=error[:4000]
    )


@transaction.atomic
def report_retry(*, version: ReportVersion, user) -> ReportVersion:
    """Staff send a failed version to the worker again (same snapshot, same number)."""
    if not Reader.of(user).is_editor(version.municipality_id):
        raise PermissionDenied
    version = ReportVersion.objects.select_for_update().get(pk=version.pk)
    if version.state != S.FAILED:
        raise ValidationError(_("Kun en fejlet rapport kan prøves igen."))
    version.state = S.QUEUED
    version.error = ""
    version.save(update_fields=["state", "error"])
    job_enqueue(task_name=RENDER_TASK, args=[version.pk], queue=QUEUE)
    return version


def reports_sweep_stale(*, older_than: timedelta | None = None) -> int:
    """Send again the versions whose worker died (rendering for longer than the hard time
    limit) or whose message was lost (queued that long although sent). A version that has
    used up its attempts is marked failed instead, so a report that kills its worker every
    time does not loop forever."""
    cutoff = timezone.now() - (stale_after() if older_than is None else older_than)
    resent = 0
    just_sent = set()
    candidates = ReportVersion.objects.filter(
        state=S.RENDERING, rendering_started_at__lt=cutoff
    ).values_list("pk", flat=True)
    for version_id in list(candidates):
        with transaction.atomic():
            # skip_locked: a row a worker still holds is being rendered right now.
            version = (
                ReportVersion.objects.select_for_update(skip_locked=True)
                .filter(pk=version_id, state=S.RENDERING)
                .first()
            )
            if version is None:
                continue
            if version.attempts >= MAX_ATTEMPTS:
                version.state = S.FAILED
                version.error = _(
                    "Dannelsen blev afbrudt %(count)s gange (arbejdsprocessen stoppede)."
                ) % {"count": version.attempts}
                version.save(update_fields=["state", "error"])
                continue
            version.state = S.QUEUED
            version.save(update_fields=["state"])
            job_enqueue(task_name=RENDER_TASK, args=[version.pk], queue=QUEUE)
            just_sent.add(version.pk)
            resent += 1
    resent += _resend_lost_queued(cutoff, skip=just_sent)
    if resent:
        logger.warning("re-sent %s stale report version(s)", resent)
    return resent


def _resend_lost_queued(cutoff, *, skip):
    """Queued versions whose message was sent but never picked up (e.g. Redis lost it).

    Versions whose job is still unsent are left to core's job sweep. Sending one twice is
    harmless: the render is idempotent.
    """
    from core.models import Job

    unsent = Job.objects.filter(task_name=RENDER_TASK, sent_at__isnull=True).values_list(
        "args", flat=True
    )
    waiting = {args[0] for args in unsent if args} | skip
    resent = 0
    for version_id in ReportVersion.objects.filter(
        state=S.QUEUED, requested_at__lt=cutoff
    ).values_list("pk", flat=True):
        if version_id in waiting:
            continue
        with transaction.atomic():
            job_enqueue(task_name=RENDER_TASK, args=[version_id], queue=QUEUE)
        resent += 1
    return resent


def public_versions_for(policy, user=None):
    """The finished public cycle reports of ``policy``, newest first (for the policy page)."""
    return (
        ReportVersion.objects.visible_to(user or Reader.anonymous())
        .filter(
            kind=ReportVersion.Kind.CYCLE,
            policy=policy,
            audience=ReportVersion.Audience.PUBLIC,
            state=S.DONE,
        )
        .order_by("-number")
    )
