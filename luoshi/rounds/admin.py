from django.contrib import admin

from luoshi.rounds.models import (
    Contribution,
    LoginFailure,
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
