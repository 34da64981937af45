"""Who answered and what they sent (with attachments)."""

from django.conf import settings
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.access import Reader
from core.models import Municipality, TrackedModel
from core.redact import shown_free_text
from core.visibility import VisibilityQuerySet
from hearings.models.hearing import Hearing
from hearings.models.parties import ConsultedParty


class ResponderQuerySet(VisibilityQuerySet):
    def rule(self, reader):
        """A responder is known to whoever may read one of their responses, and to the
        secretariat. A confidential response's sender is therefore named to the secretariat
        only. Public templates read ``public_name`` only, never the contact fields."""
        readable = Response.objects.visible_to(reader).filter(responder_id=OuterRef("pk"))
        return self.filter(Exists(readable) | reader.editor_q("municipality_id"))


class Responder(TrackedModel):
    class Kind(models.TextChoices):
        CONSULTED_BODY = "consulted_body", _("høringspart")
        ORGANISATION = "organisation", _("organisation")
        CITIZEN = "citizen", _("borger")

    # Private: never published, never in an export, wiped after the hearing's deletion date.
    CONTACT_FIELDS = ("email", "phone", "address")

    municipality = models.ForeignKey(
        Municipality, on_delete=models.PROTECT, related_name="responders", verbose_name=_("kommune")
    )
    kind = models.CharField(_("type"), max_length=20, choices=Kind.choices)
    party = models.ForeignKey(
        ConsultedParty,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="responders",
        verbose_name=_("høringspart"),
    )
    name = models.CharField(_("navn"), max_length=200)
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("telefon"), max_length=30, blank=True)
    address = models.CharField(_("adresse"), max_length=300, blank=True)
    contact_data_deleted_at = models.DateTimeField(
        _("kontaktoplysninger slettet"), null=True, blank=True, editable=False
    )

    objects = ResponderQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("afsender")
        verbose_name_plural = _("afsendere")
        constraints = [
            models.CheckConstraint(
                condition=~Q(kind="consulted_body") | Q(party__isnull=False),
                name="responder_body_has_party",
                violation_error_message=_("En høringspart skal vælges fra registret."),
            )
        ]

    def __str__(self):
        return self.public_name

    @property
    def public_name(self):
        """The only thing about a responder a public page shows: a citizen's name (with the
        organisation they write for), or the organisation's or body's name – never an
        organisation's contact person, who is contact data like the e-mail address."""
        if self.kind == self.Kind.ORGANISATION:
            return self.organisation or self.name
        if self.organisation and self.kind == self.Kind.CITIZEN:
            return f"{self.name} ({self.organisation})"
        return self.name

    @property
    def contact_person(self):
        """An organisation's contact person: kept in ``name`` beside ``organisation``, shown
        in the secretariat's work area only, and purged with the e-mail and phone."""
        if self.kind == self.Kind.ORGANISATION and self.organisation:
            return "" if self.name == self.organisation else self.name
        return ""


class ResponseQuerySet(VisibilityQuerySet):
    def rule(self, reader):
        """Public once the hearing is processed, unless withheld or confidential, and for a
        citizen only with consent; the municipality's council members read every response
        that is not confidential; the secretariat reads all."""
        public = Q(
            hearing__state__in=Hearing.RESPONSES_PUBLIC, withheld=False, confidential=False
        ) & (~Q(responder__kind=Responder.Kind.CITIZEN) | Q(publication_consent=True))
        member = Q(confidential=False) & reader.insider_q("hearing__policy__municipality_id")
        return self.filter(public | member | reader.editor_q("hearing__policy__municipality_id"))

    def public(self):
        """The responses anyone may read (what public pages and exports use)."""
        return self.visible_to(Reader.anonymous())


