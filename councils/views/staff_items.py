"""The secretariat's work on single agenda items: editing with conflict detection, recorded
corrections of published minutes, history, attachments, guests and follow-ups."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from core.concurrency import EditConflict, after_conflict
from core.diff import record_diff
from core.views import editor_municipality, is_htmx
from councils import services
from councils.forms import (
    AttachmentForm,
    CorrectionForm,
    FollowUpForm,
    GuestForm,
    ItemForm,
)
from councils.views.staff import (
    HISTORY_FIELDS,
    meeting_staff_url,
    staff_crumbs,
    staff_item,
)


@login_required
def item_edit(request, municipality, meeting_id, item_id):
    municipality = editor_municipality(request, municipality)
    item = staff_item(request, municipality, meeting_id, item_id)
    meeting = item.meeting
    if meeting.minutes_are_public:
        return redirect("councils:staff_item_correct", municipality.slug, meeting.pk, item.pk)
    form = ItemForm(request.POST or None, instance=item, auto_id=f"punkt{item.pk}_%s")
    conflict = []
    if request.method == "POST" and form.is_valid():
        try:
            item = services.item_update(
                item=form.instance, expected_revision=form.cleaned_data["revision"]
            )
        except EditConflict as clash:
            form, conflict = after_conflict(
                form,
                clash,
                lambda data, saved: ItemForm(data, instance=saved, auto_id=f"punkt{saved.pk}_%s"),
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            if is_htmx(request):
                return render(
                    request,
                    "councils/staff/_item_row.html",
                    {"item": item, "meeting": meeting, "municipality": municipality},
                )
            messages.success(request, _("Punktet er gemt."))
            return redirect(meeting_staff_url(meeting) + f"#punkt-{item.pk}")
    context = {
        "municipality": municipality,
        "meeting": meeting,
        "item": item,
        "form": form,
        "conflict": conflict,
        "breadcrumbs": staff_crumbs(
            municipality,
            (str(meeting), meeting_staff_url(meeting)),
            (_("Punkt %(number)s") % {"number": item.number}, None),
        ),
    }
    status = 409 if conflict else (400 if form.errors else 200)
    template = "councils/staff/item.html"
    if is_htmx(request):
        # htmx swaps only 2xx answers; the form with its errors must still replace the row.
        template, status = "councils/staff/_item_form.html", 200
    return render(request, template, context, status=status)


@login_required
def item_row(request, municipality, meeting_id, item_id):
    """The item's row, for htmx "Annuller"."""
    municipality = editor_municipality(request, municipality)
    item = staff_item(request, municipality, meeting_id, item_id)
    return render(
        request,
        "councils/staff/_item_row.html",
        {"item": item, "meeting": item.meeting, "municipality": municipality},
    )


