"""Staff: indicators, measurements and the CSV import."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from actionplans import services
from actionplans.forms import (
    IndicatorForm,
    MeasurementForm,
    MeasurementImportForm,
)
from actionplans.models import (
    Indicator,
    Measurement,
)
from actionplans.views.public import public_policy
from actionplans.views.staff import (
    form_page,
    policy_crumb,
    staff_crumbs,
)
from core.views import editor_municipality
from core.visibility import get_visible_or_404


@login_required
def indicator_create(request, municipality, policy_slug):
    municipality = editor_municipality(request, municipality)
    policy = public_policy(request, municipality, policy_slug)
    form = IndicatorForm(request.POST or None, policy=policy)
    if request.method == "POST" and form.is_valid():
        indicator = form.save()
        messages.success(request, _("Indikatoren er oprettet."))
        return redirect("actionplans:indicator", municipality.slug, indicator.pk)
    return form_page(
        request,
        municipality,
        form=form,
        title=_("Ny indikator"),
        crumbs=[policy_crumb(policy)],
        cancel_url=reverse("actionplans:staff_policy", args=[municipality.slug, policy.slug]),
    )


@login_required
def indicator_detail(request, municipality, pk):
    municipality = editor_municipality(request, municipality)
    indicator = get_visible_or_404(
        Indicator.objects.filter(goal__policy__municipality=municipality)
        .select_related("goal__policy__municipality")
        .prefetch_related(
            Prefetch("measurements", queryset=Measurement.objects.order_by("period"))
        ),
        request.user,
        pk=pk,
    )
    form = MeasurementForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.measurement_create(indicator=indicator, user=request.user, **form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Målingen er registreret."))
            return redirect("actionplans:indicator", municipality.slug, indicator.pk)
    policy = indicator.goal.policy
    return render(
        request,
        "actionplans/staff/indicator.html",
        {
            "municipality": municipality,
            "indicator": indicator,
            "measurements": list(indicator.measurements.all()),
            "form": form,
            "breadcrumbs": staff_crumbs(municipality, policy_crumb(policy), (indicator.name, None)),
        },
    )


@login_required
def measurements_import(request, municipality, policy_slug):
    municipality = editor_municipality(request, municipality)
    policy = public_policy(request, municipality, policy_slug)
    form = MeasurementImportForm(request.POST or None, request.FILES or None)
    result = None
    if request.method == "POST" and form.is_valid():
        try:
            result = services.measurements_import_csv(
                policy=policy, user=request.user, content=form.cleaned_data["file"].read()
            )
        except ValidationError as exc:
            form.add_error("file", exc)
        else:
            if result.ok:
                messages.success(
                    request,
                    _("%(count)s målinger er importeret.") % {"count": len(result.created)},
                )
                return redirect("actionplans:staff_policy", municipality.slug, policy.slug)
    return render(
        request,
        "actionplans/staff/import.html",
        {
            "municipality": municipality,
            "policy": policy,
            "form": form,
            "result": result,
            "breadcrumbs": staff_crumbs(
                municipality, policy_crumb(policy), (_("Importér målinger"), None)
            ),
        },
    )
