"""Councils, the people named in minutes, and who sits where."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.models import Municipality, TrackedModel
from core.visibility import PublicQuerySet


class Council(TrackedModel):
    class Kind(models.TextChoices):
        CITY_COUNCIL = "city_council", _("byråd")
        STANDING_COMMITTEE = "standing_committee", _("stående udvalg")
        ADVISORY_COUNCIL = "advisory_council", _("råd")
        FORUM = "forum", _("forum")

    municipality = models.ForeignKey(
        Municipality, on_delete=models.PROTECT, related_name="councils", verbose_name=_("kommune")
    )
    name = models.CharField(_("navn"), max_length=200)
    slug = models.SlugField(_("kortnavn i adresser"), max_length=200)
    short_name = models.CharField(
        _("forkortelse"), max_length=20, blank=True, help_text=_("Fx DFI i sagsgangen.")
    )
    kind = models.CharField(_("type"), max_length=30, choices=Kind.choices)
    description = models.TextField(_("beskrivelse"), blank=True)

    objects = PublicQuerySet.as_manager()  # which bodies exist is public

    class Meta:
        ordering = ["municipality", "name"]
        verbose_name = _("råd eller udvalg")
        verbose_name_plural = _("råd og udvalg")
        constraints = [
            models.UniqueConstraint(fields=["municipality", "slug"], name="council_unique_slug")
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("councils:council", args=[self.municipality.slug, self.slug])


class Person(TrackedModel):
    """A politician, member, official or guest named in minutes. May be linked to a login."""

    municipality = models.ForeignKey(
        Municipality, on_delete=models.PROTECT, related_name="people", verbose_name=_("kommune")
    )
    name = models.CharField(_("navn"), max_length=200)
    title = models.CharField(
        _("titel"),
        max_length=200,
        blank=True,
        help_text=_("Fx Økonomi- og IT-chef v. Job og Velfærd."),
    )
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="person",
        verbose_name=_("login"),
        help_text=_("Giver adgang til lukkede punkter i de råd, personen er medlem af."),
    )

    objects = PublicQuerySet.as_manager()  # names of members and guests are in public minutes

    class Meta:
        ordering = ["name"]
        verbose_name = _("person")
        verbose_name_plural = _("personer")

    def __str__(self):
        return self.name


class MembershipQuerySet(PublicQuerySet):
    """Who sits where is public."""

    def held_by(self, user):
        """(council id, municipality id) of the user's current seats, for core.access."""
        return (
            self.current()
            .filter(person__user=user)
            .values_list("council_id", "council__municipality_id")
        )

    def current(self, on=None):
        on = on or timezone.localdate()
        return self.filter(Q(start_date__isnull=True) | Q(start_date__lte=on)).filter(
            Q(end_date__isnull=True) | Q(end_date__gte=on)
        )


class Membership(TrackedModel):
    class Role(models.TextChoices):
        CHAIR = "chair", _("formand")
        VICE_CHAIR = "vice_chair", _("næstformand")
        MEMBER = "member", _("medlem")
        SECRETARY = "secretary", _("sekretær")
        OBSERVER = "observer", _("observatør")

    council = models.ForeignKey(
        Council, on_delete=models.CASCADE, related_name="memberships", verbose_name=_("råd")
    )
    person = models.ForeignKey(
        Person, on_delete=models.CASCADE, related_name="memberships", verbose_name=_("person")
    )
    role = models.CharField(_("rolle"), max_length=20, choices=Role.choices, default=Role.MEMBER)
    represents = models.CharField(
        _("repræsenterer"),
        max_length=200,
        blank=True,
        help_text=_("Fx en forvaltning eller forening."),
    )
    start_date = models.DateField(_("fra"), null=True, blank=True)
    end_date = models.DateField(_("til"), null=True, blank=True, help_text=_("Tom: stadig medlem."))

    objects = MembershipQuerySet.as_manager()

    class Meta:
        ordering = ["council", "role", "person__name"]
        verbose_name = _("medlemskab")
        verbose_name_plural = _("medlemskaber")
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__isnull=True)
                | Q(start_date__isnull=True)
                | Q(end_date__gte=models.F("start_date")),
                name="membership_dates_ordered",
            )
        ]

    def __str__(self):
        return f"{self.person} ({self.get_role_display()}, {self.council})"
