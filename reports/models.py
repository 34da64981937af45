"""Rendered reports: numbered, immutable PDF versions of a policy cycle, a meeting's minutes
or a hearing report.

A version is made for an audience. Its snapshot (the data it was rendered from) is fixed when
it is requested; its PDF once it is done. Neither ever changes afterwards: migration 0002's
trigger refuses it in the database, whoever writes.
"""

from functools import reduce
from operator import or_

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.access import Reader
from core.models import Municipality
from core.visibility import VisibilityQuerySet


class ReportVersionQuerySet(VisibilityQuerySet):
    def rule(self, reader):
        """A version is read by exactly its audience, and only while its subject (policy,
        meeting, hearing) is readable too: the public version by anyone; a council's version
        by that council's current members and the municipality's secretariat; the
        secretariat's version by the secretariat. Version ids are guessable; this is what
        stops a guess."""
        from reports.specs import SPECS

        audience = ReportVersion.Audience
        subject = reduce(or_, (spec.subject_q(reader) for spec in SPECS.values()))
        readers = (
            Q(audience=audience.PUBLIC)
            | (
                Q(audience=audience.COUNCIL)
                & reader.council_q(council_path="council_id", municipality_path="municipality_id")
            )
            | (Q(audience=audience.SECRETARIAT) & reader.editor_q("municipality_id"))
        )
        return self.filter(readers & subject)

    def done(self):
        return self.filter(state=ReportVersion.State.DONE)


# What each audience's version holds and who may open it: said on the order form and on the
# version page.
AUDIENCE_INCLUDES = {
    "public": _("Kun det, som alle borgere kan se. Alle kan hente den."),
    "council": _(
        "Også rådets lukkede punkter. Kun rådets medlemmer og sekretariatet kan hente den."
    ),
    "secretariat": _("Alt, også fortrolige høringssvar. Kun sekretariatet kan hente den."),
}


def audience_reader(audience, *, municipality_id, council=None) -> Reader:
    """The reader a snapshot for ``audience`` is taken as: exactly those who may open it."""
    if audience == ReportVersion.Audience.PUBLIC:
        return Reader.anonymous()
    if audience == ReportVersion.Audience.COUNCIL:
        return Reader.council(council)
    return Reader.secretariat(municipality_id)


def pdf_upload_to(instance, filename):
    return f"reports/{instance.municipality_id}/{filename}"


