"""What the task page shows besides the entries: targets with progress against the share of
the year elapsed, the status of each period with its evidence marked in the texts, and the
history of changes. Built in a fixed number of queries.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Q
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from luoshi.core.models import (
    Assessment,
    Change,
    Measurement,
    MeasurementCorrection,
    Progress,
    Report,
    Target,
    Task,
)
from luoshi.vocab import Status
from luoshi.web.statuses import shown_status

COMPARATORS = {">=": "不少于", "<=": "不超过", "=": "达到", "reach": "达到",
               "increase_by": "增长", "decrease_by": "下降"}
FIELDS = ("done", "problems", "next_steps")
HISTORY_LIMIT = 50
HISTORY_FIELDS = ("model", "object_id", "action", "fields", "at", "user__username",
                  "batch__file_name")


def marked(text: str, spans: list[tuple[int, int, str]]) -> SafeString:
    """``text`` escaped, line breaks kept, each (start, end, css class) span in <mark>."""
    text = text or ""
    out, last = [], 0
    for start, end, css in sorted(s for s in spans if 0 <= s[0] < s[1] <= len(text)):
        if start < last:  # overlapping spans: keep the first
            continue
        out.append(escape(text[last:start]))
        out.append(f'<mark class="{css}">{escape(text[start:end])}</mark>')
        last = end
    out.append(escape(text[last:]))
    return mark_safe("".join(out).replace("\n", "<br>"))  # every piece above is escaped


@dataclass
class TargetView:
    target: Target
    label: str
    latest: Measurement | None = None
    report: Report | None = None
    history: list[tuple[Report, Measurement]] = field(default_factory=list)

    @property
    def smaller_is_better(self) -> bool:
        """A rank or a limit (comparator "<="): met at or below its figure, so never shown as a
        percentage of it (全国第10位 against 前3位 is not "333%"); a move up in rank (排名提升3位)
        is shown as reached or not too."""
        return self.target.kind == "rank" or self.target.comparator == "<="

    @property
    def percent(self) -> float | None:
        """Reported / target, in percent (None when nothing reported against it, or for a
        target where smaller is better)."""
        if self.latest is None or self.latest.ratio is None or self.smaller_is_better:
            return None
        return round(self.latest.ratio * 100, 1)

    @property
    def met(self) -> bool | None:
        """For a rank or a limit: whether the latest figure meets the target in its direction (at
        or below it; a move up in rank at or above it). None when nothing comparable was
        reported, or for other targets."""
        if self.latest is None or not self.smaller_is_better:
            return None
        if self.latest.ratio is not None:  # a limit in another unit of its family (万元, 亿元)
            return self.latest.ratio <= 1
        if self.latest.unit != self.target.unit:
            return None
        if self.target.comparator == "<=":
            return self.latest.value <= self.target.value
        return self.latest.value >= self.target.value  # a move up in rank: at least N places

    @property
    def bar(self) -> float:
        return max(0.0, min(100.0, self.percent or 0.0))

    @property
    def kind_note(self) -> str:
        """How the target's kind is judged ("增速目标,不按时间进度折算")."""
        return self.target.kind_note

    @property
    def prorated(self) -> bool:
        """Only a cumulative quantity follows the calendar (kind unknown: as before)."""
        return self.target.kind in ("", "cumulative")

    @property
    def expected(self) -> float | None:
        """The share of the year elapsed at the reported period's end, in percent (None for a
        kind that is not prorated by time); a period's own target (一季度目标 column, due at a
        quarter of the year) is due in full at its period's end."""
        if not self.prorated or self.report is None:
            return None
        due = self.target.due_share if self.target.due_share > 0 else 1.0
        return round(min(1.0, self.report.period.share_elapsed / due) * 100, 1)

    @property
    def behind(self) -> bool:
        return self.percent is not None and self.expected is not None and \
            self.percent < self.expected


def targets(task: Task, reports: list[Report],
            measurements: list[Measurement] | None = None) -> list[TargetView]:
    """The task's active targets with their figures in ``reports``; ``measurements``: the
    task's measurements already read (those of its targets are used; None: read them)."""
    rows = list(Target.objects.filter(task=task, active=True).select_related("corrected_by")
                .order_by("position", "pk"))
    by_report = {r.pk: r for r in reports}
    if measurements is None:
        measurements = list(Measurement.objects.filter(target__in=rows,
                                                       report_id__in=list(by_report)))
    active = {t.pk for t in rows}
    found: dict[int, list[Measurement]] = defaultdict(list)
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


def task_text(task: Task, views: list[TargetView]) -> SafeString:
    """The task's text with the spans its targets were read from marked."""
    # Only targets read from the task text: a column's or a progress entry's offsets are into
    # another text.
    spans = [(v.target.start, v.target.end, "mark-target") for v in views
             if v.target.start is not None and v.target.end is not None
             and not v.target.column and not v.target.origin]
    return marked(task.text, spans)


def assessments(top: Task, reports: list[Report]) -> dict[int, Assessment]:
    return {a.report_id: a for a in Assessment.objects.filter(task=top, report__in=reports)
            .select_related("updated_by")}


def kind_choices() -> list[tuple[str, str]]:
    """(kind, how it is judged) of every kind a target can have, for the correction form."""
    from luoshi.extract.rules import TARGET_KINDS

    return [(k, note) for k, note in TARGET_KINDS.items() if k not in ("milestone", "qualitative")]


def status_choices() -> list[tuple[str, str]]:
    """(value, label) of every status, for the correction form."""
    return [(s.value, shown_status(s.value)) for s in Status]


def entry_fields(entries: list[Progress], found: dict[int, Assessment],
                 measurements: list[Measurement]) -> dict[int, dict[str, SafeString]]:
    """Per entry, per field: the text with status evidence and measured figures marked."""
    spans: dict[tuple[int, str], list[tuple[int, int, str]]] = defaultdict(list)
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


def history(family: list[Task], entries: list[Progress], found: dict[int, Assessment],
            views: list[TargetView]) -> list[Change]:
    """Recorded changes to the task, its sub-items, entries, statuses and targets."""
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
    if reports:  # corrected figures: their ids read in the same query
        query |= Q(model="measurement", object_id__in=MeasurementCorrection.objects.filter(
            report_id__in=reports, task_id__in=[t.pk for t in family]).values("pk"))
    # Only the columns the page shows: an import batch's row carries its whole warning list
    # and counts (JSON decoded per change row: most of the page's time when a 500-task
    # import stands behind each of 50 changes), the user row its password hash.
    return list(Change.objects.filter(query).select_related("user", "batch")
                .only(*HISTORY_FIELDS).order_by("-at", "-pk")[:HISTORY_LIMIT])
