from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from policies.models import Policy, PolicyTransition, PolicyVersion


class TransitionInline(admin.TabularInline):
    model = PolicyTransition
    extra = 0
    raw_id_fields = ["agenda_item"]
    fields = ["decided_on", "from_state", "to_state", "agenda_item", "note"]


@admin.register(Policy)
class PolicyAdmin(SimpleHistoryAdmin):
    list_display = ["title", "municipality", "state", "period_start", "period_end"]
    list_filter = ["municipality", "state", "kind"]
    search_fields = ["title", "slug"]
    raw_id_fields = ["predecessor"]
    inlines = [TransitionInline]


@admin.register(PolicyVersion)
class PolicyVersionAdmin(admin.ModelAdmin):
    """Frozen versions are read-only here too (the database refuses updates anyway)."""

    list_display = ["policy", "number", "label", "created_at", "created_by"]
    readonly_fields = ["policy", "number", "label", "snapshot", "created_at", "created_by"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
