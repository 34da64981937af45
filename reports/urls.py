from django.urls import path

from reports import views

app_name = "reports"

_staff = "arbejdsrum/<slug:municipality>/"
_version = "<slug:municipality>/rapporter/<int:version_id>/"

urlpatterns = [
    path(
        _staff + "politikker/<slug:policy_slug>/rapporter/bestil/",
        views.request_cycle_report,
        name="request",
    ),
    path(
        _staff + "rapporter/referat/<int:meeting_id>/bestil/",
        views.request_minutes,
        name="request_minutes",
    ),
    path(
        _staff + "rapporter/hoeringsnotat/<int:hearing_id>/bestil/",
        views.request_hearing_report,
        name="request_hearing",
    ),
    path(_version, views.version_detail, name="version"),
    path(_version + "status/", views.version_status, name="status"),
    path(_version + "pdf", views.version_download, name="download"),
    path(_version + "igen/", views.version_retry, name="retry"),
]
