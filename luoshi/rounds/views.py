"""Round pages: thin views over luoshi.rounds.services; every check asks permissions.py."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import FileResponse, Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from luoshi.core.ids import parse_id
from luoshi.core.models import Progress, Report, Task
from luoshi.rounds import evidence, history, round_table, services
from luoshi.rounds.forms import (
    ContributionForm,
    EntryForm,
    ExtendForm,
    OpenRoundForm,
    RemindForm,
    ReturnForm,
    SubmitForm,
)
from luoshi.rounds.models import Contribution, EntryState, EvidenceFile, Notice, Reminder
from luoshi.rounds.permissions import (
    READ_ALL,
    Action,
    can_see,
    check,
    contributes_only,
    contributing_units,
    liaison_tasks,
    may,
    on_behalf,
    readable_entries,
    readable_progress,
    readable_reports,
    role_of,
    task_roles,
    unit_ids,
)
from luoshi.rounds.reminders import overdue_units, running_reports, send_reminders
from luoshi.rounds.submission import task_targets


@login_required
def my_round(request):
    """Running rounds: a liaison's tasks to fill; the office's progress per report."""
    reports = readable_reports(request.user).filter(state__in=services.RUNNING)
    reports = reports.select_related("plan__government", "period").annotate(
        entries=Count("progress"),
        waiting=Count("progress", filter=Q(progress__round_entry__state__in=services.EDITABLE)),
        submitted=Count("progress", filter=Q(progress__round_entry__state=EntryState.SUBMITTED)),
        approved=Count("progress", filter=Q(progress__round_entry__state=EntryState.APPROVED)),
    )
    mine, readable = [], set()
    if unit_ids(request.user):
        mine = (Progress.objects.filter(report__in=reports, task__in=liaison_tasks(request.user))
                .select_related("task", "report", "round_entry").order_by("report", "position"))
        # A co-unit's row of an unfiled entry says 未填报, not the lead unit's state.
        readable = set(readable_progress(request.user).filter(pk__in=[p.pk for p in mine])
                       .values_list("pk", flat=True))
    return render(request, "rounds/my_round.html", {
        "reports": reports, "mine": mine, "readable": readable,
        "can_open": may(request.user, Action.OPEN_ROUND), "role": role_of(request.user),
    })


@login_required
def open_round(request):
    check(request.user, Action.OPEN_ROUND)
    form = OpenRoundForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            report = services.open_round(request.user, form.cleaned_data["plan"], form.period(),
                                         form.cleaned_data["deadline"])
        except services.RoundError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("已开启填报。"))
            return redirect("round_report", pk=report.pk)
    return render(request, "rounds/open.html", {"form": form})


def round_report(request, pk: int):
    report = get_object_or_404(Report.objects.select_related("plan", "period"), pk=pk)
    check(request.user, Action.READ, report)
    readable_qs = readable_entries(request.user, report)
    # Leaders and the office see every row of the round, a liaison the rows of their units'
    # tasks; a row whose entry they may not read (a unit's draft, for a leader or a co-unit)
    # shows as 未填报, without its text or its state.
    if role_of(request.user) in READ_ALL:
        rows = report.progress.all()
    elif unit_ids(request.user):
        rows = report.progress.filter(Q(pk__in=readable_qs.values("pk"))
                                      | Q(task__in=liaison_tasks(request.user).values("pk")))
    else:
        rows = readable_qs
    entries = rows.select_related("task__parent", "round_entry", "updated_by").order_by("position")
    readable = set(readable_qs.values_list("pk", flat=True))
    hidden = {p.pk for p in entries if p.pk not in readable}
    state, unit = request.GET.get("state", ""), request.GET.get("unit", "")
    state = state if state in round_table.STATE_FILTERS else ""
    all_rows = round_table.rows_for(report, entries, hidden=hidden)
    shown = round_table.rows_for(report, entries, state, unit, hidden=hidden)
    return render(request, "rounds/report.html", {
        "report": report, "rows": shown, "total": len(all_rows),
        "state_filters": round_table.STATE_FILTERS.items(), "state": state, "unit": unit,
        "units": round_table.units_of(all_rows),
        "can_review": may(request.user, Action.REVIEW, report),
        "readable": readable,
        # A co-unit opens an unfiled entry to file its contribution.
        "openable": readable | {p.pk for p in entries if p.pk in hidden
                                and contributes_only(request.user, p)},
        "can_publish": may(request.user, Action.PUBLISH, report),
        "blockers": services.publish_blockers(report)
        if report.state in services.RUNNING and may(request.user, Action.PUBLISH, report) else [],
        "extend_form": ExtendForm() if report.state in services.RUNNING
        and may(request.user, Action.EXTEND, report) else None,
        "can_overdue": may(request.user, Action.OVERDUE, report),
        "is_overdue": bool(report.deadline and report.deadline < timezone.now()),
    })


def _entry_context(request, progress: Progress, **forms_):
    user = request.user
    roles = task_roles(user, progress.task)
    targets = task_targets(progress.task)
    values = {rv.target_id: rv.value for rv in progress.reported_values.all()}
    contributions = list(progress.contributions.select_related("unit", "updated_by"))
    can_edit = may(user, Action.EDIT_ENTRY, progress)
    state = services.entry_of(progress)
    report = progress.report
    context = {
        "entry": progress, "report": report, "task": progress.task,
        "state": state,
        "previous": services.previous_entries(report).get(progress.task_id),
        "contributions": contributions, "roles": roles,
        "can_edit": can_edit,
        "editable": can_edit and state.state in services.EDITABLE
        and report.state in services.RUNNING,
        "on_behalf": can_edit and on_behalf(user, progress.task),
        "can_review": may(user, Action.REVIEW, progress),
        "can_contribute": may(user, Action.CONTRIBUTE, progress),
        "events": progress.review_events.select_related("user"),
        "is_overdue": bool(report.deadline and report.deadline < timezone.now()),
        # What is asked: the numeric targets still without a reported figure.
        "wanted": [t for t in targets if t.pk is None or values.get(t.pk) is None],
        "missing_co": services.missing_contributions(progress) if can_edit else [],
        "evidence": list(progress.evidence_files.all()),
        "evidence_types": evidence.ALLOWED,
        "evidence_max_mb": evidence.max_bytes() // (1024 * 1024),
    }
    initial = {"version": progress.version, "done": progress.done,
               "problems": progress.problems, "next_steps": progress.next_steps,
               **{f"target_{k}": v for k, v in values.items()}}
    kept = services.autosaved(user, progress) if can_edit and "entry_form" not in forms_ else None
    if kept is not None and any(kept.data.get(k, initial.get(k)) != initial.get(k)
                                for k in kept.data):
        # What they typed and never saved comes back, on the version they started from (a
        # save then meets the usual conflict check if someone saved since).
        initial |= kept.data | {"version": kept.base_version}
        context["restored"] = kept
    context["entry_form"] = forms_.get("entry_form") or EntryForm(initial=initial,
                                                                  targets=targets)
    context["return_form"] = forms_.get("return_form") or ReturnForm()
    writable = sorted(contributing_units(user, progress.task)) if context["can_contribute"] else []
    if writable:
        # A liaison writes for their own co-unit; an admin for the first co-unit.
        unit_id = writable[0]
        row = next((c for c in contributions if c.unit_id == unit_id), None)
        context["contribution_form"] = forms_.get("contribution_form") or ContributionForm(
            initial={"unit": unit_id, "version": row.version if row else 0,
                     "text": row.text if row else ""})
    context["warnings"] = forms_.get("warnings")
    return context


def _contribution_context(request, progress: Progress, **forms_):
    """The entry page of a co-unit's liaison while the lead unit's entry is unfiled: built
    from the task, the round and their own units' contributions only, so nothing of the lead
    unit's draft (text, figures, files, state, return comment, history) can reach the page."""
    user = request.user
    report = progress.report
    units = sorted(contributing_units(user, progress.task))
    contributions = list(progress.contributions.filter(unit__in=units)
                         .select_related("unit", "updated_by"))
    unit_id = units[0]
    row = next((c for c in contributions if c.unit_id == unit_id), None)
    return {
        "entry": progress, "report": report, "task": progress.task,
        "previous": services.previous_entries(report).get(progress.task_id),
        "is_overdue": bool(report.deadline and report.deadline < timezone.now()),
        "targets": task_targets(progress.task),
        "contributions": contributions,
        "contribution_form": forms_.get("contribution_form") or ContributionForm(
            initial={"unit": unit_id, "version": row.version if row else 0,
                     "text": row.text if row else ""}),
    }


