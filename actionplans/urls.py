from django.urls import path

from actionplans.views import public, staff, staff_indicators, staff_rounds

app_name = "actionplans"
STAFF = "arbejdsrum/<slug:municipality>/handleplaner/"
urlpatterns = [
    path("<slug:municipality>/handleplaner/", public.index, name="index"),
    path(
        "<slug:municipality>/handleplaner/<slug:policy_slug>/", public.dashboard, name="dashboard"
    ),
    path(
        "<slug:municipality>/handleplaner/<slug:policy_slug>/status/<int:round_id>/",
        public.round_report,
        name="round_report",
    ),
    # Staff. Fixed words first, so that a policy slug never shadows them.
    path(STAFF, staff.staff_index, name="staff_index"),
    path(f"{STAFF}plan/<int:pk>/", staff.plan_detail, name="plan"),
    path(f"{STAFF}plan/<int:plan_pk>/handling/ny/", staff.action_create, name="action_create"),
    path(
        f"{STAFF}plan/<int:plan_pk>/runde/<int:round_pk>/",
        staff_rounds.round_update,
        name="round_update",
    ),
    path(f"{STAFF}handling/<int:pk>/", staff.action_edit, name="action"),
    path(f"{STAFF}runde/<int:pk>/", staff_rounds.round_detail, name="round"),
    path(
        f"{STAFF}runde/<int:pk>/aabn/",
        staff_rounds.round_transition,
        {"transition": "open"},
        name="round_open",
    ),
    path(
        f"{STAFF}runde/<int:pk>/luk/",
        staff_rounds.round_transition,
        {"transition": "close"},
        name="round_close",
    ),
    path(
        f"{STAFF}runde/<int:pk>/rapport/",
        staff_rounds.round_report_staff,
        name="round_report_staff",
    ),
    path(f"{STAFF}indikator/<int:pk>/", staff_indicators.indicator_detail, name="indicator"),
    path(f"{STAFF}<slug:policy_slug>/", staff.staff_policy, name="staff_policy"),
    path(f"{STAFF}<slug:policy_slug>/plan/ny/", staff.plan_create, name="plan_create"),
    path(f"{STAFF}<slug:policy_slug>/runde/ny/", staff_rounds.round_create, name="round_create"),
    path(
        f"{STAFF}<slug:policy_slug>/indikator/ny/",
        staff_indicators.indicator_create,
        name="indicator_create",
    ),
    path(
        f"{STAFF}<slug:policy_slug>/import/",
        staff_indicators.measurements_import,
        name="measurements_import",
    ),
]
