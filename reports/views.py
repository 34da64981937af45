"""Ordering, following and downloading report versions.

Ordering is the secretariat's (POST only); the version page and the download go through
``ReportVersion.objects.visible_to``, so a version someone may not see answers 404.
"""

import hashlib
import logging

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse, HttpResponseServerError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from core.access import Reader
from core.views import municipality_from_slug
from core.visibility import get_visible_or_404
from reports import services
from reports.forms import ReportRequestForm
from reports.models import ReportVersion
from reports.specs import SPECS

logger = logging.getLogger(__name__)


def _version(request, municipality, version_id):
    return get_visible_or_404(
        ReportVersion.objects.filter(municipality=municipality).select_related(
            "municipality", "policy", "meeting__council", "hearing", "previous", "council"
        ),
        request.user,
        pk=version_id,
    )


@require_POST
def order(request, municipality, kind, target):
    """Order the report ``kind`` of ``target`` (a policy's slug, a meeting's or a hearing's
    id) from its staff page; lands on the new version's page."""
    spec = SPECS[kind]
    municipality = municipality_from_slug(request, municipality)
    # The secretariat orders; anyone else is refused before the target is even looked up.
    Reader.of(request).require_editor(municipality)
    target = get_visible_or_404(spec.targets(municipality), request.user, **{spec.lookup: target})
    form = ReportRequestForm(request.POST, spec=spec, target=target)
    if not form.is_valid():
        messages.error(
            request,
            _("Rapporten kunne ikke bestilles: %(why)s") % {"why": form.error_text()},
        )
        return redirect(spec.staff_url(target))
    try:
        version = services.version_request(
            spec=spec,
            target=target,
            audience=form.cleaned_data["audience"],
            council=form.cleaned_data["council"],
            label=form.cleaned_data["label"],
            user=request.user,
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(spec.staff_url(target))
    if not version.was_created:
        messages.info(
            request,
            _("Data er uændrede siden version %(number)s; du får den i stedet for en ny.")
            % {"number": version.number},
        )
    return redirect(version.get_absolute_url())


def _status_context(request, version):
    # What failed, and how often, is for the secretariat: the exception text may name
    # internals (or, for an internal version, its content); everyone else is only told that
    # the version could not be made.
    secretariat = Reader.of(request).is_editor(version.municipality_id)
    return {
        "version": version,
        "for_secretariat": secretariat,
        "max_attempts": services.MAX_ATTEMPTS,
        "may_retry": version.is_failed and secretariat,
    }


@never_cache
@require_GET
def version_detail(request, municipality, version_id):
    municipality = municipality_from_slug(request, municipality)
    version = _version(request, municipality, version_id)
    context = _status_context(request, version)
    crumbs = [(municipality.name, reverse("core:municipality", args=[municipality.slug]))]
    if version.policy_id and version.policy.is_public:
        crumbs.append((version.policy.title, version.policy.get_absolute_url()))
    crumbs.append((_("Rapport v%(number)s") % {"number": version.number}, ""))
    context["breadcrumbs"] = crumbs
    return render(request, "reports/version.html", context)


@never_cache
@require_GET
def version_status(request, municipality, version_id):
    """The status box alone, for htmx polling (every 2 s while queued or rendering)."""
    municipality = municipality_from_slug(request, municipality)
    version = _version(request, municipality, version_id)
    return render(request, "reports/_status.html", _status_context(request, version))


@require_GET
def version_download(request, municipality, version_id):
    municipality = municipality_from_slug(request, municipality)
    version = _version(request, municipality, version_id)
    if not version.is_done:
        raise Http404
    with version.pdf.open("rb") as stored:
        content = stored.read()
    # The stored bytes are the ones that were hashed when the version was made; if the file
    # on disk was tampered with, say so instead of serving something else.
    if hashlib.sha256(content).hexdigest() != version.pdf_sha256:
        logger.error("report version %s: PDF on disk does not match its SHA-256", version.pk)
        return HttpResponseServerError(_("Rapportens fil er beskadiget."))
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = content_disposition_header(True, version.download_name)
    response["ETag"] = f'"{version.pdf_sha256}"'
    response["Cache-Control"] = "private, max-age=0, must-revalidate"
    response["X-Content-Type-Options"] = "nosniff"
    return response


@require_POST
def version_retry(request, municipality, version_id):
    municipality = municipality_from_slug(request, municipality)
    version = _version(request, municipality, version_id)
    try:
        services.report_retry(version=version, user=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Rapporten er sendt til dannelse igen."))
    return redirect(version.get_absolute_url())
