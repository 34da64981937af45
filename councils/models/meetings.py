"""Meetings and who attended them."""

from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.models import TrackedModel
from core.transitions import Transitions
from core.visibility import VisibilityQuerySet
from councils.models.bodies import Council, Person


class MeetingQuerySet(VisibilityQuerySet):
    def rule(self, reader):
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
    # Agenda, then minutes (drafted, or published straight after the meeting); a meeting is
    # cancelled any time before its minutes are public.
    TRANSITIONS = Transitions(
        "status",
        {
            Status.PLANNED: {Status.AGENDA_PUBLISHED, Status.CANCELLED},
            Status.AGENDA_PUBLISHED: {
                Status.MINUTES_DRAFT,
                Status.MINUTES_PUBLISHED,
                Status.CANCELLED,
            },
            Status.HELD: {Status.MINUTES_DRAFT, Status.MINUTES_PUBLISHED, Status.CANCELLED},
            Status.MINUTES_DRAFT: {Status.MINUTES_PUBLISHED, Status.CANCELLED},
            Status.MINUTES_APPROVED: {Status.MINUTES_PUBLISHED, Status.CANCELLED},
        },
        refused={
            Status.AGENDA_PUBLISHED: _("Dagsordenen kan kun offentliggøres for et planlagt møde."),
            Status.MINUTES_DRAFT: _(
                "Referatet kan først skrives, når dagsordenen er offentliggjort."
            ),
            Status.MINUTES_PUBLISHED: _("Referatet kan kun offentliggøres efter dagsordenen."),
            Status.CANCELLED: _("Et møde med offentliggjort referat kan ikke aflyses."),
        },
    )

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

    def next_meeting(self, reader):
        """The council's next meeting after this one (derived, never stored)."""
        return (
            Meeting.objects.visible_to(reader)
            .filter(council_id=self.council_id, starts_at__gt=self.starts_at)
            .exclude(status=self.Status.CANCELLED)
            .order_by("starts_at")
            .first()
        )


class AttendanceQuerySet(VisibilityQuerySet):
    def rule(self, reader):
        """Who came is part of the minutes: public once they are published, earlier only for
        the council and the secretariat."""
        return self.filter(
            Q(meeting__status__in=Meeting.MINUTES_PUBLIC)
            | reader.council_q(
                council_path="meeting__council_id",
                municipality_path="meeting__council__municipality_id",
            )
        )


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
