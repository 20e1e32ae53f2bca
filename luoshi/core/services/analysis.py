"""Derived analysis in the database: targets, measurements and statuses.

    summary = analyze_report(report)        # idempotent; called by import_document

``analyze_report`` rebuilds each top-level task of a report as ``luoshi.extract`` expects it
(the task text; one item per progress entry: the task's own, or its sub-items' in table order)
and stores what ``analyze_task`` says:

- targets per task (they come from the task text, so all reports of a plan share them);
- measurements and one ``Assessment`` per (report, top-level task).

People's corrections (``luoshi.core.services.corrections``) win: a manual assessment keeps its
status and reason (re-analysis only refreshes ``derived_*``); a corrected or removed target is
never overwritten or brought back, and the analysis runs with the corrected targets and
measurements.

Report-level queries for the pages (status counts, per unit, the lagging list, previous period)
are in ``luoshi.core.services.summary``.
"""

from __future__ import annotations

import dataclasses
import math
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.db import transaction
from django.dispatch import Signal

from luoshi.core.models import (
    Assessment,
    Measurement,
    MeasurementCorrection,
    Progress,
    Report,
    Target,
    Task,
)
from luoshi.core.models.analysis import Source
from luoshi.extract import analyze_task
from luoshi.extract import model as xmodel
from luoshi.extract import units as xunits
from luoshi.extract.analyze import per_head_units
from luoshi.extract.progress_plan import ORIGIN as PLAN_ORIGIN
from luoshi.extract.progress_plan import progress_plan_targets
from luoshi.extract.table import FIELD_TARGET_COLUMN, column_targets
from luoshi.extract.targets import extract_targets, target_kind
from luoshi.ingest.metadata import find_unit_line
from luoshi.ingest.model import Item
from luoshi.ingest.model import Period as ParsedPeriod
from luoshi.ingest.model import Task as ParsedTask
from luoshi.vocab import ITEM_FIELDS, PeriodKind, Status

COMPARATORS = (">=", "<=", "=", "increase_by", "decrease_by", "reach")
PROGRESS_FIELDS = ITEM_FIELDS  # the Progress text fields

# Sent by every analysis run that created, changed or removed the status of some tasks, with
# ``report`` and ``task_ids`` (top-level tasks). Analysis writes in bulk (no model signals, no
# history rows), so copies of the status elsewhere (the search index) follow this signal.
statuses_changed = Signal()


@dataclass
class AnalysisSummary:
    report_id: int
    tasks: int = 0
    statuses: dict[str, int] = field(default_factory=dict)  # effective status -> count
    manual: int = 0  # assessments whose person's correction was kept
    targets: int = 0  # active targets of the analysed tasks
    measurements: int = 0
    created: int = 0
    updated: int = 0
    removed: int = 0

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


# -- building the extract input from the database --------------------------------------------


def parsed_period(report: Report) -> ParsedPeriod:
    p = report.period
    kind = PeriodKind(p.kind)
    return ParsedPeriod(kind=kind, label=p.label or kind.label, end_date=p.end_date,
                        month=p.month if kind is PeriodKind.MONTH else None)


@dataclass
class _Unit:
    """One top-level task of the report and the entries its items come from (in order)."""

    task: Task
    entries: list[Progress]
    has_items: bool  # entries are sub-items' (headings from the sub-tasks)
    unit_line: str = ""  # the report's table unit line (金额单位:万元), from its notes

    def parsed(self) -> ParsedTask:
        items = [
            Item(heading=(p.task.text or None) if self.has_items else None,
                 done=p.done, problems=p.problems, next_steps=p.next_steps)
            for p in self.entries
        ]
        # The task's own cells of other columns (declared status …) are evidence too.
        own = self.entries[0] if self.entries and self.entries[0].task_id == self.task.pk else None
        extra = dict(own.extra or {}) if own is not None else {}
        return ParsedTask(serial=self.task.serial, text=self.task.text, items=items, extra=extra,
                          unit_line=self.unit_line)