class ReportVersion(models.Model):
    class Kind(models.TextChoices):
        CYCLE = "cycle", _("cyklusrapport")
        MINUTES = "minutes", _("referat")
        HEARING = "hearing", _("høringsnotat")

    class Audience(models.TextChoices):
        PUBLIC = "public", _("offentlig")
        COUNCIL = "council", _("ét råd (dets medlemmer og sekretariatet)")
        SECRETARIAT = "secretariat", _("sekretariatet")

    class State(models.TextChoices):
        QUEUED = "queued", _("i kø")
        RENDERING = "rendering", _("dannes")
        DONE = "done", _("færdig")
        FAILED = "failed", _("fejlet")

    kind = models.CharField(_("type"), max_length=20, choices=Kind.choices, default=Kind.CYCLE)
    audience = models.CharField(_("målgruppe"), max_length=20, choices=Audience.choices)
    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.PROTECT,
        related_name="report_versions",
        verbose_name=_("kommune"),
    )
    council = models.ForeignKey(
        "councils.Council",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="report_versions",
        verbose_name=_("råd"),
        help_text=_("For et råds udgave: rådet, hvis medlemmer kan læse den."),
    )
    policy = models.ForeignKey(
        "policies.Policy",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="report_versions",
        verbose_name=_("politik"),
        help_text=_("Cyklusrapporter og høringsnotater: politikken, de handler om."),
    )
    meeting = models.ForeignKey(
        "councils.Meeting",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="report_versions",
        verbose_name=_("møde"),
    )
    hearing = models.ForeignKey(
        "hearings.Hearing",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="report_versions",
        verbose_name=_("høring"),
    )
    number = models.PositiveIntegerField(
        _("versionsnummer"),
        help_text=_("v1, v2 … fortløbende for samme politik, møde eller høring."),
    )
    label = models.CharField(_("betegnelse"), max_length=200, blank=True)
    previous = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("forrige version"),
        help_text=_("Den version for samme målgruppe, som ændringerne regnes fra."),
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("bestilt af"),
    )
    requested_at = models.DateTimeField(_("bestilt"), auto_now_add=True)
    data_taken_at = models.DateTimeField(
        _("data hentet"), help_text=_("Rapporten viser data, som de stod på dette tidspunkt.")
    )
    snapshot = models.JSONField(_("data"), help_text=_("Det, rapporten er dannet ud fra."))
    snapshot_sha256 = models.CharField(_("SHA-256 af data"), max_length=64)
    template_version = models.CharField(_("skabelonversion"), max_length=20)
    state = models.CharField(
        _("status"), max_length=20, choices=State.choices, default=State.QUEUED
    )
    error = models.TextField(_("fejl"), blank=True)
    attempts = models.PositiveSmallIntegerField(
        _("forsøg"), default=0, help_text=_("Hvor mange gange dannelsen er begyndt.")
    )
    rendering_started_at = models.DateTimeField(_("dannelse begyndt"), null=True, blank=True)
    lease_until = models.DateTimeField(
        _("reserveret til"),
        null=True,
        blank=True,
        help_text=_(
            "Den arbejdsproces, der danner rapporten, forlænger reservationen hvert par "
            "sekunder. Udløber den, er processen væk, og rapporten sendes til dannelse igen."
        ),
    )
    finished_at = models.DateTimeField(_("færdig"), null=True, blank=True)
    pdf = models.FileField(_("PDF"), upload_to=pdf_upload_to, blank=True, max_length=300)
    pdf_sha256 = models.CharField(_("SHA-256 af PDF"), max_length=64, blank=True)
    pdf_size = models.PositiveBigIntegerField(_("størrelse i bytes"), default=0)
    page_count = models.PositiveIntegerField(_("sider"), default=0)
    weasyprint_version = models.CharField(_("WeasyPrint-version"), max_length=20, blank=True)

    objects = ReportVersionQuerySet.as_manager()

    class Meta:
        ordering = ["-requested_at", "-id"]
        verbose_name = _("rapportversion")
        verbose_name_plural = _("rapportversioner")
        constraints = [
            models.UniqueConstraint(
                fields=["policy", "number"],
                condition=Q(kind="cycle"),
                name="reportversion_unique_cycle_number",
            ),
            models.UniqueConstraint(
                fields=["hearing", "number"],
                condition=Q(kind="hearing"),
                name="reportversion_unique_hearing_number",
            ),
            models.UniqueConstraint(
                fields=["meeting", "number"],
                condition=Q(kind="minutes"),
                name="reportversion_unique_minutes_number",
            ),
            models.CheckConstraint(
                condition=(
                    Q(kind="cycle", policy__isnull=False)
                    | Q(kind="hearing", hearing__isnull=False, policy__isnull=False)
                    | Q(kind="minutes", meeting__isnull=False)
                ),
                name="reportversion_kind_has_target",
            ),
            models.CheckConstraint(
                condition=~Q(state="done") | (~Q(pdf="") & ~Q(pdf_sha256="")),
                name="reportversion_done_has_pdf",
            ),
            models.CheckConstraint(
                condition=Q(audience="council", council__isnull=False)
                | (~Q(audience="council") & Q(council__isnull=True)),
                name="reportversion_council_audience_has_council",
            ),
        ]
        indexes = [
            models.Index(fields=["state", "rendering_started_at"], name="reportversion_state_idx")
        ]

    def __str__(self):
        return f"{self.title} v{self.number} ({self.get_audience_display()})"

    def get_absolute_url(self):
        return reverse("reports:version", args=[self.municipality.slug, self.pk])

    def get_download_url(self):
        return reverse("reports:download", args=[self.municipality.slug, self.pk])

    @property
    def title(self):
        data = self.snapshot or {}
        return data.get("title") or str(self.get_kind_display())

    @property
    def is_public(self):
        return self.audience == self.Audience.PUBLIC

    @property
    def audience_label(self):
        """Who may read this version, in words ("Integrationsrådet og sekretariatet")."""
        if self.audience == self.Audience.COUNCIL and self.council_id:
            return _("%(council)s og sekretariatet") % {"council": self.council.name}
        return self.get_audience_display()

    @property
    def audience_includes(self):
        """What this version holds and who may open it, in words."""
        return AUDIENCE_INCLUDES.get(self.audience, "")

    @property
    def spec(self):
        """What this kind of report is (reports.specs)."""
        from reports.specs import spec_for

        return spec_for(self.kind)

    def reader(self) -> Reader:
        return audience_reader(
            self.audience, municipality_id=self.municipality_id, council=self.council
        )

    @property
    def is_pending(self):
        return self.state in (self.State.QUEUED, self.State.RENDERING)

    @property
    def is_done(self):
        return self.state == self.State.DONE

    @property
    def is_failed(self):
        return self.state == self.State.FAILED

    @property
    def progress_value(self):
        """A coarse progress for the bar: the steps are known, their duration is not."""
        return {
            self.State.QUEUED: 10,
            self.State.RENDERING: 50,
            self.State.DONE: 100,
            self.State.FAILED: 100,
        }.get(self.state, 0)

    @property
    def state_variant(self):
        return {
            self.State.QUEUED: "neutral",
            self.State.RENDERING: "info",
            self.State.DONE: "success",
            self.State.FAILED: "error",
        }.get(self.state, "neutral")

    @property
    def download_name(self):
        suffix = {self.Audience.PUBLIC: "", self.Audience.COUNCIL: "-raad"}.get(
            self.audience, "-sekretariat"
        )
        return f"{self.spec.file_stem(self)}-v{self.number}{suffix}.pdf"
