from django.contrib import admin

from reports.models import ReportVersion


@admin.register(ReportVersion)
class ReportVersionAdmin(admin.ModelAdmin):
    """Read-only: versions are made and changed by the services only (and the database
    refuses changes to a finished one)."""

    list_display = ["__str__", "kind", "audience", "state", "attempts", "requested_at"]
    list_filter = ["kind", "audience", "state", "municipality"]
    exclude = ["snapshot"]
    readonly_fields = [f.name for f in ReportVersion._meta.fields if f.name != "snapshot"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
