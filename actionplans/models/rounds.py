"""Follow-up rounds and the status updates given in them."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _

from actionplans.models.plans import (
    PROGRESS_RANGE,
    STATUS_VARIANTS,
    STATUSES_NEEDING_NOTE,
    Action,
    ActionStatus,
    visible_policies,
)
from core.access import Reader
from core.models import TrackedModel
from core.visibility import VisibilityQuerySet
from policies.models import Policy


class FollowUpRoundQuerySet(VisibilityQuerySet):
    def rule(self, reader):
        """That a round exists (its name and dates) is public with the policy. Its status
        report is a draft until the round is closed: see ``reports_visible_to``."""
        return self.filter(policy__in=visible_policies(reader))

    def reports_visible_to(self, who):
        """Rounds whose status report the reader may read: closed ones, and open ones (the
        draft report) for the municipality's secretariat and council members."""
        reader = Reader.of(who)
        return self.visible_to(reader).filter(
            Q(closed_at__isnull=False) | reader.insider_q("policy__municipality_id")
        )

    def closed(self):
        return self.filter(closed_at__isnull=False)

    def open_on(self, day):
        return self.filter(closed_at__isnull=True, opens_on__lte=day)


class FollowUpRound(TrackedModel):
    """A policy's reporting period, e.g. "2023 2. halvår" (Norddjurs: twice a year)."""

    policy = models.ForeignKey(
        Policy, on_delete=models.PROTECT, related_name="follow_up_rounds", verbose_name=_("politik")
    )
    name = models.CharField(_("navn"), max_length=100, help_text=_("Fx 2023 2. halvår."))
    opens_on = models.DateField(
        _("åbner"), help_text=_("Fra denne dag kan de ansvarlige give status.")
    )
    closes_on = models.DateField(
        _("lukker"), help_text=_("Frist for status. De ansvarlige mindes om det i forvejen.")
    )
    closed_at = models.DateTimeField(
        _("lukket"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("Når runden er lukket, kan dens statusopdateringer ikke ændres."),
    )
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
        verbose_name=_("lukket af"),
    )
    opening_reminder_sent_at = models.DateTimeField(
        _("påmindelse om åbning sendt"), null=True, blank=True, editable=False
    )
    closing_reminder_sent_at = models.DateTimeField(
        _("påmindelse om frist sendt"), null=True, blank=True, editable=False
    )
    report_title = models.CharField(
        _("statusrapportens titel"),
        max_length=300,
        blank=True,
        help_text=_("Fx 'Status på implementering af integrationspolitikken 2021-2026'."),
    )
    summary = models.TextField(
        _("sammenfatning"),
        blank=True,
        help_text=_("Sekretariatets sammenfatning til udvalget."),
    )
    agenda_items = models.ManyToManyField(
        "councils.AgendaItem",
        blank=True,
        related_name="follow_up_rounds",
        verbose_name=_("forelagt på dagsordenspunkter"),
    )

    objects = FollowUpRoundQuerySet.as_manager()

    class Meta:
        ordering = ["policy", "opens_on", "id"]
        verbose_name = _("opfølgningsrunde")
        verbose_name_plural = _("opfølgningsrunder")
        constraints = [
            models.UniqueConstraint(fields=["policy", "name"], name="followupround_unique_name"),
            models.CheckConstraint(
                condition=Q(closes_on__gte=models.F("opens_on")),
                name="followupround_dates_ordered",
                violation_error_message=_("Runden skal lukke efter, at den åbner."),
            ),
        ]

    def __str__(self):
        return f"{self.policy}: {self.name}"

    @property
    def is_closed(self):
        return self.closed_at is not None

    def is_open(self, day=None):
        return not self.is_closed and self.opens_on <= (day or timezone.localdate())

    def locked_message(self):
        return _(
            "Opfølgningsrunden “%(name)s” blev lukket den %(date)s og kan ikke længere ændres."
        ) % {
            "name": self.name,
            "date": formats.date_format(timezone.localtime(self.closed_at), "j. F Y"),
        }

    def get_absolute_url(self):
        return reverse(
            "actionplans:round_report",
            args=[self.policy.municipality.slug, self.policy.slug, self.pk],
        )


class StatusUpdateQuerySet(VisibilityQuerySet):
    def rule(self, reader):
        """A status update is read with its action."""
        return self.filter(action__in=Action.objects.visible_to(reader))


class StatusUpdate(TrackedModel):
    """A dated judgement of one action by its author; in a round at most one per action."""

    Status = ActionStatus

    action = models.ForeignKey(
        Action, on_delete=models.CASCADE, related_name="updates", verbose_name=_("handling")
    )
    round = models.ForeignKey(
        FollowUpRound,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="updates",
        verbose_name=_("opfølgningsrunde"),
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("skrevet af"),
    )
    date = models.DateField(_("dato"), default=timezone.localdate)
    status = models.CharField(_("status"), max_length=20, choices=ActionStatus.choices)
    progress = models.PositiveSmallIntegerField(_("fremdrift (%)"))
    note = models.TextField(
        _("bemærkning"),
        blank=True,
        help_text=_("Skal udfyldes, når handlingen er i risiko eller forsinket."),
    )

    objects = StatusUpdateQuerySet.as_manager()

    class Meta:
        ordering = ["action", "-date", "-id"]
        get_latest_by = ["date", "id"]
        verbose_name = _("statusopdatering")
        verbose_name_plural = _("statusopdateringer")
        constraints = [
            models.CheckConstraint(
                condition=PROGRESS_RANGE,
                name="statusupdate_progress_0_100",
                violation_error_message=_("Fremdriften skal være mellem 0 og 100 %."),
            ),
            models.CheckConstraint(
                condition=~Q(status__in=STATUSES_NEEDING_NOTE) | ~Q(note=""),
                name="statusupdate_note_when_at_risk",
                violation_error_message=_(
                    "Skriv en bemærkning, når handlingen er i risiko eller forsinket."
                ),
            ),
            models.UniqueConstraint(
                fields=["action", "round"],
                condition=Q(round__isnull=False),
                name="statusupdate_one_per_round",
            ),
        ]

    def __str__(self):
        return f"{self.action}: {self.get_status_display()} ({self.date:%d.%m.%Y})"

    def clean(self):
        super().clean()
        self.note = (self.note or "").strip()
        if self.status in STATUSES_NEEDING_NOTE and not self.note:
            raise ValidationError(
                {"note": _("Skriv en bemærkning, når handlingen er i risiko eller forsinket.")}
            )
        if self.round_id:
            # Read the lock from the database: the instance in hand may predate the closing.
            round = FollowUpRound.objects.get(pk=self.round_id)
            if round.is_closed:
                raise ValidationError(round.locked_message(), code="round_locked")
            if self.action_id and self.round.policy_id != self.action.plan.policy_id:
                raise ValidationError(
                    {"round": _("Runden hører til en anden politik end handlingen.")}
                )

    @property
    def status_variant(self):
        return STATUS_VARIANTS.get(self.status, "neutral")
