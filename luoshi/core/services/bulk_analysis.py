"""The stored analysis of many reports at once, for bulk loads and ``luoshi analyze --all``.

    summary = analyze_reports(Report.objects.filter(...))

Stores exactly what ``analyze_report`` (``luoshi.core.services.analysis``) stores for each
report, in far fewer queries and without a model instance per entry, task or new target
(slotted rows with the attributes the analysis reads): the reports' entries
are read as tuples, many reports at a time; each task's targets are reconciled once for all
its reports (they belong to the task, so every report of a plan shares them; the
per-report path finds the rows the first report created and changes nothing); measurements
and statuses are built as tuples and written with COPY (PostgreSQL) or ``executemany``
(SQLite) through ``luoshi.core.services.rows``.

The bulk path is for *first* analyses of tables without target columns. A report that
already has statuses or measurements, or people's measurement corrections, or a table with
target columns (``has_target_columns``), goes through ``analyze_report`` as before (its
corrections, updates and removals are that path's work), so the answer never depends on
which path ran. ``statuses_changed`` is sent for the reports analysed here only when
``signal=True``: a bulk caller rebuilds the search index in bulk afterwards
(``luoshi.search.bulk``) instead of once per report.
"""

from __future__ import annotations

import os
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from types import SimpleNamespace
from typing import Any

from django.db import transaction
from django.db.models import Count

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
from luoshi.core.services.analysis import (
    MEASUREMENT_FIELDS,
    AnalysisSummary,
    _evidence,
    _filed_values,
    _Targets,
    _Unit,
    analyze_report,
    measurement_rows,
    parsed_period,
    statuses_changed,
)
from luoshi.core.services.forked import can_fork, forked_map
from luoshi.core.services.rows import RowTable, encode_json
from luoshi.extract import analyze_task
from luoshi.extract.progress_plan import progress_plan_targets
from luoshi.extract.targets import extract_targets
from luoshi.ingest import collector_paused
from luoshi.ingest.metadata import find_unit_line
from luoshi.vocab import ColumnRole, Status

# Entries read and analysed per transaction: big enough that per-batch queries do not count,
# small enough that a batch's tuples stay a few tens of MB.
BATCH_ENTRIES = 20_000

TARGET_FIELDS = ["id", "task", "position", "metric", "comparator", "value", "value_max", "unit",
                 "kind", "span", "start", "end", "source", "origin"]
ASSESSMENT_FIELDS = ["report", "task", "status", "reason", "evidence", "source",
                     "derived_status", "derived_reason", "derived_evidence", "rule"]


_SAME_ENCODER = (Assessment._meta.get_field("evidence").encoder
                 is Assessment._meta.get_field("derived_evidence").encoder)


@dataclass
class BulkSummary:
    reports: int = 0
    bulk: int = 0  # reports analysed here (first analyses)
    again: int = 0  # reports sent through analyze_report (analysed before, corrected, target columns)
    tasks: int = 0
    targets: int = 0  # target rows created
    measurements: int = 0
    statuses: Counter = field(default_factory=Counter)


def already_analysed(report_ids: list[int]) -> set[int]:
    """The reports among these with statuses, measurements or measurement corrections."""
    out: set[int] = set()
    for model in (Assessment, Measurement, MeasurementCorrection):
        out |= set(model.objects.filter(report_id__in=report_ids)
                   .values_list("report_id", flat=True).distinct())
    return out


def has_target_columns(report: Report) -> bool:
    """A table with target columns (全年目标, 一季度目标): its tasks' targets are reconciled
    report by report (a column one report has and a later one lacks stays, a changed figure
    replaces), so such a report goes through ``analyze_report``, in id order like the rest."""
    return any(isinstance(c, dict) and c.get("role") == str(ColumnRole.TARGET)
               for c in report.columns or [])


class _TaskRow:
    """A task as the analysis reads it (``_Unit.task``): what a model instance would hold of
    it, without the cost of one per task (a bulk load makes a hundred thousand)."""

    __slots__ = ("pk", "plan_id", "serial", "text")

    def __init__(self, pk: int, text: str, serial: str, plan_id: int):
        self.pk, self.text, self.serial, self.plan_id = pk, text, serial, plan_id


