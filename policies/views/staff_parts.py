"""The secretariat's work on a policy's tree: add, edit, move and delete sections,
principles, focus areas, goals and commitments, in place with htmx and as plain forms
without JavaScript."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.concurrency import EditConflict, after_conflict
from core.views import editor_municipality, is_htmx
from policies import services
from policies.forms import part_form
from policies.models import Commitment, FocusArea, Goal
from policies.views.staff import edit_context, edit_url, staff_crumbs, staff_policy

PART_KINDS = services.PART_MODELS


def _tree_response(request, municipality, policy, anchor=""):
    if is_htmx(request):
        response = render(
            request, "policies/staff/_edit_tree.html", edit_context(request, municipality, policy)
        )
        response["HX-Retarget"] = "#ps-tree"
        response["HX-Reswap"] = "outerHTML"
        return response
    return redirect(edit_url(policy, anchor))


def _part(policy, kind, pk):
    model = PART_KINDS.get(kind)
    if model is None:
        raise Http404
    lookup = {"goal__policy": policy} if model is Commitment else {"policy": policy}
    try:
        return model.objects.get(pk=pk, **lookup)
    except model.DoesNotExist:
        raise Http404 from None


def _new_part(policy, kind, parent_id):
    model = PART_KINDS.get(kind)
    if model is None:
        raise Http404
    if model is Commitment:
        goal = Goal.objects.filter(policy=policy, pk=parent_id).first()
        if goal is None:
            raise Http404
        return Commitment(goal=goal)
    if model is Goal and parent_id:
        focus_area = FocusArea.objects.filter(policy=policy, pk=parent_id).first()
        if focus_area is None:
            raise Http404
        return Goal(policy=policy, focus_area=focus_area)
    return model(policy=policy)


@login_required
def part_add(request, municipality, slug, kind):
    municipality = editor_municipality(request, municipality)
    policy = staff_policy(request, municipality, slug)
    policy.municipality = municipality
    parent_id = request.POST.get("parent") or request.GET.get("parent") or ""
    part = _new_part(policy, kind, parent_id)
    form = part_form(type(part), request.POST or None, instance=part)
    if request.method == "POST" and form.is_valid():
        part = services.part_create(part=form.instance, user=request.user)
        return _tree_response(request, municipality, policy, f"del-{kind}-{part.pk}")
    context = {
        "municipality": municipality,
        "policy": policy,
        "form": form,
        "kind": kind,
        "part": part,
        "parent_id": parent_id,
        "action": reverse("policies:staff_part_add", args=[municipality.slug, policy.slug, kind]),
        "breadcrumbs": staff_crumbs(
            municipality, (policy.title, edit_url(policy)), (_("Tilføj"), None)
        ),
    }
    context["in_place"] = is_htmx(request)
    template = "policies/staff/_part_form.html" if is_htmx(request) else "policies/staff/part.html"
    return render(request, template, context)


@login_required
def part_edit(request, municipality, slug, kind, pk):
    municipality = editor_municipality(request, municipality)
    policy = staff_policy(request, municipality, slug)
    policy.municipality = municipality
    part = _part(policy, kind, pk)
    model = type(part)
    conflict = None
    form = part_form(model, request.POST or None, instance=part)
    if request.method == "POST" and form.is_valid():
        try:
            services.part_save(
                part=form.instance,
                expected_revision=form.cleaned_data["revision"],
                user=request.user,
            )
        except EditConflict as clash:
            form, conflict = after_conflict(
                form, clash, lambda data, saved: part_form(model, data, instance=saved)
            )
        else:
            return _tree_response(request, municipality, policy, f"del-{kind}-{part.pk}")
    context = {
        "municipality": municipality,
        "policy": policy,
        "form": form,
        "kind": kind,
        "part": part,
        "conflict": conflict,
        "action": reverse(
            "policies:staff_part_edit", args=[municipality.slug, policy.slug, kind, part.pk]
        ),
        "breadcrumbs": staff_crumbs(
            municipality, (policy.title, edit_url(policy)), (_("Rediger"), None)
        ),
    }
    context["in_place"] = is_htmx(request)
    template = "policies/staff/_part_form.html" if is_htmx(request) else "policies/staff/part.html"
    return render(request, template, context)


@login_required
@require_POST
def part_move(request, municipality, slug, kind, pk):
    municipality = editor_municipality(request, municipality)
    policy = staff_policy(request, municipality, slug)
    policy.municipality = municipality
    part = _part(policy, kind, pk)
    direction = request.POST.get("direction", "")
    try:
        if direction in ("up", "down"):
            services.part_move(part=part, user=request.user, direction=direction)
        elif isinstance(part, Goal) and "focus_area" in request.POST:
            target = request.POST["focus_area"]
            focus_area = (
                FocusArea.objects.filter(policy=policy, pk=target).first() if target else None
            )
            if target and focus_area is None:
                raise Http404
            services.part_move(part=part, user=request.user, focus_area=focus_area)
        else:
            raise Http404
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return _tree_response(request, municipality, policy, f"del-{kind}-{part.pk}")


@login_required
@require_POST
def part_delete(request, municipality, slug, kind, pk):
    municipality = editor_municipality(request, municipality)
    policy = staff_policy(request, municipality, slug)
    policy.municipality = municipality
    part = _part(policy, kind, pk)
    services.part_delete(part=part, user=request.user)
    if not is_htmx(request):
        messages.success(request, _("Delen er slettet. Den kan findes i historikken."))
    return _tree_response(request, municipality, policy)