def _units_of(report: Report, task_ids: set[int] | None = None) -> list[_Unit]:
    entries = list(Progress.objects.filter(report=report).select_related("task")
                   .order_by("position", "id"))
    own: dict[int, Progress] = {}
    children: dict[int, list[Progress]] = {}
    for p in entries:
        if p.task.parent_id is None:
            own[p.task_id] = p
        else:
            children.setdefault(p.task.parent_id, []).append(p)
    tasks = {p.task_id: p.task for p in own.values()}
    missing = set(children) - set(tasks)
    if missing:
        tasks.update(Task.objects.in_bulk(missing))
    out = []
    line = find_unit_line(report.notes or [])
    for tid, task in tasks.items():
        if task_ids is not None and tid not in task_ids:
            continue
        if tid in children:
            out.append(_Unit(task, ([own[tid]] if tid in own else []) + children[tid], True, line))
        else:
            out.append(_Unit(task, [own[tid]], False, line))
    out.sort(key=lambda u: (u.entries[0].position, u.task.pk))
    return out


# -- targets -----------------------------------------------------------------------------------


def _target_values(t: xmodel.Target) -> dict[str, Any]:
    return {"metric": t.metric[:200], "comparator": t.comparator, "value": t.value,
            "value_max": t.value_max, "unit": t.unit[:30], "span": t.span.text,
            "start": t.span.start, "end": t.span.end, "kind": t.kind,
            "column": t.column[:100], "due_share": t.due_share, "origin": t.origin}


def _as_extract(row: Target, derived: xmodel.Target | None, text: str) -> xmodel.Target:
    """A stored (corrected) target as the extractor's dataclass, for re-analysis."""
    family, factor = (derived.family, derived.factor) if derived else (None, 1.0)
    if derived is None or row.unit != derived.unit:
        family, factor = _unit_family(row.unit)
    if row.column and row.start is not None and row.end is not None:
        span = xmodel.Span(FIELD_TARGET_COLUMN, None, row.start, row.end, row.span)
    elif row.origin == PLAN_ORIGIN and row.start is not None and row.end is not None:
        span = xmodel.Span(xmodel.FIELD_DONE, None, row.start, row.end, row.span)  # a progress entry
    elif row.start is not None and row.end is not None:
        span = xmodel.Span(xmodel.FIELD_TEXT, None, row.start, row.end, text[row.start:row.end])
    else:
        span = xmodel.Span(xmodel.FIELD_TEXT, None, 0, 0, "")
    context = derived.context if derived else row.metric
    t = xmodel.Target(metric=row.metric, comparator=row.comparator, value=row.value,
                      unit=row.unit, span=span, family=family, factor=factor,
                      value_max=row.value_max, context=context, due_share=row.due_share,
                      column=row.column, origin=row.origin)
    # A kind a person set wins; else the rule's kind for the corrected values.
    t.kind = row.kind or target_kind(t)
    return t


def _unit_family(unit: str) -> tuple[str | None, float]:
    if not unit:
        return None, 1.0
    base = xunits.base_of(unit)
    found = xunits.match_unit(base, 0, unit[: len(unit) - len(base)])
    if found is not None and found.end == len(base):
        return found.base.family, found.factor
    return xunits.family_of(unit), 1.0


