from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from core.models import Department, Job, Municipality, MunicipalityRole


@admin.register(Municipality)
class MunicipalityAdmin(SimpleHistoryAdmin):
    list_display = ["name", "slug", "code"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Department)
class DepartmentAdmin(SimpleHistoryAdmin):
    list_display = ["name", "municipality"]
    list_filter = ["municipality"]


@admin.register(MunicipalityRole)
class MunicipalityRoleAdmin(SimpleHistoryAdmin):
    list_display = ["user", "municipality", "role"]
    list_filter = ["municipality", "role"]


@admin.register(Job)
class JobAdmin(admin.ModelAdmin):
    list_display = ["task_name", "args", "created_at", "sent_at", "send_attempts"]
    list_filter = ["sent_at"]
