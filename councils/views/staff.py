"""The secretariat's work area: meetings, items, attachments, minutes and corrections.

Only the municipality's editors get here (403 for everyone else). htmx swaps single items
in place; every form also works as a plain page without JavaScript.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from core.concurrency import EditConflict, after_conflict
from core.front import sections_for
from core.views import editor_municipality, is_htmx
from core.visibility import get_visible_or_404
from councils import services
from councils.forms import (
    AttendanceForm,
    ItemAddForm,
    MeetingCreateForm,
    MeetingForm,
)
from councils.models import AgendaItem, Meeting, Membership

HISTORY_FIELDS = [
    "number",
    "position",
    "title",
    "is_closed",
    "public_title",
    "case_presentation",
    "recommendation",
    "decision",
    "outcome",
    "public_decision",
]


def staff_meeting(request, municipality, meeting_id):
    return get_visible_or_404(
        Meeting.objects.filter(council__municipality=municipality).select_related(
            "council__municipality"
        ),
        request.user,
        pk=meeting_id,
    )


def staff_item(request, municipality, meeting_id, item_id):
    return get_visible_or_404(
        AgendaItem.objects.filter(
            meeting_id=meeting_id, meeting__council__municipality=municipality
        ).select_related("meeting__council__municipality"),
        request.user,
        pk=item_id,
    )


def staff_crumbs(municipality, *rest):
    return [
        (_("Arbejdsrum"), reverse("core:staff_home")),
        (_("Møder i %(name)s") % {"name": municipality.name}, _meetings_url(municipality)),
        *rest,
    ]


def _meetings_url(municipality):
    return reverse("councils:staff_meetings", args=[municipality.slug])


def meeting_staff_url(meeting):
    return reverse("councils:staff_meeting", args=[meeting.council.municipality.slug, meeting.pk])


@login_required
def meetings(request, municipality):
    municipality = editor_municipality(request, municipality)
    meetings = (
        Meeting.objects.visible_to(request.user)
        .filter(council__municipality=municipality)
        .select_related("council")
        .order_by("-starts_at")
    )
    return render(
        request,
        "councils/staff/meetings.html",
        {
            "municipality": municipality,
            "meetings": meetings,
            "breadcrumbs": [
                (_("Arbejdsrum"), reverse("core:staff_home")),
                (_("Møder i %(name)s") % {"name": municipality.name}, None),
            ],
        },
    )


@login_required
def meeting_create(request, municipality):
    municipality = editor_municipality(request, municipality)
    form = MeetingCreateForm(request.POST or None, municipality=municipality)
    if request.method == "POST" and form.is_valid():
        try:
            meeting = services.meeting_create(
                council=form.cleaned_data["council"],
                starts_at=form.cleaned_data["starts_at"],
                ends_at=form.cleaned_data["ends_at"],
                location=form.cleaned_data["location"],
                standing_items=form.cleaned_data["standing_items"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Mødet er oprettet."))
            return redirect(meeting_staff_url(meeting))
    return render(
        request,
        "councils/staff/meeting_form.html",
        {
            "municipality": municipality,
            "form": form,
            "heading": _("Opret møde"),
            "breadcrumbs": staff_crumbs(municipality, (_("Opret møde"), None)),
        },
    )


def _meeting_context(request, municipality, meeting, **extra):
    items = list(
        AgendaItem.objects.visible_to(request.user)
        .filter(meeting=meeting)
        .prefetch_related("attachments")
        .order_by("position", "number")
    )
    return {
        "municipality": municipality,
        "meeting": meeting,
        "items": items,
        "add_form": extra.pop("add_form", None) or ItemAddForm(prefix="nyt"),
        "breadcrumbs": staff_crumbs(municipality, (str(meeting), None)),
        "page_sections": sections_for("meeting_staff", request, meeting),
        **extra,
    }


@login_required
def meeting_detail(request, municipality, meeting_id):
    municipality = editor_municipality(request, municipality)
    meeting = staff_meeting(request, municipality, meeting_id)
    return render(
        request, "councils/staff/meeting.html", _meeting_context(request, municipality, meeting)
    )


@login_required
def meeting_edit(request, municipality, meeting_id):
    municipality = editor_municipality(request, municipality)
    meeting = staff_meeting(request, municipality, meeting_id)
    form = MeetingForm(request.POST or None, instance=meeting)
    conflict = []
    if request.method == "POST" and form.is_valid():
        try:
            services.meeting_update(
                meeting=form.instance, expected_revision=form.cleaned_data["revision"]
            )
        except EditConflict as clash:
            form, conflict = after_conflict(
                form, clash, lambda data, saved: MeetingForm(data, instance=saved)
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Mødet er gemt."))
            return redirect(meeting_staff_url(meeting))
    return render(
        request,
        "councils/staff/meeting_form.html",
        {
            "municipality": municipality,
            "form": form,
            "meeting": meeting,
            "conflict": conflict,
            "heading": _("Rediger møde"),
            "breadcrumbs": staff_crumbs(
                municipality, (str(meeting), meeting_staff_url(meeting)), (_("Rediger"), None)
            ),
        },
    )


STATUS_ACTIONS = {
    "publish_agenda": (
        services.meeting_publish_agenda,
        gettext_lazy("Dagsordenen er offentliggjort."),
    ),
    "start_minutes": (services.meeting_start_minutes, gettext_lazy("Referatet er påbegyndt.")),
    "publish_minutes": (
        services.meeting_publish_minutes,
        gettext_lazy("Referatet er offentliggjort."),
    ),
    "cancel": (services.meeting_cancel, gettext_lazy("Mødet er aflyst.")),
}


@login_required
@require_POST
def meeting_status(request, municipality, meeting_id):
    municipality = editor_municipality(request, municipality)
    meeting = staff_meeting(request, municipality, meeting_id)
    action = STATUS_ACTIONS.get(request.POST.get("action"))
    if action is None:
        raise Http404
    service, done = action
    try:
        service(meeting=meeting)
    except ValidationError as error:
        for text in error.messages:
            messages.error(request, text)
    else:
        messages.success(request, done)
    return redirect(meeting_staff_url(meeting))


@login_required
@require_POST
def item_add(request, municipality, meeting_id):
    municipality = editor_municipality(request, municipality)
    meeting = staff_meeting(request, municipality, meeting_id)
    form = ItemAddForm(request.POST, prefix="nyt")
    if form.is_valid():
        try:
            services.item_add(meeting=meeting, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Punktet er tilføjet."))
            return redirect(meeting_staff_url(meeting) + "#punkter")
    return render(
        request,
        "councils/staff/meeting.html",
        _meeting_context(request, municipality, meeting, add_form=form),
        status=400,
    )


@login_required
@require_POST
def item_move(request, municipality, meeting_id, item_id):
    municipality = editor_municipality(request, municipality)
    item = staff_item(request, municipality, meeting_id, item_id)
    offset = -1 if request.POST.get("direction") == "up" else 1
    try:
        services.item_move(item=item, offset=offset)
    except ValidationError as error:
        for text in error.messages:
            messages.error(request, text)
    meeting = item.meeting
    if is_htmx(request):
        return render(
            request,
            "councils/staff/_item_list.html",
            _meeting_context(request, municipality, meeting),
        )
    return redirect(meeting_staff_url(meeting) + "#punkter")


@login_required
def attendance(request, municipality, meeting_id):
    municipality = editor_municipality(request, municipality)
    meeting = staff_meeting(request, municipality, meeting_id)
    on = meeting.starts_at.date()
    people = [
        membership.person
        for membership in Membership.objects.current(on)
        .filter(council=meeting.council)
        .select_related("person")
        .order_by("person__name")
    ]
    current = {row.person_id: row.status for row in meeting.attendance.all()}
    form = AttendanceForm(request.POST or None, people=people, current=current)
    if request.method == "POST" and form.is_valid():
        for person, status in form.rows():
            if status:
                services.attendance_record(meeting=meeting, person=person, status=status)
        messages.success(request, _("Fremmødet er gemt."))
        return redirect(meeting_staff_url(meeting))
    return render(
        request,
        "councils/staff/attendance.html",
        {
            "municipality": municipality,
            "meeting": meeting,
            "form": form,
            "breadcrumbs": staff_crumbs(
                municipality, (str(meeting), meeting_staff_url(meeting)), (_("Fremmøde"), None)
            ),
        },
    )