class _Targets:
    """Reconciles one task's stored targets with what the extractor reads in its text and in
    the target columns of the report's table (全年目标, 一季度目标: ``column`` names the header).

    A target read from a column another report of the plan has (and this one lacks) stays: it
    is the task's target all the same. One this report's same column no longer states goes, and
    so does one whose column no report of the task has any more (``elsewhere``)."""

    def __init__(self, task: Task, rows: list[Target], parsed: ParsedTask | None = None,
                 elsewhere: set[str] | None = None, text_targets: list | None = None,
                 new_row: Callable[..., Any] | None = None):
        self.task = task
        # new_row(task_id, position, source, **values): the container of a target to create.
        # A model instance by default; the bulk analysis, which writes rows as tuples, passes
        # a lighter one (the same values: the decisions are made here either way).
        self.new_row = new_row
        self.rows = rows
        self.columns = set(parsed.extra) if parsed is not None else set()
        self.elsewhere = elsewhere or set()
        # text_targets: extract_targets(task.text) computed already (the bulk analysis
        # computes them in worker processes).
        if text_targets is None:
            text_targets = extract_targets(task.text)
        self.derived = text_targets + (column_targets(parsed, text_targets) if parsed is not None else [])
        if parsed is not None:  # a sum per head in the unit the entry writes (元/人.月)
            per_head_units(self.derived, parsed)
        if not self.derived and parsed is not None:  # the year's plan the entry states
            self.derived = progress_plan_targets([(i, it.done) for i, it in enumerate(parsed.items)
                                                  if it.done])
        self.creates: list[Target] = []
        self.updates: list[Target] = []
        self.deletes: list[int] = []
        # The analysis input: active targets, and the stored row behind each index.
        self.effective: list[xmodel.Target] = []
        self.rows_by_index: list[Target] = []

    def reconcile(self) -> None:
        manual = {_key(r): r for r in self.rows if r.is_manual and r.start is not None}
        stored = {_key(r): r for r in self.rows if not r.is_manual}
        seen: set[tuple[str, int, int]] = set()
        for pos, t in enumerate(self.derived):
            key = (t.column[:100] or t.origin, t.span.start, t.span.end)
            values = _target_values(t)
            if key in seen:
                continue
            seen.add(key)
            if key in manual:
                row = manual[key]
                if row.derived != _jsonable(values):
                    row.derived = _jsonable(values)
                    self.updates.append(row)
                if row.active:
                    self._use(_as_extract(row, t, self.task.text), row)
                continue
            row = stored.get(key)
            if row is None:
                row = (Target(task=self.task, position=pos, source=Source.DERIVED, **values)
                       if self.new_row is None
                       else self.new_row(self.task.pk, pos, Source.DERIVED, **values))
                self.creates.append(row)
            elif any(getattr(row, k) != v for k, v in values.items()) or row.position != pos:
                for k, v in values.items():
                    setattr(row, k, v)
                row.position = pos
                self.updates.append(row)
            self._use(t, row)
        for key, row in manual.items():
            if key not in seen and row.derived is not None:
                row.derived = None
                self.updates.append(row)
                if row.active:
                    self._use(_as_extract(row, None, self.task.text), row)
            elif key not in seen and row.active:
                self._use(_as_extract(row, None, self.task.text), row)
        for row in self.rows:
            if row.is_manual and row.start is None and row.active:
                self._use(_as_extract(row, None, self.task.text), row)
            if not row.is_manual and _key(row) not in seen:
                if row.column and row.column not in self.columns and row.column in self.elsewhere:
                    self._use(_as_extract(row, None, self.task.text), row)  # another report's column
                elif row.origin == PLAN_ORIGIN and not self.derived:
                    # The year's plan another report's entry stated: still the task's target
                    # while nothing else gives one; a plan this entry states replaces it.
                    self._use(_as_extract(row, None, self.task.text), row)
                else:
                    self.deletes.append(row.pk)

    def _use(self, target: xmodel.Target, row: Target) -> None:
        self.effective.append(target)
        self.rows_by_index.append(row)


def _key(row: Target) -> tuple[str, int | None, int | None]:
    """What identifies a derived target across analyses: where it was read."""
    return (row.column or row.origin, row.start, row.end)


def _jsonable(values: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in values.items()}


# -- the analysis ------------------------------------------------------------------------------


def _evidence(spans: list[xmodel.Span], unit: _Unit) -> list[dict[str, Any]]:
    out = []
    for s in spans:
        d = {"field": s.field, "item": s.item, "start": s.start, "end": s.end, "text": s.text}
        if s.field == xmodel.FIELD_TEXT or s.item is None:
            d["progress"], d["task"] = None, unit.task.pk
        else:
            entry = unit.entries[s.item]
            d["progress"], d["task"] = entry.pk, entry.task_id
        out.append(d)
    return out