class _NewTarget:
    """A target row to create (``_Targets.reconcile``'s decision), as ``_write_targets``
    writes it: the values a ``Target`` instance would carry, without building one."""

    __slots__ = ("column", "comparator", "due_share", "end", "kind", "metric", "origin", "pk",
                 "position", "source", "span", "start", "task_id", "unit", "value", "value_max")

    def __init__(self, task_id: int, position: int, source: str, **values: Any):
        self.pk = None
        self.task_id, self.position, self.source = task_id, position, source
        for name, value in values.items():
            setattr(self, name, value)


def _units(report_ids: list[int]) -> dict[int, list[_Unit]]:
    """Per report, its top-level tasks and their entries in table order — as
    ``analysis._units_of`` builds them, from tuples (an entry is a light namespace with the
    attributes the analysis reads)."""
    rows = (Progress.objects.filter(report_id__in=report_ids)
            .order_by("report_id", "position", "id")
            .values_list("id", "report_id", "task_id", "done", "problems", "next_steps",
                         "position", "extra", "task__parent_id", "task__text",
                         "task__serial", "task__plan_id"))
    tasks: dict[int, _TaskRow] = {}
    by_report: dict[int, tuple[dict, dict]] = defaultdict(lambda: ({}, defaultdict(list)))
    for pk, report_id, task_id, done, problems, next_steps, position, extra, parent, text, \
            serial, plan_id in rows.iterator(chunk_size=5000):
        entry = SimpleNamespace(pk=pk, task_id=task_id, done=done, problems=problems,
                                next_steps=next_steps, position=position, extra=extra,
                                task=SimpleNamespace(text=text))
        own, children = by_report[report_id]
        if parent is None:
            own[task_id] = entry
            if task_id not in tasks:
                tasks[task_id] = _TaskRow(task_id, text, serial, plan_id)
        else:
            children[parent].append(entry)
    missing = {p for _, children in by_report.values() for p in children} - set(tasks)
    for pk, text, serial, plan_id in Task.objects.filter(pk__in=missing).values_list(
            "pk", "text", "serial", "plan_id"):
        tasks[pk] = _TaskRow(pk, text, serial, plan_id)
    out: dict[int, list[_Unit]] = {}
    notes = dict(Report.objects.filter(pk__in=report_ids).values_list("pk", "notes"))
    for report_id, (own, children) in by_report.items():
        units = []
        line = find_unit_line(notes.get(report_id) or [])  # the table's unit line (金额单位:万元)
        for tid in [*own, *(t for t in children if t not in own)]:
            if tid in children:
                entries = ([own[tid]] if tid in own else []) + children[tid]
                units.append(_Unit(tasks[tid], entries, True, line))
            else:
                units.append(_Unit(tasks[tid], [own[tid]], False, line))
        units.sort(key=lambda u: (u.entries[0].position, u.task.pk))
        out[report_id] = units
    return out


def _read_targets(unit: _Unit) -> tuple[list, list | None]:
    """What a task's text states (``extract_targets``) and, when it states none, the year's
    plan its batch's latest entry states (全年计划新增就业5000人), as the per-report path
    leaves it after the last report. Pure: run in worker processes (``forked_map``)."""
    text = extract_targets(unit.task.text)
    if text:
        return text, None
    parsed = unit.parsed()
    return text, progress_plan_targets([(i, it.done) for i, it in enumerate(parsed.items)
                                        if it.done])


def _targets(task_units: dict[int, _Unit], workers: int = 0
             ) -> tuple[dict[int, _Targets], list[_NewTarget]]:
    """Each task's targets reconciled once; changes to rows analysed before are saved here
    (rare: a later report of a plan whose targets a person corrected); new rows returned."""
    stored: dict[int, list[Target]] = defaultdict(list)
    # Asked by plan, not by task id: a batch's tasks number thousands, and a query with a
    # parameter per id costs more to build than to run (the plans' other tasks — sub-items —
    # are dropped here). The same rows, in the model's order.
    plans = {u.task.plan_id for u in task_units.values()}
    for t in Target.objects.filter(task__plan_id__in=plans):
        if t.task_id in task_units:
            stored[t.task_id].append(t)
    recs, creates, updates, deletes = {}, [], [], []
    units = list(task_units.values())
    read = forked_map(lambda i: _read_targets(units[i]), len(units), workers)
    for (tid, unit), (text, plan) in zip(task_units.items(), read, strict=True):
        rec = _Targets(unit.task, stored.get(tid, []), text_targets=text, new_row=_NewTarget)
        if plan is not None:
            rec.derived = plan
        rec.reconcile()
        recs[tid] = rec
        creates += rec.creates
        updates += rec.updates
        deletes += rec.deletes
    if deletes:
        Target.objects.filter(pk__in=deletes).delete()
    if updates:
        Target.objects.bulk_update(
            updates, ["metric", "comparator", "value", "value_max", "unit", "span", "start",
                      "end", "position", "derived", "kind", "origin"])
    return recs, creates


