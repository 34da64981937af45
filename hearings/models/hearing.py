"""A hearing and the parties consulted in it."""

import datetime

from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.access import Reader
from core.fields import RichTextField
from core.models import TrackedModel
from core.transitions import Transitions
from core.visibility import VisibilityQuerySet
from hearings.models.parties import ConsultedParty


class HearingQuerySet(VisibilityQuerySet):
    def rule(self, reader):
        """Public from the moment it opens; a planned hearing only for the municipality's
        secretariat and council members."""
        return self.filter(
            ~Q(state=Hearing.State.PLANNED) | reader.insider_q("policy__municipality_id")
        )

    def editable_by(self, who):
        return self.filter(Reader.of(who).editor_q("policy__municipality_id"))

    def for_municipality(self, municipality):
        return self.filter(policy__municipality=municipality)

    def open_now(self, today=None):
        today = today or timezone.localdate()
        return self.filter(state=Hearing.State.OPEN, opens_on__lte=today, closes_on__gte=today)


class Hearing(TrackedModel):
    class State(models.TextChoices):
        PLANNED = "planned", _("planlagt")
        OPEN = "open", _("åben")
        CLOSED = "closed", _("afsluttet")
        PROCESSED = "processed", _("behandlet")
        REPORT_PUBLISHED = "report_published", _("høringsnotat offentliggjort")

    # One way through; each step is one service (hearing_open, hearing_close …).
    TRANSITIONS = Transitions(
        "state",
        {
            State.PLANNED: {State.OPEN},
            State.OPEN: {State.CLOSED},
            State.CLOSED: {State.PROCESSED},
            State.PROCESSED: {State.REPORT_PUBLISHED},
        },
        refused=_("Høringen er %(from)s og kan ikke skifte til %(to)s."),
    )
    # From PROCESSED on, the published responses (and their remarks) are public.
    RESPONSES_PUBLIC = (State.PROCESSED, State.REPORT_PUBLISHED)

    policy = models.ForeignKey(
        "policies.Policy",
        on_delete=models.PROTECT,
        related_name="hearings",
        verbose_name=_("politik"),
    )
    version = models.ForeignKey(
        "policies.PolicyVersion",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="hearings",
        verbose_name=_("høringsudkast"),
        help_text=_("Den navngivne, frosne version, der sendes i høring."),
    )
    title = models.CharField(_("titel"), max_length=300)
    intro = RichTextField(
        _("hvad der spørges om"),
        blank=True,
        help_text=_(
            "Hvad høringen handler om, og hvad høringsparterne især bedes forholde sig til."
        ),
    )
    summary = RichTextField(
        _("opsummering"),
        blank=True,
        help_text=_(
            "Høringens samlede resultat, som kommunen opsummerer det, fx i sagsfremstillingen "
            "til rådet. Vises på høringens side og i høringsnotatet."
        ),
    )
    opens_on = models.DateField(_("åbner"))
    closes_on = models.DateField(
        _("høringsfrist"), help_text=_("Sidste dag, hvor svar modtages (hele dagen med).")
    )
    citizens_may_answer = models.BooleanField(_("borgere kan svare"), default=False)
    personal_data_delete_on = models.DateField(
        _("sletning af personoplysninger"),
        null=True,
        blank=True,
        help_text=_(
            "Dagen efter denne dato slettes borgeres og organisationers e-mail, telefon, "
            "adresse og kontaktperson, og kontaktoplysninger skrevet i svarene. Svarenes "
            "tekst og besvarelser bevares i øvrigt."
        ),
    )
    contact_data_purged_at = models.DateTimeField(
        _("personoplysninger slettet"), null=True, blank=True, editable=False
    )
    state = models.CharField(
        _("status"), max_length=30, choices=State.choices, default=State.PLANNED
    )
    consulted_parties = models.ManyToManyField(
        ConsultedParty,
        through="HearingParty",
        related_name="hearings",
        blank=True,
        verbose_name=_("høringsparter"),
    )
    is_demo = models.BooleanField(_("demodata"), default=False)

    objects = HearingQuerySet.as_manager()

    class Meta:
        ordering = ["-opens_on", "title"]
        verbose_name = _("høring")
        verbose_name_plural = _("høringer")
        constraints = [
            models.CheckConstraint(
                condition=Q(closes_on__gte=models.F("opens_on")),
                name="hearing_closes_after_opening",
                violation_error_message=_("Høringsfristen skal ligge efter åbningsdagen."),
            ),
            models.CheckConstraint(
                condition=Q(personal_data_delete_on__isnull=True)
                | Q(personal_data_delete_on__gte=models.F("closes_on")),
                name="hearing_delete_after_closing",
                violation_error_message=_(
                    "Personoplysninger kan først slettes efter høringsfristen."
                ),
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("hearings:detail", args=[self.municipality.slug, self.pk])

    def get_staff_url(self):
        return reverse("hearings:staff_detail", args=[self.municipality.slug, self.pk])

    @property
    def municipality(self):
        return self.policy.municipality

    @property
    def responses_public(self):
        return self.state in self.RESPONSES_PUBLIC

    @property
    def report_public(self):
        # The report is readable as soon as every remark is answered (processed); the
        # secretariat's formal publication (REPORT_PUBLISHED) makes it final.
        return self.state in self.RESPONSES_PUBLIC

    @property
    def report_final(self):
        return self.state == self.State.REPORT_PUBLISHED

    def accepts_citizens(self, today=None):
        today = today or timezone.localdate()
        return (
            self.citizens_may_answer
            and self.state == self.State.OPEN
            and self.opens_on <= today <= self.closes_on
        )

    def days_left(self, today=None):
        """Days until the deadline, the deadline day included; 0 once it has passed."""
        today = today or timezone.localdate()
        return max((self.closes_on - today).days + 1, 0)

    def due_transition(self, today=None):
        """The state the dates call for, when staff have not moved the hearing there yet."""
        today = today or timezone.localdate()
        if self.state == self.State.PLANNED and today >= self.opens_on:
            return self.State.OPEN
        if self.state == self.State.OPEN and today > self.closes_on:
            return self.State.CLOSED
        return None

    def is_late(self, received_on: datetime.date) -> bool:
        """A response outside the period, or registered once the hearing is no longer open,
        needs a recorded staff override."""
        return (
            self.state != self.State.OPEN
            or received_on > self.closes_on
            or received_on < self.opens_on
        )

    def missing_required_parties(self):
        return ConsultedParty.objects.filter(
            municipality_id=self.policy.municipality_id, required_by_law=True, is_active=True
        ).exclude(hearings=self)

    @property
    def state_variant(self):
        return {
            self.State.PLANNED: "neutral",
            self.State.OPEN: "info",
            self.State.CLOSED: "warning",
            self.State.PROCESSED: "success",
            self.State.REPORT_PUBLISHED: "success",
        }.get(self.state, "neutral")


class HearingPartyQuerySet(VisibilityQuerySet):
    def rule(self, reader):
        """Who was consulted is public with the hearing."""
        return self.filter(hearing__in=Hearing.objects.visible_to(reader))


class HearingParty(TrackedModel):
    """One consulted party in one hearing: when it was asked and reminded.

    Whether it answered is derived from its responses (see ``hearing_tracker``), never stored,
    so it cannot disagree with the responses.
    """

    hearing = models.ForeignKey(
        Hearing, on_delete=models.CASCADE, related_name="parties", verbose_name=_("høring")
    )
    party = models.ForeignKey(
        ConsultedParty,
        on_delete=models.PROTECT,
        related_name="hearing_rows",
        verbose_name=_("høringspart"),
    )
    invited_on = models.DateField(_("sendt i høring"), null=True, blank=True)
    reminded_at = models.DateTimeField(_("senest påmindet"), null=True, blank=True)
    reminder_count = models.PositiveSmallIntegerField(_("antal påmindelser"), default=0)

    objects = HearingPartyQuerySet.as_manager()

    class Meta:
        ordering = ["hearing", "party__name"]
        verbose_name = _("høringspart i høringen")
        verbose_name_plural = _("høringsparter i høringen")
        constraints = [
            models.UniqueConstraint(fields=["hearing", "party"], name="hearingparty_unique")
        ]

    def __str__(self):
        return f"{self.party} ({self.hearing})"
