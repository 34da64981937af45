"""What hearings contribute to the municipality's front page and the staff home."""

from django.db.models import Count, Q
from django.utils.translation import gettext as _

from core.access import Reader
from core.front import section
from hearings.models import Hearing


@section("municipality")
def open_hearings(request, municipality):
    hearings = list(
        Hearing.objects.visible_to(request.user)
        .for_municipality(municipality)
        .open_now()
        .select_related("policy__municipality")
        .order_by("closes_on")[:5]
    )
    if not hearings:
        return None
    return {
        "title": _("Åbne høringer"),
        "template": "hearings/front/_open_hearings.html",
        "hearings": hearings,
        "municipality": municipality,
    }


@section("staff_home")
def hearings_needing_work(request):
    """Hearings whose state the dates say should change, or with unanswered remarks."""
    ids = Reader.of(request).editor_of
    if not ids:
        return None
    hearings = (
        Hearing.objects.filter(policy__municipality_id__in=ids)
        .exclude(state=Hearing.State.REPORT_PUBLISHED)
        .select_related("policy__municipality")
        .annotate(unhandled=Count("responses__remarks", filter=Q(responses__remarks__outcome="")))
        .order_by("closes_on")
    )
    items = []
    for hearing in hearings:
        due = hearing.due_transition()
        if due:
            items.append(
                {"hearing": hearing, "note": _("skal nu være %(state)s") % {"state": due.label}}
            )
        elif hearing.unhandled and hearing.state == Hearing.State.CLOSED:
            items.append(
                {
                    "hearing": hearing,
                    "note": _("%(count)d bemærkninger mangler svar") % {"count": hearing.unhandled},
                }
            )
    if not items:
        return None
    return {
        "title": _("Høringer, der venter på jer"),
        "template": "hearings/front/_staff_hearings.html",
        "items": items,
    }


@section("policy")
def hearings_of_policy(request, policy):
    hearings = list(
        Hearing.objects.visible_to(request.user)
        .filter(policy=policy)
        .select_related("policy__municipality")
        .order_by("-opens_on")
    )
    if not hearings:
        return None
    return {"template": "hearings/front/_policy_hearings.html", "hearings": hearings}