def _entry(request, pk: int, *, contributing: bool = False) -> Progress:
    """The entry, if the user may read it (404 if they may not know it exists, 403 if they
    know it only as a co-unit contributing to it — unless ``contributing``: the entry page
    and the contribution form, which then show the contribution page)."""
    progress = get_object_or_404(
        Progress.objects.select_related("report__plan", "report__period", "task__parent"), pk=pk)
    if not (contributing and contributes_only(request.user, progress)):
        check(request.user, Action.READ, progress)
    return progress


def _page(request, progress: Progress, status: int = 200, error: str = "", **forms_):
    if contributes_only(request.user, progress):
        context = _contribution_context(request, progress, **forms_)
        template = "rounds/contribution.html"
    else:
        context = _entry_context(request, progress, **forms_)
        template = "rounds/entry.html"
    if error:
        context["error"] = error
    return render(request, template, context, status=status)


def entry_detail(request, pk: int):
    return _page(request, _entry(request, pk, contributing=True))


def _refused(request, progress, error, status=409, **forms_):
    forms_.setdefault("warnings", getattr(error, "warnings", None))
    return _page(request, progress, status, str(error), **forms_)


@require_POST
def entry_save(request, pk: int):
    """The entry's one form: 保存 (action=save) or 提交 (action=submit), which saves what is on
    screen first. A refusal shows the form again with what they typed."""
    progress = _entry(request, pk)
    submitting = request.POST.get("action") == "submit"
    check(request.user, Action.SUBMIT if submitting else Action.EDIT_ENTRY, progress)
    form = EntryForm(request.POST, targets=task_targets(progress.task))
    if not form.is_valid():
        return _refused(request, progress, _("请检查填写内容。"), status=400, entry_form=form)
    data = services.EntryInput(form.cleaned_data["done"], form.cleaned_data["problems"],
                               form.cleaned_data["next_steps"], form.target_values())
    try:
        if submitting:
            services.save_and_submit(request.user, progress, form.cleaned_data["version"], data,
                                     form.cleaned_data.get("acknowledge", False),
                                     form.cleaned_data.get("co_reason", ""))
        else:
            services.save_entry(request.user, progress, form.cleaned_data["version"], data)
    except services.Conflict as error:
        # The form keeps what they typed; the version stays the one they loaded.
        return _refused(request, progress, error, entry_form=form)
    except services.RoundError as error:
        # Saved (if it could be) but not submitted: show the entry as it now stands, with
        # the warnings to acknowledge.
        progress.refresh_from_db()
        if not services.unchanged(progress, data):
            return _refused(request, progress, error, entry_form=form)
        return _refused(request, progress, error)
    messages.success(request, _("已提交。") if submitting else _("已保存。"))
    return redirect("round_entry", pk=pk)


