"""The staff's pages: plans, actions, rounds, indicators, measurements and imports."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Count
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from actionplans import services
from actionplans.forms import (
    ActionForm,
    ActionPlanForm,
)
from actionplans.models import (
    Action,
    ActionPlan,
    FollowUpRound,
    Indicator,
)
from actionplans.views.public import public_policy
from core.concurrency import EditConflict, after_conflict
from core.views import editor_municipality
from core.visibility import get_visible_or_404
from policies.models import Policy


def staff_crumbs(municipality, *more):
    return [
        (_("Arbejdsrum"), reverse("core:staff_home")),
        (
            _("Handleplaner i %(name)s") % {"name": municipality.name},
            reverse("actionplans:staff_index", args=[municipality.slug]),
        ),
        *more,
    ]


def policy_crumb(policy):
    return (
        policy.title,
        reverse("actionplans:staff_policy", args=[policy.municipality.slug, policy.slug]),
    )


def staff_plan(request, municipality, pk):
    return get_visible_or_404(
        ActionPlan.objects.filter(policy__municipality=municipality).select_related(
            "policy__municipality"
        ),
        request.user,
        pk=pk,
    )


def staff_round(request, municipality, pk):
    return get_visible_or_404(
        FollowUpRound.objects.filter(policy__municipality=municipality).select_related(
            "policy__municipality"
        ),
        request.user,
        pk=pk,
    )


def form_page(
    request, municipality, *, form, title, crumbs, cancel_url, multipart=False, conflict=()
):
    return render(
        request,
        "actionplans/staff/form.html",
        {
            "municipality": municipality,
            "form": form,
            "conflict": conflict,
            "title": title,
            "cancel_url": cancel_url,
            "multipart": multipart,
            "breadcrumbs": staff_crumbs(municipality, *crumbs, (title, None)),
        },
    )


@login_required
def staff_index(request, municipality):
    municipality = editor_municipality(request, municipality)
    policies = (
        Policy.objects.visible_to(request.user)
        .filter(municipality=municipality)
        .annotate(
            plan_count=Count("action_plans", distinct=True),
            round_count=Count("follow_up_rounds", distinct=True),
        )
        .order_by("-period_start", "title")
    )
    return render(
        request,
        "actionplans/staff/index.html",
        {
            "municipality": municipality,
            "policies": policies,
            "breadcrumbs": [
                (_("Arbejdsrum"), reverse("core:staff_home")),
                (_("Handleplaner i %(name)s") % {"name": municipality.name}, None),
            ],
        },
    )


@login_required
def staff_policy(request, municipality, policy_slug):
    municipality = editor_municipality(request, municipality)
    policy = public_policy(request, municipality, policy_slug)
    plans = (
        ActionPlan.objects.visible_to(request.user)
        .filter(policy=policy)
        .select_related("department")
        .annotate(action_count=Count("actions"))
    )
    rounds = FollowUpRound.objects.filter(policy=policy).annotate(reported=Count("updates"))
    indicators = (
        Indicator.objects.filter(goal__policy=policy)
        .select_related("goal")
        .annotate(measurement_count=Count("measurements"))
    )
    return render(
        request,
        "actionplans/staff/policy.html",
        {
            "municipality": municipality,
            "policy": policy,
            "plans": plans,
            "rounds": rounds,
            "indicators": indicators,
            "breadcrumbs": staff_crumbs(municipality, (policy.title, None)),
        },
    )


@login_required
def plan_create(request, municipality, policy_slug):
    municipality = editor_municipality(request, municipality)
    policy = public_policy(request, municipality, policy_slug)
    form = ActionPlanForm(request.POST or None, policy=policy, instance=ActionPlan(policy=policy))
    if request.method == "POST" and form.is_valid():
        try:
            plan = services.plan_save(
                plan=form.save(commit=False),
                goals=form.cleaned_data["goals"],
                user=request.user,
                expected_revision=None,
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Handleplanen er oprettet."))
            return redirect("actionplans:plan", municipality.slug, plan.pk)
    return form_page(
        request,
        municipality,
        form=form,
        title=_("Ny handleplan"),
        crumbs=[policy_crumb(policy)],
        cancel_url=reverse("actionplans:staff_policy", args=[municipality.slug, policy.slug]),
    )


@login_required
def plan_detail(request, municipality, pk):
    municipality = editor_municipality(request, municipality)
    plan = staff_plan(request, municipality, pk)
    form = ActionPlanForm(request.POST or None, policy=plan.policy, instance=plan)
    conflict = []
    if request.method == "POST" and form.is_valid():
        try:
            services.plan_save(
                plan=form.save(commit=False),
                goals=form.cleaned_data["goals"],
                user=request.user,
                expected_revision=form.cleaned_data["revision"],
            )
        except EditConflict as clash:
            form, conflict = after_conflict(
                form,
                clash,
                lambda data, saved: ActionPlanForm(data, policy=saved.policy, instance=saved),
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Handleplanen er gemt."))
            return redirect("actionplans:plan", municipality.slug, plan.pk)
    actions = (
        Action.objects.filter(plan=plan)
        .with_last_update()
        .select_related("goal", "owner_department", "owner_person")
    )
    rounds = FollowUpRound.objects.filter(policy=plan.policy).order_by("-opens_on")
    return render(
        request,
        "actionplans/staff/plan.html",
        {
            "municipality": municipality,
            "plan": plan,
            "form": form,
            "conflict": conflict,
            "actions": actions,
            "rounds": rounds,
            "breadcrumbs": staff_crumbs(
                municipality, policy_crumb(plan.policy), (plan.title, None)
            ),
        },
    )


@login_required
def action_create(request, municipality, plan_pk):
    municipality = editor_municipality(request, municipality)
    plan = staff_plan(request, municipality, plan_pk)
    form = ActionForm(request.POST or None, plan=plan, instance=Action(plan=plan))
    if request.method == "POST" and form.is_valid():
        try:
            services.action_save(
                action=form.save(commit=False),
                user=request.user,
                expected_revision=None,
                remarks=form.cleaned_data["from_remarks"],
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Handlingen er oprettet."))
            return redirect("actionplans:plan", municipality.slug, plan.pk)
    return form_page(
        request,
        municipality,
        form=form,
        title=_("Ny handling"),
        crumbs=[
            policy_crumb(plan.policy),
            (plan.title, reverse("actionplans:plan", args=[municipality.slug, plan.pk])),
        ],
        cancel_url=reverse("actionplans:plan", args=[municipality.slug, plan.pk]),
    )


@login_required
def action_edit(request, municipality, pk):
    municipality = editor_municipality(request, municipality)
    action = get_visible_or_404(
        Action.objects.filter(plan__policy__municipality=municipality).select_related(
            "plan__policy__municipality"
        ),
        request.user,
        pk=pk,
    )
    plan = action.plan
    form = ActionForm(request.POST or None, plan=plan, instance=action)
    conflict = []
    if request.method == "POST" and form.is_valid():
        try:
            services.action_save(
                action=form.save(commit=False),
                user=request.user,
                expected_revision=form.cleaned_data["revision"],
                remarks=form.cleaned_data["from_remarks"],
            )
        except EditConflict as clash:
            form, conflict = after_conflict(
                form, clash, lambda data, saved: ActionForm(data, plan=plan, instance=saved)
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Handlingen er gemt."))
            return redirect("actionplans:plan", municipality.slug, plan.pk)
    return form_page(
        request,
        municipality,
        form=form,
        title=action.title,
        conflict=conflict,
        crumbs=[
            policy_crumb(plan.policy),
            (plan.title, reverse("actionplans:plan", args=[municipality.slug, plan.pk])),
        ],
        cancel_url=reverse("actionplans:plan", args=[municipality.slug, plan.pk]),
    )
