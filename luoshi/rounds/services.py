"""The round: open a report, write entries and contributions, submit, review, publish.

Every function takes the acting user, asks :mod:`luoshi.rounds.permissions` (404/403), then
checks the round's state and refuses with :class:`RoundError` (a message for the person).
Every change to an entry writes a :class:`~luoshi.core.models.Change` row.

What every step shares (the errors, the limits, the guarded UPDATE) is in :mod:`.guards`; the
review of an entry (submit, return, approve) in :mod:`.review`. This module is the round's
API: their names are importable from here too (``__all__``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from luoshi.core.models import (
    Assessment,
    Change,
    Period,
    Plan,
    Progress,
    Report,
    Task,
    TaskUnit,
)
from luoshi.core.services.analysis import analyze_report
from luoshi.rounds.guards import (
    COMMENT_LIMIT,
    CONFLICT_MESSAGE,
    EDITABLE,
    ENTRY_FIELDS,
    NOT_EDITABLE,
    RUNNING,
    SUBMIT_CONFLICT_MESSAGE,
    TEXT_LIMIT,
    Conflict,
    NeedsAcknowledgement,
    RoundError,
    _change,
    _conflict,
    _refusal,
    _require_running,
    _serial,
    entry_of,
    guarded,
)
from luoshi.rounds.models import (
    Contribution,
    EntryAutosave,
    EntryState,
    ReportedValue,
    RoundEntry,
)
from luoshi.rounds.permissions import Action, check, contributing_units, on_behalf
from luoshi.rounds.review import (
    NeedsCoReason,
    approve_entry,
    missing_contributions,
    return_entry,
    submit_entry,
)
from luoshi.rounds.submission import task_targets

__all__ = ["COMMENT_LIMIT", "CONFLICT_MESSAGE", "EDITABLE", "ENTRY_FIELDS", "NOT_EDITABLE",
    "RUNNING", "STATUS_FIELDS", "SUBMIT_CONFLICT_MESSAGE", "TEXT_LIMIT", "Blocker", "Conflict",
    "EntryInput", "NeedsAcknowledgement", "NeedsCoReason", "RoundError", "approve_entry",
    "autosave", "autosaved", "entry_of", "extend_round", "guarded", "missing_contributions",
    "open_round", "previous_entries", "previous_report", "publish", "publish_blockers",
    "reanalyze", "return_entry", "save_and_submit", "save_contribution", "save_entry",
    "submit_entry", "unchanged"]


def previous_report(report: Report) -> Report | None:
    """The same plan's report for the latest earlier period of the same year (context)."""
    return (
        Report.objects.filter(plan=report.plan_id, period__year=report.period.year,
                              period__month__lt=report.period.month)
        .order_by("-period__month").first()
    )


def previous_entries(report: Report) -> dict[int, Progress]:
    """Task id -> the previous period's entry, shown beside each task as context."""
    prev = previous_report(report)
    if prev is None:
        return {}
    return {p.task_id: p for p in prev.progress.all()}


def _leaf_tasks(plan: Plan) -> list[Task]:
    """Tasks that take an entry: sub-items, and tasks without sub-items, in plan order."""
    tasks = list(Task.objects.filter(plan=plan).order_by("order", "pk"))
    children: dict[int, list[Task]] = {}
    for t in tasks:
        if t.parent_id:
            children.setdefault(t.parent_id, []).append(t)
    out: list[Task] = []
    for t in tasks:
        if t.parent_id is None:
            out.extend(children.get(t.pk) or [t])
    return out


