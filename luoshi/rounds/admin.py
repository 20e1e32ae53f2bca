from django.contrib import admin

from luoshi.rounds.models import (
    ChangeRequest,
    Contribution,
    EvidenceFile,
    LoginFailure,
    Notice,
    Profile,
    Reminder,
    ReviewEvent,
    RoundEntry,
)


@admin.register(Profile)
class ProfileAdmin(admin.ModelAdmin):
    list_display = ["user", "role"]
    list_filter = ["role"]
    filter_horizontal = ["units"]


@admin.register(RoundEntry)
class RoundEntryAdmin(admin.ModelAdmin):
    list_display = ["progress", "state", "acknowledged", "submitted_at"]
    list_filter = ["state", "acknowledged"]
    readonly_fields = ["progress"]


for model in (ReviewEvent, Contribution, Reminder, LoginFailure):
    admin.site.register(model)


class RecordAdmin(admin.ModelAdmin):
    """Records kept by the app's own services (with their checks and history): read here only."""

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False


@admin.register(ChangeRequest)
class ChangeRequestAdmin(RecordAdmin):
    list_display = ["task", "unit", "kind", "state", "created_at", "decided_at"]
    list_filter = ["kind", "state"]


@admin.register(EvidenceFile)
class EvidenceFileAdmin(RecordAdmin):
    list_display = ["name", "progress", "kind", "size", "uploaded_by", "uploaded_at"]
    list_filter = ["kind"]


@admin.register(Notice)
class NoticeAdmin(RecordAdmin):
    list_display = ["user", "kind", "text", "created_at", "read_at"]
    list_filter = ["kind"]
