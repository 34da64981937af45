"""Action plans and their actions; an action's status and progress change only through
status updates (see rounds)."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.models import Department, TrackedModel
from core.visibility import VisibilityQuerySet
from policies.models import Policy


def visible_policies(reader):
    return Policy.objects.visible_to(reader)


class ActionPlanQuerySet(VisibilityQuerySet):
    def rule(self, reader):
        """Adopted, running and completed plans of readable policies are public; drafts only
        for the municipality's secretariat and its council members."""
        return self.filter(policy__in=visible_policies(reader)).filter(
            ~Q(state=ActionPlan.State.DRAFT) | reader.insider_q("policy__municipality_id")
        )


class ActionPlan(TrackedModel):
    class State(models.TextChoices):
        DRAFT = "draft", _("udkast")
        ADOPTED = "adopted", _("vedtaget")
        RUNNING = "running", _("i gang")
        COMPLETED = "completed", _("afsluttet")

    policy = models.ForeignKey(
        Policy, on_delete=models.PROTECT, related_name="action_plans", verbose_name=_("politik")
    )
    goals = models.ManyToManyField(
        "policies.Goal",
        related_name="action_plans",
        verbose_name=_("målsætninger"),
        help_text=_("De målsætninger i politikken, som handleplanen skal indfri."),
    )
    title = models.CharField(_("titel"), max_length=300)
    department = models.ForeignKey(
        Department,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="action_plans",
        verbose_name=_("ansvarlig forvaltning"),
    )
    partners = models.TextField(
        _("samarbejdspartnere"),
        blank=True,
        help_text=_("Fx andre forvaltninger, foreninger og boligsociale helhedsplaner."),
    )
    period_start = models.DateField(_("periode fra"), null=True, blank=True)
    period_end = models.DateField(_("periode til"), null=True, blank=True)
    state = models.CharField(_("status"), max_length=20, choices=State.choices, default=State.DRAFT)

    objects = ActionPlanQuerySet.as_manager()

    class Meta:
        ordering = ["policy", "title", "id"]
        verbose_name = _("handleplan")
        verbose_name_plural = _("handleplaner")
        constraints = [
            models.CheckConstraint(
                condition=Q(period_end__isnull=True)
                | Q(period_start__isnull=True)
                | Q(period_end__gte=models.F("period_start")),
                name="actionplan_period_ordered",
                violation_error_message=_("Perioden skal slutte efter, at den er begyndt."),
            )
        ]

    def __str__(self):
        return self.title

    @property
    def state_variant(self):
        return {
            self.State.DRAFT: "warning",
            self.State.ADOPTED: "info",
            self.State.RUNNING: "info",
            self.State.COMPLETED: "success",
        }.get(self.state, "neutral")

    def get_absolute_url(self):
        return reverse(
            "actionplans:dashboard", args=[self.policy.municipality.slug, self.policy.slug]
        )


class ActionStatus(models.TextChoices):
    """The owner's judgement of an action (not how far it has come)."""

    NOT_STARTED = "not_started", _("ikke påbegyndt")
    ON_TRACK = "on_track", _("på rette spor")
    AT_RISK = "at_risk", _("i risiko")
    OFF_TRACK = "off_track", _("forsinket eller udfordret")
    DONE = "done", _("gennemført")
    CANCELLED = "cancelled", _("opgivet")


# A judgement that the action is in trouble must say why (the committee asks).
STATUSES_NEEDING_NOTE = (ActionStatus.AT_RISK, ActionStatus.OFF_TRACK)

STATUS_VARIANTS = {
    ActionStatus.NOT_STARTED: "neutral",
    ActionStatus.ON_TRACK: "success",
    ActionStatus.AT_RISK: "warning",
    ActionStatus.OFF_TRACK: "error",
    ActionStatus.DONE: "success",
    ActionStatus.CANCELLED: "neutral",
}

PROGRESS_RANGE = Q(progress__gte=0) & Q(progress__lte=100)


class ActionQuerySet(VisibilityQuerySet):
    def rule(self, reader):
        """An action is read with its plan."""
        return self.filter(plan__in=ActionPlan.objects.visible_to(reader))

    def with_last_update(self):
        """``last_update_on``: the date of the newest status update (None: never updated)."""
        return self.annotate(last_update_on=models.Max("updates__date"))


