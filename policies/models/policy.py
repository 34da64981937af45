"""A policy or strategy and its lifecycle: the states it moves through, each change of state
recorded with the agenda item that decided it."""

from django.conf import settings
from django.db import models
from django.db.models import Prefetch, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.access import Reader
from core.fields import RichTextField
from core.models import Department, Municipality, TrackedModel
from core.transitions import Transitions
from core.visibility import VisibilityQuerySet


class PolicyQuerySet(VisibilityQuerySet):
    def rule(self, reader):
        """Public from the hearing on; drafts only for the municipality's secretariat and the
        members of its councils (who are asked about them)."""
        return self.filter(~Q(state=Policy.State.DRAFT) | reader.insider_q("municipality_id"))

    def editable_by(self, who):
        return self.filter(Reader.of(who).editor_q("municipality_id"))

    def with_tree(self):
        """The whole tree in a fixed number of queries, however many parts it has.

        Only the columns the text needs are read: on a policy with thousands of
        commitments, parsing timestamps nobody shows is most of the cost.
        """
        # The parts' models through the policy's own relations: parts.py imports Policy for
        # its foreign keys, so importing the parts here would close a circle.
        part = self.model._meta.get_field
        Section, Principle, FocusArea, Goal = (
            part(name).related_model for name in ("sections", "principles", "focus_areas", "goals")
        )
        Commitment = Goal._meta.get_field("commitments").related_model

        text = ("id", "position")
        commitments = Commitment.objects.only(*text, "goal_id", "text").order_by("position", "id")
        goals = (
            Goal.objects.only(*text, "policy_id", "focus_area_id", "number", "title", "description")
            .order_by("position", "id")
            .prefetch_related(Prefetch("commitments", queryset=commitments))
        )
        sections = Section.objects.only(
            *text, "policy_id", "heading", "body", "list_kind", "closing"
        ).order_by("position", "id")
        focus_areas = (
            FocusArea.objects.only(*text, "policy_id", "title", "description", "closing")
            .order_by("position", "id")
            .prefetch_related(Prefetch("goals", queryset=goals))
        )
        return self.prefetch_related(
            Prefetch("sections", queryset=sections),
            Prefetch(
                "principles",
                queryset=Principle.objects.only(*text, "policy_id", "text").order_by(
                    "position", "id"
                ),
            ),
            Prefetch(
                "goals", queryset=goals.filter(focus_area__isnull=True), to_attr="direct_goals"
            ),
            Prefetch("focus_areas", queryset=focus_areas),
        )


