"""Provenance of imported tables."""

from __future__ import annotations

from django.conf import settings
from django.db import models


class ImportBatch(models.Model):
    """导入批次: one imported file, identified by its content hash (imports are idempotent)."""

    file_name = models.CharField("文件名", max_length=500)
    sha256 = models.CharField(max_length=64, unique=True)
    format = models.CharField("格式", max_length=20)
    layout = models.CharField("版式", max_length=50, blank=True)
    report = models.ForeignKey(
        "core.Report", null=True, blank=True, on_delete=models.SET_NULL, related_name="imports"
    )
    # {"tasks": 190, "items": 190, "units": 0, "progress": 190, "matched": 0, "new_tasks": 190}
    counts = models.JSONField("统计", default=dict)
    warnings = models.JSONField("警告", default=list)  # [{"line": 12, "message": "..."}]
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = verbose_name_plural = "导入批次"
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.file_name} ({self.sha256[:12]})"
