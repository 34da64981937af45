"""The council members' review of a hearing: the draft's parts with the remarks next to them.

Built to stay fast with 500 responses and 3,000 remarks: remarks are paginated in draft
order, per-part counts come from one aggregate query, and themes, notes and the reader's
read marks are fetched in a fixed number of queries whatever the size of the hearing.
"""

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Case, Count, Exists, IntegerField, OuterRef, Prefetch, Q, Value, When
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.access import Reader
from core.views import is_htmx, municipality_from_slug
from core.visibility import get_visible_or_404
from hearings import selectors, services
from hearings.filters import RemarkFilter
from hearings.forms import InternalNoteForm
from hearings.models import Hearing, InternalNote, Remark, RemarkRead

PAGE_SIZE = 50


def _review_hearing(request, slug, pk):
    municipality = municipality_from_slug(request, slug)
    Reader.of(request).require_insider(municipality)
    hearing = get_visible_or_404(
        Hearing.objects.for_municipality(municipality).select_related(
            "policy__municipality", "version"
        ),
        request.user,
        pk=pk,
    )
    return municipality, hearing


def section_order(sections):
    """An SQL expression giving each remark the position of its part of the draft."""
    whens = []
    for index, section in enumerate(sections):
        obj = section["object"]
        if section["kind"] == "goal":
            whens.append(When(Q(commitment__goal_id=obj.pk) | Q(goal_id=obj.pk), then=Value(index)))
        elif section["kind"] == "focus_area":
            whens.append(When(focus_area_id=obj.pk, then=Value(index)))
    return Case(*whens, default=Value(len(sections) - 1), output_field=IntegerField())


def review_queryset(hearing, user, sections):
    return (
        Remark.objects.visible_to(user)
        .filter(response__hearing=hearing)
        .annotate(
            section_index=section_order(sections),
            is_read=Exists(RemarkRead.objects.filter(remark=OuterRef("pk"), user=user)),
        )
    )


@login_required
def review(request, municipality, pk):
    municipality, hearing = _review_hearing(request, municipality, pk)
    sections = selectors.draft_sections(hearing.policy, hearing.version)
    filterset = RemarkFilter(
        request.GET or None,
        queryset=review_queryset(hearing, request.user, sections),
        hearing=hearing,
        user=request.user,
        sections=sections,
    )
    remarks = filterset.qs
    counts = dict(
        remarks.order_by().values_list("section_index").annotate(n=Count("id", distinct=True))
    )
    page = Paginator(
        remarks.select_related("response__responder", "goal", "commitment", "focus_area")
        .prefetch_related(
            "themes",
            Prefetch(
                "notes",
                queryset=InternalNote.objects.visible_to(request.user)
                .select_related("author")
                .order_by("created_at"),
            ),
        )
        .order_by("section_index", "response__received_on", "response_id", "position", "id"),
        PAGE_SIZE,
    ).get_page(request.GET.get("page"))
    for index, section in enumerate(sections):
        section["count"] = counts.get(index, 0)
    groups = []
    for remark in page.object_list:
        if not groups or groups[-1]["section"] is not sections[remark.section_index]:
            groups.append({"section": sections[remark.section_index], "remarks": []})
        groups[-1]["remarks"].append(remark)
    querystring = request.GET.copy()
    querystring.pop("page", None)
    return render(
        request,
        "hearings/review/review.html",
        {
            "municipality": municipality,
            "hearing": hearing,
            "filter": filterset,
            "sections": sections,
            "groups": groups,
            "page_obj": page,
            "total": sum(counts.values()),
            "querystring_base": querystring.urlencode(),
            "can_edit": Reader.of(request).is_editor(municipality),
            "next_url": request.get_full_path(),
            "breadcrumbs": [
                (_("Arbejdsrum"), reverse("core:staff_home")),
                (hearing.title, hearing.get_absolute_url()),
                (_("Gennemgang"), None),
            ],
        },
    )


def _review_remark(request, hearing, remark_pk, sections=None):
    return get_visible_or_404(
        Remark.objects.filter(response__hearing=hearing)
        .select_related("response__responder")
        .annotate(
            is_read=Exists(RemarkRead.objects.filter(remark=OuterRef("pk"), user=request.user))
        ),
        request.user,
        pk=remark_pk,
    )


def _back(request, hearing, remark):
    target = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        target = reverse("hearings:review", args=[hearing.policy.municipality.slug, hearing.pk])
    return redirect(f"{target}#bemaerkning-{remark.pk}")


@login_required
@require_POST
def mark_read(request, municipality, pk, remark_pk):
    municipality, hearing = _review_hearing(request, municipality, pk)
    remark = _review_remark(request, hearing, remark_pk)
    read = request.POST.get("read", "1") == "1"
    services.remark_mark_read(remark=remark, user=request.user, read=read)
    remark.is_read = read
    if is_htmx(request):
        return render(
            request,
            "hearings/review/_read_toggle.html",
            {
                "remark": remark,
                "hearing": hearing,
                "municipality": municipality,
                "next_url": request.POST.get("next", ""),
            },
        )
    return _back(request, hearing, remark)


@login_required
@require_POST
def add_note(request, municipality, pk, remark_pk):
    municipality, hearing = _review_hearing(request, municipality, pk)
    remark = _review_remark(request, hearing, remark_pk)
    form = InternalNoteForm(request.POST, prefix=f"note-{remark.pk}")
    if form.is_valid():
        services.internal_note_add(
            remark=remark, author=request.user, text=form.cleaned_data["text"]
        )
    if is_htmx(request):
        notes = InternalNote.objects.visible_to(request.user).filter(remark=remark)
        return render(
            request,
            "hearings/review/_notes.html",
            {
                "remark": remark,
                "notes": notes.select_related("author"),
                "hearing": hearing,
                "municipality": municipality,
                "note_form": form if form.errors else InternalNoteForm(prefix=f"note-{remark.pk}"),
                "next_url": request.POST.get("next", ""),
            },
        )
    return _back(request, hearing, remark)
