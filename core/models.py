"""The shared kernel: the tenant (municipality), its departments, roles, and base models."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.visibility import PublicQuerySet


class TrackedModel(models.Model):
    """Base of every domain model: timestamps, full history, and an edit revision.

    ``revision`` is the optimistic lock: a form carries the revision it was built from,
    and a save from a stale form is refused as a conflict (see core.concurrency).
    """

    created_at = models.DateTimeField(_("oprettet"), auto_now_add=True)
    updated_at = models.DateTimeField(_("ændret"), auto_now=True)
    revision = models.PositiveIntegerField(_("revision"), default=0, editable=False)
    history = HistoricalRecords(inherit=True)

    class Meta:
        abstract = True


class Municipality(TrackedModel):
    """The tenant. One installation can host many municipalities."""

    name = models.CharField(_("navn"), max_length=100, unique=True)
    slug = models.SlugField(_("kortnavn i adresser"), unique=True)
    code = models.CharField(
        _("kommunekode"), max_length=3, blank=True, help_text=_("Danmarks Statistiks kode, fx 851.")
    )
    website = models.URLField(_("hjemmeside"), blank=True)
    address = models.CharField(_("adresse"), max_length=200, blank=True)
    cvr = models.CharField(_("CVR-nummer"), max_length=8, blank=True)

    objects = PublicQuerySet.as_manager()  # every municipality's public face is public

    class Meta:
        ordering = ["name"]
        verbose_name = _("kommune")
        verbose_name_plural = _("kommuner")

    def __str__(self):
        return f"{self.name} Kommune"


class Department(TrackedModel):
    """A forvaltning or afdeling that owns policies and actions (e.g. Job og Velfærd)."""

    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.CASCADE,
        related_name="departments",
        verbose_name=_("kommune"),
    )
    name = models.CharField(_("navn"), max_length=200)

    objects = PublicQuerySet.as_manager()  # who owns a policy or an action is public

    class Meta:
        ordering = ["name"]
        verbose_name = _("forvaltning")
        verbose_name_plural = _("forvaltninger")
        constraints = [
            models.UniqueConstraint(fields=["municipality", "name"], name="department_unique_name")
        ]

    def __str__(self):
        return self.name


class MunicipalityRole(TrackedModel):
    """A staff role in one municipality. Council members get their access from
    councils.Membership (through the Person linked to their user), not from here."""

    class Role(models.TextChoices):
        EDITOR = "editor", _("redaktør (sekretariat)")
        ADMIN = "admin", _("kommuneadministrator")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="municipality_roles",
        verbose_name=_("bruger"),
    )
    municipality = models.ForeignKey(
        Municipality, on_delete=models.CASCADE, related_name="roles", verbose_name=_("kommune")
    )
    role = models.CharField(_("rolle"), max_length=20, choices=Role.choices)

    class Meta:
        verbose_name = _("rolle")
        verbose_name_plural = _("roller")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "municipality", "role"], name="municipalityrole_unique"
            )
        ]

    def __str__(self):
        return f"{self.user} – {self.get_role_display()} – {self.municipality}"


from core.models_jobs import Job  # noqa: E402,F401  (re-exported so Django finds it)
