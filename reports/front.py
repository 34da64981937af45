"""What the reports app contributes to other apps' pages (see core/front.py): the latest
versions on the staff home, the public reports on a policy's page, and the order form on
the staff page of each target (policy, meeting, hearing)."""

from django.utils.translation import gettext as _

from core.access import Reader
from core.front import section
from reports import specs
from reports.forms import ReportRequestForm
from reports.models import ReportVersion
from reports.services import public_versions_for

STAFF_VERSIONS = 10
TARGET_VERSIONS = 5


@section("staff_home")
def recent_versions(request):
    """The secretariat's latest reports, so a failed one is seen and retried."""
    municipality_ids = Reader.of(request).editor_of
    if not municipality_ids:
        return None
    versions = list(
        ReportVersion.objects.visible_to(request.user)
        .filter(municipality_id__in=municipality_ids)
        .select_related("municipality", "policy", "meeting__council", "hearing", "council")
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


def order_section(request, spec, target):
    """The order form for ``target``'s report, with its latest versions, for the secretariat."""
    if not spec.may_order(Reader.of(request), target):
        return None
    versions = (
        spec.versions(target)
        .visible_to(request)
        .select_related("municipality", "council")
        .defer("snapshot")
        .order_by("-number")[:TARGET_VERSIONS]
    )
    return {
        "template": "reports/_order_section.html",
        "kind": spec.kind,
        "heading": spec.order_heading,
        "button": spec.order_button,
        "action": spec.order_url(target),
        "order_form": ReportRequestForm(spec=spec, target=target),
        "versions": list(versions),
    }


@section("policy_staff")
def policy_report_order(request, policy):
    return order_section(request, specs.CYCLE, policy)


@section("meeting_staff")
def meeting_minutes_order(request, meeting):
    return order_section(request, specs.MINUTES, meeting)


@section("hearing_staff")
def hearing_report_order(request, hearing):
    return order_section(request, specs.HEARING, hearing)
