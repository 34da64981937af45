"""Workflows of report versions: request, render, retry, and the sweep of stuck renders.

One request function for every kind (``version_request``; what differs between kinds is in
``reports.specs``), with a thin wrapper per kind. The request and the job that renders it
are written in one transaction (core.jobs: the transactional outbox), so a report asked for
is a report made, even when Redis is down at the time. Rendering is idempotent: a done
version is returned as it is, and a version whose worker died (its lease ran out, see
``reports.lease``) is rendered again from its stored snapshot.
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
from django.db.models import Max, Q
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from core.access import Reader
from core.jobs import job_enqueue
from core.models import Job
from reports import lease, specs
from reports import snapshot as snapshots
from reports.documents import version_html
from reports.models import ReportVersion, audience_reader
from reports.specs import ReportSpec

logger = logging.getLogger(__name__)

RENDER_TASK = "reports.render_version"
QUEUE = "reports"
# Celery retries a failing render at most this often in all (the first try included).
MAX_ATTEMPTS = 3
# Only honoured when set: makes the render slow so a test can kill the worker in the middle.
TEST_DELAY_ENV = "POLITIKSPOR_REPORT_TEST_DELAY"

S = ReportVersion.State


class RenderBusy(Exception):
    """Another worker holds the version right now."""


def stale_after():
    """A queued version whose message went out this long ago and was never picked up was
    lost by the broker (longer than the hard time limit, so a busy queue is not "lost")."""
    return timedelta(seconds=getattr(settings, "CELERY_TASK_TIME_LIMIT", 300) + 60)


# --- requesting -----------------------------------------------------------------------------


@transaction.atomic
def version_request(
    *, spec: ReportSpec, target, audience, council=None, label="", user=None
) -> ReportVersion:
    """Ask for the report ``spec`` describes, of ``target``, for ``audience``; returns the
    version (new or unchanged).

    The data are taken now, for the audience (not for the asking user). When they are the
    same as in the latest version for the same target and audience, that version is returned
    instead of a duplicate (unless it failed).
    """
    if audience not in spec.audiences:
        raise ValidationError({"audience": _("Vælg en målgruppe.")})
    municipality_id = spec.municipality_id(target)
    if audience == ReportVersion.Audience.COUNCIL:
        council = spec.council_for(target, council)
        if council is None or council.municipality_id != municipality_id:
            raise ValidationError({"council": _("Vælg det råd, udgaven er til.")})
    else:
        council = None
    reader = audience_reader(audience, municipality_id=municipality_id, council=council)
    spec.lock(target)
    # Labels (states, outcomes) go into the snapshot as text: always Danish, whatever the
    # language of the page the request came from, so the hash does not depend on it either.
    with translation.override("da"):
        data = snapshots.normalise(
            {
                **spec.snapshot(target, audience, reader),
                # Whom the PDF says it is for, as the council was named when data were taken.
                "audience_council": council.name if council else "",
            }
        )
    digest = snapshots.snapshot_hash(data)

    existing = spec.versions(target)
    existing_for_audience = existing.filter(audience=audience, council=council)
    latest = existing_for_audience.order_by("-number").first()
    if latest is not None and latest.snapshot_sha256 == digest and latest.state != S.FAILED:
        latest.was_created = False
        return latest
    previous = existing_for_audience.exclude(state=S.FAILED).order_by("-number").first()
    number = (existing.aggregate(n=Max("number"))["n"] or 0) + 1
    version = ReportVersion(
        kind=spec.kind,
        audience=audience,
        council=council,
        number=number,
        label=label.strip(),
        previous=previous,
        requested_by=user if getattr(user, "is_authenticated", False) else None,
        data_taken_at=timezone.now(),
        snapshot=data,
        snapshot_sha256=digest,
        template_version=spec.template_version,
        **spec.version_fields(target),
    )
    # The values (label length, choices) are checked here; the related rows were just read
    # under the target's lock, and the database's constraints and trigger guard the rest.
    # (full_clean would ask the database again: eleven round trips for what it enforces.)
    version.clean_fields(
        exclude=[
            "pdf",
            "municipality",
            "council",
            "policy",
            "meeting",
            "hearing",
            "previous",
            "requested_by",
        ]
    )
    version.save()
    job_enqueue(task_name=RENDER_TASK, args=[version.pk], queue=QUEUE)
    version.was_created = True
    return version


def report_request(*, policy, audience, council=None, label="", user=None) -> ReportVersion:
    """Ask for the policy's cycle report (see ``version_request``)."""
    return version_request(
        spec=specs.CYCLE, target=policy, audience=audience, council=council, label=label, user=user
    )


