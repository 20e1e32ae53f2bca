"""A job: one unit of background work (a web import's preview or import) and its state.

The row is at once the queue entry, the progress the page shows and the outcome: which worker
holds it (``claim`` token, renewed ``heartbeat_at``), how far it got, its result or error.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone


class Job(models.Model):
    class State(models.TextChoices):
        QUEUED = "queued", "排队中"
        READING = "reading", "读取中"
        IMPORTING = "importing", "导入中"
        DONE = "done", "已完成"
        FAILED = "failed", "失败"

    class Kind(models.TextChoices):
        IMPORT_PREVIEW = "import_preview", "导入预览"
        IMPORT = "import", "导入"

    kind = models.CharField(max_length=40, choices=Kind.choices)
    state = models.CharField(max_length=16, choices=State.choices, default=State.QUEUED)
    submitter = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                  on_delete=models.SET_NULL, related_name="jobs")
    file_name = models.CharField(max_length=255, blank=True)
    params = models.JSONField(default=dict, blank=True)  # what the handler needs (JSON only)
    progress = models.PositiveSmallIntegerField(default=0)  # percent
    result = models.JSONField(null=True, blank=True)
    error = models.TextField(blank=True)  # the Chinese message shown when the job failed
    created_at = models.DateTimeField(default=timezone.now)
    started_at = models.DateTimeField(null=True, blank=True)
    heartbeat_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    worker = models.CharField(max_length=100, blank=True)
    claim = models.CharField(max_length=32, blank=True)  # token of the current claim
    attempts = models.PositiveSmallIntegerField(default=0)

    RUNNING = (State.READING, State.IMPORTING)
    FINISHED = (State.DONE, State.FAILED)

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["state", "created_at"], name="job_state_created")]
        verbose_name = "后台任务"
        verbose_name_plural = "后台任务"

    def __str__(self) -> str:
        return f"{self.get_kind_display()} #{self.pk} {self.file_name} ({self.get_state_display()})"

    @property
    def finished(self) -> bool:
        return self.state in self.FINISHED
