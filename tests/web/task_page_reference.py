"""The task page as integ7 built it before it was written from plain rows (issue 15): integ7's
luoshi/web/views/tasks.py verbatim but for the three lines marked REFERENCE (its task_page is
tests/web/reference_task_page.py, integ7's luoshi/web/task_page.py verbatim; its templates are
tests/web/reference_templates, integ7's templates verbatim), kept as the reference that
test_task_page_bytes compares the page with, byte for byte."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import web.reference_task_page as task_page  # REFERENCE
from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.template import Engine, RequestContext
from django.utils.safestring import SafeString

from luoshi.core.models import Assessment, Measurement, Progress, Report, Task
from luoshi.rounds.models import Role
from luoshi.rounds.permissions import (
    ADMIN,
    PUBLIC,
    Action,
    may,
    readable_requests,
    role_of,
)
from luoshi.web import pagecache
from luoshi.web.access import (
    can_correct,
    scope_key,
    shown_assessments,
    shown_progress,
    visible_reports,
    visible_tasks,
)
from luoshi.web.list_rows import url_prefix


@dataclass
class PeriodBlock:
    """The task's entries in one report: its own, then one per sub-item."""

    report: Report
    entries: list[tuple[Task, Progress]]
    assessment: Assessment | None = None
    measurements: list[Measurement] = field(default_factory=list)  # for corrections
    # (task, entry, {field: text with evidence and figures marked}) per entry
    rows: list[tuple[Task, Progress, dict[str, SafeString]]] = field(default_factory=list)


def progress_by_period(task: Task, children: list[Task], reports: list[Report],
                       entries=None) -> list[PeriodBlock]:
    """One block per report (visible, of the task's plan) where the task has entries;
    ``entries``: the entries the viewer may see (default: all of them)."""
    family = [task, *children]
    entries = Progress.objects.all() if entries is None else entries
    found: dict[tuple[int, int], Progress] = {
        (p.report_id, p.task_id): p
        # No ORDER BY: the model's default (by report, i.e. period, plan and government)
        # costs three joins and a sort, and a dict has no order to keep.
        for p in entries.filter(report__in=reports, task__in=family).order_by()
    }
    blocks = []
    for report in reports:
        entries = [(t, found[report.pk, t.pk]) for t in family if (report.pk, t.pk) in found]
        if children:
            # The task's own empty entry says nothing next to its sub-items' entries.
            entries = [(t, p) for t, p in entries if t is not task or not p.is_empty]
        if entries:
            blocks.append(PeriodBlock(report, entries))
    return blocks


def office_panel(user, task: Task) -> dict | None:
    """The office's bookkeeping of the task (deadline, 销号, milestones, requests) for people
    who run the rounds; None for the public."""
    if role_of(user) == PUBLIC:
        return None
    return {
        "milestones": list(task.milestones.all()),
        "requests": list(readable_requests(user).filter(task=task).select_related("unit")[:20]),
        "can_edit": may(user, Action.EDIT_TASK, task),
        "can_request": may(user, Action.REQUEST_CHANGE, task),
    }


# Their pages carry correction forms (with the session's CSRF token): never cached.
CORRECTING = {ADMIN, Role.SUPERVISOR}


def task_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """The page below the header is built from the data and the viewer's scope only (except
    the office's: forms), so it is cached by the data version (luoshi.web.pagecache)."""
    if role_of(request.user) in CORRECTING:
        parts = _task_parts(request, pk)
    else:
        key = f"task:{pk}:{scope_key(request.user)}"  # + the language (pagecache.cached)
        parts = pagecache.cached(key, lambda: _task_parts(request, pk))
    return render(request, "web/task_detail.html", {"parts": parts})


def _task_parts(request: HttpRequest, pk: int) -> dict[str, str]:
    # The task and its sub-items in one query (a sub-item is visible with its task: same
    # plan); 404 unless the task itself is among them.
    family = list(visible_tasks(request.user).filter(Q(pk=pk) | Q(parent_id=pk))
                  .select_related("plan__government", "parent").order_by("order", "pk"))
    task = next((t for t in family if t.pk == pk), None)
    if task is None:
        raise Http404
    children = [t for t in family if t.parent_id == task.pk]
    reports = list(
        visible_reports(request.user)
        .filter(plan_id=task.plan_id)
        .select_related("period")
        .order_by("period__year", "period__month", "pk")
    )
    blocks = progress_by_period(task, children, reports, shown_progress(request.user))
    top = task.parent or task
    # Statuses and figures derived from the text are verdicts: only from the reports where
    # the viewer may see the task's status (luoshi.rounds.permissions.shown_assessments).
    found = {a.report_id: a for a in shown_assessments(request.user)
             .filter(task=top, report__in=reports).select_related("updated_by").order_by()}
    judged_reports = [r for r in reports if r.pk in found]
    measurements = list(Measurement.objects.filter(task=top, report__in=judged_reports)
                        .select_related("target").order_by("pk"))
    # Targets and statuses belong to the top-level task; a sub-item's page shows its own
    # entries with the parent's evidence marked in them.
    views = task_page.targets(top, judged_reports, measurements) if task.parent is None else []
    entries = [p for block in blocks for _t, p in block.entries]
    marked = task_page.entry_fields(entries, found, measurements)
    for block in blocks:
        block.assessment = found.get(block.report.pk)
        block.measurements = [m for m in measurements if m.report_id == block.report.pk]
        block.rows = [(t, p, marked[p.pk]) for t, p in block.entries]
    context = {
        "task": task,
        "text": task_page.task_text(task, views),
        "units": task.ordered_units(),
        "children": children,
        "blocks": blocks,
        "targets": views,
        "history": task_page.history([task, *children], entries, found, views),
        # The office corrects statuses on this page (task_page and views.corrections).
        # (Every block's report is one of visible_reports: may() needs only the role, not a
        # query per report.)
        "may_correct": bool(blocks) and can_correct(request.user),
        "status_choices": task_page.status_choices(),
        "kind_choices": task_page.kind_choices(),
        "office_panel": office_panel(request.user, task),
        # Links in loops: prefix + id (a reverse() each costs more than the rest of the item).
        "task_url": url_prefix("task_detail"), "unit_url": url_prefix("unit_detail"),
        "report_url": url_prefix("report_detail"),
    }
    return {part: ENGINE.get_template(f"web/task_detail_{part}.html")  # REFERENCE
            .render(RequestContext(request, context)).strip()
            for part in ("title", "breadcrumbs", "content")}


ENGINE = Engine(  # REFERENCE: integ7's templates, from tests/web/reference_templates
    dirs=[str(Path(__file__).parent / "reference_templates")],
    libraries={"i18n": "django.templatetags.i18n",
               "luoshi_web": "luoshi.web.templatetags.luoshi_web"},
)
task_parts = _task_parts
