"""The secretariat's work on single responses and remarks: register, split, answer (one by
one or in bulk). Editors of the municipality only."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.concurrency import EditConflict, after_conflict, tracked_save
from core.views import editor_municipality, is_htmx
from core.visibility import get_visible_or_404
from hearings import selectors, services
from hearings.filters import RemarkFilter
from hearings.forms import (
    AcknowledgementForm,
    BulkHandleForm,
    PublicationForm,
    RegisterResponseForm,
    RemarkAddForm,
    RemarkHandleForm,
)
from hearings.models import (
    Remark,
    Responder,
    Response,
)
from hearings.views.staff import (
    DEFAULT_ACKNOWLEDGEMENT,
    staff_crumbs,
    staff_hearing,
)


@login_required
def staff_register(request, municipality, pk):
    municipality = editor_municipality(request, municipality)
    hearing = staff_hearing(request, municipality, pk)
    form = RegisterResponseForm(
        request.POST or None,
        request.FILES or None,
        hearing=hearing,
        initial={"received_on": timezone.localdate(), "channel": Response.Channel.EMAIL},
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            if data["party"]:
                responder = services.responder_for_party(party=data["party"])
            else:
                responder = Responder(
                    municipality=municipality,
                    kind=data["kind"],
                    name=data["name"],
                    organisation=data["organisation"],
                    email=data["email"],
                    phone=data["phone"],
                    address=data["address"],
                )
                tracked_save(responder, reason=_("Afsender registreret"))
            response = services.response_register(
                hearing=hearing,
                responder=responder,
                received_on=data["received_on"],
                channel=data["channel"],
                text=data["text"],
                summary=data["summary"],
                files=data["files"],
                publication_consent=data["publication_consent"],
                withheld=data["withheld"],
                confidential=data["confidential"],
                late_override_reason=data["late_override_reason"],
                registered_by=request.user,
            )
        except ValidationError as error:
            if hasattr(error, "error_dict") and "late_override_reason" in error.error_dict:
                form.add_error("late_override_reason", error.error_dict["late_override_reason"])
            else:
                form.add_error(None, error)
        else:
            messages.success(
                request,
                _("Svaret er registreret med referencenummer %(ref)s.")
                % {"ref": response.reference},
            )
            return redirect(response.get_staff_url())
    return render(
        request,
        "hearings/staff/register.html",
        {
            "municipality": municipality,
            "hearing": hearing,
            "form": form,
            "is_late": hearing.is_late(timezone.localdate()),
            "breadcrumbs": staff_crumbs(municipality, hearing, (_("Registrér svar"), None)),
        },
    )


def _staff_response(request, hearing, response_pk):
    return get_visible_or_404(
        Response.objects.filter(hearing=hearing).select_related("responder", "hearing__policy"),
        request.user,
        pk=response_pk,
    )


@login_required
def staff_response(request, municipality, pk, response_pk):
    municipality = editor_municipality(request, municipality)
    hearing = staff_hearing(request, municipality, pk)
    response = _staff_response(request, hearing, response_pk)
    sections = selectors.draft_sections(hearing.policy, hearing.version)
    publication_form = PublicationForm(instance=response, prefix="pub")
    add_form = RemarkAddForm(hearing=hearing, sections=sections, prefix="add")
    conflict = []
    if request.method == "POST" and request.POST.get("form") == "publication":
        publication_form = PublicationForm(request.POST, instance=response, prefix="pub")
        if publication_form.is_valid():
            try:
                services.response_set_publication(
                    response=response,
                    withheld=publication_form.cleaned_data["withheld"],
                    confidential=publication_form.cleaned_data["confidential"],
                    summary=publication_form.cleaned_data["summary"],
                    expected_revision=publication_form.cleaned_data["revision"],
                )
            except EditConflict as clash:
                publication_form, conflict = after_conflict(
                    publication_form,
                    clash,
                    lambda data, saved: PublicationForm(data, instance=saved, prefix="pub"),
                )
            else:
                messages.success(request, _("Gemt."))
                return redirect(response.get_staff_url())
    elif request.method == "POST" and request.POST.get("form") == "remark":
        add_form = RemarkAddForm(request.POST, hearing=hearing, sections=sections, prefix="add")
        if add_form.is_valid():
            services.remark_add(
                response=response,
                excerpt=add_form.cleaned_data["excerpt"],
                stance=add_form.cleaned_data["stance"],
                themes=add_form.cleaned_data["themes"],
                tagged_by=request.user,
                **add_form.target_kwargs(),
            )
            messages.success(request, _("Bemærkningen er tilføjet."))
            return redirect(response.get_staff_url() + "#bemaerkninger")
    elif request.method == "POST" and request.POST.get("form") == "acknowledge":
        ack_form = AcknowledgementForm(request.POST, prefix="ack")
        if ack_form.is_valid():
            try:
                services.acknowledgement_send(
                    response=response,
                    text=ack_form.cleaned_data["text"],
                    channel=ack_form.cleaned_data["channel"] or "email",
                    sent_by=request.user,
                )
            except ValidationError as error:
                for message in error.messages:
                    messages.error(request, message)
            else:
                messages.success(request, _("Kvitteringen er sendt."))
        return redirect(response.get_staff_url())
    return _response_page(
        request,
        municipality,
        hearing,
        response,
        publication_form=publication_form,
        publication_conflict=conflict,
        add_form=add_form,
    )


def _response_page(
    request,
    municipality,
    hearing,
    response,
    *,
    publication_form=None,
    publication_conflict=(),
    add_form=None,
    handled=None,
    status=200,
):
    """The response page; ``handled`` is (remark, form, conflict) of one remark's answer
    that is shown again (with the user's input) instead of a fresh form."""
    remarks = list(
        response.remarks.select_related("goal", "focus_area", "commitment", "handled_by")
        .prefetch_related("themes")
        .order_by("position", "id")
    )
    items = []
    for remark in remarks:
        if handled is not None and handled[0].pk == remark.pk:
            items.append(handled)
        else:
            items.append((remark, RemarkHandleForm(remark=remark), []))
    if add_form is None:
        sections = selectors.draft_sections(hearing.policy, hearing.version)
        add_form = RemarkAddForm(hearing=hearing, sections=sections, prefix="add")
    return render(
        request,
        "hearings/staff/response.html",
        {
            "municipality": municipality,
            "hearing": hearing,
            "response": response,
            "items": items,
            "attachments": response.attachments.all(),
            "acknowledgements": response.acknowledgements.select_related("sent_by"),
            "publication_form": publication_form
            or PublicationForm(instance=response, prefix="pub"),
            "conflict": publication_conflict,
            "add_form": add_form,
            "ack_form": AcknowledgementForm(
                prefix="ack",
                initial={
                    "text": DEFAULT_ACKNOWLEDGEMENT % {"title": hearing.title},
                    "channel": "email" if response.responder.email else "letter",
                },
            ),
            "breadcrumbs": staff_crumbs(municipality, hearing, (response.reference, None)),
        },
        status=status,
    )


@login_required
@require_POST
def staff_remark_handle(request, municipality, pk, remark_pk):
    """Answer one remark: swapped in place by htmx, or the whole response page without
    JavaScript. A failed save (an error, or a colleague who answered first) shows the form
    again with what was typed, and after a conflict the saved answer beside it."""
    municipality = editor_municipality(request, municipality)
    hearing = staff_hearing(request, municipality, pk)
    remark = get_visible_or_404(
        Remark.objects.filter(response__hearing=hearing).select_related(
            "response__hearing__policy", "response__responder"
        ),
        request.user,
        pk=remark_pk,
    )
    form = RemarkHandleForm(request.POST, remark=remark)
    conflict = []
    saved = False
    if form.is_valid():
        try:
            remark = services.remark_handle(
                remark=remark,
                outcome=form.cleaned_data["outcome"],
                answer=form.cleaned_data["answer"],
                reason=form.cleaned_data["reason"],
                changed_version=form.cleaned_data["changed_version"],
                changed_anchor=form.cleaned_data["changed_anchor"],
                user=request.user,
                expected_revision=form.cleaned_data["revision"],
            )
            services.remark_set_themes(
                remark=remark, themes=form.cleaned_data["themes"], tagged_by=request.user
            )
        except EditConflict as clash:
            form, conflict = after_conflict(
                form, clash, lambda data, current: RemarkHandleForm(data, remark=current)
            )
            remark = clash.current
        except ValidationError as error:
            form.add_error(None, error)
        else:
            saved = True
            form = RemarkHandleForm(remark=remark)
    if is_htmx(request):
        # 200 also for errors: htmx swaps only successful responses into the page.
        return render(
            request,
            "hearings/staff/_remark_handle.html",
            {
                "remark": remark,
                "form": form,
                "conflict": conflict,
                "hearing": hearing,
                "saved": saved,
                "municipality": municipality,
            },
        )
    if saved:
        messages.success(request, _("Bemærkningen er besvaret."))
        return redirect(remark.response.get_staff_url() + f"#bemaerkning-{remark.pk}")
    response = _staff_response(request, hearing, remark.response_id)
    return _response_page(
        request,
        municipality,
        hearing,
        response,
        handled=(remark, form, conflict),
        status=409 if conflict else 400,
    )


@login_required
def staff_bulk(request, municipality, pk):
    """Answer many remarks at once: filter, tick, choose one outcome and an answer template."""
    municipality = editor_municipality(request, municipality)
    hearing = staff_hearing(request, municipality, pk)
    sections = selectors.draft_sections(hearing.policy, hearing.version)
    base = Remark.objects.visible_to(request.user).filter(response__hearing=hearing)
    filterset = RemarkFilter(
        request.GET or {"unanswered": "on"},
        queryset=base.select_related("response__responder"),
        hearing=hearing,
        user=request.user,
        sections=sections,
    )
    form = BulkHandleForm(request.POST or None, remarks=base)
    if request.method == "POST" and form.is_valid():
        try:
            count = services.remarks_handle_bulk(
                remarks=base.filter(pk__in=[r.pk for r in form.cleaned_data["remarks"]]),
                outcome=form.cleaned_data["outcome"],
                answer_template=form.cleaned_data["answer_template"],
                reason=form.cleaned_data["reason"],
                user=request.user,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("%(count)d bemærkninger er besvaret.") % {"count": count})
            return redirect(request.get_full_path())
    page = Paginator(
        filterset.qs.order_by("response__received_on", "response_id", "position"), 100
    ).get_page(request.GET.get("page"))
    selected = {str(value) for value in request.POST.getlist("remarks")}
    return render(
        request,
        "hearings/staff/bulk.html",
        {
            "municipality": municipality,
            "hearing": hearing,
            "filter": filterset,
            "form": form,
            "page_obj": page,
            "selected": selected,
            "breadcrumbs": staff_crumbs(municipality, hearing, (_("Besvar samlet"), None)),
        },
    )