@transaction.atomic
def open_round(user, plan: Plan, period: Period, deadline: datetime | None,
               title: str = "") -> Report:
    """Open (or re-open a draft) report of ``plan`` for ``period``, one empty entry per task."""
    check(user, Action.OPEN_ROUND, plan)
    _require_future(deadline)
    report = Report.objects.filter(plan=plan, period=period).first()
    if report is not None and report.state != Report.State.DRAFT:
        raise RoundError(f"{plan} {period} 的落实情况表已存在(状态: {report.get_state_display()})")
    if report is None:
        report = Report(plan=plan, period=period, title=title or f"{plan}{period.label or ''}落实情况")
    report.state = Report.State.OPEN
    report.deadline = deadline
    # The statuses derived during a round are the office's internal verdicts until it
    # publishes them with the report.
    report.verdicts_public = False
    report.save()
    have = set(report.progress.values_list("task_id", flat=True))
    new = [
        Progress(report=report, task=task, position=i)
        for i, task in enumerate(_leaf_tasks(plan), 1) if task.pk not in have
    ]
    Progress.objects.bulk_create(new)
    for progress in report.progress.all():
        RoundEntry.objects.get_or_create(progress=progress)
    _change("report", report.pk, Change.Action.UPDATE,
            {"state": ["draft", "open"], "deadline": str(deadline) if deadline else None}, user)
    due = timezone.localtime(deadline).strftime("%Y-%m-%d %H:%M") if deadline else "另行通知"
    _tell_round(report, "opened", f"{report} 已开始填报,截止时间 {due}。")
    return report


def _require_future(deadline: datetime | None) -> None:
    if deadline is not None and deadline <= timezone.now():
        shown = timezone.localtime(deadline).strftime("%Y-%m-%d %H:%M")
        raise RoundError(f"截止时间 {shown} 已过,请选择今后的时间。")


@transaction.atomic
def extend_round(user, report: Report, deadline: datetime) -> Report:
    """Move a running round's deadline later, for every unit at once."""
    check(user, Action.EXTEND, report)
    _require_future(deadline)
    old = report.deadline
    if old is not None and deadline <= old:
        raise RoundError("新的截止时间须晚于原截止时间。")
    if not Report.objects.filter(pk=report.pk, state__in=RUNNING).update(
            deadline=deadline, updated_at=timezone.now()):
        raise RoundError("该落实情况表不在填报中,不能延期。")
    _change("report", report.pk, Change.Action.UPDATE,
            {"deadline": [str(old) if old else None, str(deadline)]}, user)
    report.refresh_from_db()
    shown = timezone.localtime(deadline).strftime("%Y-%m-%d %H:%M")
    _tell_round(report, "extended", f"{report} 截止时间延长至 {shown}。")
    return report


@dataclass
class Blocker:
    """An entry that keeps a report from being published, and why."""

    progress: Progress
    state: str  # EntryState label, or 未开始


def publish_blockers(report: Report) -> list[Blocker]:
    """The entries not yet approved, in table order: what publishing waits for."""
    entries = (report.progress.exclude(round_entry__state=EntryState.APPROVED)
               .select_related("task__parent", "round_entry").order_by("position", "pk"))
    out = []
    for p in entries:
        entry = getattr(p, "round_entry", None)
        out.append(Blocker(p, entry.get_state_display() if entry else "未开始"))
    return out


@dataclass
class EntryInput:
    done: str
    problems: str
    next_steps: str
    values: dict[int, float | None] | None = None  # target id -> reported value


def save_entry(user, progress: Progress, version: int, data: EntryInput) -> Progress:
    """Save the lead unit's entry if nobody saved it since ``version`` (else :class:`Conflict`).

    The office may save it on the unit's behalf: the history names the office's user and the
    unit. The task's status is then re-derived from the new text (:func:`reanalyze`).
    """
    check(user, Action.EDIT_ENTRY, progress)
    _check_lengths(data)
    # Read outside the write transaction: the conditional UPDATE below is the guard, and on
    # SQLite a transaction that reads first cannot upgrade to a write under concurrency.
    current = Progress.objects.select_related("report", "updated_by").get(pk=progress.pk)
    _require_running(current.report)
    if entry_of(current).state not in EDITABLE:
        raise RoundError(NOT_EDITABLE)
    if current.version != version:
        raise _conflict(current)
    new = {f: getattr(data, f).strip() for f in ENTRY_FIELDS}
    changed = {f: [getattr(current, f), v] for f, v in new.items() if getattr(current, f) != v}
    with transaction.atomic():
        # The checks above tell the person why; this one decides, in the write itself.
        hit = guarded(current.pk, version, EDITABLE).update(
            **new, version=F("version") + 1, updated_by=user, updated_at=timezone.now()
        )
        if not hit:
            raise _refusal(current.pk)
        if data.values is not None:
            changed.update(_save_values(current, data.values))
        if changed:
            if on_behalf(user, current.task):
                changed["on_behalf_of"] = _lead_unit_name(current.task)
            _change("progress", current.pk, Change.Action.UPDATE, changed, user)
            reanalyze(current, user)
        EntryAutosave.objects.filter(progress=current, user=user).delete()
    current.refresh_from_db()
    return current


