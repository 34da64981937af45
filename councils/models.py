"""Councils, their members, meetings, agenda items and cases.

Kommunestyrelsesloven § 10: meetings are public, but single items may be closed (Lukket).
A closed item's public title and public decision are shown to everyone; its texts,
attachments, guests and history only to its council and the secretariat.
"""

from django.conf import settings
from django.db import models
from django.db.models import Exists, OuterRef, Q, Value
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.fields import RichTextField
from core.models import Municipality, TrackedModel
from core.roles import editor_municipality_ids
from core.visibility import VisibilityQuerySet
from councils.roles import council_ids_for_member, insider_q


class CouncilQuerySet(VisibilityQuerySet):
    def visible_to(self, user):
        return self.all()  # which bodies exist and who sits on them is public


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

    objects = CouncilQuerySet.as_manager()

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


class PersonQuerySet(VisibilityQuerySet):
    def visible_to(self, user):
        return self.all()  # names of members and guests appear in public minutes


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

    objects = PersonQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("person")
        verbose_name_plural = _("personer")

    def __str__(self):
        return self.name


class MembershipQuerySet(VisibilityQuerySet):
    def visible_to(self, user):
        return self.all()

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


class MeetingQuerySet(VisibilityQuerySet):
    def visible_to(self, user):
        # That a meeting takes place, when and where, is always public (the calendar).
        return self.all()

    def upcoming(self):
        return self.filter(starts_at__gte=timezone.now()).exclude(status=Meeting.Status.CANCELLED)

    def past(self):
        return self.filter(starts_at__lt=timezone.now())

    def with_published_minutes(self):
        return self.filter(status=Meeting.Status.MINUTES_PUBLISHED)


class Meeting(TrackedModel):
    class Status(models.TextChoices):
        PLANNED = "planned", _("planlagt")
        AGENDA_PUBLISHED = "agenda_published", _("dagsorden offentliggjort")
        HELD = "held", _("afholdt")
        MINUTES_DRAFT = "minutes_draft", _("referat under udarbejdelse")
        MINUTES_APPROVED = "minutes_approved", _("referat godkendt")
        MINUTES_PUBLISHED = "minutes_published", _("referat offentliggjort")
        CANCELLED = "cancelled", _("aflyst")

    # The agenda is public from AGENDA_PUBLISHED on; decisions only once the minutes are.
    AGENDA_PUBLIC = (
        Status.AGENDA_PUBLISHED,
        Status.HELD,
        Status.MINUTES_DRAFT,
        Status.MINUTES_APPROVED,
        Status.MINUTES_PUBLISHED,
    )
    MINUTES_PUBLIC = (Status.MINUTES_PUBLISHED,)

    council = models.ForeignKey(
        Council, on_delete=models.PROTECT, related_name="meetings", verbose_name=_("råd")
    )
    starts_at = models.DateTimeField(_("starter"))
    ends_at = models.DateTimeField(_("slutter"), null=True, blank=True)
    location = models.CharField(_("sted"), max_length=200, blank=True)
    status = models.CharField(
        _("status"), max_length=30, choices=Status.choices, default=Status.PLANNED
    )
    agenda_published_at = models.DateTimeField(_("dagsorden offentliggjort"), null=True, blank=True)
    minutes_published_at = models.DateTimeField(_("referat offentliggjort"), null=True, blank=True)

    objects = MeetingQuerySet.as_manager()

    class Meta:
        ordering = ["-starts_at"]
        verbose_name = _("møde")
        verbose_name_plural = _("møder")
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__isnull=True) | Q(ends_at__gte=models.F("starts_at")),
                name="meeting_ends_after_start",
            )
        ]

    def __str__(self):
        return f"{self.council} {timezone.localtime(self.starts_at):%d.%m.%Y}"

    def get_absolute_url(self):
        return reverse("councils:meeting", args=[self.council.municipality.slug, self.pk])

    @property
    def agenda_is_public(self):
        return self.status in self.AGENDA_PUBLIC

    @property
    def minutes_are_public(self):
        return self.status in self.MINUTES_PUBLIC

    @property
    def is_cancelled(self):
        return self.status == self.Status.CANCELLED

    @property
    def status_variant(self):
        """DKFDS badge variant for the status (the status is always written out too)."""
        return {
            self.Status.PLANNED: "neutral",
            self.Status.AGENDA_PUBLISHED: "info",
            self.Status.HELD: "info",
            self.Status.MINUTES_DRAFT: "warning",
            self.Status.MINUTES_APPROVED: "warning",
            self.Status.MINUTES_PUBLISHED: "success",
            self.Status.CANCELLED: "error",
        }.get(self.status, "neutral")

    def next_meeting(self):
        """The council's next meeting after this one (derived, never stored)."""
        return (
            Meeting.objects.filter(council_id=self.council_id, starts_at__gt=self.starts_at)
            .exclude(status=self.Status.CANCELLED)
            .order_by("starts_at")
            .first()
        )


