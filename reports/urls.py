from django.urls import path

from reports import views

app_name = "reports"

_staff = "arbejdsrum/<slug:municipality>/"
_version = "<slug:municipality>/rapporter/<int:version_id>/"

# One order view for every kind (reports.specs); each kind keeps its own address.
urlpatterns = [
    path(
        _staff + "politikker/<slug:target>/rapporter/bestil/",
        views.order,
        {"kind": "cycle"},
        name="request",
    ),
    path(
        _staff + "rapporter/referat/<int:target>/bestil/",
        views.order,
        {"kind": "minutes"},
        name="request_minutes",
    ),
    path(
        _staff + "rapporter/hoeringsnotat/<int:target>/bestil/",
        views.order,
        {"kind": "hearing"},
        name="request_hearing",
    ),
    path(_version, views.version_detail, name="version"),
    path(_version + "status/", views.version_status, name="status"),
    path(_version + "pdf", views.version_download, name="download"),
    path(_version + "igen/", views.version_retry, name="retry"),
]
