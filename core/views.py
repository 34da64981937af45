import logging
import sys

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, render
from django.views import defaults
from django.views.decorators.cache import never_cache

from core import health
from core.access import Reader
from core.front import sections_for
from core.middleware import database_unavailable_response, is_database_outage
from core.models import Municipality

logger = logging.getLogger(__name__)


def municipality_from_slug(request, slug):
    """Resolve the tenant from the URL and remember it for the layout."""
    municipality = get_object_or_404(Municipality.objects.visible_to(request.user), slug=slug)
    request.municipality = municipality
    return municipality


def editor_municipality(request, slug):
    """The municipality in the URL, for its secretariat only (403 for anyone else)."""
    municipality = municipality_from_slug(request, slug)
    Reader.of(request).require_editor(municipality)
    return municipality


def admin_municipality(request, slug):
    """The municipality in the URL, for its administrators only (403 for anyone else)."""
    municipality = municipality_from_slug(request, slug)
    Reader.of(request).require_admin(municipality)
    return municipality


def is_htmx(request):
    """An htmx request swaps a partial into the page; without JavaScript the whole page comes."""
    return request.headers.get("HX-Request") == "true"


def home(request):
    municipalities = Municipality.objects.visible_to(request.user)
    return render(request, "core/home.html", {"municipalities": municipalities})


def municipality_home(request, municipality):
    municipality = municipality_from_slug(request, municipality)
    return render(
        request,
        "core/municipality.html",
        {
            "municipality": municipality,
            # What each app shows citizens first (upcoming meetings, open hearings …).
            "sections": sections_for("municipality", request, municipality),
            "breadcrumbs": [(municipality.name, None)],
        },
    )


@login_required
def staff_home(request):
    if not Reader.of(request).has_staff_area:
        raise PermissionDenied
    municipalities = Municipality.objects.filter(id__in=Reader.of(request).editor_of)
    return render(
        request,
        "core/staff_home.html",
        {"municipalities": municipalities, "sections": sections_for("staff_home", request)},
    )


@never_cache
def healthz(request):
    report = health.check_all()
    status = 200 if all(part["ok"] for part in report.values()) else 503
    body = {"status": "ok" if status == 200 else "fail", "checks": report}
    if status != 200:
        body["failing"] = [name for name, part in report.items() if not part["ok"]]
    return JsonResponse(body, status=status)


def server_error(request):
    """handler500: a database that is restarting is a 503 with Retry-After, not a 500.

    Django calls this inside its `except` block, so the exception is still at hand; it is
    how errors outside the view (a session saved on the way out) get the same answer as
    DatabaseOutageMiddleware gives inside it.
    """
    if is_database_outage(sys.exc_info()[1]):
        return database_unavailable_response(request)
    return defaults.server_error(request)
