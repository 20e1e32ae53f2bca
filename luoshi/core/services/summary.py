"""Report-level status queries for the dashboard and bulletins: plain dicts, a few queries.

    summary = status_summary(report)
    {
      "report": 7, "total": 190,
      "by_status": {"done": 19, "on_track": 119, "behind": 13, "at_risk": 1, "vague": 37,
                    "no_data": 1},                       # every Status, zero-filled, vocab order
      "corrected": 2,                                    # statuses set by a person
      "by_unit": [                                       # lead unit × status, most tasks first
        {"unit_id": 3, "unit": "市发改委", "total": 12,
         "by_status": {"done": 1, "on_track": 9, "behind": 2, ...}},
        ...                                              # unit_id None: tasks with no lead unit
      ],
      "flagged": [                                       # behind first, then at_risk; table order
        {"task_id", "serial", "text", "lead_unit", "status", "reason", "source",
         "derived_status", "evidence": [{"field", "item", "start", "end", "text",
                                         "progress", "task"}], "version"},
        ...
      ],
    }

    previous_report(report)          # the same plan's report of the latest earlier period, or None
    compare_reports(report, prev)    # {"by_status_delta": {...}, "transitions": [...],
                                     #  "newly_flagged": [task ids]}

Statuses are those stored by ``luoshi.core.services.analysis`` (a person's correction wins).
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from django.db.models import Count, QuerySet

from luoshi.core.models import Assessment, Report, TaskUnit
from luoshi.vocab import Status, UnitRole

FLAGGED = (Status.BEHIND, Status.NOT_STARTED, Status.AT_RISK)  # red first, then amber


def _zero() -> dict[str, int]:
    return {s.value: 0 for s in Status}


def status_summary(report: Report, assessments: QuerySet[Assessment] | None = None
                   ) -> dict[str, Any]:
    """Counts per status and per lead unit × status, and the behind/at-risk list (3 queries).

    ``assessments``: the statuses the viewer may see (luoshi.rounds.permissions
    .shown_assessments); None: all of them."""
    base = Assessment.objects.all() if assessments is None else assessments
    by_status = _zero()
    corrected = 0
    for row in (base.filter(report=report)
                .values("status", "source").annotate(n=Count("id"))):
        by_status[row["status"]] = by_status.get(row["status"], 0) + row["n"]
        if row["source"] == "manual":
            corrected += row["n"]

    # Lead unit of each assessed task, with its status: one join over TaskUnit.
    units: dict[int | None, dict[str, Any]] = {}
    lead_of: dict[int, str] = {}
    led = (TaskUnit.objects.filter(role=UnitRole.LEAD, task__assessments__report=report,
                                   task__assessments__in=base.filter(report=report).values("pk"))
           .values("task_id", "unit_id", "unit__name", "task__assessments__status"))
    seen_tasks: set[int] = set()
    for row in led:
        if row["task_id"] in seen_tasks:  # two lead links on one task: count it once
            continue
        seen_tasks.add(row["task_id"])
        lead_of[row["task_id"]] = row["unit__name"]
        u = units.setdefault(row["unit_id"], {"unit_id": row["unit_id"], "unit": row["unit__name"],
                                              "total": 0, "by_status": _zero()})
        u["total"] += 1
        u["by_status"][row["task__assessments__status"]] += 1
    unassigned = sum(by_status.values()) - len(seen_tasks)
    if unassigned > 0:
        rest = dict(by_status)
        for u in units.values():
            for s, n in u["by_status"].items():
                rest[s] -= n
        units[None] = {"unit_id": None, "unit": "", "total": unassigned, "by_status": rest}

    flagged = []
    rows = (base.filter(report=report, status__in=[s.value for s in FLAGGED])
            .select_related("task")
            .order_by("task__parent_id", "task__order", "task_id"))
    for a in rows:
        flagged.append({
            "task_id": a.task_id, "serial": a.task.serial, "text": a.task.text,
            "lead_unit": lead_of.get(a.task_id, ""), "status": a.status, "reason": a.reason,
            "source": a.source, "derived_status": a.derived_status, "evidence": a.evidence,
            "version": a.version,
        })
    order = {s.value: i for i, s in enumerate(FLAGGED)}
    flagged.sort(key=lambda f: order[f["status"]])  # stable: table order within a status
    return {
        "report": report.pk,
        "total": sum(by_status.values()),
        "by_status": by_status,
        "corrected": corrected,
        "by_unit": sorted(units.values(), key=lambda u: (-u["total"], u["unit"])),
        "flagged": flagged,
    }


def previous_report(report: Report) -> Report | None:
    """The same plan's report of the latest period ending before this one's, if any."""
    return (Report.objects.filter(plan_id=report.plan_id, period__month__lt=report.period.month)
            .select_related("period").order_by("-period__month", "-pk").first())


def compare_reports(report: Report, previous: Report,
                    assessments: QuerySet[Assessment] | None = None) -> dict[str, Any]:
    """Period-over-period change of statuses for the tasks of ``report`` (2 queries), among
    ``assessments`` (the viewer's share; None: all)."""
    base = Assessment.objects.all() if assessments is None else assessments
    now = dict(base.filter(report=report).values_list("task_id", "status"))
    before = dict(base.filter(report=previous).values_list("task_id", "status"))
    now_counts, before_counts = Counter(now.values()), Counter(before.values())
    delta = {s.value: now_counts.get(s.value, 0) - before_counts.get(s.value, 0) for s in Status}
    transitions: Counter[tuple[str, str]] = Counter(
        (before[t], s) for t, s in now.items() if t in before and before[t] != s)
    flagged = {s.value for s in FLAGGED}
    return {
        "report": report.pk,
        "previous": previous.pk,
        "by_status_delta": delta,
        "transitions": [{"from": a, "to": b, "count": n}
                        for (a, b), n in sorted(transitions.items(), key=lambda x: -x[1])],
        "newly_flagged": sorted(t for t, s in now.items()
                                if s in flagged and before.get(t) not in flagged),
    }
