"""What each role's first screen shows (issue 13), computed from the same functions as the pages
that go deeper, so that the figures agree:

- leader: for the latest report they may read (or ``?report=``), cards for 滞后 and 有风险 (the
  dashboard's status counts, luoshi.core.services.summary.status_summary over the statuses the
  leader may see), 未填报 (the dashboard's unfiled tasks) and 逾期 (units owing entries past the
  deadline, luoshi.rounds.reminders.overdue_units), each with the change against the previous
  period's report; the red and amber list by severity (滞后 before 有风险, then the longer run of
  periods behind, then table order) with the reason and the lead unit; units ranked by their
  share of tasks behind; tasks behind in two or more consecutive periods up to this one.
- liaison: their to-do in running rounds — entries to fill (draft) and returned (with the
  office's comment), change requests of their units still pending, and each round's deadline
  with the days left.
- office: rounds in progress with their entries counted by state, the units owing entries
  (overdue first), and change requests waiting for a decision.

A fixed number of queries per screen, whatever the number of tasks.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime

from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from luoshi.core.models import Assessment, Progress, Report
from luoshi.core.services.summary import status_summary
from luoshi.rounds import services
from luoshi.rounds.models import ChangeRequest, EntryState
from luoshi.rounds.permissions import liaison_tasks, unit_ids
from luoshi.rounds.reminders import overdue_units, running_reports
from luoshi.vocab import Status
from luoshi.web import dashboard as figures

SEVERITY = {Status.BEHIND.value: 0, Status.AT_RISK.value: 1}


@dataclass
class Card:
    key: str
    value: int
    previous: int | None  # None: no earlier period to compare with

    @property
    def delta(self) -> int | None:
        return None if self.previous is None else self.value - self.previous


@dataclass
class LeaderScreen:
    report: Report
    previous: Report | None
    cards: list[Card]
    flagged: list[dict]
    units: list[dict]
    streaks: list[dict]
    choices: list[Report] = field(default_factory=list)


def _period_key(report: Report) -> tuple:
    return (report.period.year, report.period.month or 0, report.pk)


def _overdue_count(report: Report, now: datetime) -> int:
    if report.is_published or not (report.deadline and report.deadline < now):
        return 0
    return len(overdue_units(report))


def _figures(report: Report, shown: QuerySet[Assessment], now: datetime) -> dict[str, int]:
    summary = status_summary(report, shown)
    unfiled = figures.unfiled(report)
    return {"behind": summary["by_status"].get(Status.BEHIND.value, 0),
            "at_risk": summary["by_status"].get(Status.AT_RISK.value, 0),
            "unfiled": unfiled["tasks"] if unfiled else 0,
            "overdue": _overdue_count(report, now), "_summary": summary}


def behind_streaks(report: Report, reports: list[Report], shown: QuerySet[Assessment]
                   ) -> dict[int, int]:
    """Task → number of consecutive periods behind, ending with ``report`` (one query)."""
    ordered = [r for r in sorted(reports, key=_period_key) if r.plan_id == report.plan_id
               and _period_key(r) <= _period_key(report)]
    behind = defaultdict(set)
    for task_id, report_id in shown.filter(
            report__in=[r.pk for r in ordered], status=Status.BEHIND.value
    ).values_list("task_id", "report_id"):
        behind[task_id].add(report_id)
    streaks = {}
    for task_id, where in behind.items():
        n = 0
        for r in reversed(ordered):
            if r.pk not in where:
                break
            n += 1
        if n:
            streaks[task_id] = n
    return streaks


def leader_screen(reports: QuerySet[Report], shown: QuerySet[Assessment],
                  chosen: int | None = None, now: datetime | None = None) -> LeaderScreen | None:
    now = now or timezone.now()
    candidates = list(reports.select_related("plan__government", "period"))
    if not candidates:
        return None
    latest = max(candidates, key=_period_key)
    report = next((r for r in candidates if r.pk == chosen), latest)
    same_plan = [r for r in candidates if r.plan_id == report.plan_id]
    earlier = [r for r in same_plan if _period_key(r) < _period_key(report)]
    previous = max(earlier, key=_period_key) if earlier else None
    now_figures = _figures(report, shown, now)
    before = _figures(previous, shown, now) if previous else None
    cards = [Card(key, now_figures[key], before[key] if before else None)
             for key in ("behind", "at_risk", "unfiled", "overdue")]
    summary = now_figures["_summary"]
    streaks = behind_streaks(report, same_plan, shown)
    flagged = [dict(f, periods=streaks.get(f["task_id"], 0)) for f in summary["flagged"]]
    flagged.sort(key=lambda f: (SEVERITY.get(f["status"], 9), -f["periods"]))
    units = []
    for u in summary["by_unit"]:
        behind = u["by_status"].get(Status.BEHIND.value, 0)
        if u["unit_id"] is None or not u["total"]:
            continue
        units.append({**u, "behind": behind, "share": behind / u["total"]})
    units.sort(key=lambda u: (-u["share"], -u["behind"], u["unit"]))
    long_behind = sorted((f for f in flagged if f["periods"] >= 2),
                         key=lambda f: -f["periods"])
    choices = sorted(candidates, key=_period_key, reverse=True)[:12]
    return LeaderScreen(report, previous, cards, flagged, units[:10], long_behind, choices)


@dataclass
class TodoRound:
    report: Report
    days_left: int | None
    overdue: bool
    to_fill: list[Progress]
    returned: list[Progress]

    @property
    def days_overdue(self) -> int:
        return max(0, -(self.days_left or 0))


def liaison_todo(user, reports: QuerySet[Report], now: datetime | None = None
                 ) -> tuple[list[TodoRound], list[ChangeRequest]]:
    now = now or timezone.now()
    running = reports.filter(state__in=services.RUNNING).select_related("plan__government",
                                                                        "period")
    entries = (Progress.objects.filter(report__in=running, task__in=liaison_tasks(user),
                                       round_entry__state__in=services.EDITABLE)
               .select_related("task__parent", "round_entry", "report")
               .order_by("report_id", "position"))
    by_report: dict[int, TodoRound] = {}
    for r in running:
        days = None
        if r.deadline:
            days = (timezone.localdate(r.deadline) - timezone.localdate(now)).days
        by_report[r.pk] = TodoRound(r, days, bool(r.deadline and r.deadline < now), [], [])
    for e in entries:
        todo = by_report[e.report_id]
        (todo.returned if e.round_entry.state == EntryState.RETURNED else todo.to_fill).append(e)
    rounds = [t for t in by_report.values() if t.to_fill or t.returned]
    rounds.sort(key=lambda t: (t.days_left is None, t.days_left or 0))
    pending = list(ChangeRequest.objects.filter(unit__in=unit_ids(user),
                                                state=ChangeRequest.State.PENDING)
                   .select_related("task", "unit").order_by("created_at"))
    return rounds, pending


def office_screen(reports: QuerySet[Report], now: datetime | None = None) -> dict:
    running = (reports.filter(state__in=services.RUNNING)
               .select_related("plan__government", "period")
               .annotate(entries=Count("progress"),
                         draft=Count("progress", filter=Q(
                             progress__round_entry__state=EntryState.DRAFT)),
                         returned=Count("progress", filter=Q(
                             progress__round_entry__state=EntryState.RETURNED)),
                         submitted=Count("progress", filter=Q(
                             progress__round_entry__state=EntryState.SUBMITTED)),
                         approved=Count("progress", filter=Q(
                             progress__round_entry__state=EntryState.APPROVED))))
    waiting = (ChangeRequest.objects.filter(state=ChangeRequest.State.PENDING,
                                            task__plan__reports__in=reports).distinct()
               .select_related("task", "unit").order_by("created_at"))
    return {"rounds": running_reports(list(running), now=now), "requests": list(waiting[:20]),
            "request_count": waiting.count()}
