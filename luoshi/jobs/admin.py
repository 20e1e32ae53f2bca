"""Jobs in Django's admin: to watch the queue and read a failure; read-only (the worker writes
them; a job is queued again by its heartbeat going stale, not by hand)."""

from django.contrib import admin

from luoshi.jobs.models import Job


@admin.register(Job)
class JobAdmin(admin.ModelAdmin):
    list_display = ("pk", "kind", "file_name", "state", "progress", "submitter", "created_at",
                    "finished_at", "attempts", "worker")
    list_filter = ("state", "kind")
    search_fields = ("file_name", "error")
    readonly_fields = [f.name for f in Job._meta.fields]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False
