"""Staff: follow-up rounds, the one-screen round update and the status report."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from actionplans import selectors, services
from actionplans.forms import (
    FollowUpRoundForm,
    RoundStatusFormSet,
)
from actionplans.models import (
    Action,
    ActionPlan,
    FollowUpRound,
    StatusUpdate,
)
from actionplans.views.public import public_policy
from actionplans.views.staff import (
    form_page,
    policy_crumb,
    staff_crumbs,
    staff_plan,
    staff_round,
)
from core.concurrency import EditConflict, after_conflict
from core.views import editor_municipality


@login_required
def round_update(request, municipality, plan_pk, round_pk):
    """One screen to give every action of a plan its status in a round."""
    municipality = editor_municipality(request, municipality)
    plan = staff_plan(request, municipality, plan_pk)
    round = staff_round(request, municipality, round_pk)
    if round.policy_id != plan.policy_id:
        raise Http404
    actions = list(
        Action.objects.filter(plan=plan).select_related("goal", "owner_department", "owner_person")
    )
    existing = {u.action_id: u for u in StatusUpdate.objects.filter(round=round, action__plan=plan)}
    initial = []
    for action in actions:
        update = existing.get(action.pk)
        source = update or action
        initial.append(
            {
                "action": action.pk,
                "revision": action.revision,
                "status": source.status,
                "progress": source.progress,
                "note": update.note if update else "",
            }
        )
    formset = RoundStatusFormSet(request.POST or None, initial=initial, prefix="status")
    if round.is_closed:
        for form in formset:
            for field in form.fields.values():
                field.disabled = True
    if request.method == "POST" and round.is_closed:
        messages.error(request, round.locked_message())
        return redirect("actionplans:round_update", municipality.slug, plan.pk, round.pk)
    if request.method == "POST" and formset.is_valid():
        by_pk = {action.pk: action for action in actions}
        entries = []
        for form in formset:
            action = by_pk.get(form.cleaned_data["action"])
            if action is None:
                raise Http404
            # Unchanged lines that were already reported stay as they are.
            if action.pk in existing and not form.has_changed():
                continue
            entries.append(
                services.RoundEntry(
                    action=action,
                    status=form.cleaned_data["status"],
                    progress=form.cleaned_data["progress"],
                    note=form.cleaned_data["note"],
                    revision=form.cleaned_data["revision"],
                )
            )
        try:
            services.round_submit(round=round, user=request.user, entries=entries)
        except EditConflict as conflict:
            formset.non_form_errors().append(
                _(
                    "“%(title)s” er ændret af en anden, mens du redigerede. Intet er gemt: "
                    "genindlæs siden og prøv igen."
                )
                % {"title": conflict.current.title}
            )
        except ValidationError as exc:
            for message in exc.messages:
                formset.non_form_errors().append(message)
        else:
            messages.success(
                request,
                _("Status for %(count)s handlinger er gemt i %(round)s.")
                % {"count": len(entries), "round": round.name},
            )
            return redirect("actionplans:round_update", municipality.slug, plan.pk, round.pk)
    rows = (
        list(zip(actions, formset.forms, strict=True)) if len(formset.forms) == len(actions) else []
    )
    return render(
        request,
        "actionplans/staff/round_update.html",
        {
            "municipality": municipality,
            "plan": plan,
            "round": round,
            "formset": formset,
            "rows": rows,
            "breadcrumbs": staff_crumbs(
                municipality,
                policy_crumb(plan.policy),
                (plan.title, reverse("actionplans:plan", args=[municipality.slug, plan.pk])),
                (round.name, None),
            ),
        },
    )


@login_required
def round_create(request, municipality, policy_slug):
    municipality = editor_municipality(request, municipality)
    policy = public_policy(request, municipality, policy_slug)
    form = FollowUpRoundForm(request.POST or None, instance=FollowUpRound(policy=policy))
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if k != "revision"}
        try:
            round = services.round_create(policy=policy, user=request.user, **data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Opfølgningsrunden er oprettet."))
            return redirect("actionplans:round", municipality.slug, round.pk)
    return form_page(
        request,
        municipality,
        form=form,
        title=_("Ny opfølgningsrunde"),
        crumbs=[policy_crumb(policy)],
        cancel_url=reverse("actionplans:staff_policy", args=[municipality.slug, policy.slug]),
    )


@login_required
def round_detail(request, municipality, pk):
    municipality = editor_municipality(request, municipality)
    round = staff_round(request, municipality, pk)
    form = None
    conflict = []
    if not round.is_closed:
        form = FollowUpRoundForm(request.POST or None, instance=round)
        if request.method == "POST" and form.is_valid():
            data = {k: v for k, v in form.cleaned_data.items() if k != "revision"}
            try:
                services.round_change(
                    round=round,
                    user=request.user,
                    expected_revision=form.cleaned_data["revision"],
                    **data,
                )
            except EditConflict as clash:
                form, conflict = after_conflict(
                    form, clash, lambda data, saved: FollowUpRoundForm(data, instance=saved)
                )
            except ValidationError as exc:
                form.add_error(None, exc)
            else:
                messages.success(request, _("Opfølgningsrunden er gemt."))
                return redirect("actionplans:round", municipality.slug, round.pk)
    elif request.method == "POST":
        messages.error(request, round.locked_message())
        return redirect("actionplans:round", municipality.slug, round.pk)
    plans = ActionPlan.objects.visible_to(request.user).filter(policy=round.policy)
    return render(
        request,
        "actionplans/staff/round.html",
        {
            "municipality": municipality,
            "round": round,
            "form": form,
            "conflict": conflict,
            "plans": plans,
            "breadcrumbs": staff_crumbs(
                municipality, policy_crumb(round.policy), (round.name, None)
            ),
        },
    )


@login_required
@require_POST
def round_transition(request, municipality, pk, transition):
    municipality = editor_municipality(request, municipality)
    round = staff_round(request, municipality, pk)
    try:
        if transition == "open":
            services.round_open(round=round, user=request.user)
            messages.success(request, _("Runden er åbnet, og de ansvarlige får besked."))
        else:
            services.round_close(round=round, user=request.user)
            messages.success(request, _("Runden er lukket. Statusrapporten er nu endelig."))
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
    return redirect("actionplans:round", municipality.slug, round.pk)


@login_required
def round_report_staff(request, municipality, pk):
    """The status report for a committee; also for rounds that are still open (a draft)."""
    municipality = editor_municipality(request, municipality)
    round = staff_round(request, municipality, pk)
    data = selectors.round_report_data(round, request.user)
    return render(
        request,
        "actionplans/staff/round_report.html",
        {
            **data,
            "municipality": municipality,
            "breadcrumbs": staff_crumbs(
                municipality,
                policy_crumb(round.policy),
                (round.name, reverse("actionplans:round", args=[municipality.slug, round.pk])),
                (_("Statusrapport"), None),
            ),
        },
    )
