"""The Django admin for power users; the secretariat works in the staff area."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from councils.models import (
    AgendaItem,
    Attachment,
    Attendance,
    Case,
    Council,
    FollowUp,
    ItemGuest,
    Meeting,
    Membership,
    MinutesCorrection,
    Person,
)


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["person"]


@admin.register(Council)
class CouncilAdmin(SimpleHistoryAdmin):
    list_display = ["name", "municipality", "kind"]
    list_filter = ["municipality", "kind"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [MembershipInline]


@admin.register(Person)
class PersonAdmin(SimpleHistoryAdmin):
    list_display = ["name", "title", "municipality", "user"]
    list_filter = ["municipality"]
    search_fields = ["name", "title"]


class AttendanceInline(admin.TabularInline):
    model = Attendance
    extra = 0


@admin.register(Meeting)
class MeetingAdmin(SimpleHistoryAdmin):
    list_display = ["council", "starts_at", "status"]
    list_filter = ["status", "council__municipality"]
    date_hierarchy = "starts_at"
    inlines = [AttendanceInline]


class AttachmentInline(admin.TabularInline):
    model = Attachment
    extra = 0


class GuestInline(admin.TabularInline):
    model = ItemGuest
    extra = 0


@admin.register(AgendaItem)
class AgendaItemAdmin(SimpleHistoryAdmin):
    list_display = ["number", "title", "meeting", "is_closed", "outcome"]
    list_filter = ["is_closed", "outcome", "meeting__council__municipality"]
    search_fields = ["title", "public_title"]
    inlines = [GuestInline, AttachmentInline]


@admin.register(Case)
class CaseAdmin(SimpleHistoryAdmin):
    list_display = ["number", "title", "municipality"]
    search_fields = ["number", "title"]


@admin.register(FollowUp)
class FollowUpAdmin(SimpleHistoryAdmin):
    list_display = ["title", "kind", "due_date", "status"]
    list_filter = ["kind", "status"]


@admin.register(MinutesCorrection)
class MinutesCorrectionAdmin(admin.ModelAdmin):
    list_display = ["item", "field", "made_by", "created_at"]

    def has_change_permission(self, request, obj=None):
        return False  # a correction is a record; it is never edited
