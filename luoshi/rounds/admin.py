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


admin.site.register(LoginFailure)  # deleting a user's failures lifts a throttle


# Records kept by the app's own services (with their checks and history): read here only. An
# entry's state moves only through the services, which refuse a transition the round does not
# allow (approve what is not submitted, return what is not submitted or approved, touch a
# published report) and do what a transition implies: the review log, the notices, the
# report's own state, the search index. A contribution keeps its version check and history
# there too. (A report's state is read-only in luoshi.core.admin for the same reason.)
RecordAdmin = ReadOnlyAdmin


@admin.register(RoundEntry)
class RoundEntryAdmin(RecordAdmin):
    list_display = ["progress", "state", "acknowledged", "submitted_at"]
    list_filter = ["state", "acknowledged"]


@admin.register(ReviewEvent)
class ReviewEventAdmin(RecordAdmin):
    list_display = ["progress", "action", "user", "at"]
    list_filter = ["action"]


@admin.register(Contribution)
class ContributionAdmin(RecordAdmin):
    list_display = ["progress", "unit", "version", "updated_by", "updated_at"]


@admin.register(Reminder)
class ReminderAdmin(RecordAdmin):
    list_display = ["subject", "unit", "level", "sent_at", "sent_by"]
    list_filter = ["level"]


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
