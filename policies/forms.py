"""Staff forms for policies and their parts, with DKFDS widget classes."""

from django import forms
from django.utils.translation import gettext_lazy as _

from core.concurrency import RevisionFormMixin
from core.forms import DKFDSFormMixin
from core.models import Department
from councils.models import AgendaItem, Council
from policies.models import Commitment, FocusArea, Goal, Policy, Principle, Section


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


POLICY_FIELDS = [
    "title",
    "subtitle",
    "kind",
    "period_start",
    "period_end",
    "vision",
    "introduction",
    "prepared_by",
    "department",
    "predecessor",
    "hearing_not_required",
    "document_date",
    "adopted_year",
]


class _PolicyFormBase(DKFDSFormMixin, forms.ModelForm):
    def __init__(self, *args, municipality, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["prepared_by"].queryset = Council.objects.filter(municipality=municipality)
        self.fields["department"].queryset = Department.objects.filter(municipality=municipality)
        predecessors = Policy.objects.filter(municipality=municipality)
        if self.instance.pk:
            predecessors = predecessors.exclude(pk=self.instance.pk)
        self.fields["predecessor"].queryset = predecessors
        self.fields["vision"].widget.attrs["rows"] = 3
        self.fields["introduction"].widget.attrs["rows"] = 6


class PolicyCreateForm(_PolicyFormBase):
    class Meta:
        model = Policy
        fields = ["slug", *POLICY_FIELDS]
        widgets = {"document_date": DateInput()}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["slug"].required = False
        self.fields["slug"].help_text = _("Udfyldes ud fra titlen, hvis du lader det stå tomt.")

    def validate_unique(self):
        # The municipality is set by the view, and the slug may be derived from the title:
        # the service's full_clean() checks uniqueness.
        pass


class PolicyForm(RevisionFormMixin, _PolicyFormBase):
    class Meta:
        model = Policy
        fields = POLICY_FIELDS
        widgets = {"document_date": DateInput()}


class SectionForm(DKFDSFormMixin, RevisionFormMixin, forms.ModelForm):
    class Meta:
        model = Section
        fields = ["heading", "body", "list_kind", "closing"]


class PrincipleForm(DKFDSFormMixin, RevisionFormMixin, forms.ModelForm):
    class Meta:
        model = Principle
        fields = ["text"]
        widgets = {"text": forms.Textarea(attrs={"rows": 3})}


class FocusAreaForm(DKFDSFormMixin, RevisionFormMixin, forms.ModelForm):
    class Meta:
        model = FocusArea
        fields = ["title", "description", "closing"]


class GoalForm(DKFDSFormMixin, RevisionFormMixin, forms.ModelForm):
    class Meta:
        model = Goal
        fields = ["number", "title", "description"]
        widgets = {"title": forms.Textarea(attrs={"rows": 2})}


class CommitmentForm(DKFDSFormMixin, RevisionFormMixin, forms.ModelForm):
    class Meta:
        model = Commitment
        fields = ["text"]
        widgets = {"text": forms.Textarea(attrs={"rows": 3})}


PART_FORMS = {
    Section: SectionForm,
    Principle: PrincipleForm,
    FocusArea: FocusAreaForm,
    Goal: GoalForm,
    Commitment: CommitmentForm,
}


def part_form(model, *args, **kwargs):
    """The form of a part; a new part has no revision to check yet."""
    form = PART_FORMS[model](*args, **kwargs)
    if not (form.instance and form.instance.pk):
        form.fields["revision"].required = False
    return form


class TransitionForm(DKFDSFormMixin, forms.Form):
    to_state = forms.ChoiceField(label=_("Ny status"))
    decided_on = forms.DateField(label=_("Besluttet den"), widget=DateInput())
    agenda_item = forms.ModelChoiceField(
        label=_("Beslutningen (dagsordenspunkt)"),
        queryset=AgendaItem.objects.none(),
        required=False,
        help_text=_("Punktet på mødet, hvor beslutningen blev truffet."),
    )
    note = forms.CharField(
        label=_("Bemærkning"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args, policy, **kwargs):
        super().__init__(*args, **kwargs)
        allowed = Policy.TRANSITIONS.targets(policy.state)
        self.fields["to_state"].choices = [
            (value, label) for value, label in Policy.State.choices if value in allowed
        ]
        self.fields["agenda_item"].queryset = (
            AgendaItem.objects.filter(meeting__council__municipality_id=policy.municipality_id)
            .select_related("meeting__council")
            .order_by("-meeting__starts_at", "number")
        )
        self.fields["agenda_item"].label_from_instance = lambda item: (
            f"{item.meeting} – {item.number}. {item.title}"
        )


class FreezeForm(DKFDSFormMixin, forms.Form):
    label = forms.CharField(
        label=_("Navn på versionen"),
        max_length=200,
        help_text=_("Fx 'Høringsudkast 15.02.2023' eller 'Vedtaget'."),
    )
