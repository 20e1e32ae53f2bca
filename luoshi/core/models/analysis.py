"""What luoshi derives from the texts (targets, measurements, status) and people's corrections.

Derived rows come from ``luoshi.extract`` through ``luoshi.core.services.analysis``; every one
keeps the span of text it rests on (offsets into the stored field) so a page can highlight it.
A person's correction turns a row ``manual``: re-analysis never overwrites it, it only records
what it would have derived (``derived_*``) so a page can say "corrected from …".
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from luoshi.core.models.plans import Task
from luoshi.core.models.reports import Progress, Report
from luoshi.vocab import Status, choices


class Source(models.TextChoices):
    DERIVED = "derived", "自动分析"
    MANUAL = "manual", "人工修正"


ORIGIN_NOTES = {"progress_plan": _("目标取自进展中的全年计划")}


class Target(models.Model):
    """目标: a figure the task text promises. Targets belong to the task (shared by its reports).

    ``start``/``end`` are offsets into ``task.text`` of the derived span — or, for a target read
    from a target column of the table (全年目标, 一季度目标), into that cell, whose header is
    ``column``; a correction keeps them (they identify which derived target it corrects), a
    target added by hand has none. ``due_share`` is the share of the year at which the target
    falls due (0.25 for a 一季度目标 column, 1.0 for the year's).
    A wrong derived target is removed by a person with ``active=False`` (kept, so
    re-analysis does not bring it back).
    """

    task = models.ForeignKey(Task, on_delete=models.CASCADE, related_name="targets",
                             verbose_name=_("重点工作"))
    position = models.PositiveSmallIntegerField(_("顺序"), default=0)  # index in the analysis
    metric = models.CharField(_("指标"), max_length=200, blank=True)
    # >=, <=, =, increase_by, decrease_by, reach
    comparator = models.CharField(_("比较"), max_length=20)
    value = models.FloatField(_("目标值"))
    value_max = models.FloatField(_("上限"), null=True, blank=True)  # range targets ("3-5个")
    unit = models.CharField(_("单位"), max_length=30, blank=True)
    # rules.TARGET_KINDS: cumulative (prorated by time), rate, level, rank, reduction.
    kind = models.CharField(_("目标类型"), max_length=20, blank=True, default="")
    span = models.TextField(_("原文"), blank=True)
    start = models.PositiveIntegerField(_("原文起点"), null=True, blank=True)
    end = models.PositiveIntegerField(_("原文终点"), null=True, blank=True)
    column = models.CharField(_("目标列"), max_length=100, blank=True, default="")
    due_share = models.FloatField(_("期末应完成比例"), default=1.0)
    # Where a derived target was read, when not the task text or a target column:
    # "progress_plan" is the year's plan a progress entry states (全年计划新增就业5000人), read
    # when the task text and the table give none (luoshi/extract/progress_plan.py); ``start``
    # and ``end`` are then offsets into that entry's done cell.
    origin = models.CharField(_("目标来源"), max_length=20, blank=True, default="")
    source = models.CharField(_("来源"), max_length=10, choices=Source.choices, default=Source.DERIVED)
    active = models.BooleanField(_("有效"), default=True)
    # For a corrected target: what analysis derives at the same span (None when it no longer
    # derives one there).
    derived = models.JSONField(_("自动分析结果"), null=True, blank=True)
    version = models.PositiveIntegerField(_("版本"), default=1)
    corrected_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name=_("更正人")
    )
    corrected_at = models.DateTimeField(_("更正时间"), null=True, blank=True)

    class Meta:
        verbose_name = verbose_name_plural = _("目标")
        ordering = ["task", "position", "id"]
        indexes = [models.Index(fields=["task", "position"])]

    def __str__(self) -> str:
        return f"{self.metric} {self.comparator} {self.value:g}{self.unit}"

    @property
    def is_manual(self) -> bool:
        return self.source == Source.MANUAL

    @property
    def origin_note(self) -> str:
        """Where the target comes from, when not the task text or a column."""
        return ORIGIN_NOTES.get(self.origin, "")

    @property
    def kind_note(self) -> str:
        """How a target of this kind is judged ("增速目标,不按时间进度折算")."""
        from luoshi.extract.rules import TARGET_KINDS

        return TARGET_KINDS.get(self.kind, "")


class Measurement(models.Model):
    """实绩: a figure reported in a done cell of one report, matched to a target when it can be.

    Always derived (rebuilt by each analysis of the report). ``progress`` is the entry whose
    ``field`` holds the span at ``start``/``end`` (a sub-item's entry for tasks with sub-items);
    ``task`` is the (top-level) task analysed.
    """

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="measurements",
                               verbose_name=_("落实情况表"))
    task = models.ForeignKey(Task, on_delete=models.CASCADE, related_name="measurements",
                             verbose_name=_("重点工作"))
    progress = models.ForeignKey(
        Progress, null=True, blank=True, on_delete=models.CASCADE, related_name="measurements",
        verbose_name=_("进展情况")
    )
    metric = models.CharField(_("指标"), max_length=200, blank=True)
    value = models.FloatField(_("数值"))
    unit = models.CharField(_("单位"), max_length=30, blank=True)
    as_of = models.CharField(_("截至"), max_length=30, blank=True)  # as written: 1-9月, 目前
    as_of_date = models.DateField(_("截至日期"), null=True, blank=True)
    span = models.TextField(_("原文"), blank=True)
    field = models.CharField(_("栏目"), max_length=20, default="done")
    start = models.PositiveIntegerField(_("原文起点"), default=0)
    end = models.PositiveIntegerField(_("原文终点"), default=0)
    ratio_stated = models.FloatField(_("原文所述比例"), null=True, blank=True)  # percent, as stated
    target = models.ForeignKey(
        Target, null=True, blank=True, on_delete=models.SET_NULL, related_name="measurements",
        verbose_name=_("目标")
    )
    ratio = models.FloatField(_("完成比例"), null=True, blank=True)  # measured / target

    class Meta:
        verbose_name = verbose_name_plural = _("实绩")
        ordering = ["report", "task", "id"]
        indexes = [models.Index(fields=["report", "task"])]

    def __str__(self) -> str:
        return f"{self.metric} {self.value:g}{self.unit}"


class Assessment(models.Model):
    """状态: where one task stands in one report, with reason and evidence.

    One per (report, task), on the top-level task (a task with sub-items is judged from all
    of them together). ``evidence`` is ``[{"field", "item", "start", "end", "text",
    "progress", "task"}]``: ``text`` is exactly ``getattr(progress, field)[start:end]``
    (``task.text`` when ``field == "text"``); ``item`` is the sub-item's index, ``progress``
    and ``task`` the ids of the entry and of the (sub-)task whose field it is.

    ``status``/``reason``/``evidence`` are what pages show; ``derived_*`` are what analysis
    says. With ``source == manual`` a person set status and reason, and re-analysis only
    updates ``derived_*``. ``version`` is bumped on every correction (conflict check).
    """

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="assessments",
                               verbose_name=_("落实情况表"))
    task = models.ForeignKey(Task, on_delete=models.CASCADE, related_name="assessments",
                             verbose_name=_("重点工作"))
    status = models.CharField(_("状态"), max_length=20, choices=choices(Status), db_index=True)
    reason = models.TextField(_("理由"), blank=True)
    evidence = models.JSONField(_("依据"), default=list, blank=True)
    source = models.CharField(_("来源"), max_length=10, choices=Source.choices, default=Source.DERIVED)
    derived_status = models.CharField(_("自动判断的状态"), max_length=20, choices=choices(Status))
    derived_reason = models.TextField(_("自动判断的理由"), blank=True)
    derived_evidence = models.JSONField(_("自动判断的依据"), default=list, blank=True)
    rule = models.CharField(_("判断规则"), max_length=50, blank=True)  # the extract rule that decided
    version = models.PositiveIntegerField(_("版本"), default=1)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name=_("更新人")
    )
    updated_at = models.DateTimeField(_("更新时间"), auto_now=True)

    class Meta:
        verbose_name = verbose_name_plural = _("状态")
        ordering = ["report", "task"]
        constraints = [
            models.UniqueConstraint(fields=["report", "task"], name="assessment_unique_task")
        ]
        indexes = [models.Index(fields=["report", "status"])]

    def __str__(self) -> str:
        return f"{self.task} @ {self.report}: {self.status}"

    @property
    def is_manual(self) -> bool:
        return self.source == Source.MANUAL

    @property
    def corrected_from(self) -> str | None:
        """The derived status a person's correction replaced, when it differs."""
        if self.is_manual and self.derived_status != self.status:
            return self.derived_status
        return None


class MeasurementCorrection(models.Model):
    """A person's correction of one derived measurement: its value, the target it measures,
    or that it is no measurement at all (``active=False``).

    Measurements are rebuilt by every analysis; the correction is kept apart and identifies
    its measurement by where it was read (report, entry, field, offsets), so every analysis
    applies it to the figures read before the status is decided: it wins over what the rules
    derive, and the verdict follows it.
    """

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="measurement_corrections",
                               verbose_name=_("落实情况表"))
    task = models.ForeignKey(Task, on_delete=models.CASCADE, related_name="measurement_corrections",
                             verbose_name=_("重点工作"))
    progress = models.ForeignKey(Progress, null=True, blank=True, on_delete=models.CASCADE,
                                 related_name="+", verbose_name=_("进展情况"))
    field = models.CharField(_("栏目"), max_length=20, default="done")
    start = models.PositiveIntegerField(_("原文起点"), default=0)
    end = models.PositiveIntegerField(_("原文终点"), default=0)
    span = models.TextField(_("原文"), blank=True)
    value = models.FloatField(_("数值"), null=True, blank=True)  # None: keep the derived value
    target = models.ForeignKey(Target, null=True, blank=True, on_delete=models.SET_NULL,
                               related_name="+", verbose_name=_("目标"))
    # True: ``target`` (even None) wins
    set_target = models.BooleanField(_("更正所对应的目标"), default=False)
    active = models.BooleanField(_("有效"), default=True)
    reason = models.TextField(_("理由"), blank=True)
    corrected_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name=_("更正人")
    )
    corrected_at = models.DateTimeField(_("更正时间"), auto_now=True)

    class Meta:
        verbose_name = verbose_name_plural = _("实绩修正")
        constraints = [models.UniqueConstraint(
            fields=["report", "progress", "field", "start", "end"], name="measurement_correction_unique")]

    def __str__(self) -> str:
        what = "不是实绩" if not self.active else f"{self.value:g}" if self.value is not None else "改匹配"
        return f"实绩修正 {self.span[:20]}: {what}"