def _any_filed(report_ids: list[int]) -> bool:
    """Whether any of these reports has figures filed in a reporting round: one query for
    the batch, where ``_filed_values`` asks per report by every entry's id (a first bulk load
    has none)."""
    from django.apps import apps  # the rounds app builds on core: no import at module level

    if not apps.is_installed("luoshi.rounds"):
        return False
    model = apps.get_model("rounds", "ReportedValue")
    return model.objects.filter(progress__report_id__in=report_ids,
                                value__isnull=False).exists()


def _write_targets(creates: list[_NewTarget]) -> None:
    table = RowTable(Target, TARGET_FIELDS)
    for row, pk in zip(creates, table.new_ids(len(creates)), strict=True):
        row.pk = pk
    table.write((t.pk, t.task_id, t.position, t.metric, t.comparator, t.value, t.value_max,
                 t.unit, t.kind, t.span, t.start, t.end, t.source, t.origin) for t in creates)


@dataclass
class _Job:
    """One task of one report to analyse: everything ``_analysed`` reads, made before the
    worker processes are forked."""

    report_id: int
    unit: _Unit
    rec: _Targets
    period: Any
    year: int
    reported: dict[int, float]


def _analysed(job: _Job) -> tuple[list[tuple], tuple]:
    """The measurement rows and the status row of one job. Pure (no database): run in worker
    processes (``forked_map``); only these tuples travel back."""
    unit, rec = job.unit, job.rec
    a = analyze_task(unit.parsed(), job.period, job.year, rec.effective, job.reported)
    st = a.status
    # Encoded here, in the worker: a string travels back instead of the dicts, and this
    # process neither unpickles nor encodes them (both columns store the same list).
    evidence = encode_json(Assessment, "evidence", _evidence(st.evidence, unit))
    derived = evidence if _SAME_ENCODER else encode_json(
        Assessment, "derived_evidence", _evidence(st.evidence, unit))
    return (measurement_rows(job.report_id, unit, rec, a),
            (job.report_id, unit.task.pk, str(st.value), st.reason, evidence, Source.DERIVED,
             str(st.value), st.reason, derived, st.rule[:50]))


def _analyse_batch(reports: list[Report], summary: BulkSummary,
                   workers: int = 0) -> dict[int, set[int]]:
    """First analyses of ``reports``, one transaction. Returns per report its tasks."""
    with collector_paused():
        return _analyse(reports, summary, workers)


def _analyse(reports: list[Report], summary: BulkSummary, workers: int) -> dict[int, set[int]]:
    units = _units([r.pk for r in reports])
    task_units = {u.task.pk: u for rid in units for u in units[rid]}
    measurements: list[tuple] = []
    assessments: list[tuple] = []
    touched: dict[int, set[int]] = {}
    with transaction.atomic():
        recs, creates = _targets(task_units, workers)
        _write_targets(creates)  # ids first: measurements point at them
        summary.targets += len(creates)
        jobs: list[_Job] = []
        any_filed = _any_filed([r.pk for r in reports])
        for report in reports:
            report_units = units.get(report.pk, [])
            period, year = parsed_period(report), report.period.year
            filed = _filed_values(report_units) if report_units and any_filed else {}
            for unit in report_units:
                rec = recs[unit.task.pk]
                index = {row.pk: i for i, row in enumerate(rec.rows_by_index) if row.pk}
                reported = {index[t]: v for t, v in filed.get(unit.task.pk, {}).items()
                            if t in index}
                jobs.append(_Job(report.pk, unit, rec, period, year, reported))
            touched[report.pk] = {u.task.pk for u in report_units}
            summary.tasks += len(report_units)
        for rows, assessment in forked_map(lambda i: _analysed(jobs[i]), len(jobs), workers):
            measurements += rows
            assessments.append(assessment)
            summary.statuses[assessment[2]] += 1
        summary.measurements += RowTable(Measurement, MEASUREMENT_FIELDS).write(measurements)
        RowTable(Assessment, ASSESSMENT_FIELDS).write(assessments)
    return touched


