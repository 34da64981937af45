from django.urls import path

from hearings.views import public, review, staff, staff_responses

app_name = "hearings"

STAFF = "arbejdsrum/<slug:municipality>/hoeringer/"

urlpatterns = [
    # Public
    path("<slug:municipality>/hoeringer/", public.index, name="index"),
    path("<slug:municipality>/hoeringer/<int:pk>/", public.detail, name="detail"),
    path("<slug:municipality>/hoeringer/<int:pk>/svar/", public.respond, name="respond"),
    path(
        "<slug:municipality>/hoeringer/<int:pk>/svar/kvittering/",
        public.receipt,
        name="receipt",
    ),
    path("<slug:municipality>/hoeringer/<int:pk>/hoeringsnotat/", public.report, name="report"),
    path("hoeringer/bilag/<int:pk>/", public.attachment, name="attachment"),
    # Secretariat
    path(STAFF, staff.staff_index, name="staff_index"),
    path(f"{STAFF}ny/", staff.staff_create, name="staff_create"),
    path(f"{STAFF}hoeringsparter/", staff.staff_parties, name="staff_parties"),
    path(f"{STAFF}<int:pk>/", staff.staff_detail, name="staff_detail"),
    path(
        f"{STAFF}<int:pk>/status/<slug:action>/",
        staff.staff_transition,
        name="staff_transition",
    ),
    path(
        f"{STAFF}<int:pk>/parter/<int:party_pk>/paamind/",
        staff.staff_remind,
        name="staff_remind",
    ),
    path(f"{STAFF}<int:pk>/parter/", staff.staff_set_parties, name="staff_set_parties"),
    path(
        f"{STAFF}<int:pk>/kvitteringer/",
        staff.staff_acknowledge_all,
        name="staff_acknowledge_all",
    ),
    path(f"{STAFF}<int:pk>/svar/nyt/", staff_responses.staff_register, name="staff_register"),
    path(
        f"{STAFF}<int:pk>/svar/<int:response_pk>/",
        staff_responses.staff_response,
        name="staff_response",
    ),
    path(
        f"{STAFF}<int:pk>/bemaerkninger/<int:remark_pk>/besvar/",
        staff_responses.staff_remark_handle,
        name="staff_remark_handle",
    ),
    path(f"{STAFF}<int:pk>/besvar-samlet/", staff_responses.staff_bulk, name="staff_bulk"),
    path(
        f"{STAFF}<int:pk>/hoeringsnotat.<str:fmt>",
        staff.staff_export,
        name="staff_export",
    ),
    # Council review
    path(f"{STAFF}<int:pk>/gennemgang/", review.review, name="review"),
    path(
        f"{STAFF}<int:pk>/gennemgang/<int:remark_pk>/laest/",
        review.mark_read,
        name="mark_read",
    ),
    path(f"{STAFF}<int:pk>/gennemgang/<int:remark_pk>/note/", review.add_note, name="add_note"),
]