@login_required
def item_correct(request, municipality, meeting_id, item_id):
    municipality = editor_municipality(request, municipality)
    item = staff_item(request, municipality, meeting_id, item_id)
    meeting = item.meeting
    form = CorrectionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.item_correct(
                item=item,
                field=form.cleaned_data["field"],
                new_value=form.cleaned_data["new_value"],
                reason=form.cleaned_data["reason"],
                user=request.user,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Rettelsen er registreret."))
            return redirect(meeting_staff_url(meeting) + f"#punkt-{item.pk}")
    return render(
        request,
        "councils/staff/item_correct.html",
        {
            "municipality": municipality,
            "meeting": meeting,
            "item": item,
            "form": form,
            "breadcrumbs": staff_crumbs(
                municipality,
                (str(meeting), meeting_staff_url(meeting)),
                (_("Ret punkt %(number)s") % {"number": item.number}, None),
            ),
        },
    )


@login_required
def item_history(request, municipality, meeting_id, item_id):
    municipality = editor_municipality(request, municipality)
    item = staff_item(request, municipality, meeting_id, item_id)
    versions = list(item.history.select_related("history_user").order_by("-history_date"))
    by_id = {str(version.history_id): version for version in versions}
    diff = None
    older = newer = None
    a, b = request.GET.get("a"), request.GET.get("b")
    if a in by_id and b in by_id:
        older, newer = sorted([by_id[a], by_id[b]], key=lambda v: v.history_date)
        diff = record_diff(older, newer, HISTORY_FIELDS)
    elif len(versions) >= 2:
        a, b = str(versions[1].history_id), str(versions[0].history_id)
    return render(
        request,
        "councils/staff/item_history.html",
        {
            "municipality": municipality,
            "meeting": item.meeting,
            "item": item,
            "versions": versions,
            "diff": diff,
            "older": older,
            "newer": newer,
            "selected_a": a,
            "selected_b": b,
            "breadcrumbs": staff_crumbs(
                municipality,
                (str(item.meeting), meeting_staff_url(item.meeting)),
                (_("Historik for punkt %(number)s") % {"number": item.number}, None),
            ),
        },
    )


@login_required
def attachment_upload(request, municipality, meeting_id, item_id):
    municipality = editor_municipality(request, municipality)
    item = staff_item(request, municipality, meeting_id, item_id)
    form = AttachmentForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.attachment_add(
                item=item,
                title=form.cleaned_data["title"],
                file=form.cleaned_data["file"],
                content_type=form.content_type,
                journal_number=form.cleaned_data["journal_number"],
                document_number=form.cleaned_data["document_number"],
                is_closed=form.cleaned_data["is_closed"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Bilaget er vedhæftet."))
            return redirect(meeting_staff_url(item.meeting) + f"#punkt-{item.pk}")
    return render(
        request,
        "councils/staff/attachment_form.html",
        {
            "municipality": municipality,
            "meeting": item.meeting,
            "item": item,
            "form": form,
            "breadcrumbs": staff_crumbs(
                municipality,
                (str(item.meeting), meeting_staff_url(item.meeting)),
                (_("Vedhæft bilag til punkt %(number)s") % {"number": item.number}, None),
            ),
        },
        status=400 if form.errors else 200,
    )


@login_required
def item_extras(request, municipality, meeting_id, item_id):
    """Guests taking part in the item and follow-ups decided at it."""
    municipality = editor_municipality(request, municipality)
    item = staff_item(request, municipality, meeting_id, item_id)
    guest_form = GuestForm(prefix="guest")
    follow_up_form = FollowUpForm(prefix="followup", municipality=municipality)
    status = 200
    if request.method == "POST":
        which = request.POST.get("form")
        try:
            if which == "guest":
                guest_form = GuestForm(request.POST, prefix="guest")
                if guest_form.is_valid():
                    services.item_guest_add(item=item, **guest_form.cleaned_data)
                    messages.success(request, _("Deltageren er registreret."))
                    return redirect(request.path)
            elif which == "followup":
                follow_up_form = FollowUpForm(
                    request.POST, prefix="followup", municipality=municipality
                )
                if follow_up_form.is_valid():
                    services.follow_up_add(item=item, **follow_up_form.cleaned_data)
                    messages.success(request, _("Opfølgningen er registreret."))
                    return redirect(request.path)
        except ValidationError as error:
            for text in error.messages:
                messages.error(request, text)
        status = 400
    return render(
        request,
        "councils/staff/item_extras.html",
        {
            "municipality": municipality,
            "meeting": item.meeting,
            "item": item,
            "guests": item.guests.select_related("person"),
            "follow_ups": item.follow_ups.prefetch_related("members", "support"),
            "guest_form": guest_form,
            "follow_up_form": follow_up_form,
            "breadcrumbs": staff_crumbs(
                municipality,
                (str(item.meeting), meeting_staff_url(item.meeting)),
                (_("Deltagere og opfølgning, punkt %(number)s") % {"number": item.number}, None),
            ),
        },
        status=status,
    )
