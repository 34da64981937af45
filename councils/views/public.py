"""What citizens and council members read: councils, meetings, items, cases, attachments.

Every object comes through its model's ``visible_to(user)``; templates decide what of a
closed item to show from the ``can_read`` / ``decision_public`` annotations only.
"""

from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils.text import get_valid_filename
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from core.access import Reader
from core.front import sections_for
from core.text import danish_slugify
from core.views import municipality_from_slug
from core.visibility import get_visible_or_404
from councils import selectors
from councils.models import (
    AgendaItem,
    Attachment,
    Attendance,
    Case,
    Council,
    Meeting,
    Membership,
    MinutesCorrection,
)

UPCOMING_ON_INDEX = 10
PAST_PER_PAGE = 20


def index(request, municipality):
    municipality = municipality_from_slug(request, municipality)
    councils = Council.objects.visible_to(request.user).filter(municipality=municipality)
    groups = {}
    for council in councils:
        groups.setdefault(council.get_kind_display(), []).append(council)
    upcoming = (
        Meeting.objects.visible_to(request.user)
        .filter(council__municipality=municipality)
        .upcoming()
        .select_related("council")
        .order_by("starts_at")[:UPCOMING_ON_INDEX]
    )
    return render(
        request,
        "councils/index.html",
        {
            "municipality": municipality,
            "groups": sorted(groups.items()),
            "upcoming": upcoming,
            "breadcrumbs": [
                (municipality.name, municipality_url(municipality)),
                (_("Råd og udvalg"), None),
            ],
        },
    )


def municipality_url(municipality):
    return reverse("core:municipality", args=[municipality.slug])


def council_detail(request, municipality, council):
    municipality = municipality_from_slug(request, municipality)
    council = get_visible_or_404(
        Council.objects.filter(municipality=municipality), request.user, slug=council
    )
    members = (
        Membership.objects.visible_to(request.user)
        .current()
        .filter(council=council)
        .select_related("person")
    )
    meetings = Meeting.objects.visible_to(request.user).filter(council=council)
    upcoming = meetings.upcoming().order_by("starts_at")
    past = Paginator(meetings.past().order_by("-starts_at"), PAST_PER_PAGE).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "councils/council.html",
        {
            "municipality": municipality,
            "council": council,
            "members": members,
            "upcoming": upcoming,
            "page_obj": past,
            "breadcrumbs": [
                (municipality.name, municipality_url(municipality)),
                (_("Råd og udvalg"), _index_url(municipality)),
                (council.name, None),
            ],
        },
    )


def _index_url(municipality):
    return reverse("councils:index", args=[municipality.slug])


def _meeting(request, municipality, meeting_id):
    return get_visible_or_404(
        Meeting.objects.filter(council__municipality=municipality).select_related(
            "council__municipality"
        ),
        request.user,
        pk=meeting_id,
    )


def meeting_detail(request, municipality, meeting_id):
    municipality = municipality_from_slug(request, municipality)
    meeting = _meeting(request, municipality, meeting_id)
    insider = Reader.of(request).reads_council(meeting.council)
    items = list(selectors.items_for_reader(request.user, meeting=meeting))
    attendance = (
        Attendance.objects.visible_to(request.user).filter(meeting=meeting).select_related("person")
    )
    return render(
        request,
        "councils/meeting.html",
        {
            "municipality": municipality,
            "meeting": meeting,
            "council": meeting.council,
            "items": items,
            "insider": insider,
            "attendance": list(attendance),
            "next_meeting": meeting.next_meeting(request),
            "breadcrumbs": [
                (municipality.name, municipality_url(municipality)),
                (_("Råd og udvalg"), _index_url(municipality)),
                (meeting.council.name, meeting.council.get_absolute_url()),
                (str(meeting), None),
            ],
        },
    )


def item_detail(request, municipality, meeting_id, number):
    municipality = municipality_from_slug(request, municipality)
    meeting = _meeting(request, municipality, meeting_id)
    try:
        item = selectors.items_for_reader(request.user, meeting=meeting).get(number=number)
    except AgendaItem.DoesNotExist:
        raise Http404 from None
    corrections = (
        MinutesCorrection.objects.visible_to(request.user).filter(item=item).order_by("created_at")
        if item.can_read and item.decision_public
        else MinutesCorrection.objects.none()
    )
    return render(
        request,
        "councils/item.html",
        {
            "municipality": municipality,
            "meeting": meeting,
            "item": item,
            "corrections": corrections,
            "breadcrumbs": [
                (municipality.name, municipality_url(municipality)),
                (meeting.council.name, meeting.council.get_absolute_url()),
                (str(meeting), meeting.get_absolute_url()),
                (f"{item.number}. {item.shown_title()}", None),
            ],
            "page_sections": sections_for("item", request, item),
        },
    )


def case_detail(request, municipality, number):
    municipality = municipality_from_slug(request, municipality)
    case = get_visible_or_404(
        Case.objects.filter(municipality=municipality),
        request.user,
        number=number.replace("-", "/"),
    )
    # The route (sagsgang), oldest first; only items whose text the reader may read.
    route = (
        AgendaItem.objects.visible_to(request.user)
        .filter(case=case, can_read=True)
        .select_related("meeting__council")
        .order_by("meeting__starts_at", "position")
    )
    return render(
        request,
        "councils/case.html",
        {
            "municipality": municipality,
            "case": case,
            "route": route,
            "breadcrumbs": [
                (municipality.name, municipality_url(municipality)),
                (_("Råd og udvalg"), _index_url(municipality)),
                (_("Sag %(number)s") % {"number": case.number}, None),
            ],
        },
    )


@never_cache
def attachment_download(request, attachment_id):
    """Stream an attachment after the visibility check; a forbidden one is a plain 404."""
    attachment = get_visible_or_404(
        Attachment.objects.select_related("item__meeting__council__municipality"),
        request.user,
        pk=attachment_id,
    )
    request.municipality = attachment.item.meeting.council.municipality
    if not attachment.file:
        raise Http404
    try:
        handle = attachment.file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    extension = attachment.file.name.rsplit(".", 1)[-1] if "." in attachment.file.name else ""
    filename = get_valid_filename(
        f"bilag-{attachment.number}-{danish_slugify(attachment.title)[:80]}"
        + (f".{extension}" if extension else "")
    )
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=filename,
        content_type=attachment.content_type or "application/octet-stream",
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response
