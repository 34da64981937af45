from django.urls import path

from policies.views import public, staff, staff_parts

app_name = "policies"

STAFF = "arbejdsrum/<slug:municipality>/politikker/"
PART = STAFF + "<slug:slug>/dele/<str:kind>/"

urlpatterns = [
    # The secretariat's work area (before the public patterns; both start with a slug).
    path(STAFF, staff.index, name="staff_index"),
    path(STAFF + "ny/", staff.create, name="staff_create"),
    path(STAFF + "<slug:slug>/", staff.edit, name="staff_edit"),
    path(STAFF + "<slug:slug>/status/", staff.transition, name="staff_transition"),
    path(STAFF + "<slug:slug>/versioner/ny/", staff.freeze, name="staff_freeze"),
    path(STAFF + "<slug:slug>/historik/", staff.history, name="staff_history"),
    path(PART + "ny/", staff_parts.part_add, name="staff_part_add"),
    path(PART + "<int:pk>/", staff_parts.part_edit, name="staff_part_edit"),
    path(PART + "<int:pk>/flyt/", staff_parts.part_move, name="staff_part_move"),
    path(PART + "<int:pk>/slet/", staff_parts.part_delete, name="staff_part_delete"),
    # What citizens see.
    path("<slug:municipality>/politikker/", public.index, name="index"),
    path("<slug:municipality>/politikker/<slug:slug>/", public.detail, name="detail"),
    path(
        "<slug:municipality>/politikker/<slug:slug>/versioner/<int:number>/",
        public.version,
        name="version",
    ),
    path(
        "<slug:municipality>/politikker/<slug:slug>/sammenlign/",
        public.compare,
        name="compare",
    ),
]
