"""One task: its text, units, sub-items and its progress in every period."""

from __future__ import annotations

from dataclasses import dataclass

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from luoshi.core.models import Progress, Report, Task
from luoshi.web.access import visible_reports, visible_tasks


@dataclass
class PeriodBlock:
    """The task's entries in one report: its own, then one per sub-item."""

    report: Report
    entries: list[tuple[Task, Progress]]


def progress_by_period(task: Task, children: list[Task], user) -> list[PeriodBlock]:
    """One block per visible report of the plan where the task has entries, oldest first."""
    reports = list(
        visible_reports(user)
        .filter(plan_id=task.plan_id)
        .select_related("period")
        .order_by("period__year", "period__month", "pk")
    )
    family = [task, *children]
    found: dict[tuple[int, int], Progress] = {
        (p.report_id, p.task_id): p
        for p in Progress.objects.filter(report__in=reports, task__in=family)
    }
    blocks = []
    for report in reports:
        entries = [(t, found[report.pk, t.pk]) for t in family if (report.pk, t.pk) in found]
        if children:
            # The task's own empty entry says nothing next to its sub-items' entries.
            entries = [(t, p) for t, p in entries if t is not task or not p.is_empty]
        if entries:
            blocks.append(PeriodBlock(report, entries))
    return blocks


def task_detail(request: HttpRequest, pk: int) -> HttpResponse:
    task = get_object_or_404(
        visible_tasks(request.user).select_related("plan__government", "parent"), pk=pk
    )
    children = list(task.children.order_by("order", "pk"))
    context = {
        "task": task,
        "units": task.ordered_units(),
        "children": children,
        "blocks": progress_by_period(task, children, request.user),
    }
    return render(request, "web/task_detail.html", context)
