from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = _("Kerne")

    def ready(self):
        # Each app's page sections (see core.front), found the way the admin finds admin.py.
        autodiscover_modules("front")