@require_POST
def entry_autosave(request, pk: int):
    """Keep what is being typed (the page's script posts the form now and then); JSON."""
    progress = _entry(request, pk)
    check(request.user, Action.EDIT_ENTRY, progress)
    version = request.POST.get("version", "")
    expected = parse_id(version)
    if expected is None:
        return JsonResponse({"error": _("版本号无效")}, status=400)
    try:
        row = services.autosave(request.user, progress, expected, request.POST.dict())
    except services.RoundError as error:
        return JsonResponse({"error": str(error)}, status=409)
    return JsonResponse({"saved_at": timezone.localtime(row.saved_at).strftime("%H:%M:%S")})


@require_POST
def entry_contribute(request, pk: int):
    progress = _entry(request, pk, contributing=True)
    check(request.user, Action.CONTRIBUTE, progress)
    form = ContributionForm(request.POST)
    if not form.is_valid():
        return _refused(request, progress, _("请检查填写内容。"), status=400, contribution_form=form)
    try:
        services.save_contribution(request.user, progress, form.cleaned_data["unit"],
                                   form.cleaned_data["version"], form.cleaned_data["text"])
    except services.RoundError as error:
        return _refused(request, progress, error, contribution_form=form)
    messages.success(request, _("已保存报送内容。"))
    return redirect("round_entry", pk=pk)


