"""What each role's first screen shows (issue 13), computed from the same functions as the pages
that go deeper, so that the figures agree:

- leader: two questions, each answered from the report that can answer it. What lags (cards
  滞后 and 有风险: the dashboard's status counts, luoshi.core.services.summary.status_summary over
  the statuses the leader may see) comes from the newest *published* report they may read (or
  ``?report=``): a round still being filled has statuses only for what was approved so far, so
  opening on it showed 滞后 0 and a fall against the last period that was not true. Who has not
  reported (cards 未填报, the dashboard's unfiled tasks, and 逾期, units owing entries past the
  deadline, luoshi.rounds.reminders.overdue_units) comes from the round being filled for the
  same plan after that report, if there is one (else from the report itself). Each card says
  which period it counts when that is not the page's, and carries the change against the
  period before its own report; the red and amber list by severity (滞后 before 有风险, then the longer run of
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
from luoshi.rounds.permissions import liaison_tasks, readable_progress, unit_ids
from luoshi.rounds.reminders import overdue_units, running_reports
from luoshi.vocab import Status
from luoshi.web import dashboard as figures

SEVERITY = {Status.BEHIND.value: 0, Status.AT_RISK.value: 1}


@dataclass
class Card:
    key: str
    value: int
    previous: int | None  # None: no earlier period to compare with
    report: Report | None = None  # the report counted
    before: Report | None = None  # the report compared with

    @property
    def delta(self) -> int | None:
        return None if self.previous is None else self.value - self.previous


@dataclass
class LeaderScreen:
    report: Report
    previous: Report | None
    cards: list[Card]
    filing: Report | None  # the round being filled that 未填报 and 逾期 count, if any
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


def _before(report: Report, same_plan: list[Report]) -> Report | None:
    earlier = [r for r in same_plan if _period_key(r) < _period_key(report)]
    return max(earlier, key=_period_key) if earlier else None


def leader_screen(reports: QuerySet[Report], shown: QuerySet[Assessment],
                  chosen: int | None = None, now: datetime | None = None) -> LeaderScreen | None:
    now = now or timezone.now()
    candidates = list(reports.select_related("plan__government", "period"))
    if not candidates:
        return None
    published = [r for r in candidates if r.state == Report.State.PUBLISHED]
    latest = max(published or candidates, key=_period_key)
    report = next((r for r in candidates if r.pk == chosen), latest)
    same_plan = [r for r in candidates if r.plan_id == report.plan_id]
    filing = None
    if report.state in services.RUNNING:
        filing = report
    else:
        later = [r for r in same_plan if r.state in services.RUNNING
                 and _period_key(r) > _period_key(report)]
        filing = max(later, key=_period_key) if later else None
    counted = {}  # report pk -> figures, each report's computed once

    def figures_of(r: Report | None) -> dict | None:
        if r is None:
            return None
        if r.pk not in counted:
            counted[r.pk] = _figures(r, shown, now)
        return counted[r.pk]

    previous = _before(report, same_plan)
    cards = []
    for keys, source in ((("behind", "at_risk"), report),
                         (("unfiled", "overdue"), filing or report)):
        before = _before(source, same_plan)
        now_fig, before_fig = figures_of(source), figures_of(before)
        cards += [Card(key, now_fig[key], before_fig[key] if before_fig else None, source,
                       before) for key in keys]
    now_figures = figures_of(report)
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
    return LeaderScreen(report, previous, cards, filing, flagged, units[:10], long_behind,
                        choices)


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
    # A co-unit's entry is to fill (its contribution) whatever the lead unit's draft's state:
    # that state, and a return comment, are the lead unit's (docs/visibility.md).
    readable = set(readable_progress(user).filter(pk__in=[e.pk for e in entries])
                   .values_list("pk", flat=True))
    for e in entries:
        todo = by_report[e.report_id]
        returned = e.round_entry.state == EntryState.RETURNED and e.pk in readable
        (todo.returned if returned else todo.to_fill).append(e)
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
