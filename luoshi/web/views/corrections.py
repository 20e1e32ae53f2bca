"""A person corrects a task's status in one report, or one of its targets, from the task page (POST, CSRF, the office
and admins only). The correction is kept with who and why, wins over re-analysis and is in the
history; "恢复自动分析" drops it. A stale version is refused with a message, nothing saved."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from luoshi.core.models import Assessment, Measurement, Target
from luoshi.core.services.corrections import (
    StaleVersion,
    clean_reason,
    correct_measurement,
    correct_status,
    correct_target,
    revert_status,
)
from luoshi.vocab import Status
from luoshi.web.access import can_correct, visible_reports, visible_tasks
from luoshi.web.statuses import shown_status


def _reason(request: HttpRequest) -> tuple[str, str]:
    """The posted reason, and the message refusing it ("" when it is fine): the one rule
    every correction form shares (``clean_reason``)."""
    try:
        return clean_reason(request.POST.get("reason")), ""
    except ValueError as exc:
        return "", _("修正未保存:%(problem)s。") % {"problem": exc}


def _in_report(request: HttpRequest, model: type[Assessment] | type[Measurement], pk: int):
    """The report-level row (a status or a figure) this person may correct, and the task
    page's period to go back to; 404 for one they may not see or correct."""
    row = get_object_or_404(model.objects.select_related("report", "task"), pk=pk,
                            report__in=visible_reports(request.user))
    if not can_correct(request.user, row.report):
        raise Http404(_("不存在或无权修正"))
    return row, reverse("task_detail", args=[row.task_id]) + f"#period-{row.report_id}"


@require_POST
def assessment_correct(request: HttpRequest, pk: int) -> HttpResponse:
    a, back = _in_report(request, Assessment, pk)
    try:
        version = int(request.POST.get("version", ""))
    except ValueError:
        messages.error(request, _("修正未保存:缺少版本号,请刷新页面后重试。"))
        return redirect(back)
    try:
        if request.POST.get("action") == "revert":
            revert_status(a.report, a.task, user=request.user, expected_version=version)
            messages.success(request, _("已恢复为自动分析的状态。"))
            return redirect(back)
        value = request.POST.get("status", "")
        reason, problem = _reason(request)
        if value not in {s.value for s in Status}:
            messages.error(request, _("修正未保存:请选择一个状态。"))
        elif problem:
            messages.error(request, problem)
        else:
            correct_status(a.report, a.task, value, reason, user=request.user,
                           expected_version=version)
            messages.success(request, _("状态已修正为“%(status)s”。") % {"status": shown_status(value)})
    except StaleVersion:
        messages.error(request, _("修正未保存:该状态已被他人修改,请刷新页面后重新修正。"))
    return redirect(back)


@require_POST
def target_correct(request: HttpRequest, pk: int) -> HttpResponse:
    """A target's kind, value or unit corrected (or the target removed) from the task page."""
    t = get_object_or_404(Target.objects.select_related("task"), pk=pk,
                          task__in=visible_tasks(request.user))
    if not can_correct(request.user):
        raise Http404(_("不存在或无权修正"))
    back = reverse("task_detail", args=[t.task_id]) + "#task-targets-title"
    reason, problem = _reason(request)
    values: dict = {}
    try:
        version = int(request.POST.get("version", ""))
        if request.POST.get("action") == "remove":
            values["active"] = False
        else:
            kind = request.POST.get("kind", "")
            if kind and kind != t.kind:
                values["kind"] = kind
            raw = (request.POST.get("value") or "").strip()
            if raw and float(raw) != t.value:
                values["value"] = float(raw)
            unit = (request.POST.get("unit") or "").strip()
            if unit != t.unit and request.POST.get("unit") is not None:
                values["unit"] = unit[:30]
    except ValueError:
        messages.error(request, _("修正未保存:目标值须为数字。"))
        return redirect(back)
    if problem:
        messages.error(request, problem)
    elif not values:
        messages.error(request, _("修正未保存:没有改动。"))
    else:
        try:
            correct_target(t, user=request.user, expected_version=version,
                           reason=reason, **values)
            messages.success(request, _("目标已修正。") if values.get("active", True)
                             else _("目标已删除。"))
        except StaleVersion:
            messages.error(request, _("修正未保存:该目标已被他人修改,请刷新页面后重新修正。"))
        except ValueError as exc:
            messages.error(request, _("修正未保存:%(problem)s") % {"problem": exc})
    return redirect(back)


@require_POST
def measurement_correct(request: HttpRequest, pk: int) -> HttpResponse:
    """A measurement's value or match corrected (or it is said to be none) from the task page."""
    m, back = _in_report(request, Measurement, pk)
    reason, problem = _reason(request)
    kwargs: dict = {}
    try:
        raw = (request.POST.get("value") or "").strip()
        if raw and float(raw) != m.value:
            kwargs["value"] = float(raw)
        target = request.POST.get("target", "keep")
        if target == "none":
            kwargs["target"] = None
        elif target not in ("keep", "") and int(target) != m.target_id:
            kwargs["target"] = get_object_or_404(Target, pk=int(target), task=m.task)
    except ValueError:
        messages.error(request, _("修正未保存:数值须为数字。"))
        return redirect(back)
    active = request.POST.get("action") != "remove"
    if problem:
        messages.error(request, problem)
    elif active and not kwargs:
        messages.error(request, _("修正未保存:没有改动。"))
    else:
        try:
            correct_measurement(m, user=request.user, reason=reason, active=active,
                                **kwargs)
            messages.success(request, _("实绩已修正。") if active else _("已标记为非实绩。"))
        except ValueError as exc:
            messages.error(request, _("修正未保存:%(problem)s") % {"problem": exc})
    return redirect(back)