@require_POST
def entry_submit(request, pk: int):
    progress = _entry(request, pk)
    check(request.user, Action.SUBMIT, progress)
    form = SubmitForm(request.POST)
    form.is_valid()
    try:
        services.submit_entry(request.user, progress, form.cleaned_data.get("acknowledge", False),
                              co_reason=request.POST.get("co_reason", ""))
    except services.RoundError as error:
        return _refused(request, progress, error)
    messages.success(request, _("已提交。"))
    return redirect("round_entry", pk=pk)


@require_POST
def entry_review(request, pk: int):
    progress = _entry(request, pk)
    check(request.user, Action.REVIEW, progress)
    try:
        if request.POST.get("decision") == "approve":
            services.approve_entry(request.user, progress)
        else:
            form = ReturnForm(request.POST)
            if not form.is_valid():
                return _refused(request, progress, _("退回时请填写退回意见。"), status=400,
                                return_form=form)
            services.return_entry(request.user, progress, form.cleaned_data["comment"])
    except services.RoundError as error:
        return _refused(request, progress, error)
    done = (_("已审核通过:%(serial)s %(task)s") if request.POST.get("decision") == "approve"
            else _("已退回:%(serial)s %(task)s"))
    messages.success(request, done % {"serial": _serial_of(progress),
                                      "task": progress.task.text[:30]})
    # Back to the round at this row (and the filters the office came from).
    return redirect(round_table.back_to(progress.report_id, request.GET, f"entry-{progress.pk}"))


def _serial_of(progress: Progress) -> str:
    task = progress.task
    return f"{task.parent.serial}.{task.order}" if task.parent_id else task.serial


def entry_history(request, pk: int):
    progress = _entry(request, pk)
    check(request.user, Action.HISTORY, progress)
    return render(request, "rounds/history.html", {
        "entry": progress,
        "versions": list(reversed(history.versions(progress, request.user))),
        "contributions": Contribution.objects.filter(progress=progress).select_related("unit"),
    })


@require_POST
def extend(request, pk: int):
    """延长截止时间 for every unit of a running round."""
    report = get_object_or_404(Report, pk=pk)
    check(request.user, Action.EXTEND, report)
    form = ExtendForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("请填写有效的截止时间。"))
        return redirect("round_report", pk=pk)
    try:
        services.extend_round(request.user, report, form.cleaned_data["deadline"])
    except services.RoundError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("已延长截止时间。"))
    return redirect("round_report", pk=pk)


@require_POST
def publish(request, pk: int):
    report = get_object_or_404(Report, pk=pk)
    check(request.user, Action.PUBLISH, report)
    try:
        services.publish(request.user, report,
                         verdicts_public=request.POST.get("verdicts_public") == "1")
    except services.RoundError as error:
        messages.error(request, str(error))
        return redirect("round_report", pk=pk)
    messages.success(request, _("已发布。"))
    return redirect("round_report", pk=pk)


def overdue(request, pk: int):
    report = get_object_or_404(Report.objects.select_related("plan", "period"), pk=pk)
    check(request.user, Action.OVERDUE, report)
    return render(request, "rounds/overdue.html", {
        "report": report, "units": overdue_units(report),
        "reminders": Reminder.objects.filter(report=report).select_related("unit", "sent_by")[:100],
        "can_remind": may(request.user, Action.REMIND, report)
        and report.state in services.RUNNING,
    })


@require_POST
def remind(request, pk: int):
    """发送催办 for one report (every unit owing entries, or one): the service the CLI calls."""
    report = get_object_or_404(Report.objects.select_related("plan", "period"), pk=pk)
    check(request.user, Action.REMIND, report)
    form = RemindForm(request.POST)
    valid = form.is_valid()
    back = (redirect(reverse("round_overdue_all") + f"#report-{pk}")
            if valid and form.cleaned_data["back"] == "all" else redirect("round_overdue", pk=pk))
    if not valid:
        messages.error(request, _("催办请求无效。"))
        return back
    if report.state not in services.RUNNING:
        messages.error(request, _("该报告不在填报中,无需催办。"))
        return back
    result = send_reminders(report, request.user, unit=form.cleaned_data["unit"])
    if result.unreachable:
        names = "、".join(f"{u.unit.name}({u.reason})" for u in result.unreachable)
        messages.warning(request, _("%(n)s 个单位无法催办:%(names)s。"
                                    "请为其添加联络员账号,或另行通知。")
                         % {"n": len(result.unreachable), "names": names})
    if not result.sent:
        if not result.unreachable:
            messages.info(request, _("没有需要催办的单位(均已提交)。"))
        return back
    parts = "、".join(_("%(unit)s(%(level)s,站内 %(notified)s 人,邮件 %(mailed)s 人)")
                     % {"unit": r.unit.name, "level": r.get_level_display(),
                        "notified": r.notified, "mailed": len(r.recipients)}
                     for r in result.sent)
    messages.success(request, _("已发送 %(n)s 条催办:%(parts)s。")
                     % {"n": len(result.sent), "parts": parts})
    return back


