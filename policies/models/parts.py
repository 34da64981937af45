"""The tree of a policy: prose sections, principles, focus areas, goals and commitments, each
ordered among its siblings and read with its policy."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from core.fields import RichTextField
from core.models import TrackedModel
from core.visibility import VisibilityQuerySet
from policies.models.policy import Policy


class PolicyPartQuerySet(VisibilityQuerySet):
    def rule(self, reader):
        """A part of the tree is read with its policy."""
        return self.filter(policy__in=Policy.objects.visible_to(reader))


class PolicyPart(TrackedModel):
    """Ordered parts of a policy's tree."""

    position = models.PositiveIntegerField(_("rækkefølge"), default=0)

    objects = PolicyPartQuerySet.as_manager()

    class Meta:
        abstract = True
        ordering = ["position", "id"]


class Section(PolicyPart):
    """A prose section such as 'Udfordringen på integrationsområdet'."""

    policy = models.ForeignKey(
        Policy, on_delete=models.CASCADE, related_name="sections", verbose_name=_("politik")
    )

    class ListKind(models.TextChoices):
        NONE = "", _("ingen liste")
        GOALS = "goals", _("de overordnede målsætninger")
        PRINCIPLES = "principles", _("grundprincipperne")

    heading = models.CharField(_("overskrift"), max_length=300)
    body = RichTextField(_("tekst"), blank=True)
    list_kind = models.CharField(
        _("liste i afsnittet"),
        max_length=20,
        choices=ListKind.choices,
        blank=True,
        help_text=_(
            "Vis politikkens overordnede målsætninger eller grundprincipper i dette afsnit, "
            "efter teksten."
        ),
    )
    closing = RichTextField(
        _("tekst efter listen"), blank=True, help_text=_("Vises efter listen, hvis der er en.")
    )

    class Meta(PolicyPart.Meta):
        verbose_name = _("afsnit")
        verbose_name_plural = _("afsnit")

    def __str__(self):
        return self.heading


class Principle(PolicyPart):
    policy = models.ForeignKey(
        Policy, on_delete=models.CASCADE, related_name="principles", verbose_name=_("politik")
    )
    text = models.TextField(_("princip"))

    class Meta(PolicyPart.Meta):
        verbose_name = _("grundprincip")
        verbose_name_plural = _("grundprincipper")

    def __str__(self):
        return self.text[:80]


class FocusArea(PolicyPart):
    policy = models.ForeignKey(
        Policy, on_delete=models.CASCADE, related_name="focus_areas", verbose_name=_("politik")
    )
    title = models.CharField(_("titel"), max_length=300)
    description = RichTextField(_("beskrivelse"), blank=True)
    closing = RichTextField(
        _("tekst efter målsætningerne"),
        blank=True,
        help_text=_("Vises efter fokusområdets målsætninger."),
    )

    class Meta(PolicyPart.Meta):
        verbose_name = _("fokusområde")
        verbose_name_plural = _("fokusområder")

    def __str__(self):
        return self.title


class Goal(PolicyPart):
    """A goal (målsætning), under a focus area or directly under the policy."""

    policy = models.ForeignKey(
        Policy, on_delete=models.CASCADE, related_name="goals", verbose_name=_("politik")
    )
    focus_area = models.ForeignKey(
        FocusArea,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="goals",
        verbose_name=_("fokusområde"),
    )
    number = models.CharField(_("nummer"), max_length=10, blank=True, help_text=_("Fx 1 eller a)."))
    title = models.CharField(_("målsætning"), max_length=500)
    description = RichTextField(_("beskrivelse"), blank=True)

    class Meta(PolicyPart.Meta):
        verbose_name = _("målsætning")
        verbose_name_plural = _("målsætninger")

    def __str__(self):
        return f"{self.number}. {self.title}" if self.number else self.title


class CommitmentQuerySet(VisibilityQuerySet):
    def rule(self, reader):
        return self.filter(goal__policy__in=Policy.objects.visible_to(reader))


class Commitment(PolicyPart):
    """A bullet point under a goal."""

    goal = models.ForeignKey(
        Goal, on_delete=models.CASCADE, related_name="commitments", verbose_name=_("målsætning")
    )
    text = models.TextField(_("tekst"))

    objects = CommitmentQuerySet.as_manager()

    class Meta(PolicyPart.Meta):
        verbose_name = _("indsats")
        verbose_name_plural = _("indsatser")

    def __str__(self):
        return self.text[:80]
