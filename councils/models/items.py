"""Agenda items and what hangs on them: guests, attachments, follow-ups, corrections."""

from django.conf import settings
from django.db import models
from django.db.models import Q, Value
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.access import Reader
from core.fields import RichTextField
from core.models import TrackedModel
from core.visibility import VisibilityQuerySet
from councils.models.bodies import Person
from councils.models.meetings import Meeting


def item_insider_q(reader, prefix=""):
    """The item's council and its municipality's secretariat (``prefix`` leads to the item)."""
    return reader.council_q(
        council_path=f"{prefix}meeting__council_id",
        municipality_path=f"{prefix}meeting__council__municipality_id",
    )


class AgendaItemQuerySet(VisibilityQuerySet):
    def rule(self, reader):
        """Items of published agendas, plus everything for the council and secretariat.

        Each row is annotated with what the reader may see of it:
        ``can_read`` – the confidential parts (texts, case, outcome, attachments, guests,
        history) of a closed item; ``decision_public`` – the decision (minutes published or
        insider). Templates, feeds, exports and PDFs show an item only through
        ``shown_title``, ``shown_outcome`` and ``shown_decision``, which read these flags.
        """
        insider = item_insider_q(reader)
        return self.filter(Q(meeting__status__in=Meeting.AGENDA_PUBLIC) | insider).annotate(
            can_read=models.Case(
                models.When(insider, then=Value(True)),
                models.When(is_closed=False, then=Value(True)),
                default=Value(False),
                output_field=models.BooleanField(),
            ),
            decision_public=models.Case(
                models.When(insider, then=Value(True)),
                models.When(meeting__status__in=Meeting.MINUTES_PUBLIC, then=Value(True)),
                default=Value(False),
                output_field=models.BooleanField(),
            ),
        )

    def editable_by(self, who):
        return self.filter(Reader.of(who).editor_q("meeting__council__municipality_id"))


class AgendaItem(TrackedModel):
    class Outcome(models.TextChoices):
        APPROVED = "approved", _("Godkendt")
        APPROVED_WITH_REMARKS = "approved_with_remarks", _("Godkendt med bemærkninger")
        DISCUSSED = "discussed", _("Drøftedes")
        FOR_INFORMATION = "for_information", _("Til orientering")
        NOTED = "noted", _("Taget til efterretning")
        POSTPONED = "postponed", _("Udsat")
        REJECTED = "rejected", _("Ikke godkendt")
        NOTHING = "nothing", _("Intet")

    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, related_name="items", verbose_name=_("møde")
    )
    number = models.PositiveIntegerField(_("punktnummer"))
    position = models.PositiveIntegerField(_("rækkefølge"), default=0)
    title = models.CharField(
        _("titel"), max_length=300, help_text=_("For lukkede punkter vises titlen kun internt.")
    )
    is_closed = models.BooleanField(
        _("lukket punkt"),
        default=False,
        help_text=_("Kommunestyrelseslovens § 10: kun enkelte punkter kan lukkes."),
    )
    public_title = models.CharField(
        _("offentlig titel"),
        max_length=300,
        blank=True,
        help_text=_("Vises for lukkede punkter i stedet for titlen, fx 'Personalesag'."),
    )
    public_decision = models.TextField(
        _("offentlig beslutning"),
        blank=True,
        help_text=_("Det, der kan offentliggøres af beslutningen på et lukket punkt."),
    )
    case = models.ForeignKey(
        "councils.Case",  # cases read their route from the items (councils.models.cases)
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="items",
        verbose_name=_("sag"),
    )
    case_presentation = RichTextField(_("sagsfremstilling"), blank=True)
    recommendation = RichTextField(_("indstilling"), blank=True)
    decision = RichTextField(_("beslutning"), blank=True)
    outcome = models.CharField(
        _("beslutningsresultat"), max_length=30, choices=Outcome.choices, blank=True
    )

    objects = AgendaItemQuerySet.as_manager()

    class Meta:
        ordering = ["meeting", "position", "number"]
        verbose_name = _("dagsordenspunkt")
        verbose_name_plural = _("dagsordenspunkter")
        constraints = [
            models.UniqueConstraint(fields=["meeting", "number"], name="agendaitem_unique_number"),
            models.CheckConstraint(
                condition=Q(is_closed=False) | ~Q(public_title=""),
                name="agendaitem_closed_has_public_title",
                violation_error_message=_("Et lukket punkt skal have en offentlig titel."),
            ),
        ]

    def __str__(self):
        return f"{self.number}. {self.public_title if self.is_closed else self.title}"

    def get_absolute_url(self):
        return reverse(
            "councils:item",
            args=[self.meeting.council.municipality.slug, self.meeting_id, self.number],
        )

    def shown_title(self):
        """The title for this reader: the public title of a closed item unless they may read it.

        Only meaningful on rows fetched through ``visible_to`` (which sets ``can_read``).
        """
        return self.title if getattr(self, "can_read", False) else self.listed_title

    @property
    def listed_title(self):
        return self.public_title if self.is_closed else self.title

    def shown_outcome(self):
        """The outcome as this reader may see it: a closed item's outcome ("Ikke godkendt")
        is part of its confidential text, its public decision is what the public learns."""
        if getattr(self, "decision_public", False) and getattr(self, "can_read", False):
            return self.get_outcome_display() if self.outcome else ""
        return ""

    def shown_decision(self):
        """(decision HTML, public decision text) as this reader may see them; at most one set."""
        if not getattr(self, "decision_public", False):
            return "", ""
        if getattr(self, "can_read", False):
            return self.decision, ""
        return "", self.public_decision