class AttendanceQuerySet(VisibilityQuerySet):
    def visible_to(self, user):
        """Who came is part of the minutes: public once they are published, earlier only for
        the council and the secretariat."""
        insider = insider_q(
            user,
            municipality_path="meeting__council__municipality_id",
            council_path="meeting__council_id",
        )
        return self.filter(Q(meeting__status__in=Meeting.MINUTES_PUBLIC) | insider)


class Attendance(TrackedModel):
    class Status(models.TextChoices):
        PRESENT = "present", _("til stede")
        ABSENT = "absent", _("fraværende")
        PARTIAL = "partial", _("fraværende under nogle punkter")

    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, related_name="attendance", verbose_name=_("møde")
    )
    person = models.ForeignKey(
        Person, on_delete=models.PROTECT, related_name="attendance", verbose_name=_("person")
    )
    status = models.CharField(_("fremmøde"), max_length=20, choices=Status.choices)
    note = models.CharField(
        _("bemærkning"), max_length=200, blank=True, help_text=_("Fx 'fraværende under punkt 3-4'.")
    )

    objects = AttendanceQuerySet.as_manager()

    class Meta:
        ordering = ["status", "person__name"]
        verbose_name = _("fremmøde")
        verbose_name_plural = _("fremmøde")
        constraints = [
            models.UniqueConstraint(fields=["meeting", "person"], name="attendance_unique_person")
        ]

    def __str__(self):
        return f"{self.person}: {self.get_status_display()}"


class CaseQuerySet(VisibilityQuerySet):
    def visible_to(self, user):
        # A case is public when the reader may read at least one of its items; the route
        # shows only those items. A closed item the reader may not read never reveals its
        # case (number and title are part of the confidential text).
        return self.filter(
            Exists(
                AgendaItem.objects.visible_to(user).filter(case_id=OuterRef("pk"), can_read=True)
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


class AgendaItemQuerySet(VisibilityQuerySet):
    def visible_to(self, user):
        """Items of published agendas, plus everything for the council and secretariat.

        Each row is annotated with what the reader may see of it:
        ``can_read`` – the confidential parts (texts, attachments, guests, history) of a
        closed item; ``decision_public`` – the decision (minutes published or insider).
        Templates, feeds, exports and PDFs decide from these two flags only.
        """
        insider = insider_q(
            user,
            municipality_path="meeting__council__municipality_id",
            council_path="meeting__council_id",
        )
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

    def editable_by(self, user):
        return self.filter(meeting__council__municipality_id__in=editor_municipality_ids(user))


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
        Case,
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


def _readable_item_q(user, prefix="item__"):
    """Rows hanging off an item that the reader may read: open items of published agendas,
    or anything for the council and secretariat."""
    insider = insider_q(
        user,
        municipality_path=f"{prefix}meeting__council__municipality_id",
        council_path=f"{prefix}meeting__council_id",
    )
    return (
        Q(**{f"{prefix}meeting__status__in": Meeting.AGENDA_PUBLIC, f"{prefix}is_closed": False})
        | insider
    )


class ItemGuestQuerySet(VisibilityQuerySet):
    def visible_to(self, user):
        return self.filter(_readable_item_q(user))


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
    def visible_to(self, user):
        """Attachments of visible items; closed attachments and those of closed items only
        for the council and the secretariat."""
        insider = insider_q(
            user,
            municipality_path="item__meeting__council__municipality_id",
            council_path="item__meeting__council_id",
        )
        public = Q(
            item__meeting__status__in=Meeting.AGENDA_PUBLIC,
            item__is_closed=False,
            is_closed=False,
        )
        return self.filter(public | insider)


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
    def visible_to(self, user):
        """Follow-ups are part of the decision: public with the minutes, never for closed items
        outside the council and secretariat."""
        insider = insider_q(
            user,
            municipality_path="item__meeting__council__municipality_id",
            council_path="item__meeting__council_id",
        )
        return self.filter(
            Q(item__meeting__status__in=Meeting.MINUTES_PUBLIC, item__is_closed=False) | insider
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
    def visible_to(self, user):
        """Corrections of published minutes are public with them, except on closed items."""
        insider = insider_q(
            user,
            municipality_path="item__meeting__council__municipality_id",
            council_path="item__meeting__council_id",
        )
        return self.filter(
            Q(item__meeting__status__in=Meeting.MINUTES_PUBLIC, item__is_closed=False) | insider
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


__all__ = [
    "AgendaItem",
    "Attachment",
    "Attendance",
    "Case",
    "Council",
    "FollowUp",
    "ItemGuest",
    "Meeting",
    "Membership",
    "MinutesCorrection",
    "Person",
    "council_ids_for_member",
]