def minutes_request(*, meeting, audience, council=None, label="", user=None) -> ReportVersion:
    """Ask for a meeting's minutes; a council's version is always the meeting's council's."""
    return version_request(
        spec=specs.MINUTES,
        target=meeting,
        audience=audience,
        council=council,
        label=label,
        user=user,
    )


def hearing_report_request(
    *, hearing, audience, council=None, label="", user=None
) -> ReportVersion:
    """Ask for a hearing's report (høringsnotat) as a PDF."""
    return version_request(
        spec=specs.HEARING,
        target=hearing,
        audience=audience,
        council=council,
        label=label,
        user=user,
    )


# --- rendering ------------------------------------------------------------------------------


def _test_delay():
    """Seconds to spend sleeping inside a render (integration tests only)."""
    value = os.environ.get(TEST_DELAY_ENV, "")
    try:
        return float(value) if value else 0.0
    except ValueError:
        return 0.0


def render_version_pdf(version):
    """The PDF of ``version`` (``reports.rendering.Rendered``), rendered from its stored
    snapshot. Pure: changes nothing."""
    # WeasyPrint is loaded where reports are rendered (the worker), not in every web process.
    from reports.rendering import html_to_pdf

    html = version_html(version)
    delay = _test_delay()
    deadline = time.monotonic() + delay
    while time.monotonic() < deadline:  # small steps, so a kill lands in the middle
        time.sleep(0.1)
    return html_to_pdf(html)


def _interrupted(version):
    version.state = S.FAILED
    version.lease_until = None
    version.error = _("Dannelsen blev afbrudt %(count)s gange (arbejdsprocessen stoppede).") % {
        "count": version.attempts
    }
    version.save(update_fields=["state", "lease_until", "error"])
    return version


def _claim(version_id):
    """Step 1 (short, row lock): take the version for one attempt, or say why not.

    Returns the version; it is this worker's to render when its state is "rendering".
    """
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
        if version.state == S.RENDERING:
            if version.lease_until and version.lease_until > timezone.now():
                raise RenderBusy(version_id)  # its worker is alive and renewing
            if version.attempts >= MAX_ATTEMPTS:
                # Its worker died that many times (e.g. killed for memory): stop here
                # instead of taking down worker after worker.
                return _interrupted(version)
        version.state = S.RENDERING
        version.attempts += 1
        version.rendering_started_at = timezone.now()
        version.lease_until = lease.lease_from_now()
        version.error = ""
        version.save(
            update_fields=["state", "attempts", "rendering_started_at", "lease_until", "error"]
        )
    return version