def _check_lengths(data: EntryInput) -> None:
    labels = {"done": "完成情况", "problems": "存在问题及困难", "next_steps": "下一步工作"}
    for name in ENTRY_FIELDS:
        if len(getattr(data, name)) > TEXT_LIMIT:
            raise RoundError(f"{labels[name]}超过 {TEXT_LIMIT} 字,请精简后再保存。")


def unchanged(progress: Progress, data: EntryInput) -> bool:
    """Whether saving ``data`` would change nothing in the entry (its texts and figures)."""
    if any(getattr(progress, f) != getattr(data, f).strip() for f in ENTRY_FIELDS):
        return False
    if data.values:
        stored = dict(progress.reported_values.values_list("target_id", "value"))
        return all(stored.get(k) == v for k, v in data.values.items())
    return True


def autosave(user, progress: Progress, base_version: int, data: dict) -> EntryAutosave:
    """Keep what ``user`` is typing into the entry (no version, no history, no analysis); only
    they read it back. Refused like a save when they may not edit it."""
    check(user, Action.EDIT_ENTRY, progress)
    _require_running(progress.report)
    if entry_of(progress).state not in EDITABLE:
        raise RoundError("该条目已提交或已审核,退回后才能修改。")
    kept = {k: str(v)[:TEXT_LIMIT] for k, v in data.items()
            if k in ENTRY_FIELDS or k.startswith("target_")}
    row, _ = EntryAutosave.objects.update_or_create(
        progress=progress, user=user, defaults={"data": kept, "base_version": base_version})
    return row


def autosaved(user, progress: Progress) -> EntryAutosave | None:
    if user is None or not user.is_authenticated:
        return None
    return EntryAutosave.objects.filter(progress=progress, user=user).first()


def save_and_submit(user, progress: Progress, version: int, data: EntryInput,
                    acknowledge: bool = False, co_reason: str = "") -> RoundEntry:
    """提交 as the one form does it: what is on screen is saved first (if it differs from the
    entry, with the usual version check), then submitted. A refusal of the submission leaves
    the save in place: nothing typed is lost."""
    check(user, Action.SUBMIT, progress)
    current = Progress.objects.get(pk=progress.pk)
    if not unchanged(current, data):
        current = save_entry(user, current, version, data)
    else:
        EntryAutosave.objects.filter(progress=progress, user=user).delete()
    # Submit exactly what is on screen: if anyone saved in between, refused as a conflict.
    return submit_entry(user, progress, acknowledge, version=current.version,
                        co_reason=co_reason)


def _lead_unit_name(task: Task) -> str:
    lead = task.lead_unit() or (task.parent.lead_unit() if task.parent_id else None)
    return lead.name if lead is not None else ""


STATUS_FIELDS = ("status", "reason")


def reanalyze(progress: Progress, user) -> Assessment | None:
    """Re-derive the status and evidence of the entry's (top-level) task in its report, so they
    follow the new text; a changed status is recorded in the history under ``user``."""
    top = progress.task.parent_id or progress.task_id
    report = Report.objects.select_related("period").get(pk=progress.report_id)
    before = Assessment.objects.filter(report=report, task_id=top).values(*STATUS_FIELDS).first()
    analyze_report(report, task_ids={top})
    after = Assessment.objects.filter(report=report, task_id=top).first()
    if after is None:
        return None
    where = {"report": report.pk, "task": top}
    if before is None:
        _change("assessment", after.pk, Change.Action.CREATE,
                {f: getattr(after, f) for f in STATUS_FIELDS} | where, user)
    else:
        diff = {f: [before[f], getattr(after, f)] for f in STATUS_FIELDS
                if before[f] != getattr(after, f)}
        if diff:
            _change("assessment", after.pk, Change.Action.UPDATE, diff | where, user)
    return after