class Policy(TrackedModel):
    class Kind(models.TextChoices):
        POLICY = "policy", _("politik")
        STRATEGY = "strategy", _("strategi")
        PLAN = "plan", _("plan")

    class State(models.TextChoices):
        DRAFT = "draft", _("udkast")
        IN_HEARING = "in_hearing", _("i høring")
        COUNCIL_APPROVED = "council_approved", _("godkendt af rådet")
        ADOPTED = "adopted", _("vedtaget af byrådet")
        IN_FORCE = "in_force", _("gældende")
        EXPIRED = "expired", _("udløbet")
        SUPERSEDED = "superseded", _("erstattet")

    # The lifecycle. A city council may adopt directly after the hearing (no council approval
    # first); a draft may go back from hearing for rework; an expired policy is still
    # superseded when its successor comes into force.
    TRANSITIONS = Transitions(
        "state",
        {
            State.DRAFT: {State.IN_HEARING, State.COUNCIL_APPROVED, State.ADOPTED},
            State.IN_HEARING: {State.DRAFT, State.COUNCIL_APPROVED, State.ADOPTED},
            State.COUNCIL_APPROVED: {State.IN_HEARING, State.ADOPTED},
            State.ADOPTED: {State.IN_FORCE},
            State.IN_FORCE: {State.EXPIRED, State.SUPERSEDED},
            State.EXPIRED: {State.SUPERSEDED},
        },
        refused=_("En politik kan ikke gå fra “%(from)s” til “%(to)s”."),
    )

    municipality = models.ForeignKey(
        Municipality, on_delete=models.PROTECT, related_name="policies", verbose_name=_("kommune")
    )
    kind = models.CharField(_("type"), max_length=20, choices=Kind.choices, default=Kind.POLICY)
    title = models.CharField(_("titel"), max_length=300)
    slug = models.SlugField(_("kortnavn i adresser"), max_length=200)
    subtitle = models.CharField(
        _("undertitel"), max_length=300, blank=True, help_text=_("Fx 'Forskellighed er en styrke'.")
    )
    period_start = models.PositiveSmallIntegerField(_("gælder fra år"), null=True, blank=True)
    period_end = models.PositiveSmallIntegerField(_("gælder til år"), null=True, blank=True)
    vision = models.TextField(_("vision"), blank=True, help_text=_("Én sætning; vises i citat."))
    introduction = RichTextField(_("indledning"), blank=True)
    prepared_by = models.ForeignKey(
        "councils.Council",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="prepared_policies",
        verbose_name=_("udarbejdet af"),
    )
    department = models.ForeignKey(
        Department,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="policies",
        verbose_name=_("ansvarlig forvaltning"),
    )
    state = models.CharField(_("status"), max_length=30, choices=State.choices, default=State.DRAFT)
    hearing_not_required = models.BooleanField(
        _("kræver ingen høring"),
        default=False,
        help_text=_("Sæt kun hvis politikken kan vedtages uden forudgående høring."),
    )
    adopted_on = models.DateField(_("vedtaget den"), null=True, blank=True)
    # Older policies are often published with the year of adoption only ("Vedtaget: 2015");
    # recording a day nobody knows would be an invention.
    adopted_year = models.PositiveSmallIntegerField(
        _("vedtaget år"),
        null=True,
        blank=True,
        help_text=_("Kun året for vedtagelsen, når datoen ikke kendes."),
    )
    document_date = models.DateField(
        _("dateret"),
        null=True,
        blank=True,
        help_text=_("Datoen på selve dokumentet, når vedtagelsesdatoen ikke kendes."),
    )
    predecessor = models.OneToOneField(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="successor",
        verbose_name=_("erstatter"),
    )
    agenda_items = models.ManyToManyField(
        "councils.AgendaItem",
        blank=True,
        related_name="policies",
        verbose_name=_("dagsordenspunkter om politikken"),
    )

    objects = PolicyQuerySet.as_manager()

    class Meta:
        ordering = ["municipality", "-period_start", "title"]
        verbose_name = _("politik")
        verbose_name_plural = _("politikker")
        constraints = [
            models.UniqueConstraint(fields=["municipality", "slug"], name="policy_unique_slug"),
            models.CheckConstraint(
                condition=Q(period_end__isnull=True)
                | Q(period_start__isnull=True)
                | Q(period_end__gte=models.F("period_start")),
                name="policy_period_ordered",
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("policies:detail", args=[self.municipality.slug, self.slug])

    @property
    def is_public(self):
        return self.state != self.State.DRAFT

    @property
    def state_variant(self):
        """DKFDS badge variant; the state is always written out too."""
        return {
            self.State.DRAFT: "neutral",
            self.State.IN_HEARING: "info",
            self.State.COUNCIL_APPROVED: "info",
            self.State.ADOPTED: "success",
            self.State.IN_FORCE: "success",
            self.State.EXPIRED: "warning",
            self.State.SUPERSEDED: "warning",
        }.get(self.state, "neutral")

    @property
    def period_label(self):
        if self.period_start and self.period_end and self.period_end != self.period_start:
            return f"{self.period_start}-{self.period_end}"
        return str(self.period_start or "")


class PolicyTransitionQuerySet(VisibilityQuerySet):
    def rule(self, reader):
        """A change of state is read with its policy; the agenda item it points at keeps its
        own rule (a closed item is shown by its public title only)."""
        return self.filter(policy__in=Policy.objects.visible_to(reader))


class PolicyTransition(TrackedModel):
    """One change of state, pointing at the agenda item that decided it."""

    policy = models.ForeignKey(
        Policy, on_delete=models.CASCADE, related_name="transitions", verbose_name=_("politik")
    )
    from_state = models.CharField(_("fra"), max_length=30, choices=Policy.State.choices)
    to_state = models.CharField(_("til"), max_length=30, choices=Policy.State.choices)
    decided_on = models.DateField(_("besluttet den"))
    agenda_item = models.ForeignKey(
        "councils.AgendaItem",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="policy_transitions",
        verbose_name=_("beslutning (dagsordenspunkt)"),
    )
    note = models.TextField(_("bemærkning"), blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        verbose_name=_("registreret af"),
    )

    objects = PolicyTransitionQuerySet.as_manager()

    class Meta:
        ordering = ["policy", "decided_on", "id"]
        verbose_name = _("statusskift")
        verbose_name_plural = _("statusskift")

    def __str__(self):
        return f"{self.policy}: {self.get_from_state_display()} → {self.get_to_state_display()}"