class Response(TrackedModel):
    class Channel(models.TextChoices):
        WEB = "web", _("webformular")
        EMAIL = "email", _("e-mail")
        LETTER = "letter", _("brev")

    hearing = models.ForeignKey(
        Hearing, on_delete=models.PROTECT, related_name="responses", verbose_name=_("høring")
    )
    responder = models.ForeignKey(
        Responder, on_delete=models.PROTECT, related_name="responses", verbose_name=_("afsender")
    )
    reference = models.CharField(
        _("referencenummer"),
        max_length=30,
        unique=True,
        editable=False,
        help_text=_("Gives til afsenderen i kvitteringen, fx H12-0007."),
    )
    received_on = models.DateField(_("modtaget"))
    channel = models.CharField(_("modtaget via"), max_length=10, choices=Channel.choices)
    text = models.TextField(_("tekst"))
    summary = models.TextField(
        _("resumé"), blank=True, help_text=_("Kort resumé til høringsnotatet.")
    )
    publication_consent = models.BooleanField(
        _("samtykke til offentliggørelse"),
        default=False,
        help_text=_("Borgere: svaret og navnet offentliggøres kun med samtykke."),
    )
    withheld = models.BooleanField(
        _("tilbageholdt"),
        default=False,
        help_text=_("Offentliggøres ikke; rådets medlemmer og sekretariatet kan læse det."),
    )
    confidential = models.BooleanField(
        _("fortroligt"), default=False, help_text=_("Kun sekretariatet kan læse det.")
    )
    late_override_reason = models.TextField(_("begrundelse for sen registrering"), blank=True)
    late_override_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("sen registrering godkendt af"),
    )
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("registreret af"),
    )
    receipt_sent_at = models.DateTimeField(
        _("kvittering for modtagelse sendt"), null=True, blank=True
    )
    is_demo = models.BooleanField(_("demodata"), default=False)

    objects = ResponseQuerySet.as_manager()

    class Meta:
        ordering = ["hearing", "received_on", "id"]
        verbose_name = _("høringssvar")
        verbose_name_plural = _("høringssvar")
        constraints = [
            models.CheckConstraint(
                condition=Q(late_override_reason="") | Q(late_override_by__isnull=False),
                name="response_override_has_author",
            )
        ]

    def __str__(self):
        return f"{self.reference} {self.responder}"

    def get_staff_url(self):
        return reverse(
            "hearings:staff_response",
            args=[self.hearing.municipality.slug, self.hearing_id, self.pk],
        )

    # What a response says, as a reader may read it: contact details typed into the text
    # are the secretariat's only (core.access.Reader.reads_contact_details; core.redact).
    # Every output of a response outside the secretariat's work area shows these, never
    # ``text`` or ``summary`` themselves.

    def shown_text(self, who) -> str:
        return shown_free_text(self.text, who, self.responder.municipality_id)

    def shown_summary(self, who) -> str:
        """The summary for the hearing report, or the text when none is written."""
        return shown_free_text(self.summary or self.text, who, self.responder.municipality_id)

    @property
    def is_public(self):
        return (
            self.hearing.responses_public
            and not self.withheld
            and not self.confidential
            and (self.responder.kind != Responder.Kind.CITIZEN or self.publication_consent)
        )


def attachment_upload_to(instance, filename):
    import uuid

    suffix = filename.rsplit(".", 1)[-1].lower() if "." in filename else "bin"
    return f"hearings/{instance.response.hearing_id}/{uuid.uuid4().hex}.{suffix}"


class ResponseAttachmentQuerySet(VisibilityQuerySet):
    def rule(self, reader):
        """An attachment is read with its response."""
        return self.filter(response__in=Response.objects.visible_to(reader))


class ResponseAttachment(TrackedModel):
    response = models.ForeignKey(
        Response, on_delete=models.CASCADE, related_name="attachments", verbose_name=_("svar")
    )
    file = models.FileField(_("fil"), upload_to=attachment_upload_to, max_length=300)
    original_name = models.CharField(_("filnavn"), max_length=255)
    content_type = models.CharField(_("filtype"), max_length=100)
    size = models.PositiveBigIntegerField(_("størrelse i bytes"), default=0)

    objects = ResponseAttachmentQuerySet.as_manager()

    class Meta:
        ordering = ["response", "id"]
        verbose_name = _("bilag til høringssvar")
        verbose_name_plural = _("bilag til høringssvar")

    def __str__(self):
        return self.original_name

    def get_download_url(self):
        return reverse("hearings:attachment", args=[self.pk])
