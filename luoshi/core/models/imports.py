"""Provenance of imported tables."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ImportBatch(models.Model):
    """导入批次: one imported file, identified by its content hash (imports are idempotent).

    The hash is not unique: ``luoshi import --replace`` may bring a file back after another
    version replaced it, and that is a new batch.
    """

    class Outcome(models.TextChoices):
        CREATED = "created", "新建"
        REPLACED = "replaced", "替换"
        SAME_CONTENT = "same_content", "内容相同"

    file_name = models.CharField(_("文件名"), max_length=500)
    sha256 = models.CharField(_("文件哈希"), max_length=64, db_index=True)
    outcome = models.CharField(
        _("结果"), max_length=20, choices=Outcome.choices, default=Outcome.CREATED
    )
    format = models.CharField(_("格式"), max_length=20)
    layout = models.CharField(_("版式"), max_length=50, blank=True)
    report = models.ForeignKey(
        "core.Report", null=True, blank=True, on_delete=models.SET_NULL, related_name="imports",
        verbose_name=_("落实情况表")
    )
    # {"tasks": 190, "items": 190, "units": 0, "progress": 190, "matched": 0, "new_tasks": 190}
    counts = models.JSONField(_("统计"), default=dict)
    warnings = models.JSONField(_("警告"), default=list)  # [{"line": 12, "message": "..."}]
    created_at = models.DateTimeField(_("导入时间"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name=_("导入人")
    )

    class Meta:
        verbose_name = verbose_name_plural = _("导入批次")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.file_name} ({self.sha256[:12]})"
