"""One period's table of a plan, the progress in it, and the history of changes."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from luoshi.core.models.plans import Period, Plan, Task


class Report(models.Model):
    """落实情况表 / 填报轮次: one period's table of one plan."""

    class State(models.TextChoices):
        DRAFT = "draft", "草稿"
        OPEN = "open", "填报中"
        REVIEW = "review", "审核中"
        PUBLISHED = "published", "已发布"

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="reports",
                             verbose_name=_("年度重点工作清单"))
    period = models.ForeignKey(Period, on_delete=models.PROTECT, related_name="reports",
                               verbose_name=_("报告期"))
    state = models.CharField(_("状态"), max_length=20, choices=State.choices, default=State.DRAFT)
    deadline = models.DateTimeField(_("截止时间"), null=True, blank=True)
    # Whether the public sees the statuses derived for this report (滞后, 有风险 …). An imported
    # table's statuses rest on text already public; a round's are the office's internal
    # verdicts until it publishes them with the report (luoshi.rounds.services.publish).
    verdicts_public = models.BooleanField(_("公开状态判断"), default=True)
    # Publication metadata, as on the published page.
    title = models.CharField(_("标题"), max_length=300, blank=True)
    index_no = models.CharField(_("索引号"), max_length=100, blank=True)
    category = models.CharField(_("组配分类"), max_length=100, blank=True)
    publisher = models.CharField(_("发布机构"), max_length=200, blank=True)
    written_date = models.DateField(_("成文日期"), null=True, blank=True)
    published_date = models.DateField(_("发布日期"), null=True, blank=True)
    disclosure = models.CharField(_("公开方式"), max_length=50, blank=True)
    # The published layout: [{"header": "...", "role": "..."}], in source order.
    columns = models.JSONField(_("栏目"), default=list, blank=True)
    notes = models.JSONField(_("表注"), default=list, blank=True)
    source_url = models.URLField(_("来源网址"), max_length=500, blank=True)
    # sha256 of the table as parsed (columns and tasks, not the file's bytes): the same table
    # read from another file format is the same content.
    content_sha256 = models.CharField(_("内容哈希"), max_length=64, blank=True)
    created_at = models.DateTimeField(_("创建时间"), auto_now_add=True)
    updated_at = models.DateTimeField(_("更新时间"), auto_now=True)

    class Meta:
        verbose_name = verbose_name_plural = _("落实情况表")
        ordering = ["-period__year", "-period__month", "plan__government__name"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "period"], name="report_unique_period")
        ]

    def __str__(self) -> str:
        return self.title or f"{self.plan} {self.period}"

    @property
    def is_published(self) -> bool:
        return self.state == self.State.PUBLISHED


class Progress(models.Model):
    """完成情况 / 存在问题 / 下一步 of one task (or sub-item) in one report.

    A task whose row has sub-rows has no progress of its own in that report: each sub-item
    (a child task) has its own.
    """

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="progress",
                               verbose_name=_("落实情况表"))
    task = models.ForeignKey(Task, on_delete=models.CASCADE, related_name="progress",
                             verbose_name=_("重点工作"))
    done = models.TextField(_("完成情况"), blank=True)
    problems = models.TextField(_("存在问题及困难"), blank=True)
    next_steps = models.TextField(_("下一步工作"), blank=True)
    # Position of this row in the report's table (1, 2 …): a table is shown in its own order,
    # which may differ from the plan's task order.
    position = models.PositiveIntegerField(_("行序"), default=0)
    # Cells of the row's other published columns (牵头领导, 半年度目标任务, 进展状态 …) by header,
    # so the table can be shown and exported as published. Same on every sub-item row of a task.
    extra = models.JSONField(_("其他栏目"), default=dict, blank=True)
    # bumped on every save (conflict check)
    version = models.PositiveIntegerField(_("版本"), default=1)
    updated_at = models.DateTimeField(_("更新时间"), auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name=_("更新人")
    )

    class Meta:
        verbose_name = verbose_name_plural = _("进展情况")
        ordering = ["report", "position"]
        constraints = [
            models.UniqueConstraint(fields=["report", "task"], name="progress_unique_task")
        ]

    def __str__(self) -> str:
        return f"{self.task} @ {self.report}"

    @property
    def is_empty(self) -> bool:
        return not (self.done or self.problems or self.next_steps)


class Change(models.Model):
    """History: one recorded change to a task, progress entry, target or status."""

    class Action(models.TextChoices):
        CREATE = "create", "新增"
        UPDATE = "update", "修改"
        DELETE = "delete", "删除"

    model = models.CharField(_("对象类型"), max_length=50)  # "task", "progress" …
    object_id = models.BigIntegerField(_("对象编号"))
    action = models.CharField(_("操作"), max_length=10, choices=Action.choices)
    # {"field": [old, new]} for updates; {"field": new} for creates.
    fields = models.JSONField(_("修改的字段"), default=dict)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name=_("操作人")
    )
    batch = models.ForeignKey(
        "core.ImportBatch", null=True, blank=True, on_delete=models.SET_NULL, related_name="changes",
        verbose_name=_("导入批次")
    )
    at = models.DateTimeField(_("时间"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = verbose_name_plural = _("变更记录")
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["model", "object_id"])]

    def __str__(self) -> str:
        return f"{self.action} {self.model}#{self.object_id}"
