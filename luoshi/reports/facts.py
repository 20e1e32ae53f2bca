"""One report's facts for the office's documents (bulletin, stocktake pack, league table), read
in a fixed handful of queries whatever the report's size.

Counts come from the same functions as the dashboard (``luoshi.web.dashboard.totals`` for
tasks/entries/empty/boilerplate and ``luoshi.core.services.summary.status_summary`` for
statuses), so a document never disagrees with the screen. Statuses are iterated from
``luoshi.vocab.Status`` — whatever members it has — in :data:`STATUS_ORDER`'s order.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.db.models import BooleanField, Count, Exists, ExpressionWrapper, OuterRef, Q

from luoshi.core.models import Measurement, Progress, Report, Target, TaskUnit
from luoshi.core.services.summary import status_summary
from luoshi.extract.status import is_boilerplate
from luoshi.rounds.permissions import filed_assessments, filed_q
from luoshi.vocab import STATUS_LABELS, ColumnRole, Status, UnitRole
from luoshi.web import dashboard

# The bulletin's order: good news first, then the problems, then what cannot be judged. Members
# the vocabulary lacks are skipped; members not named here follow in the vocabulary's order.
_PREFERRED = ("done", "ahead", "on_track", "at_risk", "behind", "not_started", "vague", "no_data")
STATUS_ORDER: tuple[str, ...] = tuple(
    [v for v in _PREFERRED if v in {s.value for s in Status}]
    + [s.value for s in Status if s.value not in _PREFERRED])
GOOD = tuple(v for v in ("done", "ahead") if v in STATUS_ORDER)
# Red then amber: the tasks the bulletin's 存在的问题 and the stocktake pack are about.
FLAGGED = tuple(v for v in ("behind", "not_started", "at_risk") if v in STATUS_ORDER)
SEVERITY = {v: i for i, v in enumerate(FLAGGED)}


def status_label(value: str) -> str:
    try:
        return STATUS_LABELS[Status(value)]
    except (ValueError, KeyError):
        return {"ahead": "超进度", "not_started": "未启动"}.get(value, value)


@dataclass
class Entry:
    """One progress row (the task's own, or a sub-item's)."""

    pk: int
    heading: str  # sub-item heading ('' for the task's own row)
    done: str
    problems: str
    next_steps: str
    round_state: str = ""  # draft / submitted / returned / approved; '' outside a round
    submitted_at: Any = None
    returns: int = 0  # times the office returned it

    @property
    def empty(self) -> bool:
        return not self.done.strip()

    @property
    def boilerplate(self) -> bool:
        return is_boilerplate(self.done)

    def filing(self, deadline, now) -> str:
        """``on_time``, ``late`` or ``pending`` (still due). In a round: submitted by the
        deadline (or none set) is on time; submitted after it, or unsubmitted once it has
        passed, late. A table imported as published (no round): an entry with content was
        filed on time, an empty one is ``pending`` (nothing was filed)."""
        if not self.round_state:
            return "pending" if self.empty else "on_time"
        if self.submitted_at is not None and self.round_state in ("submitted", "approved"):
            return "on_time" if deadline is None or self.submitted_at <= deadline else "late"
        return "late" if deadline is not None and now > deadline else "pending"


@dataclass
class TaskFacts:
    pk: int
    serial: str
    text: str
    lead: str  # lead unit's name ('' when none)
    lead_id: int | None
    units: list[str]
    leader: str  # 牵头领导/责任领导 cell, when the table has one
    status: str = ""
    reason: str = ""
    evidence: list[dict] = field(default_factory=list)
    entries: list[Entry] = field(default_factory=list)
    targets: list[dict] = field(default_factory=list)  # {"metric","comparator","value","unit","span"}
    figures: list[dict] = field(default_factory=list)  # {"metric","value","unit","ratio","span",…}
    position: int = 0

    def joined(self, name: str) -> str:
        return "\n".join(getattr(e, name) for e in self.entries if getattr(e, name))


@dataclass
class ChangeFacts:
    """One approved 延期/调整申请 as the bulletin states it: what changed, from what to what."""

    pk: int
    serial: str  # the top task's serial
    text: str  # the task's (or sub-item's) text when asked
    unit: str
    kind: str  # deadline / target / scope
    kind_label: str  # 延期 / 调整目标 / 调整任务内容
    old: str  # '' when nothing was set before
    new: str
    reason: str
    comment: str
    decided_at: Any = None


@dataclass
class ReportFacts:
    report: Report
    totals: dashboard.Totals
    summary: dict
    tasks: list[TaskFacts]
    share_elapsed: float
    changes: list[ChangeFacts] = field(default_factory=list)  # approved 延期/调整申请
    # A running round's entries not filed and the top-level tasks with one (dashboard.unfiled)
    unfiled: dict | None = None

    @property
    def unfiled_tasks(self) -> int:
        return self.unfiled["tasks"] if self.unfiled else 0

    @property
    def by_status(self) -> dict[str, int]:
        return self.summary["by_status"]


def _leader_header(report: Report) -> str | None:
    for col in report.columns or []:
        if col.get("role") == ColumnRole.LEADER:
            return col.get("header")
    return None


def load_facts(report: Report) -> ReportFacts:
    """Everything the documents need about ``report`` (about 10 queries).

    The documents hold what has been filed (docs/visibility.md), whoever prints them: an
    entry not filed (a draft, a returned entry being rewritten) keeps its row and its round
    state (it counts as 未填报) but not its text, and its task has no status or figures."""
    entries = list(
        Progress.objects.filter(report=report)
        .select_related("task", "task__parent", "round_entry")
        .annotate(returns=Count("review_events", filter=Q(review_events__action="return")),
                  filed=ExpressionWrapper(filed_q(), output_field=BooleanField()))
        .order_by("position", "pk"))
    leader_header = _leader_header(report)
    tasks: dict[int, TaskFacts] = {}
    for p in entries:
        top = p.task.parent if p.task.parent_id else p.task
        t = tasks.get(top.pk)
        if t is None:
            t = tasks[top.pk] = TaskFacts(
                pk=top.pk, serial=top.serial, text=top.text, lead="", lead_id=None, units=[],
                leader=(p.extra or {}).get(leader_header, "") if leader_header else "",
                position=p.position)
        round_entry = getattr(p, "round_entry", None)
        t.entries.append(Entry(
            pk=p.pk, heading=p.task.text if p.task.parent_id else "",
            done=p.done if p.filed else "", problems=p.problems if p.filed else "",
            next_steps=p.next_steps if p.filed else "",
            round_state=round_entry.state if round_entry else "",
            submitted_at=round_entry.submitted_at if round_entry else None,
            returns=p.returns))
    ids = list(tasks)
    for link in (TaskUnit.objects.filter(task_id__in=ids).select_related("unit")
                 .order_by("task_id", "order")):
        t = tasks[link.task_id]
        t.units.append(link.unit.name)
        if link.role == UnitRole.LEAD and t.lead_id is None:
            t.lead, t.lead_id = link.unit.name, link.unit_id
    statuses = filed_assessments().filter(report=report)
    for a in statuses.filter(task_id__in=ids).only(
            "task_id", "status", "reason", "evidence"):
        t = tasks[a.task_id]
        t.status, t.reason, t.evidence = a.status, a.reason, a.evidence or []
    for tg in Target.objects.filter(task_id__in=ids, active=True).order_by("task_id", "position"):
        tasks[tg.task_id].targets.append({
            "id": tg.pk, "metric": tg.metric, "comparator": tg.comparator, "value": tg.value,
            "unit": tg.unit, "span": tg.span})
    filed_status = Exists(statuses.filter(task=OuterRef("task")))
    for m in (Measurement.objects.filter(report=report, task_id__in=ids).filter(filed_status)
              .order_by("task_id", "pk")):
        tasks[m.task_id].figures.append({
            "metric": m.metric, "value": m.value, "unit": m.unit, "ratio": m.ratio,
            "ratio_stated": m.ratio_stated, "span": m.span, "target_id": m.target_id,
            "as_of": m.as_of})
    return ReportFacts(
        report=report, totals=dashboard.totals(report), summary=status_summary(report, statuses),
        tasks=sorted(tasks.values(), key=lambda t: (t.position, t.pk)),
        share_elapsed=report.period.share_elapsed, changes=load_changes(report),
        unfiled=dashboard.unfiled(report))


def _period_end(report: Report) -> date:
    p = report.period
    return p.end_date or date(p.year, 12, 31)


def load_changes(report: Report) -> list[ChangeFacts]:
    """The approved 延期/调整申请 on ``report``'s plan that its bulletin states, in decision order.

    Rule (every approved request lands in exactly one report of its plan): a request filed for
    a report (``ChangeRequest.report``) belongs to that report. One filed for no report belongs
    to the first report of the plan whose period ends on or after the day it was decided —
    i.e. to this report when decided after the previous report's period ended and by the end
    of this report's period — and, when decided after the latest period's end, to the latest
    report. Rejected and pending requests are never stated."""
    from luoshi.rounds.models import ChangeRequest

    end = _period_end(report)
    others = [_period_end(r) for r in Report.objects.filter(plan_id=report.plan_id)
              .exclude(pk=report.pk).select_related("period")]
    earlier = [e for e in others if e < end]
    later = [e for e in others if e > end]
    unattached = Q(report__isnull=True, decided_at__isnull=False)
    if earlier:
        unattached &= Q(decided_at__date__gt=max(earlier))
    if later:
        unattached &= Q(decided_at__date__lte=end)
    rows = (ChangeRequest.objects
            .filter(Q(report=report) | unattached, task__plan_id=report.plan_id,
                    state=ChangeRequest.State.APPROVED)
            .select_related("task__parent", "unit", "target").order_by("decided_at", "pk"))
    out = []
    for r in rows:
        top = r.task.parent if r.task.parent_id else r.task
        old = r.old_value
        if r.kind == ChangeRequest.Kind.DEADLINE:
            # A 公文 writes dates in words of its own (2022年12月31日), never ISO.
            new = _written_date(r.new_deadline)
            old = _written_date(old) if old else old
        elif r.kind == ChangeRequest.Kind.TARGET:
            unit = r.target.unit if r.target is not None else ""
            new = f"{r.new_value:g}{unit}" if r.new_value is not None else ""
        else:
            new = r.new_text
        text = r.old_value if r.kind == ChangeRequest.Kind.SCOPE else r.task.text
        out.append(ChangeFacts(
            pk=r.pk, serial=top.serial, text=text, unit=r.unit.name, kind=r.kind,
            kind_label=r.get_kind_display(), old=old, new=new, reason=r.reason,
            comment=r.comment, decided_at=r.decided_at))
    return out


def _ratio(f: dict) -> float | None:
    if f["ratio"] is not None:
        return f["ratio"]
    return f["ratio_stated"] / 100 if f["ratio_stated"] is not None else None


def figure_line(task: TaskFacts, share: float | None = None) -> str:
    """The task's figure against its target ("完成3.2亿元,为目标的64%"), and against the time
    elapsed when ``share`` is given (then the figure furthest behind is the one shown: it is
    what a lagging task is about); '' when no figure matched a target."""
    figures = [f for f in task.figures if _ratio(f) is not None]
    if share is not None:
        figures.sort(key=_ratio)
    for f in figures:
        ratio = _ratio(f)
        target = next((t for t in task.targets if t["id"] == f["target_id"]), None)
        text = f"{f['metric'] or '实绩'}{_num(f['value'])}{f['unit']}"
        if target is not None:
            text += f"(目标{_num(target['value'])}{target['unit']})"
        text += f",完成目标的{ratio * 100:.1f}%"
        if share is not None and share > 0:
            text += f",时间进度{share * 100:.0f}%"
        return text
    return ""


def _num(v: float) -> str:
    return f"{v:.4g}" if abs(v) < 1e6 else f"{v:,.0f}"


def _written_date(value) -> str:
    """``2022-12-31`` (a date or its ISO text) as 2022年12月31日; other text unchanged."""
    if isinstance(value, str):
        try:
            value = date.fromisoformat(value)
        except ValueError:
            return value
    if value is None:
        return ""
    return f"{value.year}年{value.month}月{value.day}日"
