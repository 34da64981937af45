"""The secretariat's work on policies: create, edit, change state by naming the decision,
freeze versions, read history. The tree's parts are edited in ``staff_parts``.

Only editors of the municipality get here (403 for anyone else, including editors of another
municipality); drafts are fetched through ``visible_to`` like everywhere else.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from core.concurrency import EditConflict, after_conflict
from core.front import sections_for
from core.views import editor_municipality
from core.visibility import get_visible_or_404
from policies import selectors, services
from policies.forms import FreezeForm, PolicyCreateForm, PolicyForm, TransitionForm
from policies.models import Policy


def staff_policy(request, municipality, slug, queryset=None):
    queryset = queryset if queryset is not None else Policy.objects.all()
    return get_visible_or_404(
        queryset.editable_by(request.user), request.user, municipality=municipality, slug=slug
    )


def edit_url(policy, anchor=""):
    url = reverse("policies:staff_edit", args=[policy.municipality.slug, policy.slug])
    return f"{url}#{anchor}" if anchor else url


def staff_crumbs(municipality, *more):
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
                *staff_crumbs(municipality)[:1],
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
            return redirect(edit_url(policy))
    return render(
        request,
        "policies/staff/create.html",
        {
            "municipality": municipality,
            "form": form,
            "breadcrumbs": staff_crumbs(municipality, (_("Ny politik"), None)),
        },
    )


def edit_context(request, municipality, policy, **extra):
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
        "breadcrumbs": staff_crumbs(municipality, (policy.title, None)),
        "page_sections": sections_for("policy_staff", request, policy),
        **extra,
    }


@login_required
def edit(request, municipality, slug):
    municipality = editor_municipality(request, municipality)
    policy = staff_policy(request, municipality, slug)
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
                return redirect(edit_url(policy))
        policy = Policy.objects.get(pk=policy.pk)
        policy.municipality = municipality
    else:
        form = PolicyForm(instance=policy, municipality=municipality)
    return render(
        request,
        "policies/staff/edit.html",
        edit_context(request, municipality, policy, form=form, conflict=conflict),
    )


@login_required
def transition(request, municipality, slug):
    municipality = editor_municipality(request, municipality)
    policy = staff_policy(request, municipality, slug)
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
            return redirect(edit_url(policy))
    return render(
        request,
        "policies/staff/transition.html",
        {
            "municipality": municipality,
            "policy": policy,
            "form": form,
            "breadcrumbs": staff_crumbs(
                municipality, (policy.title, edit_url(policy)), (_("Skift status"), None)
            ),
        },
    )


@login_required
def freeze(request, municipality, slug):
    municipality = editor_municipality(request, municipality)
    policy = staff_policy(request, municipality, slug)
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
        return redirect(edit_url(policy, "versioner"))
    return render(
        request,
        "policies/staff/freeze.html",
        {
            "municipality": municipality,
            "policy": policy,
            "form": form,
            "breadcrumbs": staff_crumbs(
                municipality, (policy.title, edit_url(policy)), (_("Frys version"), None)
            ),
        },
    )


@login_required
def history(request, municipality, slug):
    """Every saved change of the policy and its parts, newest first, with who and what."""
    municipality = editor_municipality(request, municipality)
    policy = staff_policy(request, municipality, slug)
    policy.municipality = municipality
    rows = selectors.policy_history(policy)
    return render(
        request,
        "policies/staff/history.html",
        {
            "municipality": municipality,
            "policy": policy,
            "rows": rows,
            "breadcrumbs": staff_crumbs(
                municipality, (policy.title, edit_url(policy)), (_("Historik"), None)
            ),
        },
    )
