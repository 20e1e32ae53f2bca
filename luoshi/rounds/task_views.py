"""Pages of the office's task bookkeeping and of 延期/调整申请: thin views over
luoshi.rounds.tasks and luoshi.rounds.requests; every check asks permissions.py."""

from __future__ import annotations

import re

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from luoshi.core.ids import parse_id
from luoshi.core.models import Milestone, Report, Target, Task, Unit, UnitAlias
from luoshi.rounds import requests as request_services
from luoshi.rounds import tasks as task_services
from luoshi.rounds import units as unit_services
from luoshi.rounds.forms import (
    CloseForm,
    DecideForm,
    MergeForm,
    MilestoneForm,
    RequestForm,
    TargetForm,
    TaskForm,
)
from luoshi.rounds.models import ChangeRequest
from luoshi.rounds.permissions import (
    PUBLIC,
    Action,
    can_see,
    check,
    may,
    readable_requests,
    role_of,
)
from luoshi.rounds.services import RoundError
from luoshi.rounds.submission import task_targets


def _task(request, pk: int) -> Task:
    task = get_object_or_404(Task.objects.select_related("plan__government", "parent"), pk=pk)
    check(request.user, Action.READ, task)
    return task


def _unit_ids(task: Task, names: str) -> list[int]:
    """Unit names (or aliases) of the task's government, in order; unknown names refused."""
    found = []
    for name in [n.strip() for n in re.split(r"[、,,;;\n]", names) if n.strip()]:
        unit = Unit.objects.filter(government=task.plan.government_id, name=name).first()
        if unit is None:
            alias = UnitAlias.objects.filter(unit__government=task.plan.government_id,
                                             alias=name).select_related("unit").first()
            unit = alias.unit if alias else None
        if unit is None:
            raise RoundError(f"找不到单位「{name}」(须为{task.plan.government.name}已有的单位)。")
        if unit.pk not in found:
            found.append(unit.pk)
    return found


@login_required
def task_edit(request, pk: int):
    task = _task(request, pk)
    check(request.user, Action.EDIT_TASK, task)
    initial = {"version": task.version, "text": task.text, "deadline": task.deadline,
               "units": "、".join(link.unit.name for link in task.ordered_units())}
    form = TaskForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            task_services.edit_task(request.user, task, data["version"], text=data["text"],
                                    deadline=data["deadline"],
                                    unit_ids=_unit_ids(task, data["units"]))
        except RoundError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, "已保存任务。")
            return redirect("task_detail", pk=pk)
    return render(request, "rounds/task_edit.html", {
        "task": task, "form": form, "close_form": CloseForm(initial={"version": task.version}),
        "milestone_form": MilestoneForm(), "milestones": task.milestones.all(),
        "targets": task.targets.filter(active=True).order_by("position", "pk"),
        "target_form": TargetForm()})


@require_POST
def task_target(request, pk: int):
    """A target added by the office; the task's statuses are re-derived with it and the
    history records it (luoshi.core.services.corrections.add_target)."""
    from luoshi.core.services.corrections import add_target

    task = _task(request, pk)
    check(request.user, Action.EDIT_TASK, task)
    form = TargetForm(request.POST)
    if not form.is_valid():
        messages.error(request, "目标未添加:请填写指标、比较方式和数字目标值。")
    else:
        data = form.cleaned_data
        try:
            add_target(task, user=request.user, metric=data["metric"].strip(),
                       comparator=data["comparator"], value=data["value"],
                       unit=data["unit"].strip())
        except ValueError:
            messages.error(request, "目标未添加:目标值须为有限的数字。")
        else:
            messages.success(request, "已添加目标。")
    return redirect("task_edit", pk=pk)


@require_POST
def task_close(request, pk: int):
    task = _task(request, pk)
    check(request.user, Action.EDIT_TASK, task)
    form = CloseForm(request.POST)
    try:
        if not form.is_valid():
            raise RoundError("请求无效。")
        if request.POST.get("reopen") == "1":
            task_services.reopen_task(request.user, task, form.cleaned_data["version"],
                                      form.cleaned_data["reason"])
            messages.success(request, "已恢复该任务。")
        else:
            task_services.close_task(request.user, task, form.cleaned_data["version"],
                                     form.cleaned_data["reason"])
            messages.success(request, "已销号。")
    except RoundError as error:
        messages.error(request, str(error))
    return redirect("task_edit", pk=pk)


