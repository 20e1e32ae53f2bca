"""The index rows. Nothing here is a source of truth: ``manage.py reindex`` rebuilds it all."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

# The tasks' own rows (no report): what the task list shows when no period is chosen.
TASK_ROWS = models.Q(report__isnull=True)


class TaskEntry(models.Model):
    """One top-level task as it stands in one report, or in none (``report`` null: the task
    itself, one such row per task).

    Denormalised for the task list, search and dashboards: the plan, period, lead unit, order
    and the counts of the task's entries (its own or its sub-items') that are empty or only
    boilerplate, so that listing 100 000 tasks needs no joins.
    """

    task = models.ForeignKey("core.Task", on_delete=models.CASCADE, related_name="+",
                             verbose_name=_("重点工作"))
    plan = models.ForeignKey("core.Plan", on_delete=models.CASCADE, related_name="+",
                             verbose_name=_("年度重点工作清单"))
    report = models.ForeignKey(
        "core.Report", null=True, blank=True, on_delete=models.CASCADE, related_name="+",
        verbose_name=_("落实情况表")
    )
    period = models.ForeignKey(
        "core.Period", null=True, blank=True, on_delete=models.CASCADE, related_name="+",
        verbose_name=_("报告期")
    )
    year = models.PositiveSmallIntegerField(_("年度"))  # the plan's year
    # 9999 - year: newest plans first with every sort column ascending, so one index serves.
    year_desc = models.PositiveSmallIntegerField(_("年度(倒序键)"), default=0)
    order = models.PositiveIntegerField(_("顺序"), default=0)  # the task's order in its plan
    position = models.PositiveIntegerField(_("行序"), default=0)  # first row in the report's table
    lead_unit = models.ForeignKey(
        "core.Unit", null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name=_("牵头单位")
    )
    lead_name = models.CharField(_("牵头单位名称"), max_length=200, blank=True)
    entries = models.PositiveIntegerField(_("进展条数"), default=0)  # progress rows (own or sub-items)
    empty = models.PositiveIntegerField(_("未填条数"), default=0)  # … whose 完成情况 is empty
    vague = models.PositiveIntegerField(_("套话条数"), default=0)  # … whose 完成情况 is only boilerplate
    # Derived status of the task in this report, once status models exist (issue 4); blank
    # until then. The list's status filter and the dashboard's status charts read it.
    status = models.CharField(_("状态"), max_length=20, blank=True, db_index=True)
    tokens = models.TextField(_("检索词"), blank=True)  # jieba words separated by spaces

    class Meta:
        verbose_name = verbose_name_plural = _("检索条目")
        constraints = [
            models.UniqueConstraint(fields=["task", "report"], name="taskentry_unique_report"),
            models.UniqueConstraint(
                fields=["task"], condition=models.Q(report__isnull=True),
                name="taskentry_unique_task",
            ),
        ]
        # One index per sort order of the task list, each ending in id (the tie-breaker), so
        # a page is read in index order instead of sorting every matching row; the tasks' own
        # rows (no period chosen) have partial indexes of their own.
        indexes = [
            models.Index(fields=["year_desc", "plan", "order", "id"], condition=TASK_ROWS,
                         name="taskentry_tasks"),
            models.Index(fields=["lead_name", "year_desc", "plan", "order", "id"],
                         condition=TASK_ROWS, name="taskentry_tasks_lead"),
            # SQLite's planner picks this one (filter and order) over the partial ones.
            models.Index(fields=["report", "year_desc", "plan", "order", "id"],
                         name="taskentry_report_order"),
            models.Index(fields=["period", "year_desc", "plan", "order", "id"],
                         name="taskentry_period"),
            models.Index(fields=["period", "-empty", "-vague", "year_desc", "plan", "order"],
                         name="taskentry_period_empty"),
            models.Index(fields=["plan", "report", "order"], name="taskentry_plan"),
            models.Index(fields=["lead_unit", "report"], name="taskentry_lead"),
            models.Index(fields=["report", "lead_name"], name="taskentry_lead_name"),
        ]

    def __str__(self) -> str:
        return f"task {self.task_id} @ report {self.report_id}"
