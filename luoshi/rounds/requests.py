"""延期/调整申请: a unit on a task asks for a later deadline, another target value or a change of
the task's text; the office approves (the change applies through the task and target services,
so it is in the history) or rejects, with a comment. Decisions are conditional on the request
still pending, so two decisions cannot both apply."""

from __future__ import annotations

from datetime import date

from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from luoshi.core.models import Report, Target, Task, TaskUnit
from luoshi.core.services.corrections import correct_target
from luoshi.rounds import tasks as task_services
from luoshi.rounds.models import ChangeRequest
from luoshi.rounds.notify import notify, office_users
from luoshi.rounds.permissions import Action, check, unit_ids
from luoshi.rounds.services import COMMENT_LIMIT, TEXT_LIMIT, RoundError

Kind = ChangeRequest.Kind


def _units_task(task: Task) -> Task:
    return task.parent if task.parent_id and not task.task_units.exists() else task


def file_request(user, task: Task, kind: str, reason: str, *, report: Report | None = None,
                 new_deadline: date | None = None, target: Target | None = None,
                 new_value: float | None = None, new_text: str = "") -> ChangeRequest:
    """File a request for the user's unit on ``task`` (the office: for its lead unit)."""
    check(user, Action.REQUEST_CHANGE, task)
    kind = Kind(kind)
    reason = reason.strip()
    if not reason:
        raise RoundError("请填写申请理由。")
    if len(reason) > COMMENT_LIMIT:
        raise RoundError(f"申请理由超过 {COMMENT_LIMIT} 字。")
    top = _units_task(task)
    links = TaskUnit.objects.filter(task=top).order_by("order")
    mine = unit_ids(user)
    link = links.filter(unit__in=mine).first() if mine else links.first()
    if link is None:
        raise RoundError("该任务没有可以提出申请的责任单位。")
    old = ""
    if kind == Kind.DEADLINE:
        if new_deadline is None:
            raise RoundError("请填写申请的完成时限。")
        old = str(task.deadline or "")
    elif kind == Kind.TARGET:
        if target is None or target.task_id != top.pk or new_value is None:
            raise RoundError("请选择本任务的目标并填写申请的目标值。")
        old = f"{target.value:g}{target.unit}"
    else:
        new_text = new_text.strip()
        if not new_text or len(new_text) > TEXT_LIMIT:
            raise RoundError("请填写调整后的任务内容。")
        old = task.text[:300]
    row = ChangeRequest.objects.create(
        task=task, report=report, unit_id=link.unit_id, kind=kind, reason=reason,
        new_deadline=new_deadline if kind == Kind.DEADLINE else None,
        target=target if kind == Kind.TARGET else None,
        new_value=new_value if kind == Kind.TARGET else None,
        new_text=new_text if kind == Kind.SCOPE else "", old_value=old, created_by=user)
    notify(office_users(), "requested",
           f"{link.unit.name} 提出{row.get_kind_display()}申请:{task.serial} {task.text[:30]}",
           reverse("request_list") + "?state=pending")
    return row


@transaction.atomic
def decide(user, request: ChangeRequest, approve: bool, comment: str = "") -> ChangeRequest:
    """Approve (the change applies, recorded in the task's or target's history) or reject."""
    check(user, Action.DECIDE, request.task)
    comment = comment.strip()
    if len(comment) > COMMENT_LIMIT:
        raise RoundError(f"审批意见超过 {COMMENT_LIMIT} 字。")
    if not approve and not comment:
        raise RoundError("不同意时请填写审批意见。")
    state = ChangeRequest.State.APPROVED if approve else ChangeRequest.State.REJECTED
    if not ChangeRequest.objects.filter(pk=request.pk, state=ChangeRequest.State.PENDING).update(
            state=state, comment=comment, decided_by=user, decided_at=timezone.now()):
        raise RoundError("该申请已处理。")
    request.refresh_from_db()
    if approve:
        _apply(user, request)
    if request.created_by_id:
        verdict = "已同意" if approve else "未同意"
        notify([request.created_by], "decided",
               f"您的{request.get_kind_display()}申请{verdict}:{request.task.text[:30]}"
               + (f"({comment})" if comment else ""), reverse("request_list"))
    return request


def _apply(user, request: ChangeRequest) -> None:
    note = f"同意{request.unit.name}的{request.get_kind_display()}申请(#{request.pk})"
    task = Task.objects.get(pk=request.task_id)
    if request.kind == Kind.DEADLINE:
        task_services.edit_task(user, task, task.version, deadline=request.new_deadline,
                                note=note)
    elif request.kind == Kind.TARGET:
        if request.target is None:
            raise RoundError("申请调整的目标已不存在。")
        try:
            correct_target(request.target, user=user, expected_version=request.target.version,
                           value=request.new_value)
        except ValueError as error:  # StaleVersion, or a value the target cannot take
            raise RoundError(f"目标未能调整:{error}") from error
    else:
        task_services.edit_task(user, task, task.version, text=request.new_text, note=note)
