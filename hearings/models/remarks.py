"""Remarks, their themes, read marks, internal notes, and acknowledgements."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from core.models import TrackedModel
from core.redact import shown_free_text
from core.visibility import VisibilityQuerySet
from hearings.models.parties import Theme
from hearings.models.responses import Response


class RemarkQuerySet(VisibilityQuerySet):
    def rule(self, reader):
        """A remark is a passage of its response and is read with it."""
        return self.filter(response__in=Response.objects.visible_to(reader))

    def unhandled(self):
        return self.filter(outcome="")


class Remark(TrackedModel):
    """One passage of a response, linked to the part of the draft it concerns."""

    class Stance(models.TextChoices):
        SUPPORTS = "supports", _("støtter")
        OPPOSES = "opposes", _("imod")
        MIXED = "mixed", _("blandet")
        UNCLEAR = "unclear", _("uklar")

    class Outcome(models.TextChoices):
        CHANGES_TEXT = "changes_text", _("ændrer teksten")
        TO_ACTION_PLANS = "to_action_plans", _("indgår i handleplanerne")
        NOTED = "noted", _("taget til efterretning")
        NOT_TAKEN_UP = "not_taken_up", _("ikke imødekommet")
        OUT_OF_SCOPE = "out_of_scope", _("uden for høringens emne")

    response = models.ForeignKey(
        Response, on_delete=models.CASCADE, related_name="remarks", verbose_name=_("svar")
    )
    position = models.PositiveIntegerField(_("rækkefølge"), default=0)
    excerpt = models.TextField(_("bemærkning"))
    # At most one target; none means the policy as a whole. SET_NULL keeps the remark when
    # the draft is edited after the hearing; ``target_label`` keeps what it was about.
    focus_area = models.ForeignKey(
        "policies.FocusArea",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="remarks",
        verbose_name=_("fokusområde"),
    )
    goal = models.ForeignKey(
        "policies.Goal",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="remarks",
        verbose_name=_("målsætning"),
    )
    commitment = models.ForeignKey(
        "policies.Commitment",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="remarks",
        verbose_name=_("indsats"),
    )
    target_label = models.CharField(_("vedrører"), max_length=600, blank=True, editable=False)
    themes = models.ManyToManyField(
        Theme, through="RemarkTheme", blank=True, related_name="remarks", verbose_name=_("temaer")
    )
    stance = models.CharField(
        _("holdning"), max_length=10, choices=Stance.choices, default=Stance.UNCLEAR
    )
    outcome = models.CharField(
        _("resultat"), max_length=20, choices=Outcome.choices, blank=True, default=""
    )
    answer = models.TextField(_("administrationens svar"), blank=True)
    reason = models.TextField(
        _("begrundelse"), blank=True, help_text=_("Påkrævet når bemærkningen ikke imødekommes.")
    )
    changed_version = models.ForeignKey(
        "policies.PolicyVersion",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="changes_from_remarks",
        verbose_name=_("ændret i version"),
    )
    changed_anchor = models.CharField(
        _("ændret del"),
        max_length=200,
        blank=True,
        help_text=_("Hvor i den vedtagne version ændringen står, fx 'maal-2'."),
    )
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("behandlet af"),
    )
    handled_at = models.DateTimeField(_("behandlet"), null=True, blank=True)

    objects = RemarkQuerySet.as_manager()

    class Meta:
        ordering = ["response", "position", "id"]
        verbose_name = _("bemærkning")
        verbose_name_plural = _("bemærkninger")
        constraints = [
            models.CheckConstraint(
                condition=Q(outcome="") | ~Q(answer=""),
                name="remark_handled_has_answer",
                violation_error_message=_("En behandlet bemærkning skal have et svar."),
            ),
            models.CheckConstraint(
                condition=~Q(outcome="not_taken_up") | ~Q(reason=""),
                name="remark_not_taken_up_has_reason",
                violation_error_message=_(
                    "Skriv begrundelsen, når en bemærkning ikke imødekommes."
                ),
            ),
            models.CheckConstraint(
                condition=(
                    Q(goal__isnull=True, commitment__isnull=True)
                    | Q(focus_area__isnull=True, commitment__isnull=True)
                    | Q(focus_area__isnull=True, goal__isnull=True)
                ),
                name="remark_one_target",
                violation_error_message=_("En bemærkning vedrører højst én del af udkastet."),
            ),
        ]
        indexes = [models.Index(fields=["outcome"], name="remark_outcome_idx")]

    def __str__(self):
        return self.excerpt[:80]

    @property
    def target(self):
        return self.commitment or self.goal or self.focus_area

    def shown_excerpt(self, who) -> str:
        """The passage as ``who`` may read it (see ``Response.shown_text``)."""
        return shown_free_text(self.excerpt, who, self.response.responder.municipality_id)

    @property
    def outcome_variant(self):
        return {
            self.Outcome.CHANGES_TEXT: "success",
            self.Outcome.TO_ACTION_PLANS: "info",
            self.Outcome.NOTED: "neutral",
            self.Outcome.NOT_TAKEN_UP: "warning",
            self.Outcome.OUT_OF_SCOPE: "neutral",
        }.get(self.outcome, "error")

    def clean(self):
        from django.core.exceptions import ValidationError

        errors = {}
        if self.outcome and not self.answer.strip():
            errors["answer"] = _("Skriv administrationens svar til bemærkningen.")
        if self.outcome == self.Outcome.NOT_TAKEN_UP and not self.reason.strip():
            errors["reason"] = _("Skriv begrundelsen, når en bemærkning ikke imødekommes.")
        if errors:
            raise ValidationError(errors)


class RemarkThemeQuerySet(VisibilityQuerySet):
    def rule(self, reader):
        return self.filter(remark__in=Remark.objects.visible_to(reader))


class RemarkTheme(models.Model):
    """A theme on a remark, and who put it there."""

    remark = models.ForeignKey(Remark, on_delete=models.CASCADE, related_name="theme_tags")
    theme = models.ForeignKey(Theme, on_delete=models.PROTECT, related_name="remark_tags")
    tagged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("tagget af"),
    )
    tagged_at = models.DateTimeField(_("tagget"), auto_now_add=True)

    objects = RemarkThemeQuerySet.as_manager()

    class Meta:
        verbose_name = _("tema på bemærkning")
        verbose_name_plural = _("temaer på bemærkninger")
        constraints = [
            models.UniqueConstraint(fields=["remark", "theme"], name="remarktheme_unique")
        ]

    def __str__(self):
        return f"{self.theme_id} på {self.remark_id}"


class RemarkReadQuerySet(VisibilityQuerySet):
    def rule(self, reader):
        """Each reader's own marks, and only inside municipalities where they are insiders."""
        return self.filter(
            reader.own_q("user_id"),
            reader.insider_q("remark__response__hearing__policy__municipality_id"),
        )


