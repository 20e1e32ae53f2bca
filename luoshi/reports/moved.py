"""What moved between two periods of a plan: tasks whose status changed, by direction, and the
entries copied word for word from the previous period (listed, not only counted).

Directions (a task in both reports, statuses compared):

* **newly done** — done (or ahead) now, not before;
* **newly behind** — red or amber now (behind, not started, at risk), not before;
* **recovered** — red or amber before, on track / done / ahead now;
* **other** — any other change (e.g. to 表述笼统 or 无数据).

Statuses are those the viewer may see (``assessments``: permissions.shown_assessments; by
default the filed ones), and copied entries are filed ones: a draft is 未填报, never a status
or a copy (docs/visibility.md).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Exists, OuterRef, QuerySet

from luoshi.core.models import Assessment, Report, TaskUnit
from luoshi.reports.facts import FLAGGED, GOOD
from luoshi.rounds.permissions import filed_assessments, filed_progress
from luoshi.vocab import UnitRole

DIRECTIONS = {"newly_done": "新完成", "newly_behind": "新滞后/有风险", "recovered": "已恢复正常",
              "other": "其他变化"}
RECOVERED_TO = (*GOOD, "on_track")


@dataclass
class Move:
    task_id: int
    serial: str
    text: str
    lead: str
    before: str
    after: str


@dataclass
class Moved:
    report: Report
    previous: Report
    groups: dict[str, list[Move]] = field(default_factory=dict)
    copied: list[dict] = field(default_factory=list)  # {"task_id","serial","text","done"}


def direction(before: str, after: str) -> str:
    if after in GOOD and before not in GOOD:
        return "newly_done"
    if after in FLAGGED and before not in FLAGGED:
        return "newly_behind"
    if before in FLAGGED and after in RECOVERED_TO:
        return "recovered"
    return "other"


def what_moved(report: Report, previous: Report,
               assessments: QuerySet[Assessment] | None = None) -> Moved:
    base = filed_assessments() if assessments is None else assessments
    before = dict(base.filter(report=previous).values_list("task_id", "status"))
    rows = (base.filter(report=report, task_id__in=list(before))
            .select_related("task").order_by("task__order", "task_id"))
    changed = [a for a in rows if a.status != before[a.task_id]]
    leads = dict(TaskUnit.objects.filter(task_id__in=[a.task_id for a in changed],
                                         role=UnitRole.LEAD).values_list("task_id", "unit__name"))
    out = Moved(report, previous, {k: [] for k in DIRECTIONS})
    for a in changed:
        out.groups[direction(before[a.task_id], a.status)].append(
            Move(a.task_id, a.task.serial, a.task.text, leads.get(a.task_id, ""),
                 before[a.task_id], a.status))
    same = filed_progress().filter(report=previous, task_id=OuterRef("task_id"),
                                   done=OuterRef("done"))
    for p in (filed_progress().filter(report=report).exclude(done="").filter(Exists(same))
              .select_related("task", "task__parent").order_by("position", "pk")):
        top = p.task.parent or p.task
        out.copied.append({"task_id": top.pk, "serial": top.serial, "text": top.text,
                           "heading": p.task.text if p.task.parent_id else "", "done": p.done})
    return out