MAX_WORKERS = 3


def _cores() -> int:
    """The cores this process may run on (its affinity, where the system says; else all)."""
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):  # not on Linux
        return os.cpu_count() or 1


def analysis_workers() -> int:
    """Worker processes for a bulk analysis (``analyze_reports``): ``LUOSHI_ANALYSIS_WORKERS``,
    by default one per core beyond this process's own, at most ``MAX_WORKERS``; 0 where
    processes cannot be forked (Windows, macOS's default), or on one core.

    The workers share a batch's pure-Python part (the targets a task's text states, and each
    task's analysis into its rows: about three quarters of the step's CPU) with this process;
    the reads, the writes and the reconciliation stay here. They receive nothing pickled (they
    are forked once the batch is in memory) and send back only the rows: with one worker on
    100 000 tasks this process's CPU fell by a third and the total stayed the same
    (``luoshi.core.services.forked``; BENCHMARKS.md). Where no core is idle this gains no wall
    time, and loses none. The web's per-report analysis (``analyze_report``) never uses them."""
    if not can_fork():
        return 0
    value = os.environ.get("LUOSHI_ANALYSIS_WORKERS", "").strip()
    if value:
        return max(0, int(value))
    return max(0, min(MAX_WORKERS, _cores() - 1))


def analyze_reports(reports: Iterable[Report | int], *, signal: bool = False,
                    progress: Callable[[int, int], None] | None = None,
                    workers: int | None = None,
                    stored: Callable[[list[int]], None] | None = None) -> BulkSummary:
    """Analyse and store ``reports`` as ``analyze_report`` would, each in turn; first
    analyses in bulk. ``progress(done, total)`` is called after each batch. ``workers``:
    processes sharing the analysis (default: ``analysis_workers()`` when there is more than
    a batch of it, else none). ``stored(report_ids)``: called with the reports whose rows
    have just been written (committed, unless the caller holds a transaction), a batch at a
    time, in id order (``luoshi.search.pipeline`` indexes a plan once all of its are)."""
    ids = sorted({r.pk if isinstance(r, Report) else int(r) for r in reports})
    summary = BulkSummary(reports=len(ids))
    again = already_analysed(ids)
    by_pk = Report.objects.select_related("period").in_bulk(ids)
    again |= {pk for pk, r in by_pk.items() if has_target_columns(r)}
    sizes = dict(Progress.objects.filter(report_id__in=ids).values("report_id")
                 .annotate(n=Count("id")).values_list("report_id", "n"))
    batch: list[Report] = []
    entries = done = 0

    def flush() -> None:
        nonlocal entries, done
        if batch:
            touched = _analyse_batch(batch, summary, workers)
            summary.bulk += len(batch)
            if stored is not None:
                stored([r.pk for r in batch])
            if signal:
                for report in batch:
                    if touched.get(report.pk):
                        statuses_changed.send(sender=Report, report=report,
                                              task_ids=touched[report.pk])
            done += len(batch)
            batch.clear()
            entries = 0
            if progress is not None:
                progress(done, len(ids))

    if workers is None:
        # Starting processes costs more than a batch of analysis saves.
        bulk_entries = sum(n for pk, n in sizes.items() if pk not in again)
        workers = analysis_workers() if bulk_entries > BATCH_ENTRIES else 0
    for pk in ids:
        report = by_pk.get(pk)
        if report is None:
            continue
        if pk in again:
            flush()  # in id order, as the per-report loop would run
            s: AnalysisSummary = analyze_report(report)
            if stored is not None:
                stored([pk])
            summary.again += 1
            summary.tasks += s.tasks
            summary.measurements += s.measurements
            summary.statuses.update({k: v for k, v in s.statuses.items() if v})
            done += 1
            continue
        batch.append(report)
        entries += sizes.get(pk, 0)
        if entries >= BATCH_ENTRIES:
            flush()
    flush()
    summary.statuses = Counter({s.value: summary.statuses.get(s.value, 0) for s in Status})
    return summary

