"""What citizens see: the list with a timeline per line of policy, the reading page, frozen
versions and comparisons. Every object comes through its model's ``visible_to``."""

from django.db.models import Q
from django.http import Http404
from django.shortcuts import render
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _

from core.front import sections_for
from core.views import municipality_from_slug
from core.visibility import get_visible_or_404
from councils.models import AgendaItem
from policies.models import Policy, PolicyVersion
from policies.selectors import anchored, snapshot_diff, snapshot_policy

CURRENT = "udkast"


def url_or_none(obj):
    """An object's page, or None while the app that owns the page has not routed it yet."""
    try:
        return obj.get_absolute_url()
    except NoReverseMatch:
        return None


def policy_lines(policies):
    """Chains of policies that replace one another (2005 → 2012-2015 → 2023-2026), each
    oldest first. A predecessor the reader may not see starts a new line."""
    by_id = {p.pk: p for p in policies}
    successor = {p.predecessor_id: p for p in policies if p.predecessor_id in by_id}
    lines = []
    for policy in policies:
        if policy.predecessor_id in by_id:
            continue
        line, current, seen = [], policy, set()
        while current is not None and current.pk not in seen:
            seen.add(current.pk)
            line.append(current)
            current = successor.get(current.pk)
        lines.append(line)
    lines.sort(key=lambda line: (-(line[-1].period_start or 0), line[-1].title))
    return lines


def index(request, municipality):
    municipality = municipality_from_slug(request, municipality)
    policies = list(
        Policy.objects.visible_to(request.user)
        .filter(municipality=municipality)
        .order_by("period_start", "title")
    )
    for policy in policies:
        policy.municipality = municipality  # for get_absolute_url, without a query each
    return render(
        request,
        "policies/index.html",
        {
            "municipality": municipality,
            "lines": policy_lines(policies),
            "breadcrumbs": [
                (municipality.name, reverse("core:municipality", args=[municipality.slug])),
                (_("Politikker og strategier"), None),
            ],
        },
    )


def _policy_breadcrumbs(municipality, policy, *more):
    return [
        (municipality.name, reverse("core:municipality", args=[municipality.slug])),
        (_("Politikker og strategier"), reverse("policies:index", args=[municipality.slug])),
        (policy.title, policy.get_absolute_url() if more else None),
        *more,
    ]


def detail(request, municipality, slug):
    municipality = municipality_from_slug(request, municipality)
    policy = get_visible_or_404(
        Policy.objects.with_tree().select_related("municipality", "prepared_by", "department"),
        request.user,
        municipality=municipality,
        slug=slug,
    )
    if policy.prepared_by:
        policy.prepared_by.municipality = municipality  # same tenant; saves a query
    transitions = list(policy.transitions.order_by("decided_on", "id"))
    # Decisions are shown only as far as the reader may see the agenda item; a closed item
    # shows its public title (shown_title), never its confidential one.
    items = {
        item.pk: item
        for item in AgendaItem.objects.visible_to(request.user)
        .filter(
            Q(pk__in=[t.agenda_item_id for t in transitions if t.agenda_item_id])
            | Q(policies=policy)
        )
        .select_related("meeting__council__municipality")
        .distinct()
    }
    for transition in transitions:
        transition.item = items.get(transition.agenda_item_id)
        transition.item_url = url_or_none(transition.item) if transition.item else None
    decided_items = {t.agenda_item_id for t in transitions}
    other_items = sorted(
        (item for pk, item in items.items() if pk not in decided_items),
        key=lambda item: item.meeting.starts_at,
    )
    for item in other_items:
        item.url = url_or_none(item)
    neighbours = list(
        Policy.objects.visible_to(request.user).filter(
            Q(pk=policy.predecessor_id) | Q(predecessor_id=policy.pk)
        )
    )
    for neighbour in neighbours:
        neighbour.municipality = municipality
    return render(
        request,
        "policies/detail.html",
        {
            "municipality": municipality,
            "policy": policy,
            "tree": anchored(snapshot_policy(policy)),
            "prepared_by_url": url_or_none(policy.prepared_by) if policy.prepared_by else None,
            "transitions": transitions,
            "other_items": other_items,
            "versions": list(policy.versions.defer("snapshot").order_by("number")),
            "predecessor": next((p for p in neighbours if p.pk == policy.predecessor_id), None),
            "successor": next((p for p in neighbours if p.predecessor_id == policy.pk), None),
            "breadcrumbs": _policy_breadcrumbs(municipality, policy),
            "page_sections": sections_for("policy", request, policy),
        },
    )


def _version(request, municipality, slug, number):
    try:
        return (
            PolicyVersion.objects.visible_to(request.user)
            .select_related("policy")
            .get(policy__municipality=municipality, policy__slug=slug, number=number)
        )
    except (PolicyVersion.DoesNotExist, ValueError):
        raise Http404 from None


def version(request, municipality, slug, number):
    municipality = municipality_from_slug(request, municipality)
    frozen = _version(request, municipality, slug, number)
    policy = frozen.policy
    policy.municipality = municipality
    return render(
        request,
        "policies/version.html",
        {
            "municipality": municipality,
            "policy": policy,
            "version": frozen,
            "tree": anchored(frozen.snapshot),
            "breadcrumbs": _policy_breadcrumbs(municipality, policy, (frozen.label, None)),
        },
    )


def compare(request, municipality, slug):
    """``?fra=<n>&til=<n|udkast>``: what changed between two versions, or from a version to
    the current text."""
    municipality = municipality_from_slug(request, municipality)
    policy = get_visible_or_404(Policy, request.user, municipality=municipality, slug=slug)
    policy.municipality = municipality
    versions = list(policy.versions.order_by("number"))
    by_number = {str(v.number): v for v in versions}
    default_from = str(versions[-1].number) if versions else ""
    if len(versions) >= 2:
        default_from = str(versions[-2].number)
    default_to = str(versions[-1].number) if len(versions) >= 2 else CURRENT
    chosen_from = request.GET.get("fra", default_from)
    chosen_to = request.GET.get("til", default_to)

    def pick(value):
        if value == CURRENT:
            return _("Nuværende tekst"), snapshot_policy(policy)
        if value in by_number:
            return by_number[value].label, by_number[value].snapshot
        raise Http404

    result = old_label = new_label = None
    if versions:
        old_label, old = pick(chosen_from)
        new_label, new = pick(chosen_to)
        result = snapshot_diff(old, new)
    return render(
        request,
        "policies/compare.html",
        {
            "municipality": municipality,
            "policy": policy,
            "versions": versions,
            "chosen_from": chosen_from,
            "chosen_to": chosen_to,
            "current": CURRENT,
            "old_label": old_label,
            "new_label": new_label,
            "result": result,
            "breadcrumbs": _policy_breadcrumbs(municipality, policy, (_("Sammenlign"), None)),
        },
    )
