"""Governments, their yearly plans, the tasks in them and the units responsible."""

from __future__ import annotations

import calendar
from datetime import date

from django.db import models
from django.utils.translation import gettext_lazy as _

from luoshi.vocab import PERIOD_KIND_END_MONTH, PeriodKind, UnitRole, choices


class Government(models.Model):
    class Level(models.TextChoices):
        PROVINCE = "province", "省"
        CITY = "city", "市"
        COUNTY = "county", "县"
        DISTRICT = "district", "区"
        OTHER = "other", "其他"

    name = models.CharField(_("名称"), max_length=100, unique=True)
    level = models.CharField(_("层级"), max_length=20, choices=Level.choices, default=Level.OTHER)
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="children",
        verbose_name=_("上级")
    )

    class Meta:
        verbose_name = verbose_name_plural = _("地区/政府")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    @staticmethod
    def level_for(name: str) -> str:
        """Guess the level from the name's last character (舟山市 → city, 洞头区 → district)."""
        last = name[-1:] if name else ""
        return {
            "省": Government.Level.PROVINCE,
            "市": Government.Level.CITY,
            "县": Government.Level.COUNTY,
            "区": Government.Level.DISTRICT,
        }.get(last, Government.Level.OTHER)


class Plan(models.Model):
    """A government's key-task list for one year (年度重点工作清单)."""

    government = models.ForeignKey(Government, on_delete=models.PROTECT, related_name="plans",
                                   verbose_name=_("地区/政府"))
    year = models.PositiveSmallIntegerField(_("年度"))
    title = models.CharField(_("名称"), max_length=300, blank=True)

    class Meta:
        verbose_name = verbose_name_plural = _("年度重点工作清单")
        ordering = ["-year", "government__name"]
        constraints = [
            models.UniqueConstraint(fields=["government", "year"], name="plan_unique_year")
        ]

    def __str__(self) -> str:
        return self.title or f"{self.government.name}{self.year}年重点工作"


class Unit(models.Model):
    """A responsible unit (责任单位) of one government, under its normalised name."""

    government = models.ForeignKey(Government, on_delete=models.PROTECT, related_name="units",
                                   verbose_name=_("地区/政府"))
    name = models.CharField(_("名称"), max_length=200)

    class Meta:
        verbose_name = verbose_name_plural = _("责任单位")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["government", "name"], name="unit_unique_name")
        ]

    def __str__(self) -> str:
        return self.name


class UnitAlias(models.Model):
    """Another way a unit's name is written (e.g. 市大数据局 for 市府办(市大数据局))."""

    unit = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="aliases",
                             verbose_name=_("责任单位"))
    alias = models.CharField(_("别名"), max_length=200, db_index=True)

    class Meta:
        verbose_name = verbose_name_plural = _("单位别名")
        constraints = [
            models.UniqueConstraint(fields=["unit", "alias"], name="unit_alias_unique")
        ]

    def __str__(self) -> str:
        return self.alias


class Task(models.Model):
    """A key task (重点工作); sub-items are tasks whose parent is the task they belong to.

    A sub-item's text is its sub-heading as published (may be empty), its serial is empty and
    its order is its position (1, 2 …) inside the parent's row.
    """

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="tasks",
                             verbose_name=_("年度重点工作清单"))
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="children",
        verbose_name=_("所属任务")
    )
    serial = models.CharField(_("序号"), max_length=20, blank=True)
    text = models.TextField(_("任务内容"))
    order = models.PositiveIntegerField(_("顺序"), default=0)
    units = models.ManyToManyField(Unit, through="TaskUnit", related_name="tasks",
                                   verbose_name=_("责任单位"))
    # bumped on every edit (conflict check)
    version = models.PositiveIntegerField(_("版本"), default=1)
    # The office's own bookkeeping of the task (luoshi.rounds.tasks): when it is due (an
    # approved 延期申请 moves it), and whether it is closed (销号) with the reason.
    deadline = models.DateField(_("完成时限"), null=True, blank=True)
    closed_at = models.DateTimeField(_("销号时间"), null=True, blank=True)
    close_reason = models.TextField(_("销号理由"), blank=True)

    class Meta:
        verbose_name = verbose_name_plural = _("重点工作")
        ordering = ["plan", "parent_id", "order"]
        indexes = [models.Index(fields=["plan", "parent", "order"])]

    def __str__(self) -> str:
        return f"{self.serial} {self.text[:40]}"

    @property
    def is_closed(self) -> bool:
        return self.closed_at is not None

    @property
    def is_sub_item(self) -> bool:
        return self.parent_id is not None

    def ordered_units(self) -> list[TaskUnit]:
        return list(self.task_units.select_related("unit").order_by("order"))

    def lead_unit(self) -> Unit | None:
        link = self.task_units.filter(role=UnitRole.LEAD).select_related("unit").first()
        return link.unit if link else None


class Milestone(models.Model):
    """A step of a task the office tracks (节点): what, by when, and when it was reached."""

    task = models.ForeignKey(Task, on_delete=models.CASCADE, related_name="milestones",
                             verbose_name=_("重点工作"))
    title = models.CharField(_("节点"), max_length=300)
    due = models.DateField(_("计划时间"), null=True, blank=True)
    done_at = models.DateField(_("完成时间"), null=True, blank=True)
    order = models.PositiveSmallIntegerField(_("顺序"), default=0)

    class Meta:
        verbose_name = verbose_name_plural = _("任务节点")
        ordering = ["task", "due", "order", "pk"]

    def __str__(self) -> str:
        return self.title


class TaskUnit(models.Model):
    task = models.ForeignKey(Task, on_delete=models.CASCADE, related_name="task_units",
                             verbose_name=_("重点工作"))
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="task_links",
                             verbose_name=_("责任单位"))
    role = models.CharField(_("角色"), max_length=10, choices=choices(UnitRole))
    order = models.PositiveSmallIntegerField(_("顺序"), default=0)

    class Meta:
        verbose_name = verbose_name_plural = _("任务责任单位")
        ordering = ["task", "order"]
        constraints = [
            models.UniqueConstraint(fields=["task", "unit"], name="task_unit_unique")
        ]

    def __str__(self) -> str:
        return f"{self.unit} ({self.get_role_display()})"


class Period(models.Model):
    """A reporting period of a year; progress is cumulative from 1 January."""

    year = models.PositiveSmallIntegerField(_("年度"))
    kind = models.CharField(_("类型"), max_length=10, choices=choices(PeriodKind))
    month = models.PositiveSmallIntegerField(_("截至月份"), default=12)  # last month covered
    label = models.CharField(_("名称"), max_length=50, blank=True)

    class Meta:
        verbose_name = verbose_name_plural = _("报告期")
        ordering = ["year", "month"]
        constraints = [
            models.UniqueConstraint(fields=["year", "kind", "month"], name="period_unique")
        ]

    def __str__(self) -> str:
        return f"{self.year}年{self.label or PeriodKind(self.kind).label}"

    @classmethod
    def end_month_for(cls, kind: str, month: int | None = None) -> int:
        if kind == PeriodKind.MONTH:
            return month or 12
        return PERIOD_KIND_END_MONTH[PeriodKind(kind)]

    @property
    def end_date(self) -> date | None:
        if self.kind == PeriodKind.PLAN or not self.month:
            return None
        return date(self.year, self.month, calendar.monthrange(self.year, self.month)[1])

    @property
    def share_elapsed(self) -> float:
        """Share of the year elapsed at the period's end (Q3 → 0.75)."""
        return 0.0 if self.kind == PeriodKind.PLAN else self.month / 12
