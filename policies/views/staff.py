"""The secretariat's work on policies: create, edit the tree in place (htmx, and plain forms
without JavaScript), change state by naming the decision, freeze versions, read history.

Only editors of the municipality get here (403 for anyone else, including editors of another
municipality); drafts are fetched through ``visible_to`` like everywhere else.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.concurrency import EditConflict, after_conflict
from core.front import sections_for
from core.views import editor_municipality, is_htmx
from core.visibility import get_visible_or_404
from policies import selectors, services
from policies.forms import FreezeForm, PolicyCreateForm, PolicyForm, TransitionForm, part_form
from policies.models import Commitment, FocusArea, Goal, Policy

PART_KINDS = services.PART_MODELS
KIND_OF = {model: kind for kind, model in PART_KINDS.items()}
# Where a new part hangs: a goal under a focus area (or the policy), a commitment under a goal.
PARENT_MODEL = {"maal": FocusArea, "indsats": Goal}


def _policy(request, municipality, slug, queryset=None):
    queryset = queryset if queryset is not None else Policy.objects.all()
    return get_visible_or_404(
        queryset.editable_by(request.user), request.user, municipality=municipality, slug=slug
    )


def _edit_url(policy, anchor=""):
    url = reverse("policies:staff_edit", args=[policy.municipality.slug, policy.slug])
    return f"{url}#{anchor}" if anchor else url


def _crumbs(municipality, *more):
    return [
        (_("Arbejdsrum"), reverse("core:staff_home")),
        (
            _("Politikker i %(name)s") % {"name": municipality.name},
            reverse("policies:staff_index", args=[municipality.slug]),
        ),
        *more,
    ]


@login_required
def index(request, municipality):
    municipality = editor_municipality(request, municipality)
    policies = (
        Policy.objects.editable_by(request.user)
        .filter(municipality=municipality)
        .order_by("-period_start", "title")
    )
    return render(
        request,
        "policies/staff/index.html",
        {
            "municipality": municipality,
            "policies": policies,
            "breadcrumbs": [
                *_crumbs(municipality)[:1],
                (_("Politikker i %(name)s") % {"name": municipality.name}, None),
            ],
        },
    )


@login_required
def create(request, municipality):
    municipality = editor_municipality(request, municipality)
    form = PolicyCreateForm(request.POST or None, municipality=municipality)
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if k not in ("title", "slug", "kind")}
        try:
            policy = services.policy_create(
                municipality=municipality,
                title=form.cleaned_data["title"],
                slug=form.cleaned_data["slug"],
                kind=form.cleaned_data["kind"],
                user=request.user,
                **data,
            )
        except ValidationError as error:
            form.add_error(None, error.messages)
        else:
            messages.success(request, _("Politikken er oprettet som udkast."))
            return redirect(_edit_url(policy))
    return render(
        request,
        "policies/staff/create.html",
        {
            "municipality": municipality,
            "form": form,
            "breadcrumbs": _crumbs(municipality, (_("Ny politik"), None)),
        },
    )


def _edit_context(request, municipality, policy, **extra):
    tree = Policy.objects.with_tree().get(pk=policy.pk)
    tree.municipality = municipality
    return {
        "municipality": municipality,
        "policy": policy,
        "tree": tree,
        "focus_areas": list(tree.focus_areas.all()),
        "versions": list(policy.versions.defer("snapshot").order_by("number")),
        "transition_form": TransitionForm(policy=policy),
        "freeze_form": FreezeForm(),
        "breadcrumbs": _crumbs(municipality, (policy.title, None)),
        "page_sections": sections_for("policy_staff", request, policy),
        **extra,
    }


@login_required
def edit(request, municipality, slug):
    municipality = editor_municipality(request, municipality)
    policy = _policy(request, municipality, slug)
    policy.municipality = municipality
    conflict = None
    if request.method == "POST":
        form = PolicyForm(request.POST, instance=policy, municipality=municipality)
        if form.is_valid():
            try:
                services.policy_update(
                    policy=form.instance,
                    expected_revision=form.cleaned_data["revision"],
                    user=request.user,
                )
            except EditConflict as clash:
                form, conflict = after_conflict(
                    form,
                    clash,
                    lambda data, saved: PolicyForm(data, instance=saved, municipality=municipality),
                )
            except ValidationError as error:
                form.add_error(None, error.messages)
            else:
                messages.success(request, _("Politikken er gemt."))
                return redirect(_edit_url(policy))
        policy = Policy.objects.get(pk=policy.pk)
        policy.municipality = municipality
    else:
        form = PolicyForm(instance=policy, municipality=municipality)
    return render(
        request,
        "policies/staff/edit.html",
        _edit_context(request, municipality, policy, form=form, conflict=conflict),
    )


def _tree_response(request, municipality, policy, anchor=""):
    if is_htmx(request):
        response = render(
            request, "policies/staff/_edit_tree.html", _edit_context(request, municipality, policy)
        )
        response["HX-Retarget"] = "#ps-tree"
        response["HX-Reswap"] = "outerHTML"
        return response
    return redirect(_edit_url(policy, anchor))


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
    policy = _policy(request, municipality, slug)
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
        "breadcrumbs": _crumbs(
            municipality, (policy.title, _edit_url(policy)), (_("Tilføj"), None)
        ),
    }
    context["in_place"] = is_htmx(request)
    template = "policies/staff/_part_form.html" if is_htmx(request) else "policies/staff/part.html"
    return render(request, template, context)


@login_required
def part_edit(request, municipality, slug, kind, pk):
    municipality = editor_municipality(request, municipality)
    policy = _policy(request, municipality, slug)
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
        "breadcrumbs": _crumbs(
            municipality, (policy.title, _edit_url(policy)), (_("Rediger"), None)
        ),
    }
    context["in_place"] = is_htmx(request)
    template = "policies/staff/_part_form.html" if is_htmx(request) else "policies/staff/part.html"
    return render(request, template, context)


@login_required
@require_POST
def part_move(request, municipality, slug, kind, pk):
    municipality = editor_municipality(request, municipality)
    policy = _policy(request, municipality, slug)
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
    policy = _policy(request, municipality, slug)
    policy.municipality = municipality
    part = _part(policy, kind, pk)
    services.part_delete(part=part, user=request.user)
    if not is_htmx(request):
        messages.success(request, _("Delen er slettet. Den kan findes i historikken."))
    return _tree_response(request, municipality, policy)


@login_required
def transition(request, municipality, slug):
    municipality = editor_municipality(request, municipality)
    policy = _policy(request, municipality, slug)
    policy.municipality = municipality
    form = TransitionForm(request.POST or None, policy=policy)
    if request.method == "POST" and form.is_valid():
        try:
            services.policy_transition(
                policy=policy,
                to_state=form.cleaned_data["to_state"],
                decided_on=form.cleaned_data["decided_on"],
                agenda_item=form.cleaned_data["agenda_item"],
                note=form.cleaned_data["note"],
                user=request.user,
            )
        except ValidationError as error:
            form.add_error(None, error.messages)
        else:
            messages.success(request, _("Status er ændret."))
            return redirect(_edit_url(policy))
    return render(
        request,
        "policies/staff/transition.html",
        {
            "municipality": municipality,
            "policy": policy,
            "form": form,
            "breadcrumbs": _crumbs(
                municipality, (policy.title, _edit_url(policy)), (_("Skift status"), None)
            ),
        },
    )


@login_required
def freeze(request, municipality, slug):
    municipality = editor_municipality(request, municipality)
    policy = _policy(request, municipality, slug)
    policy.municipality = municipality
    form = FreezeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        version = services.policy_freeze_version(
            policy=policy, label=form.cleaned_data["label"], user=request.user
        )
        messages.success(
            request,
            _("Versionen “%(label)s” er frosset som version %(number)s.")
            % {"label": version.label, "number": version.number},
        )
        return redirect(_edit_url(policy, "versioner"))
    return render(
        request,
        "policies/staff/freeze.html",
        {
            "municipality": municipality,
            "policy": policy,
            "form": form,
            "breadcrumbs": _crumbs(
                municipality, (policy.title, _edit_url(policy)), (_("Frys version"), None)
            ),
        },
    )


@login_required
def history(request, municipality, slug):
    """Every saved change of the policy and its parts, newest first, with who and what."""
    municipality = editor_municipality(request, municipality)
    policy = _policy(request, municipality, slug)
    policy.municipality = municipality
    rows = selectors.policy_history(policy)
    return render(
        request,
        "policies/staff/history.html",
        {
            "municipality": municipality,
            "policy": policy,
            "rows": rows,
            "breadcrumbs": _crumbs(
                municipality, (policy.title, _edit_url(policy)), (_("Historik"), None)
            ),
        },
    )
