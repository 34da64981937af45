"""Public pages: the list of policies with plans, a policy's dashboard, a round's report."""

from django.db.models import Count, Exists, OuterRef
from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from actionplans import selectors
from actionplans.models import (
    ActionPlan,
    FollowUpRound,
)
from core.access import Reader
from core.views import municipality_from_slug
from core.visibility import get_visible_or_404
from policies.models import Policy


def public_policy(request, municipality, policy_slug):
    return get_visible_or_404(
        Policy.objects.filter(municipality=municipality), request.user, slug=policy_slug
    )


def index(request, municipality):
    municipality = municipality_from_slug(request, municipality)
    plans = ActionPlan.objects.visible_to(request.user)
    closed_rounds = FollowUpRound.objects.closed()
    policies = (
        Policy.objects.visible_to(request.user)
        .filter(municipality=municipality)
        .filter(
            Exists(plans.filter(policy=OuterRef("pk")))
            | Exists(closed_rounds.filter(policy=OuterRef("pk")))
        )
        .order_by("-period_start", "title")
    )
    policies = list(policies)
    counts = dict(
        plans.filter(policy__in=policies)
        .values("policy")
        .annotate(n=Count("id"))
        .values_list("policy", "n")
    )
    for policy in policies:
        policy.visible_plan_count = counts.get(policy.pk, 0)
    return render(
        request,
        "actionplans/index.html",
        {
            "municipality": municipality,
            "policies": policies,
            "breadcrumbs": [
                (municipality.name, reverse("core:municipality", args=[municipality.slug])),
                (_("Handleplaner"), None),
            ],
        },
    )


def dashboard(request, municipality, policy_slug):
    municipality = municipality_from_slug(request, municipality)
    policy = public_policy(request, municipality, policy_slug)
    data = selectors.dashboard_data(policy, request.user)
    if not data["plans"] and not data["closed_rounds"]:
        raise Http404
    return render(
        request,
        "actionplans/dashboard.html",
        {
            **data,
            "municipality": municipality,
            "can_edit": Reader.of(request).is_editor(municipality),
            "breadcrumbs": [
                (municipality.name, reverse("core:municipality", args=[municipality.slug])),
                (_("Handleplaner"), reverse("actionplans:index", args=[municipality.slug])),
                (policy.title, None),
            ],
        },
    )


def round_report(request, municipality, policy_slug, round_id):
    municipality = municipality_from_slug(request, municipality)
    policy = public_policy(request, municipality, policy_slug)
    round = get_visible_or_404(
        FollowUpRound.objects.filter(policy=policy).closed(), request.user, pk=round_id
    )
    data = selectors.round_report_data(round, request.user)
    return render(
        request,
        "actionplans/round_report.html",
        {
            **data,
            "municipality": municipality,
            "breadcrumbs": [
                (municipality.name, reverse("core:municipality", args=[municipality.slug])),
                (_("Handleplaner"), reverse("actionplans:index", args=[municipality.slug])),
                (
                    policy.title,
                    reverse("actionplans:dashboard", args=[municipality.slug, policy.slug]),
                ),
                (round.name, None),
            ],
        },
    )
