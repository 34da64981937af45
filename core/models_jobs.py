from django.db import models
from django.utils.translation import gettext_lazy as _


class Job(models.Model):
    """A task recorded before it is sent to the broker (the transactional outbox)."""

    task_name = models.CharField(_("opgave"), max_length=200)
    args = models.JSONField(_("argumenter"), default=list)
    queue = models.CharField(_("kø"), max_length=50, blank=True)
    created_at = models.DateTimeField(_("oprettet"), auto_now_add=True)
    sent_at = models.DateTimeField(
        _("sendt til kø"),
        null=True,
        blank=True,
        help_text=_("Tom: ikke sendt endnu (fx Redis nede)."),
    )
    send_attempts = models.PositiveIntegerField(_("afsendelsesforsøg"), default=0)

    class Meta:
        verbose_name = _("job")
        verbose_name_plural = _("jobs")
        indexes = [
            models.Index(
                fields=["created_at"],
                name="job_unsent_idx",
                condition=models.Q(sent_at__isnull=True),
            )
        ]

    def __str__(self):
        return f"{self.task_name}{tuple(self.args)}"