class Action(TrackedModel):
    Status = ActionStatus

    plan = models.ForeignKey(
        ActionPlan, on_delete=models.CASCADE, related_name="actions", verbose_name=_("handleplan")
    )
    goal = models.ForeignKey(
        "policies.Goal",
        on_delete=models.PROTECT,
        related_name="actions",
        verbose_name=_("målsætning"),
    )
    title = models.CharField(_("titel"), max_length=300)
    description = models.TextField(_("beskrivelse"), blank=True)
    owner_department = models.ForeignKey(
        Department,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="actions",
        verbose_name=_("ansvarlig forvaltning"),
    )
    owner_person = models.ForeignKey(
        "councils.Person",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="actions",
        verbose_name=_("ansvarlig person"),
        help_text=_("Vises offentligt som ansvarlig."),
    )
    owner_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="owned_actions",
        verbose_name=_("ansvarlig bruger"),
        help_text=_("Får påmindelser om opfølgningsrunder pr. e-mail. Vises ikke offentligt."),
    )
    start_date = models.DateField(_("startdato"), null=True, blank=True)
    due_date = models.DateField(_("frist"), null=True, blank=True)
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=ActionStatus.choices,
        default=ActionStatus.NOT_STARTED,
        help_text=_("Den ansvarliges vurdering. Ændres med en statusopdatering."),
    )
    progress = models.PositiveSmallIntegerField(
        _("fremdrift (%)"),
        default=0,
        help_text=_("Hvor langt handlingen er nået, 0-100 %. Ændres med en statusopdatering."),
    )
    weight = models.PositiveSmallIntegerField(
        _("vægt"),
        default=1,
        help_text=_("Handlingens vægt i målsætningens samlede fremdrift (vægtet gennemsnit)."),
    )
    budget = models.DecimalField(
        _("budget (kr.)"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    is_budget_request = models.BooleanField(
        _("budgetønske"),
        default=False,
        help_text=_("Handlingen er et ønske til budgettet, som endnu ikke er bevilget."),
    )
    source_follow_up = models.ForeignKey(
        "councils.FollowUp",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="actions",
        verbose_name=_("besluttet som opfølgning"),
        help_text=_("Fx arbejdsgruppen, der skal indsende budgetønsket."),
    )

    from_remarks = models.ManyToManyField(
        "hearings.Remark",
        blank=True,
        related_name="actions",
        verbose_name=_("følger op på høringsbemærkninger"),
        help_text=_("Bemærkninger fra høringen, som blev henvist til handleplanerne."),
    )

    objects = ActionQuerySet.as_manager()

    class Meta:
        ordering = ["goal__position", "goal_id", "due_date", "id"]
        verbose_name = _("handling")
        verbose_name_plural = _("handlinger")
        constraints = [
            models.CheckConstraint(
                condition=PROGRESS_RANGE,
                name="action_progress_0_100",
                violation_error_message=_("Fremdriften skal være mellem 0 og 100 %."),
            ),
            models.CheckConstraint(
                condition=Q(weight__gte=1),
                name="action_weight_positive",
                violation_error_message=_("Vægten skal være mindst 1."),
            ),
            models.CheckConstraint(
                condition=Q(due_date__isnull=True)
                | Q(start_date__isnull=True)
                | Q(due_date__gte=models.F("start_date")),
                name="action_dates_ordered",
                violation_error_message=_("Fristen skal ligge efter startdatoen."),
            ),
        ]

    def __str__(self):
        return self.title

    def clean(self):
        super().clean()
        if self.plan_id and self.goal_id:
            if self.goal.policy_id != self.plan.policy_id:
                raise ValidationError(
                    {"goal": _("Målsætningen skal høre til handleplanens politik.")}
                )
            if self.plan.pk and not self.plan.goals.filter(pk=self.goal_id).exists():
                raise ValidationError(
                    {"goal": _("Målsætningen skal være en af handleplanens målsætninger.")}
                )

    @property
    def status_variant(self):
        return STATUS_VARIANTS.get(self.status, "neutral")
