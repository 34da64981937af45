from django.urls import path

from actionplans import views

app_name = "actionplans"
STAFF = "arbejdsrum/<slug:municipality>/handleplaner/"
urlpatterns = [
    path("<slug:municipality>/handleplaner/", views.index, name="index"),
    path("<slug:municipality>/handleplaner/<slug:policy_slug>/", views.dashboard, name="dashboard"),
    path(
        "<slug:municipality>/handleplaner/<slug:policy_slug>/status/<int:round_id>/",
        views.round_report,
        name="round_report",
    ),
    # Staff. Fixed words first, so that a policy slug never shadows them.
    path(STAFF, views.staff_index, name="staff_index"),
    path(f"{STAFF}plan/<int:pk>/", views.plan_detail, name="plan"),
    path(f"{STAFF}plan/<int:plan_pk>/handling/ny/", views.action_create, name="action_create"),
    path(
        f"{STAFF}plan/<int:plan_pk>/runde/<int:round_pk>/",
        views.round_update,
        name="round_update",
    ),
    path(f"{STAFF}handling/<int:pk>/", views.action_edit, name="action"),
    path(f"{STAFF}runde/<int:pk>/", views.round_detail, name="round"),
    path(
        f"{STAFF}runde/<int:pk>/aabn/",
        views.round_transition,
        {"transition": "open"},
        name="round_open",
    ),
    path(
        f"{STAFF}runde/<int:pk>/luk/",
        views.round_transition,
        {"transition": "close"},
        name="round_close",
    ),
    path(f"{STAFF}runde/<int:pk>/rapport/", views.round_report_staff, name="round_report_staff"),
    path(f"{STAFF}indikator/<int:pk>/", views.indicator_detail, name="indicator"),
    path(f"{STAFF}<slug:policy_slug>/", views.staff_policy, name="staff_policy"),
    path(f"{STAFF}<slug:policy_slug>/plan/ny/", views.plan_create, name="plan_create"),
    path(f"{STAFF}<slug:policy_slug>/runde/ny/", views.round_create, name="round_create"),
    path(
        f"{STAFF}<slug:policy_slug>/indikator/ny/", views.indicator_create, name="indicator_create"
    ),
    path(
        f"{STAFF}<slug:policy_slug>/import/", views.measurements_import, name="measurements_import"
    ),
]