def readable_item_q(reader, prefix="item__"):
    """Rows hanging off an item whose confidential parts the reader may read: open items of
    published agendas, or anything for the council and secretariat."""
    return Q(
        **{f"{prefix}meeting__status__in": Meeting.AGENDA_PUBLIC, f"{prefix}is_closed": False}
    ) | item_insider_q(reader, prefix)


class ItemGuestQuerySet(VisibilityQuerySet):
    def rule(self, reader):
        """Who took part in an item is part of the item's text (hidden for closed items)."""
        return self.filter(readable_item_q(reader))


class ItemGuest(TrackedModel):
    """Someone taking part in one item (deltager under punktet)."""

    item = models.ForeignKey(
        AgendaItem, on_delete=models.CASCADE, related_name="guests", verbose_name=_("punkt")
    )
    person = models.ForeignKey(
        Person, on_delete=models.PROTECT, related_name="guest_at", verbose_name=_("person")
    )
    capacity = models.CharField(_("i egenskab af"), max_length=200, blank=True)

    objects = ItemGuestQuerySet.as_manager()

    class Meta:
        ordering = ["item", "id"]
        verbose_name = _("deltager under punktet")
        verbose_name_plural = _("deltagere under punktet")

    def __str__(self):
        return str(self.person)


def attachment_upload_to(instance, filename):
    return f"attachments/{instance.item.meeting_id}/{instance.item_id}/{filename}"


class AttachmentQuerySet(VisibilityQuerySet):
    def rule(self, reader):
        """Attachments of readable items; closed attachments and those of closed items only
        for the council and the secretariat."""
        public = Q(
            item__meeting__status__in=Meeting.AGENDA_PUBLIC,
            item__is_closed=False,
            is_closed=False,
        )
        return self.filter(public | item_insider_q(reader, "item__"))