@require_POST
def evidence_upload(request, pk: int):
    """佐证材料 upload (multipart). A body far over the limit is refused before it is read."""
    progress = _entry(request, pk)
    check(request.user, Action.EDIT_ENTRY, progress)
    limit = evidence.max_bytes()
    length = request.META.get("CONTENT_LENGTH", "")
    if length.isdigit() and int(length) > limit + 64 * 1024:
        messages.error(request, _("文件超过 %(mb)s MB,请压缩或拆分后上传。")
                       % {"mb": limit // (1024 * 1024)})
        response = redirect("round_entry", pk=pk)
        response.status_code = 303
        return response
    upload = request.FILES.get("file")
    if upload is None:
        messages.error(request, _("请选择要上传的文件。"))
        return redirect("round_entry", pk=pk)
    try:
        row = evidence.attach(request.user, progress, upload)
    except services.RoundError as error:
        messages.error(request, _("%(file)s:%(problem)s") % {"file": upload.name, "problem": error})
    else:
        messages.success(request, _("已上传佐证材料 %(file)s。") % {"file": row.name})
    return redirect("round_entry", pk=pk)


def evidence_download(request, pk: int):
    """A 佐证材料, to those who may read its entry (404 for anyone else)."""
    row = get_object_or_404(EvidenceFile.objects.select_related("progress"), pk=pk)
    if not can_see(request.user, row.progress):
        raise Http404(_("不存在或无权查看"))
    try:
        handle = evidence.open_file(row)
    except FileNotFoundError as error:
        raise Http404(_("文件已不存在")) from error
    response = FileResponse(handle, as_attachment=True, filename=row.name,
                            content_type=evidence.mime(row))
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"  # i18n: data
    return response


@login_required
def inbox(request):
    """The signed-in person's notices, newest first; POST marks them all read."""
    notices = Notice.objects.filter(user=request.user)
    if request.method == "POST":
        notices.filter(read_at__isnull=True).update(read_at=timezone.now())
        return redirect("inbox")
    rows = list(notices[:200])
    return render(request, "rounds/inbox.html", {"notices": rows})


def task_history(request, pk: int):
    """Every recorded change of a task the user may read, newest first, each as a diff."""
    task = get_object_or_404(Task.objects.select_related("plan__government", "parent"), pk=pk)
    if not can_see(request.user, task):
        raise Http404(_("不存在或无权查看"))
    changes, names, folded = history.task_changes(request.user, task)
    page = Paginator(changes, history.TASK_HISTORY_PAGE).get_page(request.GET.get("page"))
    targets = history.target_names(task)
    views = [history.describe(c, names.get((c.model, c.object_id), c.model), targets)
             for c in history.apply_folds(page.object_list, folded)]
    return render(request, "rounds/task_history.html", {
        "task": task, "page": page, "changes": views,
        # Who changed what is for the people running the rounds, not the public.
        "show_people": request.user.is_authenticated,
    })


def overdue_all(request):
    """催办 across every running round: units owing entries, past-deadline reports first."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    check(request.user, Action.OVERDUE)
    reports = (readable_reports(request.user).filter(state__in=services.RUNNING)
               .select_related("plan__government", "period"))
    rows = running_reports(reports)
    if request.GET.get("overdue") == "1":
        rows = [r for r in rows if r.overdue]
    return render(request, "rounds/overdue_all.html", {
        "rows": rows, "only_overdue": request.GET.get("overdue") == "1",
        "can_remind": may(request.user, Action.REMIND),
    })
