from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    name = "reports"
    verbose_name = _("Rapporter")

    def ready(self):
        # Register the tasks with Celery wherever Django runs (web, tests, worker), so the
        # outbox finds them by name instead of sending blind.
        from reports import tasks  # noqa: F401