def report_render(*, version_id: int) -> ReportVersion | None:
    """Render one version to PDF and store it, exactly once.

    Step 1 (short transaction, row lock) claims the version: marks it rendering, counts the
    attempt and gives it a lease, so the page shows it and a second delivery goes away. The
    render runs outside any transaction while a heartbeat renews the lease. Step 2 (short
    transaction, row lock) stores the PDF, but only if the attempt still owns the version:
    when a worker that stalled past its lease finishes after another took over, its PDF is
    dropped. A worker killed on the way stops renewing; the sweep re-sends the version once
    the lease has run out.
    """
    from reports.rendering import weasyprint_version

    version = _claim(version_id)
    if version is None or version.state != S.RENDERING:
        return version
    attempt = version.attempts
    with lease.lease_kept(version_id, attempt):
        rendered = render_version_pdf(version)

    with transaction.atomic():
        version = (
            ReportVersion.objects.select_for_update(of=("self",))
            .select_related("municipality", "policy", "meeting", "hearing", "previous")
            .filter(pk=version_id)
            .first()
        )
        if version is None or version.state == S.DONE:
            return version
        if version.attempts != attempt:
            logger.warning(
                "report version %s: attempt %s lost its lease to attempt %s; PDF dropped",
                version_id,
                attempt,
                version.attempts,
            )
            return version
        pdf = rendered.pdf
        digest = hashlib.sha256(pdf).hexdigest()
        name = f"{version.kind}-{version.pk}-v{version.number}-{version.audience}-{digest[:12]}.pdf"
        version.pdf.save(name, ContentFile(pdf), save=False)
        version.pdf_sha256 = digest
        version.pdf_size = len(pdf)
        version.page_count = rendered.page_count
        version.weasyprint_version = weasyprint_version()
        version.state = S.DONE
        version.lease_until = None
        version.error = ""
        version.finished_at = timezone.now()
        version.save(
            update_fields=[
                "pdf",
                "pdf_sha256",
                "pdf_size",
                "page_count",
                "weasyprint_version",
                "state",
                "lease_until",
                "error",
                "finished_at",
            ]
        )
    return version


def report_mark_failed(*, version_id: int, error: str) -> None:
    """Record why a render failed. A done version is left alone (it did not fail)."""
    ReportVersion.objects.filter(pk=version_id).exclude(state=S.DONE).update(
        state=S.FAILED, lease_until=None, error=error[:4000]
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
    """Send again what no worker is rendering any more (beat runs this every 15 s).

    A rendering version whose lease ran out has lost its worker: it is queued and sent again
    (or failed, when its attempts are used up, so a report that kills its worker every time
    does not loop forever). A queued version whose message went out longer than
    ``older_than`` (default ``stale_after()``) ago and was never picked up was lost by the
    broker: it is sent again.
    """
    now = timezone.now()
    resent = 0
    just_sent = set()
    expired = Q(lease_until__lt=now) | Q(lease_until__isnull=True)
    candidates = ReportVersion.objects.filter(expired, state=S.RENDERING).values_list(
        "pk", flat=True
    )
    for version_id in list(candidates):
        with transaction.atomic():
            # skip_locked: a worker is claiming or storing it right now.
            version = (
                ReportVersion.objects.select_for_update(skip_locked=True)
                .filter(expired, pk=version_id, state=S.RENDERING)
                .first()
            )
            if version is None:
                continue
            if version.attempts >= MAX_ATTEMPTS:
                _interrupted(version)
                continue
            version.state = S.QUEUED
            version.lease_until = None
            version.save(update_fields=["state", "lease_until"])
            job_enqueue(task_name=RENDER_TASK, args=[version.pk], queue=QUEUE)
            just_sent.add(version.pk)
            resent += 1
    cutoff = now - (stale_after() if older_than is None else older_than)
    resent += _resend_lost_queued(cutoff, skip=just_sent)
    if resent:
        logger.warning("re-sent %s stale report version(s)", resent)
    return resent


def _resend_lost_queued(cutoff, *, skip):
    """Queued versions whose message was sent before ``cutoff`` and never picked up (e.g.
    Redis lost it).

    Versions whose job is still unsent are left to core's job sweep, and those sent since
    the cutoff are still on their way. Sending one twice is harmless: the render is
    idempotent.
    """
    on_their_way = Job.objects.filter(task_name=RENDER_TASK).filter(
        Q(sent_at__isnull=True) | Q(sent_at__gte=cutoff)
    )
    waiting = {args[0] for args in on_their_way.values_list("args", flat=True) if args} | skip
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
