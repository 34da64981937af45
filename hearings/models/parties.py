"""The municipality's register of consulted parties, and the themes remarks are tagged with."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from core.models import Municipality, TrackedModel
from core.visibility import PublicQuerySet


class ConsultedParty(TrackedModel):
    """The municipality's reusable register of bodies it consults (høringsparter)."""

    class Kind(models.TextChoices):
        COUNCIL = "council", _("råd eller udvalg")
        ORGANISATION = "organisation", _("organisation")

    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.PROTECT,
        related_name="consulted_parties",
        verbose_name=_("kommune"),
    )
    name = models.CharField(_("navn"), max_length=200)
    kind = models.CharField(_("type"), max_length=20, choices=Kind.choices)
    council = models.ForeignKey(
        "councils.Council",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="consulted_as",
        verbose_name=_("råd eller udvalg"),
    )
    required_by_law = models.BooleanField(
        _("lovpligtig høringspart"),
        default=False,
        help_text=_(
            "Fx Seniorrådet (ældrerådsloven) og Handicaprådet (serviceloven § 37 a): "
            "en høring uden dem giver en advarsel."
        ),
    )
    legal_basis = models.CharField(_("hjemmel"), max_length=200, blank=True)
    contact_email = models.EmailField(
        _("e-mail til høringer"),
        blank=True,
        help_text=_("Bruges til påmindelser og kvitteringer. Vises ikke offentligt."),
    )
    is_active = models.BooleanField(_("aktiv"), default=True)

    objects = PublicQuerySet.as_manager()  # the register of parties is public

    class Meta:
        ordering = ["municipality", "name"]
        verbose_name = _("høringspart")
        verbose_name_plural = _("høringsparter")
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "name"], name="consultedparty_unique_name"
            ),
            models.CheckConstraint(
                condition=Q(kind="organisation") | Q(council__isnull=False),
                name="consultedparty_council_kind_has_council",
                violation_error_message=_("Et råd eller udvalg skal pege på rådet."),
            ),
        ]

    def __str__(self):
        return self.name


class Theme(TrackedModel):
    """A theme remarks are tagged with (e.g. 'Sprog', 'Foreningsliv')."""

    municipality = models.ForeignKey(
        Municipality, on_delete=models.PROTECT, related_name="themes", verbose_name=_("kommune")
    )
    name = models.CharField(_("navn"), max_length=100)

    objects = PublicQuerySet.as_manager()  # which themes exist is public

    class Meta:
        ordering = ["name"]
        verbose_name = _("tema")
        verbose_name_plural = _("temaer")
        constraints = [
            models.UniqueConstraint(fields=["municipality", "name"], name="theme_unique_name")
        ]

    def __str__(self):
        return self.name
