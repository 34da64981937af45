from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CouncilsConfig(AppConfig):
    name = "councils"
    verbose_name = _("Råd, udvalg og møder")

    def ready(self):
        # Council membership is a source of access; the access object asks it (core.access).
        from core.access import register_memberships
        from councils.models import Membership

        register_memberships(Membership.objects.held_by)
