"""A job: one unit of background work (a web import's preview or import) and its state.

The row is at once the queue entry, the progress the page shows and the outcome: which worker
holds it (``claim`` token, renewed ``heartbeat_at``), how far it got, its result or error.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Job(models.Model):
    class State(models.TextChoices):
        QUEUED = "queued", _("排队中")
        READING = "reading", _("读取中")
        IMPORTING = "importing", _("导入中")
        DONE = "done", _("已完成")
        FAILED = "failed", _("失败")

    class Kind(models.TextChoices):
        IMPORT_PREVIEW = "import_preview", _("导入预览")
        IMPORT = "import", _("导入")

    kind = models.CharField(_("类型"), max_length=40, choices=Kind.choices)
    state = models.CharField(_("状态"), max_length=16, choices=State.choices, default=State.QUEUED)
    submitter = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                  on_delete=models.SET_NULL, related_name="jobs", verbose_name=_("提交人"))
    file_name = models.CharField(_("文件名"), max_length=255, blank=True)
    params = models.JSONField(_("参数"), default=dict, blank=True)  # what the handler needs (JSON only)
    progress = models.PositiveSmallIntegerField(_("进度"), default=0)  # percent
    result = models.JSONField(_("结果"), null=True, blank=True)
    error = models.TextField(_("错误信息"), blank=True)  # the Chinese message shown when the job failed
    created_at = models.DateTimeField(_("创建时间"), default=timezone.now)
    started_at = models.DateTimeField(_("开始时间"), null=True, blank=True)
    heartbeat_at = models.DateTimeField(_("心跳时间"), null=True, blank=True)
    finished_at = models.DateTimeField(_("结束时间"), null=True, blank=True)
    worker = models.CharField(_("执行进程"), max_length=100, blank=True)
    claim = models.CharField(_("领取令牌"), max_length=32, blank=True)  # token of the current claim
    attempts = models.PositiveSmallIntegerField(_("尝试次数"), default=0)

    RUNNING = (State.READING, State.IMPORTING)
    FINISHED = (State.DONE, State.FAILED)

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["state", "created_at"], name="job_state_created")]
        verbose_name = _("后台任务")
        verbose_name_plural = _("后台任务")

    def __str__(self) -> str:
        return f"{self.get_kind_display()} #{self.pk} {self.file_name} ({self.get_state_display()})"

    @property
    def finished(self) -> bool:
        return self.state in self.FINISHED
