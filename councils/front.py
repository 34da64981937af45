"""What the councils app contributes to the municipality page and the staff home."""

from django.utils.translation import gettext as _

from core.access import Reader
from core.front import section
from councils.models import Meeting

FRONT_MEETINGS = 5
STAFF_MEETINGS = 20


@section("municipality")
def upcoming_meetings(request, municipality):
    meetings = list(
        Meeting.objects.visible_to(request.user)
        .filter(council__municipality=municipality)
        .upcoming()
        .select_related("council__municipality")
        .order_by("starts_at")[:FRONT_MEETINGS]
    )
    if not meetings:
        return None
    return {
        "title": _("Kommende møder"),
        "template": "councils/_front_meetings.html",
        "meetings": meetings,
        "municipality": municipality,
    }


@section("staff_home")
def meetings_needing_work(request):
    """Meetings whose agenda or minutes the secretariat still has to publish."""
    municipality_ids = Reader.of(request).editor_of
    if not municipality_ids:
        return None
    waiting = (
        Meeting.Status.PLANNED,
        Meeting.Status.AGENDA_PUBLISHED,
        Meeting.Status.HELD,
        Meeting.Status.MINUTES_DRAFT,
        Meeting.Status.MINUTES_APPROVED,
    )
    meetings = list(
        Meeting.objects.visible_to(request.user)
        .filter(council__municipality_id__in=municipality_ids, status__in=waiting)
        .select_related("council__municipality")
        .order_by("starts_at")[:STAFF_MEETINGS]
    )
    return {
        "title": _("Møder der mangler dagsorden eller referat"),
        "template": "councils/staff/_front_meetings.html",
        "meetings": meetings,
    }
