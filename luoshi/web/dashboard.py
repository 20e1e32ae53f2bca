"""Figures of one report's dashboard, from the index rows (a few aggregate queries).

Per lead unit: tasks, and entries that are empty or only boilerplate; the same figures for the
previous period of the plan, with what changed; status counts once statuses are derived.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Count, Exists, OuterRef, Q, QuerySet, Sum

from luoshi.core.models import Progress, Report
from luoshi.rounds.permissions import filed_q
from luoshi.search.models import TaskEntry
from luoshi.vocab import Status
from luoshi.web.statuses import shown_status

UNIT_LIMITS = {"10": 10, "20": 20, "all": None}
MEASURES = {"tasks": "任务数", "empty": "完成情况空白", "vague": "仅套话"}


@dataclass
class Totals:
    tasks: int = 0
    entries: int = 0
    empty: int = 0
    vague: int = 0
    statuses: dict[str, int] = field(default_factory=dict)


@dataclass
class Comparison:
    report: Report
    totals: Totals
    new_tasks: int  # in this report, not in the previous one
    dropped_tasks: int  # in the previous report, not in this one
    unchanged: int  # entries whose 完成情况 is word for word the previous period's

    def delta(self, current: Totals, name: str) -> int:
        return getattr(current, name) - getattr(self.totals, name)


def previous_report(report: Report, reports: QuerySet[Report]) -> Report | None:
    """The plan's report of the latest period before this one, among ``reports``."""
    period = report.period
    return (
        reports.filter(plan_id=report.plan_id)
        .filter(Q(period__year__lt=period.year)
                | Q(period__year=period.year, period__month__lt=period.month))
        .select_related("period")
        .order_by("-period__year", "-period__month", "-pk")
        .first()
    )


def totals(report: Report) -> Totals:
    rows = TaskEntry.objects.filter(report=report)
    agg = rows.aggregate(tasks=Count("pk"), entries=Sum("entries"), empty=Sum("empty"),
                         vague=Sum("vague"))
    statuses = dict(rows.exclude(status="").values_list("status").annotate(n=Count("pk")))
    return Totals(tasks=agg["tasks"] or 0, entries=agg["entries"] or 0, empty=agg["empty"] or 0,
                  vague=agg["vague"] or 0, statuses=statuses)


def unfiled(report: Report) -> dict | None:
    """A running round's entries not yet filed (drafts, returned): their number and the number
    of top-level tasks with one. None for a published report (everything in it is filed)."""
    if report.is_published:
        return None
    rows = Progress.objects.filter(report=report).exclude(filed_q())
    tasks = {parent or task for task, parent in rows.values_list("task_id", "task__parent_id")}
    return {"entries": rows.count(), "tasks": len(tasks)}


def by_unit(report: Report, *, limit: int | None, measure: str) -> list[dict]:
    """Per lead unit: tasks, empty and vague entries; the units with most ``measure`` first."""
    rows = (
        TaskEntry.objects.filter(report=report)
        .values("lead_unit_id", "lead_name")
        .annotate(tasks=Count("pk"), entries=Sum("entries"), empty=Sum("empty"),
                  vague=Sum("vague"))
        .order_by(f"-{measure}", "lead_name")
    )
    out = []
    for row in rows[:limit] if limit else rows:
        out.append({
            "unit_id": row["lead_unit_id"],
            "name": row["lead_name"] or "(未列牵头单位)",
            "tasks": row["tasks"],
            "entries": row["entries"] or 0,
            "empty": row["empty"] or 0,
            "vague": row["vague"] or 0,
        })
    return out


def compare(report: Report, previous: Report) -> Comparison:
    here = TaskEntry.objects.filter(report=report).values("task_id")
    there = TaskEntry.objects.filter(report=previous).values("task_id")
    # Filed entries only: a draft copied from last period is 未填报, not a copy yet.
    same = Progress.objects.filter(filed_q()).filter(
        report=previous, task_id=OuterRef("task_id"), done=OuterRef("done"))
    unchanged = (
        Progress.objects.filter(report=report).filter(filed_q()).exclude(done="")
        .filter(Exists(same)).count()
    )
    return Comparison(
        report=previous,
        totals=totals(previous),
        new_tasks=TaskEntry.objects.filter(report=report).exclude(task_id__in=there).count(),
        dropped_tasks=TaskEntry.objects.filter(report=previous).exclude(task_id__in=here).count(),
        unchanged=unchanged,
    )


def status_units(summary: dict, limit: int | None) -> dict:
    """Lead unit × status, the units with most tasks first (from ``status_summary``)."""
    units = summary["by_unit"][:limit] if limit else summary["by_unit"]
    names = [u["unit"] or "(未列牵头单位)" for u in units]
    return {
        "names": names,
        "series": [{"key": s.value, "name": shown_status(s.value),
                    "values": [u["by_status"].get(s.value, 0) for u in units]} for s in Status],
    }


def chart_data(report: Report, current: Totals, units: list[dict],
               comparison: Comparison | None, summary: dict | None = None,
               limit: int | None = None, status_delta: dict | None = None) -> dict:
    """What the charts draw (embedded with json_script, read by dashboard.js)."""
    data: dict = {
        "units": {
            "names": [u["name"] for u in units],
            "series": [
                {"key": "filled", "name": "有实质内容",
                 "values": [u["entries"] - u["empty"] - u["vague"] for u in units]},
                {"key": "vague", "name": "仅套话", "values": [u["vague"] for u in units]},
                {"key": "empty", "name": "完成情况空白", "values": [u["empty"] for u in units]},
            ],
        },
    }
    if comparison is not None:
        data["compare"] = {
            "labels": ["任务数", "完成情况空白", "仅套话"],
            "series": [
                {"name": str(comparison.report.period),
                 "values": [comparison.totals.tasks, comparison.totals.empty,
                            comparison.totals.vague]},
                {"name": str(report.period),
                 "values": [current.tasks, current.empty, current.vague]},
            ],
        }
    if summary and summary["total"]:
        data["statuses"] = [
            {"key": s.value, "name": shown_status(s.value), "value": summary["by_status"][s.value]}
            for s in Status
        ]
        data["status_units"] = status_units(summary, limit)
        if comparison is not None and status_delta is not None:
            before = {k: summary["by_status"][k] - v for k, v in status_delta.items()}
            data["status_compare"] = {
                "labels": [shown_status(s.value) for s in Status],
                "series": [
                    {"name": str(comparison.report.period),
                     "values": [before[s.value] for s in Status]},
                    {"name": str(report.period),
                     "values": [summary["by_status"][s.value] for s in Status]},
                ],
            }
    return data
