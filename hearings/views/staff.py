"""The secretariat's pages (Arbejdsrum) for a hearing as a whole: list, create, states,
parties and reminders, acknowledgements, exports. Editors of the municipality only."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from core.access import Reader
from core.front import sections_for
from core.views import editor_municipality
from core.visibility import get_visible_or_404
from hearings import exports, selectors, services
from hearings.forms import (
    AcknowledgementForm,
    HearingForm,
    HearingPartiesForm,
)
from hearings.models import (
    ConsultedParty,
    Hearing,
    HearingParty,
    Response,
)

DEFAULT_ACKNOWLEDGEMENT = gettext_lazy(
    "Tak for jeres høringssvar til %(title)s.\n\n"
    "Alle høringssvar er gennemgået, og hver bemærkning er besvaret i høringsnotatet. "
    "Flere af bemærkningerne indgår i det videre arbejde med handleplanerne.\n\n"
    "Venlig hilsen\nSekretariatet"
)


def staff_hearing(request, municipality, pk):
    queryset = Hearing.objects.for_municipality(municipality).select_related(
        "policy__municipality", "version"
    )
    return get_visible_or_404(queryset.editable_by(request.user), request.user, pk=pk)


def staff_crumbs(municipality, hearing=None, *extra):
    crumbs = [
        (_("Arbejdsrum"), reverse("core:staff_home")),
        (
            _("Høringer i %(m)s") % {"m": municipality.name},
            reverse("hearings:staff_index", args=[municipality.slug]),
        ),
    ]
    if hearing is not None:
        crumbs.append((hearing.title, hearing.get_staff_url()))
    crumbs.extend(extra)
    crumbs[-1] = (crumbs[-1][0], None)
    return crumbs


@login_required
def staff_index(request, municipality):
    municipality = editor_municipality(request, municipality)
    hearings = list(
        Hearing.objects.editable_by(request.user)
        .for_municipality(municipality)
        .select_related("policy__municipality")
        .annotate(
            response_count=Count("responses", distinct=True),
            unhandled_count=Count(
                "responses__remarks", filter=Q(responses__remarks__outcome=""), distinct=True
            ),
        )
    )
    return render(
        request,
        "hearings/staff/index.html",
        {
            "municipality": municipality,
            "hearings": hearings,
            "breadcrumbs": staff_crumbs(municipality),
        },
    )


@login_required
def staff_create(request, municipality):
    municipality = editor_municipality(request, municipality)
    form = HearingForm(request.POST or None, municipality=municipality)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            hearing = services.hearing_create(
                policy=data["policy"],
                version=data["version"],
                title=data["title"],
                intro=data["intro"],
                opens_on=data["opens_on"],
                closes_on=data["closes_on"],
                citizens_may_answer=data["citizens_may_answer"],
                personal_data_delete_on=data["personal_data_delete_on"],
                parties=data["parties"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            for warning in selectors.hearing_warnings(hearing=hearing):
                messages.warning(request, warning)
            messages.success(request, _("Høringen er oprettet."))
            return redirect(hearing.get_staff_url())
    return render(
        request,
        "hearings/staff/create.html",
        {
            "municipality": municipality,
            "form": form,
            "breadcrumbs": staff_crumbs(municipality, None, (_("Ny høring"), None)),
        },
    )


@login_required
def staff_detail(request, municipality, pk):
    municipality = editor_municipality(request, municipality)
    hearing = staff_hearing(request, municipality, pk)
    responses = (
        Response.objects.visible_to(request.user)
        .filter(hearing=hearing)
        .select_related("responder", "hearing__policy__municipality")
        .annotate(
            remark_count=Count("remarks", distinct=True),
            unhandled_count=Count("remarks", filter=Q(remarks__outcome=""), distinct=True),
            acknowledged=Count("acknowledgements", distinct=True),
        )
        .order_by("received_on", "id")
    )
    page = Paginator(responses, 50).get_page(request.GET.get("page"))
    return render(
        request,
        "hearings/staff/detail.html",
        {
            "municipality": municipality,
            "hearing": hearing,
            "warnings": selectors.hearing_warnings(hearing=hearing),
            "tracker": selectors.hearing_tracker(hearing=hearing),
            "due": hearing.due_transition(),
            "page_obj": page,
            "ack_form": AcknowledgementForm(
                initial={"text": DEFAULT_ACKNOWLEDGEMENT % {"title": hearing.title}}
            ),
            "parties_form": HearingPartiesForm(hearing=hearing),
            "unacknowledged": Response.objects.filter(hearing=hearing)
            .exclude(acknowledgements__isnull=False)
            .count(),
            "page_sections": sections_for("hearing_staff", request, hearing),
            "breadcrumbs": staff_crumbs(municipality, hearing),
        },
    )


TRANSITIONS = {
    "open": services.hearing_open,
    "close": services.hearing_close,
    "processed": services.hearing_mark_processed,
    "publish": services.hearing_publish_report,
}


@login_required
@require_POST
def staff_transition(request, municipality, pk, action):
    municipality = editor_municipality(request, municipality)
    hearing = staff_hearing(request, municipality, pk)
    service = TRANSITIONS.get(action)
    if service is None:
        raise PermissionDenied
    try:
        hearing = service(hearing=hearing)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(
            request, _("Høringen er nu %(state)s.") % {"state": hearing.get_state_display()}
        )
    return redirect(hearing.get_staff_url())


@login_required
@require_POST
def staff_remind(request, municipality, pk, party_pk):
    municipality = editor_municipality(request, municipality)
    hearing = staff_hearing(request, municipality, pk)
    row = get_object_or_404(HearingParty, hearing=hearing, pk=party_pk)
    try:
        services.party_remind(hearing_party=row, sent_by=request.user)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, _("Påmindelse sendt til %(party)s.") % {"party": row.party})
    return redirect(hearing.get_staff_url() + "#tracker")


@login_required
@require_POST
def staff_set_parties(request, municipality, pk):
    municipality = editor_municipality(request, municipality)
    hearing = staff_hearing(request, municipality, pk)
    form = HearingPartiesForm(request.POST, hearing=hearing)
    if form.is_valid():
        try:
            warnings = services.hearing_set_parties(
                hearing=hearing, parties=form.cleaned_data["parties"]
            )
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            messages.success(request, _("Høringsparterne er gemt."))
            for warning in warnings:
                messages.warning(request, warning)
    return redirect(hearing.get_staff_url() + "#tracker")


@login_required
@require_POST
def staff_acknowledge_all(request, municipality, pk):
    municipality = editor_municipality(request, municipality)
    hearing = staff_hearing(request, municipality, pk)
    form = AcknowledgementForm(request.POST)
    if form.is_valid():
        sent = services.acknowledgements_send_all(
            hearing=hearing, text=form.cleaned_data["text"], sent_by=request.user
        )
        messages.success(request, _("%(count)d kvitteringer er sendt.") % {"count": sent})
    else:
        messages.error(request, _("Skriv kvitteringens tekst."))
    return redirect(hearing.get_staff_url())


@login_required
def staff_export(request, municipality, pk, fmt):
    if fmt not in ("csv", "xlsx"):
        raise Http404
    municipality = editor_municipality(request, municipality)
    hearing = staff_hearing(request, municipality, pk)
    # ?offentlig=1 gives exactly what the public may read (for publishing the file).
    reader = Reader.anonymous() if request.GET.get("offentlig") else request
    report = selectors.hearing_report_data(hearing, reader)
    name = f"hoeringsnotat-{hearing.pk}"
    if fmt == "csv":
        response = HttpResponse(exports.report_csv(report), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{name}.csv"'
    else:
        response = HttpResponse(
            exports.report_xlsx(report),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
        response["Content-Disposition"] = f'attachment; filename="{name}.xlsx"'
    return response


@login_required
def staff_parties(request, municipality):
    """The municipality's register of consulted parties (read-only here; edited in admin)."""
    municipality = editor_municipality(request, municipality)
    parties = ConsultedParty.objects.filter(municipality=municipality).select_related("council")
    return render(
        request,
        "hearings/staff/parties.html",
        {
            "municipality": municipality,
            "parties": parties,
            "breadcrumbs": staff_crumbs(municipality, None, (_("Høringsparter"), None)),
        },
    )