def _as_of_date(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


def _filed_values(units: list[_Unit]) -> dict[int, dict[int, float]]:
    """Figures units filed in the reporting round (rounds' ReportedValue), per top-level task
    and target id: they win over figures read from the text."""
    from django.apps import apps  # the rounds app builds on core: no import at module level

    if not apps.is_installed("luoshi.rounds"):
        return {}
    model = apps.get_model("rounds", "ReportedValue")
    top = {p.pk: u.task.pk for u in units for p in u.entries}
    out: dict[int, dict[int, float]] = {}
    for rv in model.objects.filter(progress_id__in=list(top), value__isnull=False):
        out.setdefault(top[rv.progress_id], {})[rv.target_id] = rv.value
    return out


def analyze_report(report: Report, *, task_ids: set[int] | None = None) -> AnalysisSummary:
    """Analyse every top-level task of the report (or those in ``task_ids``) and store it.

    One transaction; a handful of bulk queries whatever the size. People's corrections win.
    """
    with transaction.atomic():
        return _analyze(report, task_ids)


def _analyze(report: Report, task_ids: set[int] | None) -> AnalysisSummary:
    summary = AnalysisSummary(report_id=report.pk)
    period = parsed_period(report)
    year = report.period.year
    units = _units_of(report, task_ids)
    ids = [u.task.pk for u in units]
    rows: dict[int, list[Target]] = {}
    for t in Target.objects.filter(task_id__in=ids):
        rows.setdefault(t.task_id, []).append(t)
    existing = {a.task_id: a for a in Assessment.objects.filter(report=report)}

    elsewhere = _columns_in_use(rows)
    filed = _filed_values(units)
    corrections = _measurement_corrections(report, ids)
    recs: list[_Targets] = []
    analyses = []
    for unit in units:
        parsed = unit.parsed()
        rec = _Targets(unit.task, rows.get(unit.task.pk, []), parsed,
                       elsewhere.get(unit.task.pk))
        rec.reconcile()
        recs.append(rec)
        index = {row.pk: i for i, row in enumerate(rec.rows_by_index) if row.pk}
        reported = {index[t]: v for t, v in filed.get(unit.task.pk, {}).items() if t in index}
        fixes = _fixes(unit, index, corrections.get(unit.task.pk, []))
        analyses.append(analyze_task(parsed, period, year, targets=rec.effective,
                                     reported=reported, fixes=fixes))

    # Targets first: measurements point at them.
    creates = [t for r in recs for t in r.creates]
    updates = [t for r in recs for t in r.updates]
    deletes = [pk for r in recs for pk in r.deletes]
    if deletes:
        Target.objects.filter(pk__in=deletes).delete()
    Target.objects.bulk_create(creates)
    if updates:
        Target.objects.bulk_update(
            updates, ["metric", "comparator", "value", "value_max", "unit", "span", "start",
                      "end", "position", "derived", "kind", "column", "due_share", "origin"])
    summary.targets = sum(1 for r in recs for row in r.rows_by_index if row.active)

    scope = Measurement.objects.filter(report=report)
    if task_ids is not None:
        scope = scope.filter(task_id__in=ids)
    scope.delete()
    measurements = [Measurement(**dict(zip(MEASUREMENT_ATTRS, row, strict=True)))
                     for unit, rec, a in zip(units, recs, analyses, strict=True)
                     for row in measurement_rows(report.pk, unit, rec, a)]
    Measurement.objects.bulk_create(measurements)
    summary.measurements = len(measurements)

    new, changed = [], []
    moved: set[int] = set()  # tasks whose status is new or different
    statuses: Counter[str] = Counter()
    for unit, a in zip(units, analyses, strict=True):
        st = a.status
        evidence = _evidence(st.evidence, unit)
        derived = {"derived_status": str(st.value), "derived_reason": st.reason,
                   "derived_evidence": evidence, "rule": st.rule[:50]}
        row = existing.pop(unit.task.pk, None)
        if row is None:
            row = Assessment(report=report, task=unit.task, status=str(st.value),
                             reason=st.reason, evidence=evidence, **derived)
            new.append(row)
        else:
            if row.is_manual:
                wanted = derived
            else:
                wanted = derived | {"status": str(st.value), "reason": st.reason,
                                    "evidence": evidence}
            if any(getattr(row, k) != v for k, v in wanted.items()):
                if row.status != wanted.get("status", row.status):
                    moved.add(unit.task.pk)
                for k, v in wanted.items():
                    setattr(row, k, v)
                changed.append(row)
            if row.is_manual:
                summary.manual += 1
        statuses[row.status] += 1
    Assessment.objects.bulk_create(new)
    if changed:
        Assessment.objects.bulk_update(
            changed, ["status", "reason", "evidence", "derived_status", "derived_reason",
                      "derived_evidence", "rule"])
    if task_ids is None and existing:
        # Tasks no longer in this report's table. A person's correction goes with its entry.
        Assessment.objects.filter(pk__in=[a.pk for a in existing.values()]).delete()
    moved |= {a.task_id for a in new}
    if task_ids is None:
        moved |= set(existing)
    if moved:
        statuses_changed.send(sender=Report, report=report, task_ids=moved)
    summary.tasks = len(units)
    summary.statuses = {s.value: statuses.get(s.value, 0) for s in Status}
    summary.created, summary.updated = len(new), len(changed)
    summary.removed = len(existing) if task_ids is None else 0
    return summary


# The stored Measurement columns, in the order ``measurement_rows`` gives them (the bulk path
# writes these tuples as they are; the per-report path makes instances of them).
MEASUREMENT_FIELDS = ["report", "task", "progress", "metric", "value", "unit", "as_of",
                      "as_of_date", "span", "field", "start", "end", "ratio_stated", "target",
                      "ratio"]
MEASUREMENT_ATTRS = [f"{f}_id" if f in ("report", "task", "progress", "target") else f
                     for f in MEASUREMENT_FIELDS]


def measurement_rows(report_id: int, unit: _Unit, rec: _Targets, a: Any) -> list[tuple]:
    """The Measurement rows of one analysed task (its measurements and other figures: no
    target, matchable by hand), as tuples of MEASUREMENT_FIELDS; one rule for both paths."""
    out = []
    for m in a.measurements + a.figures:
        entry = unit.entries[m.span.item] if m.span.item is not None else unit.entries[0]
        target = rec.rows_by_index[m.target] if m.target is not None else None
        out.append((report_id, unit.task.pk, entry.pk, m.metric[:200], m.value, m.unit[:30],
                    m.as_of[:30], _as_of_date(m.as_of_date), m.span.text, m.span.field,
                    m.span.start, m.span.end, m.ratio_stated,
                    target.pk if target is not None else None,
                    m.ratio if m.ratio is None or math.isfinite(m.ratio) else None))
    return out


# -- measurement corrections -------------------------------------------------------------------


def _columns_in_use(rows: dict[int, list[Target]]) -> dict[int, set[str]]:
    """Per task with targets read from table columns, the columns its entries in any report
    have (one query, only when there are such targets)."""
    ids = {tid for tid, ts in rows.items() if any(t.column and not t.is_manual for t in ts)}
    out: dict[int, set[str]] = {}
    if ids:
        for tid, extra in Progress.objects.filter(task_id__in=ids).values_list("task_id", "extra"):
            out.setdefault(tid, set()).update(extra or {})
    return out


def _measurement_corrections(report: Report, task_ids: list[int]
                             ) -> dict[int, list[MeasurementCorrection]]:
    """People's corrections of the report's figures, per top-level task (one query)."""
    out: dict[int, list[MeasurementCorrection]] = {}
    for c in MeasurementCorrection.objects.filter(report=report, task_id__in=task_ids):
        out.setdefault(c.task_id, []).append(c)
    return out


def _fixes(unit: _Unit, index: dict[int, int], rows: list[MeasurementCorrection]
           ) -> dict[xmodel.FixKey, xmodel.MeasurementFix]:
    """The corrections as the extractor takes them: keyed by where the figure was read (the
    entry's position among the unit's items), the target as its index among the targets the
    analysis uses (a corrected match to a removed target measures none)."""
    if not rows:
        return {}
    item_of = {p.pk: i for i, p in enumerate(unit.entries)}
    out: dict[xmodel.FixKey, xmodel.MeasurementFix] = {}
    for c in rows:
        i = item_of.get(c.progress_id)
        if i is None:
            continue
        fix = xmodel.MeasurementFix(value=c.value, set_target=c.set_target,
                                    target=index.get(c.target_id) if c.target_id else None,
                                    active=c.active)
        out[(c.field, i, c.start, c.end)] = fix
        if i == 0:  # figures of the table itself (filed, declared) have no item
            out[(c.field, None, c.start, c.end)] = fix
    return out

