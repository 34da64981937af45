"""Named, frozen versions of a policy's whole text (e.g. "Høringsudkast 15.02.2023")."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.visibility import VisibilityQuerySet
from policies.models.policy import Policy


class PolicyVersionQuerySet(VisibilityQuerySet):
    def rule(self, reader):
        """A frozen version is read with its policy (a draft's versions stay inside)."""
        return self.filter(policy__in=Policy.objects.visible_to(reader))


class PolicyVersion(models.Model):
    """A named, frozen snapshot of the whole tree. Never changes once made."""

    policy = models.ForeignKey(
        Policy, on_delete=models.CASCADE, related_name="versions", verbose_name=_("politik")
    )
    number = models.PositiveIntegerField(_("nummer"))
    label = models.CharField(
        _("navn"), max_length=200, help_text=_("Fx 'Høringsudkast 15.02.2023'.")
    )
    snapshot = models.JSONField(_("indhold"))
    created_at = models.DateTimeField(_("frosset"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        verbose_name=_("frosset af"),
    )

    objects = PolicyVersionQuerySet.as_manager()

    class Meta:
        ordering = ["policy", "number"]
        verbose_name = _("navngiven version")
        verbose_name_plural = _("navngivne versioner")
        constraints = [
            models.UniqueConstraint(fields=["policy", "number"], name="policyversion_unique_number")
        ]

    def __str__(self):
        return f"{self.policy} – {self.label}"

    def save(self, *args, **kwargs):
        # Frozen means frozen; the database refuses it too (migration 0003's trigger).
        if not self._state.adding:
            raise ValueError("En frossen version kan ikke ændres.")
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse(
            "policies:version",
            args=[self.policy.municipality.slug, self.policy.slug, self.number],
        )
