"""The office keeps its tasks in the app: edits a task (text, units, deadline; targets are added
and corrected through luoshi.core.services.corrections), closes it (销号,
with a reason) or reopens it, adds and completes milestones. Every change writes a ``Change``
row (the task's history), and the task's version guards against silent overwrites."""

from __future__ import annotations

from datetime import date

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from luoshi.core.models import Change, Milestone, Task, TaskUnit, Unit
from luoshi.rounds.permissions import Action, check
from luoshi.rounds.services import TEXT_LIMIT, Conflict, RoundError
from luoshi.vocab import UnitRole

STALE = "保存失败: 该任务已被他人修改(当前第 {version} 版),请刷新后重新修改。"


def _record(task: Task, fields: dict, user, action: str = Change.Action.UPDATE) -> None:
    Change.objects.create(model="task", object_id=task.pk, action=action, fields=fields,
                          user=user if user is not None and user.is_authenticated else None)


def _write(task: Task, version: int, values: dict) -> None:
    """The conditional UPDATE every task edit goes through (0 rows: someone edited it)."""
    if not Task.objects.filter(pk=task.pk, version=version).update(
            **values, version=F("version") + 1):
        current = Task.objects.get(pk=task.pk)
        raise Conflict(STALE.format(version=current.version))


@transaction.atomic
def edit_task(user, task: Task, version: int, *, text: str | None = None,
              deadline: date | str | None = "keep", unit_ids: list[int] | None = None,
              note: str = "") -> Task:
    """Change the task's text, deadline (None clears it) and/or units (ordered, first = lead).
    ``note`` says why (a request approved …) and goes into the history."""
    check(user, Action.EDIT_TASK, task)
    current = Task.objects.get(pk=task.pk)
    values, diff = {}, {}
    if text is not None:
        text = text.strip()
        if not text:
            raise RoundError("任务内容不能为空。")
        if len(text) > TEXT_LIMIT:
            raise RoundError(f"任务内容超过 {TEXT_LIMIT} 字。")
        if text != current.text:
            values["text"], diff["text"] = text, [current.text, text]
    if deadline != "keep" and deadline != current.deadline:
        values["deadline"] = deadline
        diff["deadline"] = [str(current.deadline or ""), str(deadline or "")]
    old_units = [link.unit.name for link in current.ordered_units()]
    if unit_ids is not None:
        units = {u.pk: u for u in Unit.objects.filter(pk__in=unit_ids,
                                                      government=current.plan.government_id)}
        if len(units) != len(set(unit_ids)) or not unit_ids:
            raise RoundError("责任单位须为本地区的单位,且至少一个。")
        new_units = [units[pk].name for pk in unit_ids]
        if new_units != old_units:
            diff["units"] = [old_units, new_units]
    if not diff:
        return current
    _write(current, version, values)
    if "units" in diff:
        TaskUnit.objects.filter(task=current).delete()
        TaskUnit.objects.bulk_create([
            TaskUnit(task=current, unit_id=pk, order=i,
                     role=UnitRole.LEAD if i == 0 else UnitRole.CO)
            for i, pk in enumerate(unit_ids)])
    if note:
        diff["note"] = note
    _record(current, diff, user)
    current.refresh_from_db()
    return current


@transaction.atomic
def close_task(user, task: Task, version: int, reason: str) -> Task:
    """销号: the task is done with (or dropped), for the reason given."""
    check(user, Action.EDIT_TASK, task)
    reason = reason.strip()
    if not reason:
        raise RoundError("销号时请填写理由。")
    current = Task.objects.get(pk=task.pk)
    if current.is_closed:
        raise RoundError("该任务已销号。")
    now = timezone.now()
    _write(current, version, {"closed_at": now, "close_reason": reason})
    _record(current, {"closed": [False, True], "close_reason": reason}, user)
    current.refresh_from_db()
    return current


@transaction.atomic
def reopen_task(user, task: Task, version: int, reason: str = "") -> Task:
    check(user, Action.EDIT_TASK, task)
    current = Task.objects.get(pk=task.pk)
    if not current.is_closed:
        raise RoundError("该任务未销号。")
    _write(current, version, {"closed_at": None, "close_reason": ""})
    _record(current, {"closed": [True, False], "note": reason.strip()}, user)
    current.refresh_from_db()
    return current


@transaction.atomic
def add_milestone(user, task: Task, title: str, due: date | None) -> Milestone:
    check(user, Action.EDIT_TASK, task)
    title = title.strip()
    if not title or len(title) > 300:
        raise RoundError("节点名称不能为空,且不超过 300 字。")
    order = task.milestones.count() + 1
    row = Milestone.objects.create(task=task, title=title, due=due, order=order)
    Change.objects.create(model="milestone", object_id=row.pk, action=Change.Action.CREATE,
                          fields={"title": title, "due": str(due or ""), "task": task.pk},
                          user=user)
    return row


@transaction.atomic
def complete_milestone(user, milestone: Milestone, done_at: date | None = None) -> Milestone:
    check(user, Action.EDIT_TASK, milestone.task)
    done_at = done_at or timezone.localdate()
    if not Milestone.objects.filter(pk=milestone.pk, done_at__isnull=True).update(
            done_at=done_at):
        raise RoundError("该节点已完成。")
    Change.objects.create(model="milestone", object_id=milestone.pk,
                          action=Change.Action.UPDATE,
                          fields={"done_at": [None, str(done_at)], "task": milestone.task_id},
                          user=user)
    milestone.refresh_from_db()
    return milestone