class RemarkRead(models.Model):
    """A council member (or secretary) has read a remark. Not history-tracked: a read mark is
    a personal bookmark, not a record of the case."""

    remark = models.ForeignKey(Remark, on_delete=models.CASCADE, related_name="reads")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    read_at = models.DateTimeField(_("læst"), auto_now_add=True)

    objects = RemarkReadQuerySet.as_manager()

    class Meta:
        verbose_name = _("læst bemærkning")
        verbose_name_plural = _("læste bemærkninger")
        constraints = [models.UniqueConstraint(fields=["remark", "user"], name="remarkread_unique")]

    def __str__(self):
        return f"{self.user_id} har læst {self.remark_id}"


class InternalNoteQuerySet(VisibilityQuerySet):
    def rule(self, reader):
        """Internal notes never leave the municipality's council members and secretariat,
        and only on remarks the reader may read."""
        return self.filter(
            reader.insider_q("remark__response__hearing__policy__municipality_id"),
            remark__in=Remark.objects.visible_to(reader),
        )


class InternalNote(TrackedModel):
    """A council member's or secretary's note on a remark. Never public."""

    remark = models.ForeignKey(
        Remark, on_delete=models.CASCADE, related_name="notes", verbose_name=_("bemærkning")
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("skrevet af"),
    )
    text = models.TextField(_("intern note"))

    objects = InternalNoteQuerySet.as_manager()

    class Meta:
        ordering = ["remark", "created_at"]
        verbose_name = _("intern note")
        verbose_name_plural = _("interne noter")

    def __str__(self):
        return self.text[:80]


class AcknowledgementQuerySet(VisibilityQuerySet):
    def rule(self, reader):
        """What the responder was sent is internal, on responses the reader may read."""
        return self.filter(
            reader.insider_q("response__hearing__policy__municipality_id"),
            response__in=Response.objects.visible_to(reader),
        )


class Acknowledgement(TrackedModel):
    """The responder was thanked and told what happens next (kvittering)."""

    class Channel(models.TextChoices):
        EMAIL = "email", _("e-mail")
        LETTER = "letter", _("brev")

    response = models.ForeignKey(
        Response,
        on_delete=models.CASCADE,
        related_name="acknowledgements",
        verbose_name=_("svar"),
    )
    sent_at = models.DateTimeField(_("sendt"))
    channel = models.CharField(_("sendt via"), max_length=10, choices=Channel.choices)
    text = models.TextField(_("tekst"))
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("sendt af"),
    )

    objects = AcknowledgementQuerySet.as_manager()

    class Meta:
        ordering = ["response", "sent_at"]
        verbose_name = _("kvittering")
        verbose_name_plural = _("kvitteringer")

    def __str__(self):
        return f"{self.response.reference} {self.sent_at:%d.%m.%Y}"
