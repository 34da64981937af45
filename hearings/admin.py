"""The register of consulted parties and themes is kept in the admin until it has its own
staff pages. Responses and remarks are edited through the services only (no admin), so
every change keeps its rules and history reason."""

from django.contrib import admin

from hearings.models import ConsultedParty, Theme


@admin.register(ConsultedParty)
class ConsultedPartyAdmin(admin.ModelAdmin):
    list_display = ["name", "municipality", "kind", "required_by_law", "is_active"]
    list_filter = ["municipality", "kind", "required_by_law", "is_active"]
    search_fields = ["name"]
    autocomplete_fields = []


@admin.register(Theme)
class ThemeAdmin(admin.ModelAdmin):
    list_display = ["name", "municipality"]
    list_filter = ["municipality"]
    search_fields = ["name"]