class Attachment(TrackedModel):
    item = models.ForeignKey(
        AgendaItem, on_delete=models.CASCADE, related_name="attachments", verbose_name=_("punkt")
    )
    number = models.PositiveIntegerField(_("bilagsnummer"))
    title = models.CharField(_("titel"), max_length=300)
    journal_number = models.CharField(
        _("journalnummer"), max_length=50, blank=True, help_text=_("Fx 32358/23.")
    )
    document_number = models.CharField(_("dokumentnummer"), max_length=50, blank=True)
    is_closed = models.BooleanField(_("lukket bilag"), default=False)
    file = models.FileField(_("fil"), upload_to=attachment_upload_to, blank=True, max_length=300)
    content_type = models.CharField(_("filtype"), max_length=100, blank=True)
    size = models.PositiveBigIntegerField(_("størrelse i bytes"), default=0)

    objects = AttachmentQuerySet.as_manager()

    class Meta:
        ordering = ["item", "number"]
        verbose_name = _("bilag")
        verbose_name_plural = _("bilag")
        constraints = [
            models.UniqueConstraint(fields=["item", "number"], name="attachment_unique_number")
        ]

    def __str__(self):
        return f"{self.number} {self.title}"

    def get_download_url(self):
        return reverse("councils:attachment", args=[self.pk])


class FollowUpQuerySet(VisibilityQuerySet):
    def rule(self, reader):
        """Follow-ups are part of the decision: public with the minutes, never for closed items
        outside the council and secretariat."""
        return self.filter(
            Q(item__meeting__status__in=Meeting.MINUTES_PUBLIC, item__is_closed=False)
            | item_insider_q(reader, "item__")
        )


class FollowUp(TrackedModel):
    """A working group or task decided at an item, with members, a task and a deadline."""

    class Kind(models.TextChoices):
        WORKING_GROUP = "working_group", _("arbejdsgruppe")
        TASK = "task", _("opgave")

    class Status(models.TextChoices):
        OPEN = "open", _("ikke påbegyndt")
        IN_PROGRESS = "in_progress", _("i gang")
        DONE = "done", _("udført")
        CANCELLED = "cancelled", _("opgivet")

    item = models.ForeignKey(
        AgendaItem, on_delete=models.CASCADE, related_name="follow_ups", verbose_name=_("punkt")
    )
    kind = models.CharField(_("type"), max_length=20, choices=Kind.choices)
    title = models.CharField(_("titel"), max_length=300)
    task = models.TextField(
        _("opgave"), help_text=_("Hvad gruppen eller den ansvarlige skal gøre.")
    )
    due_date = models.DateField(_("frist"), null=True, blank=True)
    due_label = models.CharField(
        _("frist som i referatet"), max_length=100, blank=True, help_text=_("Fx 'primo maj 2023'.")
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.OPEN
    )
    members = models.ManyToManyField(
        Person, related_name="follow_ups", blank=True, verbose_name=_("medlemmer")
    )
    support = models.ManyToManyField(
        Person,
        related_name="supported_follow_ups",
        blank=True,
        verbose_name=_("sekretariatsbistand"),
    )

    objects = FollowUpQuerySet.as_manager()

    class Meta:
        ordering = ["due_date", "id"]
        verbose_name = _("opfølgning")
        verbose_name_plural = _("opfølgninger")

    def __str__(self):
        return self.title


class MinutesCorrectionQuerySet(VisibilityQuerySet):
    def rule(self, reader):
        """Corrections of published minutes are public with them, except on closed items."""
        return self.filter(
            Q(item__meeting__status__in=Meeting.MINUTES_PUBLIC, item__is_closed=False)
            | item_insider_q(reader, "item__")
        )


class MinutesCorrection(TrackedModel):
    """Published minutes change only through a recorded correction (who, when, why, what)."""

    item = models.ForeignKey(
        AgendaItem, on_delete=models.CASCADE, related_name="corrections", verbose_name=_("punkt")
    )
    made_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, verbose_name=_("rettet af")
    )
    reason = models.TextField(_("begrundelse"))
    field = models.CharField(_("felt"), max_length=50)
    old_value = models.TextField(_("før"), blank=True)
    new_value = models.TextField(_("efter"), blank=True)

    objects = MinutesCorrectionQuerySet.as_manager()

    class Meta:
        ordering = ["item", "created_at"]
        verbose_name = _("rettelse af referat")
        verbose_name_plural = _("rettelser af referat")

    def __str__(self):
        return f"{self.item}: {self.field}"
