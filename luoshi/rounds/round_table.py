"""The round's table as the office works it (issue 13): each entry with its lead unit, state and
days overdue; filters by state and unit; bulk approval of the entries that passed the checks.

Rules:
- the unit of an entry is its task's lead unit (a sub-item's, its parent's): one query for all;
- an entry is overdue when the round's deadline has passed and it is still 填报中 or 已退回;
  days overdue count whole days since the deadline, at least 1;
- "passed the checks" means submitted (待审核) with no warning shown at submission, so approving
  it in bulk approves nothing a reviewer was asked to look at;
- after an action the office comes back to the same filters, at the row it acted on;
- a row whose entry the viewer may not read (a unit's draft, for a leader or a co-unit) has no
  state but 未填报: it matches the 未填报 filter only, so a filter cannot tell a draft from a
  returned entry either.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlencode

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from luoshi.core.ids import parse_id
from luoshi.core.models import Progress, Report, TaskUnit
from luoshi.rounds import services
from luoshi.rounds.models import EntryState
from luoshi.rounds.permissions import Action, check, may
from luoshi.vocab import UnitRole

STATE_FILTERS = {"": "全部", "unfiled": "未填报(填报中/已退回)", EntryState.DRAFT: "填报中",
                 EntryState.RETURNED: "已退回", EntryState.SUBMITTED: "待审核",
                 EntryState.APPROVED: "已审核"}


@dataclass
class Row:
    progress: Progress
    unit_id: int | None
    unit: str
    days_overdue: int
    passed: bool  # submitted without warnings: may be approved in bulk
    state: str = ""  # the entry's state as the viewer may know it ("" for 未填报 unread)


def _leads(report: Report) -> dict[int, tuple[int, str]]:
    return {t: (u, n) for t, u, n in TaskUnit.objects.filter(
        task__plan_id=report.plan_id, role=UnitRole.LEAD).order_by("-order").values_list(
        "task_id", "unit_id", "unit__name")}


def rows_for(report: Report, entries, state: str = "", unit: str = "", now=None,
             hidden: set[int] | frozenset[int] = frozenset()) -> list[Row]:
    """``hidden``: the entries whose state the viewer may not know (shown as 未填报)."""
    now = now or timezone.now()
    leads = _leads(report)
    late_days = 0
    if report.deadline and report.deadline < now:
        late_days = max(1, (now - report.deadline).days)
    out = []
    for p in entries:
        unit_id, name = leads.get(p.task_id) or leads.get(p.task.parent_id) or (None, "")
        entry_state = getattr(getattr(p, "round_entry", None), "state", "")
        known = "" if p.pk in hidden else entry_state
        out.append(Row(p, unit_id, name,
                       late_days if entry_state in services.EDITABLE else 0,
                       known == EntryState.SUBMITTED and not p.round_entry.warnings, known))
    if state == "unfiled":
        out = [r for r in out if r.state in services.EDITABLE or r.progress.pk in hidden]
    elif state:
        out = [r for r in out if r.state == state]
    if (unit_id := parse_id(unit)) is not None:
        out = [r for r in out if r.unit_id == unit_id]
    return out


def units_of(rows: list[Row]) -> list[tuple[int, str]]:
    return sorted({(r.unit_id, r.unit) for r in rows if r.unit_id}, key=lambda u: u[1])


def back_to(report_pk: int, query: dict[str, str], anchor: str = "") -> str:
    kept = {k: v for k, v in query.items() if k in ("state", "unit") and v}
    url = reverse("round_report", args=[report_pk])
    return url + (f"?{urlencode(kept)}" if kept else "") + (f"#{anchor}" if anchor else "")


@require_POST
def bulk_approve(request, pk: int):
    report = get_object_or_404(Report, pk=pk)
    # A role that reviews nothing is refused outright (403), like a single approval; the
    # per-entry check below still skips what the reviewer may not approve.
    check(request.user, Action.REVIEW, report)
    ids = [i for i in map(parse_id, request.POST.getlist("entry")) if i is not None]
    chosen = (Progress.objects.filter(report=report, pk__in=ids,
                                      round_entry__state=EntryState.SUBMITTED)
              .select_related("round_entry", "report", "task"))
    done, skipped = 0, len(ids)
    for progress in chosen:
        if progress.round_entry.warnings or not may(request.user, Action.REVIEW, progress):
            continue
        try:
            services.approve_entry(request.user, progress)
        except services.RoundError:
            continue
        done += 1
    skipped -= done
    if done:
        messages.success(request, f"已审核通过 {done} 条。")
    if skipped:
        messages.warning(request, f"{skipped} 条未处理(状态已变化、有提示需逐条审核,或无权审核)。")
    return redirect(back_to(report.pk, request.POST))
