"""One responsible unit: the tasks it leads and co-leads, report by report, with counts."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from luoshi.core.models import Report, TaskUnit, Unit
from luoshi.search.models import TaskEntry
from luoshi.vocab import UnitRole
from luoshi.web.access import shown_assessments, visible_plans, visible_reports
from luoshi.web.listing import STATUS_RANK
from luoshi.web.statuses import statuses_available


@dataclass
class ReportBlock:
    report: Report
    led: list[TaskEntry] = field(default_factory=list)
    co: list[TaskEntry] = field(default_factory=list)

    @property
    def empty(self) -> int:
        return sum(e.empty for e in (*self.led, *self.co))

    @property
    def vague(self) -> int:
        return sum(e.vague for e in (*self.led, *self.co))

    @property
    def statuses(self) -> dict[str, int]:
        """Status counts of the tasks the unit leads, most urgent first."""
        counts: dict[str, int] = defaultdict(int)
        for e in self.led:
            if e.status:
                counts[e.status] += 1
        return {s: counts[s] for s in STATUS_RANK if counts.get(s)}


def unit_detail(request: HttpRequest, pk: int) -> HttpResponse:
    unit = get_object_or_404(Unit.objects.select_related("government"), pk=pk)
    roles = dict(TaskUnit.objects.filter(unit=unit).values_list("task_id", "role"))
    entries = (
        TaskEntry.objects.filter(task_id__in=list(roles), plan__in=visible_plans(request.user))
        .select_related("task", "report__period", "report__plan__government", "plan__government")
        .defer("tokens")
        .order_by("year_desc", "plan_id", "order")
    )
    reports = set(visible_reports(request.user).values_list("pk", flat=True))
    # Statuses only where the viewer may see them (a report's verdicts may be internal).
    judged = set(shown_assessments(request.user).filter(task_id__in=list(roles))
                 .values_list("task_id", "report_id"))
    blocks: dict[int, ReportBlock] = {}
    tasks: list[TaskEntry] = []  # the tasks themselves, led first
    for entry in entries:
        if entry.report_id is None:
            tasks.append(entry)
            continue
        if entry.report_id not in reports:
            continue
        if (entry.task_id, entry.report_id) not in judged:
            entry.status = ""
        block = blocks.setdefault(entry.report_id, ReportBlock(entry.report))
        (block.led if roles[entry.task_id] == UnitRole.LEAD else block.co).append(entry)
    ordered = sorted(blocks.values(),
                     key=lambda b: (-b.report.period.year, -b.report.period.month, b.report.pk))
    led = [e for e in tasks if roles[e.task_id] == UnitRole.LEAD]
    co = [e for e in tasks if roles[e.task_id] != UnitRole.LEAD]
    context = {
        "unit": unit,
        "aliases": list(unit.aliases.values_list("alias", flat=True)),
        "led": led,
        "co": co,
        "blocks": ordered,
        "with_status": statuses_available(),
    }
    return render(request, "web/unit_detail.html", context)