@require_POST
def task_milestone(request, pk: int):
    task = _task(request, pk)
    check(request.user, Action.EDIT_TASK, task)
    done = request.POST.get("done", "")
    try:
        if (milestone_id := parse_id(done)) is not None:
            milestone = get_object_or_404(Milestone, pk=milestone_id, task=task)
            task_services.complete_milestone(request.user, milestone)
            messages.success(request, "节点已完成。")
        else:
            form = MilestoneForm(request.POST)
            if not form.is_valid():
                raise RoundError("请填写节点名称。")
            task_services.add_milestone(request.user, task, form.cleaned_data["title"],
                                        form.cleaned_data["due"])
            messages.success(request, "已添加节点。")
    except RoundError as error:
        messages.error(request, str(error))
    return redirect("task_edit", pk=pk)


@login_required
def request_new(request, pk: int):
    """延期/调整申请 for a task, from a unit on it (or the office)."""
    task = _task(request, pk)
    check(request.user, Action.REQUEST_CHANGE, task)
    top = task.parent or task
    targets = [t for t in task_targets(top) if t.pk]
    form = RequestForm(request.POST or None, targets=targets)
    report_id = request.GET.get("report", "")
    chosen = parse_id(report_id)
    report = (Report.objects.filter(pk=chosen, plan=task.plan_id).first()
              if chosen is not None else None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        target = Target.objects.filter(pk=data["target"], task=top).first() \
            if data["target"] else None
        try:
            request_services.file_request(
                request.user, task, data["kind"], data["reason"], report=report,
                new_deadline=data["new_deadline"], target=target, new_value=data["new_value"],
                new_text=data["new_text"])
        except RoundError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, "申请已提交,等待督查室审批。")
            return redirect("request_list")
    return render(request, "rounds/request_new.html", {"task": task, "form": form})


@login_required
def request_list(request):
    rows = (readable_requests(request.user)
            .select_related("task__plan", "unit", "created_by", "decided_by", "target")
            .order_by("state", "-created_at", "-pk"))
    state = request.GET.get("state", "")
    if state in ChangeRequest.State.values:
        rows = rows.filter(state=state)
    return render(request, "rounds/requests.html", {
        "rows": rows[:200], "can_decide": may(request.user, Action.DECIDE),
        "decide_form": DecideForm(), "states": ChangeRequest.State.choices, "state": state})


@require_POST
def request_decide(request, pk: int):
    row = get_object_or_404(readable_requests(request.user).select_related("task"), pk=pk)
    if not can_see(request.user, row.task):
        raise Http404("不存在或无权查看")
    check(request.user, Action.DECIDE, row.task)
    form = DecideForm(request.POST)
    try:
        if not form.is_valid():
            raise RoundError("请求无效。")
        request_services.decide(request.user, row, form.cleaned_data["decision"] == "approve",
                                form.cleaned_data["comment"])
    except RoundError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, "已审批。")
    return redirect("request_list")


@login_required
def unit_directory(request):
    """单位名录: aliases, liaisons (the office only), tasks, on-time record; merging (office)."""
    if role_of(request.user) == PUBLIC:
        raise Http404("不存在或无权查看")
    can_merge = may(request.user, Action.MERGE_UNITS)
    return render(request, "rounds/units.html", {
        "rows": unit_services.directory(), "can_merge": can_merge,
        "show_liaisons": can_merge, "merge_form": MergeForm() if can_merge else None})


@require_POST
def unit_merge(request):
    check(request.user, Action.MERGE_UNITS)
    form = MergeForm(request.POST)
    if not form.is_valid():
        messages.error(request, "请选择两个单位。")
        return redirect("unit_directory")
    keep, drop = form.cleaned_data["keep"], form.cleaned_data["drop"]
    name = drop.name
    try:
        unit_services.merge_units(request.user, keep, drop)
    except RoundError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, f"已将 {name} 并入 {keep.name},原名称保留为别名。")
    return redirect("unit_directory")
