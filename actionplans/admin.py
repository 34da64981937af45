from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from actionplans.models import (
    Action,
    ActionPlan,
    FollowUpRound,
    Indicator,
    Measurement,
    StatusUpdate,
)


@admin.register(ActionPlan)
class ActionPlanAdmin(SimpleHistoryAdmin):
    list_display = ["title", "policy", "department", "state"]
    list_filter = ["state", "policy__municipality"]
    filter_horizontal = ["goals"]


@admin.register(Action)
class ActionAdmin(SimpleHistoryAdmin):
    list_display = ["title", "plan", "goal", "status", "progress", "due_date"]
    list_filter = ["status", "is_budget_request", "plan__policy__municipality"]
    raw_id_fields = ["source_follow_up", "owner_person", "owner_user", "from_remarks"]
    readonly_fields = ["status", "progress"]  # changed only through status updates


@admin.register(StatusUpdate)
class StatusUpdateAdmin(SimpleHistoryAdmin):
    list_display = ["action", "round", "date", "status", "progress"]
    list_filter = ["status", "round"]
    raw_id_fields = ["action"]


@admin.register(FollowUpRound)
class FollowUpRoundAdmin(SimpleHistoryAdmin):
    list_display = ["name", "policy", "opens_on", "closes_on", "closed_at"]
    list_filter = ["policy__municipality"]


@admin.register(Indicator)
class IndicatorAdmin(SimpleHistoryAdmin):
    list_display = ["name", "goal", "baseline_value", "target_value", "higher_is_better"]


@admin.register(Measurement)
class MeasurementAdmin(SimpleHistoryAdmin):
    list_display = ["indicator", "period", "value", "source"]
    list_filter = ["indicator__goal__policy"]
