"""What action plans contribute to the municipality front page and the staff home."""

from django.db.models import Exists, OuterRef
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from actionplans.models import ActionPlan, FollowUpRound
from core.access import Reader
from core.front import section


@section("municipality")
def policies_with_plans(request, municipality):
    from policies.models import Policy

    plans = ActionPlan.objects.visible_to(request.user)
    policies = list(
        Policy.objects.visible_to(request.user)
        .filter(municipality=municipality)
        .filter(Exists(plans.filter(policy=OuterRef("pk"))))
        .order_by("-period_start", "title")[:5]
    )
    if not policies:
        return None
    return {
        "title": _("Handleplaner og opfølgning"),
        "template": "actionplans/_front_section.html",
        "municipality": municipality,
        "policies": policies,
    }


@section("staff_home")
def open_rounds(request):
    ids = Reader.of(request).editor_of
    if not ids:
        return None
    rounds = list(
        FollowUpRound.objects.visible_to(request.user)
        .open_on(timezone.localdate())
        .filter(policy__municipality_id__in=ids)
        .select_related("policy__municipality")
        .order_by("closes_on")
    )
    from core.models import Municipality

    return {
        "title": _("Handleplaner: åbne opfølgningsrunder"),
        "template": "actionplans/_staff_section.html",
        "rounds": rounds,
        "municipalities": Municipality.objects.filter(id__in=ids),
    }


@section("policy")
def dashboard_of_policy(request, policy):
    if not ActionPlan.objects.visible_to(request.user).filter(policy=policy).exists():
        return None
    return {"template": "actionplans/_policy_dashboard_link.html", "policy": policy}
