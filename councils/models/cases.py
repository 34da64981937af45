"""Cases (sager) and their route (sagsgang) through the agenda items that carry them."""

from django.db import models
from django.db.models import Exists, OuterRef
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.models import Municipality, TrackedModel
from core.visibility import VisibilityQuerySet
from councils.models.items import AgendaItem


class CaseQuerySet(VisibilityQuerySet):
    def rule(self, reader):
        # A case is public when the reader may read at least one of its items; the route
        # shows only those items. A closed item the reader may not read never reveals its
        # case (number and title are part of the confidential text).
        return self.filter(
            Exists(
                AgendaItem.objects.visible_to(reader).filter(case_id=OuterRef("pk"), can_read=True)
            )
        )


class Case(TrackedModel):
    """A case (sag) with its number; its route (sagsgang) is the items that carry it."""

    municipality = models.ForeignKey(
        Municipality, on_delete=models.PROTECT, related_name="cases", verbose_name=_("kommune")
    )
    number = models.CharField(_("sagsnummer"), max_length=50, help_text=_("Fx 22/740."))
    title = models.CharField(_("titel"), max_length=300)

    objects = CaseQuerySet.as_manager()

    class Meta:
        ordering = ["municipality", "number"]
        verbose_name = _("sag")
        verbose_name_plural = _("sager")
        constraints = [
            models.UniqueConstraint(fields=["municipality", "number"], name="case_unique_number")
        ]

    def __str__(self):
        return f"{self.number} {self.title}"

    def get_absolute_url(self):
        return reverse("councils:case", args=[self.municipality.slug, self.number_in_url])

    @property
    def number_in_url(self):
        """22/740 is 22-740 in addresses (a slash would split the path)."""
        return self.number.replace("/", "-")
