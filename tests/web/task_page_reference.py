"""The task page as it was built before it was written from plain rows (issue 15): the ORM
view and its templates (tests/web/reference_templates, copies of the templates it used), kept
here as the reference that test_task_page_bytes compares the page with, byte for byte."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from django.db.models import Q
from django.http import Http404
from django.template import Engine, RequestContext
from django.utils.html import escape
from django.utils.safestring import mark_safe

from luoshi.core.models import (
    Assessment,
    Change,
    Measurement,
    MeasurementCorrection,
    Report,
    Target,
)
from luoshi.rounds.permissions import PUBLIC, Action, may, readable_requests, role_of
from luoshi.vocab import Status
from luoshi.web.access import (
    can_correct,
    shown_assessments,
    shown_progress,
    visible_reports,
    visible_tasks,
)
from luoshi.web.list_rows import url_prefix

ENGINE = Engine(
    dirs=[str(Path(__file__).parent / "reference_templates")],
    libraries={"i18n": "django.templatetags.i18n",
               "luoshi_web": "luoshi.web.templatetags.luoshi_web"},
)
COMPARATORS = {">=": "不少于", "<=": "不超过", "=": "达到", "reach": "达到",
               "increase_by": "增长", "decrease_by": "下降"}
FIELDS = ("done", "problems", "next_steps")
HISTORY_FIELDS = ("model", "object_id", "action", "fields", "at", "user__username",
                  "batch__file_name")


def marked(text, spans):
    text = text or ""
    out, last = [], 0
    for start, end, css in sorted(s for s in spans if 0 <= s[0] < s[1] <= len(text)):
        if start < last:
            continue
        out.append(escape(text[last:start]))
        out.append(f'<mark class="{css}">{escape(text[start:end])}</mark>')
        last = end
    out.append(escape(text[last:]))
    return mark_safe("".join(out).replace("\n", "<br>"))


@dataclass
class TargetView:
    target: Target
    label: str
    latest: Measurement | None = None
    report: Report | None = None
    history: list = field(default_factory=list)

    @property
    def percent(self):
        if self.latest is None or self.latest.ratio is None:
            return None
        return round(self.latest.ratio * 100, 1)

    @property
    def bar(self):
        return max(0.0, min(100.0, self.percent or 0.0))

    @property
    def kind_note(self):
        return self.target.kind_note

    @property
    def prorated(self):
        return self.target.kind in ("", "cumulative")

    @property
    def expected(self):
        if not self.prorated or self.report is None:
            return None
        due = self.target.due_share if self.target.due_share > 0 else 1.0
        return round(min(1.0, self.report.period.share_elapsed / due) * 100, 1)

    @property
    def behind(self):
        return self.percent is not None and self.expected is not None and \
            self.percent < self.expected


def targets(task, reports, measurements):
    rows = list(Target.objects.filter(task=task, active=True).select_related("corrected_by")
                .order_by("position", "pk"))
    by_report = {r.pk: r for r in reports}
    active = {t.pk for t in rows}
    found = defaultdict(list)
    for m in measurements:
        if m.target_id in active and m.report_id in by_report:
            found[m.target_id].append(m)
    views = []
    for t in rows:
        value = f"{t.value:g}" + (f"-{t.value_max:g}" if t.value_max is not None else "")
        view = TargetView(t, f"{t.metric} {COMPARATORS.get(t.comparator, t.comparator)} "
                             f"{value}{t.unit}".strip())
        series = sorted(found.get(t.pk, []), key=lambda m: (
            by_report[m.report_id].period.year, by_report[m.report_id].period.month, m.pk))
        view.history = [(by_report[m.report_id], m) for m in series]
        if series:
            view.latest = series[-1]
            view.report = by_report[series[-1].report_id]
        views.append(view)
    return views


def entry_fields(entries, found, measurements):
    spans = defaultdict(list)
    for a in found.values():
        for e in a.evidence or []:
            if e.get("progress") and e.get("field") in FIELDS:
                spans[e["progress"], e["field"]].append(
                    (int(e.get("start") or 0), int(e.get("end") or 0), "mark-evidence"))
    for m in measurements:
        if m.progress_id and m.field in FIELDS:
            spans[m.progress_id, m.field].append((m.start, m.end, "mark-figure"))
    return {p.pk: {name: marked(getattr(p, name), spans.get((p.pk, name), []))
                   for name in FIELDS} for p in entries}


def history(family, entries, found, views):
    wanted = {
        "task": [t.pk for t in family],
        "progress": [p.pk for p in entries],
        "assessment": [a.pk for a in found.values()],
        "target": [v.target.pk for v in views],
    }
    reports = {a.report_id for a in found.values()}
    query = Q(pk__in=[])
    for model, ids in wanted.items():
        if ids:
            query |= Q(model=model, object_id__in=ids)
    if reports:
        query |= Q(model="measurement", object_id__in=MeasurementCorrection.objects.filter(
            report_id__in=reports, task_id__in=[t.pk for t in family]).values("pk"))
    return list(Change.objects.filter(query).select_related("user", "batch")
                .only(*HISTORY_FIELDS).order_by("-at", "-pk")[:50])


@dataclass
class PeriodBlock:
    report: Report
    entries: list
    assessment: Assessment | None = None
    measurements: list = field(default_factory=list)
    rows: list = field(default_factory=list)


def progress_by_period(task, children, reports, entries):
    family = [task, *children]
    found = {(p.report_id, p.task_id): p
             for p in entries.filter(report__in=reports, task__in=family).order_by()}
    blocks = []
    for report in reports:
        entries = [(t, found[report.pk, t.pk]) for t in family if (report.pk, t.pk) in found]
        if children:
            entries = [(t, p) for t, p in entries if t is not task or not p.is_empty]
        if entries:
            blocks.append(PeriodBlock(report, entries))
    return blocks


def office_panel(user, task):
    if role_of(user) == PUBLIC:
        return None
    return {
        "milestones": list(task.milestones.all()),
        "requests": list(readable_requests(user).filter(task=task).select_related("unit")[:20]),
        "can_edit": may(user, Action.EDIT_TASK, task),
        "can_request": may(user, Action.REQUEST_CHANGE, task),
    }


def task_parts(request, pk: int) -> dict[str, str]:
    """The page's parts (title, breadcrumbs, content) as the old view rendered them."""
    family = list(visible_tasks(request.user).filter(Q(pk=pk) | Q(parent_id=pk))
                  .select_related("plan__government", "parent").order_by("order", "pk"))
    task = next((t for t in family if t.pk == pk), None)
    if task is None:
        raise Http404
    children = [t for t in family if t.parent_id == task.pk]
    reports = list(visible_reports(request.user).filter(plan_id=task.plan_id)
                   .select_related("period").order_by("period__year", "period__month", "pk"))
    blocks = progress_by_period(task, children, reports, shown_progress(request.user))
    top = task.parent or task
    found = {a.report_id: a for a in shown_assessments(request.user)
             .filter(task=top, report__in=reports).select_related("updated_by").order_by()}
    judged_reports = [r for r in reports if r.pk in found]
    measurements = list(Measurement.objects.filter(task=top, report__in=judged_reports)
                        .select_related("target").order_by("pk"))
    views = targets(top, judged_reports, measurements) if task.parent is None else []
    entries = [p for block in blocks for _t, p in block.entries]
    marks = entry_fields(entries, found, measurements)
    for block in blocks:
        block.assessment = found.get(block.report.pk)
        block.measurements = [m for m in measurements if m.report_id == block.report.pk]
        block.rows = [(t, p, marks[p.pk]) for t, p in block.entries]
    spans = [(v.target.start, v.target.end, "mark-target") for v in views
             if v.target.start is not None and v.target.end is not None]
    context = {
        "task": task,
        "text": marked(task.text, spans),
        "units": task.ordered_units(),
        "children": children,
        "blocks": blocks,
        "targets": views,
        "history": history([task, *children], entries, found, views),
        "may_correct": bool(blocks) and can_correct(request.user),
        "status_choices": [(s.value, s.label) for s in Status],
        "kind_choices": _kind_choices(),
        "office_panel": office_panel(request.user, task),
        "task_url": url_prefix("task_detail"), "unit_url": url_prefix("unit_detail"),
        "report_url": url_prefix("report_detail"),
    }
    return {part: ENGINE.get_template(f"web/task_detail_{part}.html")
            .render(RequestContext(request, context)).strip()
            for part in ("title", "breadcrumbs", "content")}


def _kind_choices():
    from luoshi.extract.rules import TARGET_KINDS

    return [(k, note) for k, note in TARGET_KINDS.items() if k not in ("milestone", "qualitative")]
