"""What the reports app contributes to the staff home: the latest report versions."""

from django.urls import reverse
from django.utils.translation import gettext as _

from core.access import Reader
from core.front import section
from reports.models import ReportVersion
from reports.services import public_versions_for

STAFF_VERSIONS = 10


@section("staff_home")
def recent_versions(request):
    """The secretariat's latest reports, so a failed one is seen and retried."""
    municipality_ids = Reader.of(request).editor_of
    if not municipality_ids:
        return None
    versions = list(
        ReportVersion.objects.visible_to(request.user)
        .filter(municipality_id__in=municipality_ids)
        .select_related("municipality", "policy", "meeting__council", "hearing")
        .defer("snapshot")
        .order_by("-requested_at", "-id")[:STAFF_VERSIONS]
    )
    if not versions:
        return None
    return {
        "title": _("Seneste rapporter"),
        "template": "reports/_staff_versions.html",
        "versions": versions,
    }


@section("policy")
def policy_reports(request, policy):
    versions = list(public_versions_for(policy, request.user))
    if not versions:
        return None
    return {"template": "reports/_policy_section.html", "versions": versions}


@section("policy_staff")
def policy_report_order(request, policy):
    if not Reader.of(request).is_editor(policy.municipality_id):
        return None
    return {"template": "reports/_request_section.html", "policy": policy}


@section("meeting_staff")
def meeting_minutes_order(request, meeting):
    if not Reader.of(request).is_editor(meeting.council.municipality_id):
        return None
    return {
        "template": "reports/_order_section.html",
        "action": reverse(
            "reports:request_minutes", args=[meeting.council.municipality.slug, meeting.pk]
        ),
        "heading": _("Referat som PDF"),
    }