def _save_values(progress: Progress, values: dict[int, float | None]) -> dict:
    allowed = {t.pk for t in task_targets(progress.task) if t.pk is not None}
    changed = {}
    for target_id, value in values.items():
        if target_id not in allowed:
            raise RoundError(f"目标 {target_id} 不属于该任务")
        row, _ = ReportedValue.objects.get_or_create(progress=progress, target_id=target_id)
        if row.value != value:
            changed[f"target:{target_id}"] = [row.value, value]
            row.value = value
            row.save(update_fields=["value"])
    return changed


def save_contribution(user, progress: Progress, unit_id: int, version: int,
                      text: str) -> Contribution:
    """A co-unit's contribution, with the same version check as entries (version 0: new)."""
    check(user, Action.CONTRIBUTE, progress)
    if unit_id not in contributing_units(user, progress.task):
        raise RoundError("只能以本人联络的配合单位报送")
    _require_running(progress.report)
    text = text.strip()
    if len(text) > TEXT_LIMIT:
        raise RoundError(f"报送内容超过 {TEXT_LIMIT} 字,请精简后再保存。")
    with transaction.atomic():
        row = Contribution.objects.filter(progress=progress, unit_id=unit_id).first()
        if row is None:
            if version != 0:
                raise Conflict("保存失败: 报送内容已被删除或不存在,请刷新。")
            row = Contribution.objects.create(progress=progress, unit_id=unit_id, text=text,
                                              updated_by=user)
            _change("contribution", row.pk, Change.Action.CREATE, {"text": text}, user)
            return row
        hit = Contribution.objects.filter(pk=row.pk, version=version).update(
            text=text, version=F("version") + 1, updated_by=user, updated_at=timezone.now()
        )
        if not hit:
            raise Conflict(f"保存失败: 该报送已被他人修改(当前第 {row.version} 版)。"
                           "您填写的内容未丢失,请对照后重新保存。")
        if row.text != text:
            _change("contribution", row.pk, Change.Action.UPDATE, {"text": [row.text, text]}, user)
    row.refresh_from_db()
    return row


def _tell_round(report: Report, kind: str, text: str) -> None:
    """Notify the liaisons of every unit with a task in the round."""
    from django.urls import reverse

    from luoshi.rounds.notify import liaisons_of, notify

    units = TaskUnit.objects.filter(task__plan=report.plan_id).values_list("unit_id", flat=True)
    notify(liaisons_of(set(units)), kind, text, reverse("round_home"))


@transaction.atomic
def publish(user, report: Report, verdicts_public: bool = False) -> Report:
    """Freeze the report: every entry must be approved. ``verdicts_public``: the public sees
    the statuses derived for it too (otherwise only the entries)."""
    check(user, Action.PUBLISH, report)
    report = Report.objects.select_for_update().get(pk=report.pk)
    _require_running(report)
    blockers = publish_blockers(report)
    if blockers:
        listed = "、".join(f"{_serial(b.progress.task)}({b.state})" for b in blockers[:10])
        more = f"等 {len(blockers)} 条" if len(blockers) > 10 else f"共 {len(blockers)} 条"
        raise RoundError(f"尚有未审核通过的条目,不能发布:{listed}{more}。")
    old = report.state
    today = timezone.localdate()
    if not Report.objects.filter(pk=report.pk, state__in=RUNNING).update(
            state=Report.State.PUBLISHED, published_date=today,
            verdicts_public=verdicts_public, updated_at=timezone.now()):
        raise RoundError("该落实情况表已发布,不能再修改。")
    report.refresh_from_db()
    _change("report", report.pk, Change.Action.UPDATE,
            {"state": [old, report.state], "verdicts_public": verdicts_public}, user)
    return report
