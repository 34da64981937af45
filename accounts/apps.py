from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    """Staff sign-in: passwords with lockout (django-axes), a second factor (django-otp),
    the municipality's identity provider (OpenID Connect), and short, idle-limited
    sessions. It owns no models; the roles it maps to are core's MunicipalityRole."""

    name = "accounts"
    verbose_name = _("Log ind")

    def ready(self):
        from django.contrib.auth.signals import user_logged_in

        from accounts.middleware import start_idle_clock

        user_logged_in.connect(start_idle_clock, dispatch_uid="accounts.start_idle_clock")
