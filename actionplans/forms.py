from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from actionplans.models import (
    STATUSES_NEEDING_NOTE,
    Action,
    ActionPlan,
    ActionStatus,
    FollowUpRound,
    Indicator,
    Measurement,
)
from core.concurrency import RevisionFormMixin
from core.forms import DKFDSFormMixin
from core.models import Department


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%d")


class RevisionOnEditMixin(RevisionFormMixin):
    """The optimistic lock's revision, on edit forms only: a new row has nothing to race."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.instance.pk:
            del self.fields["revision"]


def _municipality_users(municipality):
    # Staff with a role in the municipality, or a login linked to one of its people.
    from django.db.models import Q

    return (
        get_user_model()
        .objects.filter(
            Q(municipality_roles__municipality=municipality) | Q(person__municipality=municipality)
        )
        .distinct()
        .order_by("first_name", "username")
    )


class ActionPlanForm(DKFDSFormMixin, RevisionOnEditMixin, forms.ModelForm):
    class Meta:
        model = ActionPlan
        fields = [
            "title",
            "goals",
            "department",
            "partners",
            "period_start",
            "period_end",
            "state",
        ]
        widgets = {
            "goals": forms.CheckboxSelectMultiple,
            "partners": forms.Textarea(attrs={"rows": 3}),
            "period_start": DateInput,
            "period_end": DateInput,
        }

    def __init__(self, *args, policy, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["goals"].queryset = policy.goals.all()
        self.fields["department"].queryset = Department.objects.filter(
            municipality_id=policy.municipality_id
        )


class ActionForm(DKFDSFormMixin, RevisionOnEditMixin, forms.ModelForm):
    class Meta:
        model = Action
        fields = [
            "title",
            "goal",
            "description",
            "owner_department",
            "owner_person",
            "owner_user",
            "start_date",
            "due_date",
            "weight",
            "budget",
            "is_budget_request",
            "source_follow_up",
            "from_remarks",
        ]
        widgets = {
            "from_remarks": forms.CheckboxSelectMultiple,
            "description": forms.Textarea(attrs={"rows": 4}),
            "start_date": DateInput,
            "due_date": DateInput,
        }
        localized_fields = ["budget"]

    def __init__(self, *args, plan, **kwargs):
        super().__init__(*args, **kwargs)
        from councils.models import FollowUp, Person

        municipality = plan.policy.municipality_id
        self.fields["goal"].queryset = plan.goals.all()
        self.fields["owner_department"].queryset = Department.objects.filter(
            municipality_id=municipality
        )
        self.fields["owner_person"].queryset = Person.objects.filter(municipality_id=municipality)
        self.fields["owner_user"].queryset = _municipality_users(municipality)
        self.fields["source_follow_up"].queryset = FollowUp.objects.filter(
            item__meeting__council__municipality_id=municipality
        ).select_related("item__meeting__council")
        from hearings.models import Remark

        self.fields["from_remarks"].queryset = Remark.objects.filter(
            response__hearing__policy_id=plan.policy_id,
            outcome=Remark.Outcome.TO_ACTION_PLANS,
        )


class RoundStatusForm(DKFDSFormMixin, forms.Form):
    """One action's line on the round screen."""

    action = forms.IntegerField(widget=forms.HiddenInput)
    revision = forms.IntegerField(widget=forms.HiddenInput, min_value=0)
    status = forms.ChoiceField(label=_("Status"), choices=ActionStatus.choices)
    progress = forms.IntegerField(label=_("Fremdrift (%)"), min_value=0, max_value=100)
    note = forms.CharField(
        label=_("Bemærkning"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Skal udfyldes, når status er »i risiko« eller »forsinket eller udfordret«."),
    )

    def clean(self):
        data = super().clean()
        if data.get("status") in STATUSES_NEEDING_NOTE and not (data.get("note") or "").strip():
            self.add_error(
                "note", _("Skriv en bemærkning, når handlingen er i risiko eller forsinket.")
            )
        return data


RoundStatusFormSet = forms.formset_factory(RoundStatusForm, extra=0)


class FollowUpRoundForm(DKFDSFormMixin, RevisionOnEditMixin, forms.ModelForm):
    class Meta:
        model = FollowUpRound
        fields = ["name", "opens_on", "closes_on", "report_title", "summary"]
        widgets = {
            "opens_on": DateInput,
            "closes_on": DateInput,
            "summary": forms.Textarea(attrs={"rows": 5}),
        }


class IndicatorForm(DKFDSFormMixin, RevisionOnEditMixin, forms.ModelForm):
    class Meta:
        model = Indicator
        fields = [
            "goal",
            "name",
            "unit",
            "baseline_value",
            "baseline_date",
            "target_value",
            "target_date",
            "higher_is_better",
            "data_source",
        ]
        widgets = {"baseline_date": DateInput, "target_date": DateInput}
        localized_fields = ["baseline_value", "target_value"]  # 12,5 as Danes write it

    def __init__(self, *args, policy, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["goal"].queryset = policy.goals.all()


class MeasurementForm(DKFDSFormMixin, forms.ModelForm):
    class Meta:
        model = Measurement
        fields = ["period", "period_label", "value", "source", "note"]
        widgets = {"period": DateInput, "note": forms.Textarea(attrs={"rows": 2})}
        localized_fields = ["value"]


class MeasurementImportForm(DKFDSFormMixin, forms.Form):
    file = forms.FileField(
        label=_("CSV-fil"),
        help_text=_(
            "Første linje: indikator;periode;værdi (og evt. periodetekst;kilde;bemærkning). "
            "Perioden som 2023-12-31 eller 31.12.2023, værdien med komma eller punktum."
        ),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > 5 * 1024 * 1024:
            raise forms.ValidationError(_("Filen er for stor (højst 5 MB)."))
        return upload
