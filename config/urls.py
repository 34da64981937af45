from django.contrib import admin
from django.urls import include, path

from core import views as core_views

# A restarting database answers 503 with Retry-After, never 500 (see core.middleware).
handler500 = "core.views.server_error"

urlpatterns = [
    path("healthz", core_views.healthz, name="healthz"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("konto/", include("accounts.urls")),
    path("admin/", admin.site.urls),
    path("", include("councils.urls")),
    path("", include("policies.urls")),
    path("", include("hearings.urls")),
    path("", include("actionplans.urls")),
    path("", include("reports.urls")),
    # Last: /<slug>/ (a municipality's front page) must not shadow the fixed paths above.
    path("", include("core.urls")),
]
