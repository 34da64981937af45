from django.urls import path

from councils.views import feeds, public, staff, staff_items

app_name = "councils"

_staff = "arbejdsrum/<slug:municipality>/moeder/"
_item = _staff + "<int:meeting_id>/punkt/<int:item_id>/"

urlpatterns = [
    # The secretariat's work area (fixed prefix first, so no municipality slug shadows it).
    path(_staff, staff.meetings, name="staff_meetings"),
    path(_staff + "nyt/", staff.meeting_create, name="staff_meeting_create"),
    path(_staff + "<int:meeting_id>/", staff.meeting_detail, name="staff_meeting"),
    path(_staff + "<int:meeting_id>/rediger/", staff.meeting_edit, name="staff_meeting_edit"),
    path(_staff + "<int:meeting_id>/status/", staff.meeting_status, name="staff_meeting_status"),
    path(_staff + "<int:meeting_id>/fremmoede/", staff.attendance, name="staff_attendance"),
    path(_staff + "<int:meeting_id>/punkter/nyt/", staff.item_add, name="staff_item_add"),
    path(_item, staff_items.item_edit, name="staff_item"),
    path(_item + "raekke/", staff_items.item_row, name="staff_item_row"),
    path(_item + "flyt/", staff.item_move, name="staff_item_move"),
    path(_item + "ret/", staff_items.item_correct, name="staff_item_correct"),
    path(_item + "historik/", staff_items.item_history, name="staff_item_history"),
    path(_item + "deltagere/", staff_items.item_extras, name="staff_item_extras"),
    path(_item + "bilag/", staff_items.attachment_upload, name="staff_attachment_upload"),
    # Downloads: permission-checked, never a public file URL.
    path("bilag/<int:attachment_id>/", public.attachment_download, name="attachment"),
    # Public pages under the municipality.
    path("<slug:municipality>/raad/", public.index, name="index"),
    path("<slug:municipality>/moeder.ics", feeds.municipality_calendar, name="calendar"),
    path("<slug:municipality>/referater.atom", feeds.MinutesFeed(), name="minutes_feed"),
    path("<slug:municipality>/raad/<slug:council>/", public.council_detail, name="council"),
    path(
        "<slug:municipality>/raad/<slug:council>/moeder.ics",
        feeds.council_calendar,
        name="council_calendar",
    ),
    path("<slug:municipality>/moeder/<int:meeting_id>/", public.meeting_detail, name="meeting"),
    path(
        "<slug:municipality>/moeder/<int:meeting_id>/punkt/<int:number>/",
        public.item_detail,
        name="item",
    ),
    path("<slug:municipality>/sager/<str:number>/", public.case_detail, name="case"),
]
