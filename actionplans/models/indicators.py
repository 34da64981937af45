"""Indicators (evaluation parameters) on goals and their measurements."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from actionplans.models.plans import visible_policies
from core.models import TrackedModel
from core.visibility import VisibilityQuerySet


class IndicatorQuerySet(VisibilityQuerySet):
    def rule(self, reader):
        """An indicator is read with its goal's policy."""
        return self.filter(goal__policy__in=visible_policies(reader))


class Indicator(TrackedModel):
    """An evaluation parameter (evalueringsparameter) on a goal."""

    goal = models.ForeignKey(
        "policies.Goal",
        on_delete=models.CASCADE,
        related_name="indicators",
        verbose_name=_("målsætning"),
    )
    name = models.CharField(_("navn"), max_length=300)
    unit = models.CharField(
        _("enhed"), max_length=50, blank=True, help_text=_("Fx procent eller antal.")
    )
    baseline_value = models.DecimalField(_("udgangspunkt"), max_digits=14, decimal_places=4)
    baseline_date = models.DateField(_("udgangspunkt målt"))
    target_value = models.DecimalField(_("mål"), max_digits=14, decimal_places=4)
    target_date = models.DateField(_("mål nås senest"))
    higher_is_better = models.BooleanField(
        _("højere er bedre"),
        default=True,
        help_text=_("Fjern markeringen, hvis målet er at få tallet ned (fx ledighed)."),
    )
    data_source = models.CharField(
        _("datakilde"), max_length=300, blank=True, help_text=_("Fx Danmarks Statistik, RAS.")
    )
    position = models.PositiveIntegerField(_("rækkefølge"), default=0)

    objects = IndicatorQuerySet.as_manager()

    class Meta:
        ordering = ["goal", "position", "id"]
        verbose_name = _("indikator")
        verbose_name_plural = _("indikatorer")
        constraints = [
            models.UniqueConstraint(fields=["goal", "name"], name="indicator_unique_name"),
            models.CheckConstraint(
                condition=~Q(target_value=models.F("baseline_value")),
                name="indicator_target_differs",
                violation_error_message=_("Målet skal være forskelligt fra udgangspunktet."),
            ),
        ]

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        if self.baseline_value is None or self.target_value is None:
            return
        if self.higher_is_better and self.target_value < self.baseline_value:
            raise ValidationError(
                {
                    "target_value": _(
                        "Målet ligger under udgangspunktet, men højere er markeret som bedre."
                    )
                }
            )
        if not self.higher_is_better and self.target_value > self.baseline_value:
            raise ValidationError(
                {
                    "target_value": _(
                        "Målet ligger over udgangspunktet, men lavere er markeret som bedre."
                    )
                }
            )


class MeasurementQuerySet(VisibilityQuerySet):
    def rule(self, reader):
        return self.filter(indicator__in=Indicator.objects.visible_to(reader))


class Measurement(TrackedModel):
    indicator = models.ForeignKey(
        Indicator,
        on_delete=models.CASCADE,
        related_name="measurements",
        verbose_name=_("indikator"),
    )
    period = models.DateField(
        _("periode"), help_text=_("Den dag, målingen gælder for, fx periodens sidste dag.")
    )
    period_label = models.CharField(
        _("periode som tekst"), max_length=50, blank=True, help_text=_("Fx 2023 2. halvår.")
    )
    value = models.DecimalField(_("værdi"), max_digits=14, decimal_places=4)
    source = models.CharField(_("kilde"), max_length=300, blank=True)
    note = models.TextField(_("bemærkning"), blank=True)

    objects = MeasurementQuerySet.as_manager()

    class Meta:
        ordering = ["indicator", "period"]
        verbose_name = _("måling")
        verbose_name_plural = _("målinger")
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "period"],
                name="measurement_unique_period",
                violation_error_message=_("Der er allerede en måling for denne periode."),
            )
        ]

    def __str__(self):
        return f"{self.indicator}: {self.value} ({self.shown_period})"

    @property
    def shown_period(self):
        from actionplans.charts import short_date

        return self.period_label or short_date(self.period)
