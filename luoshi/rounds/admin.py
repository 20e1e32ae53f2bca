from django.contrib import admin

from luoshi.core.admin import ReadOnlyAdmin
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


# Records kept by the app's own services (with their checks and history): read here only.
RecordAdmin = ReadOnlyAdmin


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
