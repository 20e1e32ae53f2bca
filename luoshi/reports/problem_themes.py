"""Problem themes per report: how many tasks name each theme in their 存在问题 cells, per period
of a plan, with the tasks behind each count (the drill-down).

A task counts once per theme, however many of its cells (own row or sub-items) name it; the
rule for a cell is luoshi.extract.themes (word table + jieba, docs/bulletin.md). Only filed
cells count and are quoted (permissions.filed_progress): a draft is 未填报 (docs/visibility.md).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import QuerySet

from luoshi.core.models import Report
from luoshi.extract.themes import THEMES, theme_hits, themes_of
from luoshi.rounds.permissions import filed_progress


@dataclass
class ThemeTask:
    task_id: int
    serial: str
    text: str
    problems: list[dict] = field(default_factory=list)  # {"entry", "text", "hits": [(s, e)]}


def task_themes(report: Report) -> dict[int, set[str]]:
    """Top-level task id -> the themes its problems cells name."""
    out: dict[int, set[str]] = {}
    rows = (filed_progress().filter(report=report).exclude(problems="")
            .values_list("task_id", "task__parent_id", "problems"))
    for task_id, parent_id, problems in rows:
        found = themes_of(problems)
        if found:
            out.setdefault(parent_id or task_id, set()).update(found)
    return out


def counts(report: Report) -> dict[str, int]:
    """Theme key -> tasks naming it, every theme present (zero-filled), in table order."""
    by_task = task_themes(report)
    return {t.key: sum(1 for found in by_task.values() if t.key in found) for t in THEMES}


def counts_by_period(reports: QuerySet[Report]) -> list[tuple[Report, dict[str, int]]]:
    """(report, counts) for each report, oldest period first."""
    ordered = reports.select_related("period").order_by("period__year", "period__month")
    return [(r, counts(r)) for r in ordered]


def drill_down(report: Report, theme: str) -> list[ThemeTask]:
    """The tasks of ``report`` whose problems name ``theme``, with the words that did."""
    out: dict[int, ThemeTask] = {}
    rows = (filed_progress().filter(report=report).exclude(problems="")
            .select_related("task", "task__parent").order_by("position", "pk"))
    for p in rows:
        if theme not in themes_of(p.problems):
            continue
        top = p.task.parent or p.task
        t = out.setdefault(top.pk, ThemeTask(top.pk, top.serial, top.text))
        hits = [(h.start, h.end) for h in theme_hits(p.problems) if h.theme == theme]
        t.problems.append({"entry": p.pk, "text": p.problems, "hits": hits})
    return list(out.values())
