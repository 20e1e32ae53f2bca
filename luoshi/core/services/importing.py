"""Import a parsed table into the database: one transaction, idempotent, nothing overwritten.

    result = import_document(doc, file_name="table.txt")          # or dry_run=True, replace=True

- The same bytes twice: the second import does nothing and says so (``ImportBatch.sha256``).
- The same table from another file (same columns and cells): the file is recorded, nothing else.
- Another period of a plan already known: its progress is attached to the plan's existing tasks
  (see ``reconcile``), with a warning wherever serial and text do not both agree.
- A different table for a plan and period already imported: refused (``ImportRefused``) unless
  ``replace=True``; then every change is recorded in ``Change``.
- Any error leaves the database as it was; ``dry_run=True`` computes the same summary and rolls
  back.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from django.db import IntegrityError, transaction
from django.dispatch import Signal
from django.utils import timezone

from luoshi.core.models import (
    Change,
    ImportBatch,
    Period,
    Plan,
    Progress,
    Report,
    Task,
    TaskUnit,
)
from luoshi.core.services.analysis import analyze_report
from luoshi.core.services.places import find_or_create_government
from luoshi.core.services.reconcile import Known, match_tasks
from luoshi.core.services.units import UnitResolver, normalize_unit, unit_roles
from luoshi.ingest.model import Item, ParsedDocument
from luoshi.ingest.model import Task as ParsedTask
from luoshi.ingest.period_columns import split_periods
from luoshi.vocab import ITEM_FIELDS, UnitRole

PROGRESS_FIELDS = ITEM_FIELDS  # the Progress text fields


class ImportRefused(Exception):
    """The document cannot be imported as it is; nothing was written."""

    def __init__(self, file_name: str, reason: str, line: int | None = None):
        self.file_name = file_name or "<input>"
        self.reason = reason
        self.line = line
        super().__init__(str(self))

    def __str__(self) -> str:
        place = self.file_name if self.line is None else f"{self.file_name}:{self.line}"
        return f"{place}: {self.reason}"


@dataclass
class ImportResult:
    file_name: str
    sha256: str
    # "created", "replaced", "same_content" (file recorded, nothing else changed) or
    # "already_imported" (these bytes were imported before: nothing done at all).
    outcome: str = ""
    dry_run: bool = False
    message: str = ""
    report_id: int | None = None
    batch_id: int | None = None
    counts: dict[str, int] = field(default_factory=dict)
    warnings: list[dict[str, Any]] = field(default_factory=list)
    # Reports of the earlier periods of a table with period columns side by side
    # (luoshi.ingest.period_columns), created or replaced with this import.
    period_report_ids: list[int] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return self.outcome in {"created", "replaced"} and not self.dry_run


class _DryRun(Exception):
    """Raised inside the transaction to roll a dry run back."""


def content_sha256(doc: ParsedDocument) -> str:
    """Hash of the table itself (columns and cells), whatever file it was read from."""
    tasks = [t.to_dict() | ({"extra": t.extra} if getattr(t, "extra", None) else {})
             for t in doc.tasks]
    body = {"columns": [c.to_dict() for c in doc.columns], "tasks": tasks}
    data = json.dumps(body, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(data.encode("utf-8")).hexdigest()


def document_sha256(doc: ParsedDocument) -> str:
    """The file's hash when the reader recorded it, else a hash of the whole parsed document."""
    if doc.sha256:
        return doc.sha256
    data = json.dumps(doc.to_dict(), ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(data.encode("utf-8")).hexdigest()


def validate(doc: ParsedDocument, file_name: str) -> None:
    """Refuse what cannot be filed: no government, year, period or tasks; duplicated serials."""
    meta = doc.meta
    if not meta.government:
        raise ImportRefused(file_name, "the government is not known (the title does not name it; give it with --government)")
    if not meta.year:
        raise ImportRefused(file_name, "the year is not known (the title does not give it; give it with --year)")
    if meta.period is None:
        raise ImportRefused(file_name, "the reporting period is not known (no 一季度/半年度/… in the title; give it with --period)")
    if not doc.tasks:
        raise ImportRefused(file_name, "the table has no tasks")
    seen: dict[str, ParsedTask] = {}
    for task in doc.tasks:
        if not task.text.strip() and not any(i.heading for i in task.items):
            raise ImportRefused(file_name, f"task {task.serial or '(no serial)'} has no text",
                                task.line_start)
        if task.serial and task.serial in seen:
            first = seen[task.serial].line_start
            where = f" (first at line {first})" if first else ""
            raise ImportRefused(file_name, f"serial {task.serial} appears twice{where}",
                                task.line_start)
        seen[task.serial] = task


# Sent inside the import's transaction once its rows are written (not on a dry run), and for a
# file found already imported (``repair=True``): the search index writes the report's rows in
# the same transaction, so a committed import is never left unindexed (a process killed after
# the commit used to leave it so, and a second import said "already imported").
report_imported = Signal()


def import_document(
    doc: ParsedDocument,
    *,
    file_name: str,
    user=None,
    dry_run: bool = False,
    replace: bool = False,
) -> ImportResult:
    """Import one parsed table in one transaction. Raises ImportRefused, writing nothing.

    Progress columns of several periods side by side (一季度完成情况 | 二季度 | 三季度): one
    report per period, each with its column's progress (``split_periods``); the table's own
    report is the latest period's."""
    doc, *period_docs = split_periods(doc)
    validate(doc, file_name)
    result = ImportResult(file_name=file_name, sha256=document_sha256(doc), dry_run=dry_run)
    earlier = ImportBatch.objects.filter(sha256=result.sha256).order_by("-created_at").first()
    if earlier is not None and not replace:
        result.outcome = "already_imported"
        result.report_id = earlier.report_id
        result.batch_id = earlier.pk
        result.counts = dict(earlier.counts)
        when = timezone.localtime(earlier.created_at).strftime("%Y-%m-%d %H:%M")
        result.message = (
            f"already imported (batch #{earlier.pk}, {earlier.file_name}, {when}); nothing to do"
        )
        if earlier.report_id is not None and not dry_run:
            with transaction.atomic():
                report_imported.send(sender=ImportBatch, report_id=earlier.report_id, repair=True)
        return result
    try:
        with transaction.atomic():
            _Importer(doc, result, user=user, replace=replace, earlier=period_docs).run()
            if dry_run:
                raise _DryRun
            report_imported.send(sender=ImportBatch, report_id=result.report_id,
                                 repair=result.outcome == ImportBatch.Outcome.SAME_CONTENT)
            for report_id in result.period_report_ids:
                report_imported.send(sender=ImportBatch, report_id=report_id, repair=False)
    except IntegrityError as exc:
        # Another import of the same plan and period committed first (a race): nothing of
        # this one was written.
        raise ImportRefused(file_name, "another import of this plan and period ran at the same "
                            f"time; run this one again ({exc})") from exc
    except _DryRun:
        result.message = f"dry run, nothing written: {result.message}"
        result.batch_id = None
        if result.outcome == "created":
            result.report_id = None
    return result


class _Row(NamedTuple):
    """One row of the imported table: the task (or sub-item) it reports on, and its cells."""

    task: Task
    item: Item
    extra: dict[str, str]


def _extra(parsed: ParsedTask) -> dict[str, str]:
    return dict(getattr(parsed, "extra", None) or {})


def _item_targets(task: ParsedTask) -> list[Item] | None:
    """The sub-items of a task row, or None when the row has a single un-headed item."""
    if len(task.items) <= 1 and all(item.heading is None for item in task.items):
        return None
    return task.items


class _Importer:
    """One import, inside the transaction. Bulk writes: a few dozen queries per table."""

    def __init__(self, doc: ParsedDocument, result: ImportResult, *, user, replace: bool,
                 earlier: list[ParsedDocument] | None = None):
        self.doc = doc
        self.earlier = earlier or []
        self.result = result
        self.user = user
        self.replace = replace
        self.warnings: list[dict[str, Any]] = [w.to_dict() for w in doc.warnings]
        self.changes: list[Change] = []
        self.created_tasks: dict[int, Change] = {}  # task id -> its "create" history row
        self.counts = {
            "tasks": len(doc.tasks),
            "sub_items": 0,
            "units": 0,
            "new_units": 0,
            "progress": 0,
            "matched": 0,
            "new_tasks": 0,
            "progress_updated": 0,
            "progress_removed": 0,
        }

    def warn(self, line: int | None, message: str) -> None:
        self.warnings.append({"line": line, "message": message})

    # -- the steps -------------------------------------------------------------------------

    def run(self) -> None:
        doc, meta = self.doc, self.doc.meta
        government = find_or_create_government(meta.government)
        plan, _ = Plan.objects.get_or_create(
            government=government, year=meta.year,
            defaults={"title": f"{government.name}{meta.year}年政府工作报告重点工作"},
        )
        period = self._period()
        content = content_sha256(doc)
        if self.earlier:  # the same table is the same in every period column
            joined = "".join([content, *(content_sha256(d) for d in self.earlier)])
            content = hashlib.sha256(joined.encode()).hexdigest()
        report = Report.objects.filter(plan=plan, period=period).first()
        if report is not None and report.content_sha256 == content:
            self.result.outcome = ImportBatch.Outcome.SAME_CONTENT
            self.result.report_id = report.pk
            self.result.message = (
                f"the same table is already imported as report #{report.pk}; "
                f"{'file would be recorded' if self.result.dry_run else 'file recorded'}, "
                f"nothing else changed"
            )
            self._finish(report, ImportBatch.Outcome.SAME_CONTENT)
            return
        if report is not None and not self.replace:
            source = report.imports.order_by("-created_at").first()
            origin = f" (imported from {source.file_name})" if source else ""
            raise ImportRefused(
                self.result.file_name,
                f"a different table for {plan} {period} is already in the database as report "
                f"#{report.pk}{origin}; use --replace to replace it (changes are recorded)",
            )
        outcome = ImportBatch.Outcome.REPLACED if report is not None else ImportBatch.Outcome.CREATED
        report = self._save_report(report, plan, period, content)
        self.batch = ImportBatch.objects.create(
            file_name=self.result.file_name, sha256=self.result.sha256, outcome=outcome,
            format=doc.format or "", layout=doc.layout or "", report=report,
            created_by=self.user,
        )
        resolver = UnitResolver(government)
        targets = self._tasks(plan, resolver)
        self._progress(report, targets)
        self.counts["new_units"] = len(resolver.created)
        self._analyze(report)
        for sub in self.earlier:
            self._earlier_report(plan, resolver, sub)
        if self.earlier:
            self.counts["period_reports"] = len(self.result.period_report_ids)
        for change in self.changes:
            change.batch = self.batch
            change.user = self.user
        Change.objects.bulk_create(self.changes)
        self.result.outcome = outcome
        self.result.report_id = report.pk
        if not self.result.dry_run:
            verb = "replaced" if outcome == ImportBatch.Outcome.REPLACED else "imported as"
            self.result.message = f"{verb} report #{report.pk} ({plan} {period})"
        elif outcome == ImportBatch.Outcome.REPLACED:
            self.result.message = f"would replace report #{report.pk} ({plan} {period})"
        else:
            self.result.message = f"would be imported as a new report ({plan} {period})"
        self._finish(report, outcome, batch=self.batch)

    def _analyze(self, report: Report) -> None:
        """Statuses with evidence for every task, in the same transaction (corrections kept)."""
        summary = analyze_report(report)
        self.counts["assessed"] = summary.tasks
        for status, n in summary.statuses.items():
            self.counts[f"status_{status}"] = n

    def _earlier_report(self, plan: Plan, resolver: UnitResolver, sub: ParsedDocument) -> None:
        """The report of an earlier period column, filed like the table's own (same tasks,
        same import record; its changes in the same history). A different report of that
        period already filed is kept unless replacing, with a warning; the same is left."""
        main, counts = self.doc, self.counts
        self.doc, self.counts = sub, dict.fromkeys(counts, 0)
        try:
            period = self._period()
            content = content_sha256(sub)
            report = Report.objects.filter(plan=plan, period=period).first()
            if report is not None and report.content_sha256 == content:
                return
            if report is not None and not self.replace:
                self.warn(None, f"period column {sub.meta.period.label}: report #{report.pk} of "
                                f"{period} is already filed and differs; kept it (use --replace)")
                return
            report = self._save_report(report, plan, period, content)
            self._progress(report, self._tasks(plan, resolver))
            analyze_report(report)
            self.result.period_report_ids.append(report.pk)
        finally:
            self.doc, self.counts = main, counts

    def _finish(self, report: Report, outcome: str, batch: ImportBatch | None = None) -> None:
        if outcome == ImportBatch.Outcome.SAME_CONTENT:
            self.counts = dict.fromkeys(self.counts, 0) | {"tasks": len(self.doc.tasks)}
        self.counts["warnings"] = len(self.warnings)
        if batch is None:
            batch = ImportBatch.objects.create(
                file_name=self.result.file_name, sha256=self.result.sha256, outcome=outcome,
                format=self.doc.format or "", layout=self.doc.layout or "", report=report,
                created_by=self.user,
            )
        batch.counts = self.counts
        batch.warnings = self.warnings
        batch.save(update_fields=["counts", "warnings"])
        self.result.batch_id = batch.pk
        self.result.counts = dict(self.counts)
        self.result.warnings = list(self.warnings)

    def _period(self) -> Period:
        p = self.doc.meta.period
        assert p is not None  # validated
        month = p.end_month
        period, _ = Period.objects.get_or_create(
            year=self.doc.meta.year, kind=str(p.kind), month=month,
            defaults={"label": p.label},
        )
        return period

    def _save_report(self, report: Report | None, plan: Plan, period: Period, content: str) -> Report:
        meta = self.doc.meta
        values = {
            "title": meta.title[:300],
            "index_no": meta.index_no[:100],
            "category": meta.category[:100],
            "publisher": meta.publisher[:200],
            "written_date": meta.written_date,
            "published_date": meta.published_date,
            "disclosure": meta.disclosure[:50],
            "columns": [c.to_dict() for c in self.doc.columns],
            # The table's unit line is a note about it, kept so that analyses read its amounts.
            "notes": list(meta.notes) + ([meta.unit_line] if meta.unit_line not in ("", *meta.notes) else []),
            "content_sha256": content,
        }
        if report is None:
            return Report.objects.create(
                plan=plan, period=period, state=Report.State.PUBLISHED, **values
            )
        diff = {}
        for name, value in values.items():
            old = getattr(report, name)
            if old != value:
                diff[name] = [_jsonable(old), _jsonable(value)]
                setattr(report, name, value)
        report.save()
        self._change("report", report.pk, Change.Action.UPDATE, diff)
        return report

    def _tasks(self, plan: Plan, resolver: UnitResolver) -> list[_Row]:
        """Tasks and sub-items matched or created; returns one _Row per row of the table."""
        existing = {t.pk: t for t in Task.objects.filter(plan=plan, parent__isnull=True)}
        matches = match_tasks(
            [Known(t.pk, t.serial, t.text) for t in existing.values()],
            [(t.serial, t.text) for t in self.doc.tasks],
        )
        next_order = max((t.order for t in existing.values()), default=0)
        new_tasks: list[Task] = []
        row_tasks: list[Task] = []
        for parsed, match in zip(self.doc.tasks, matches, strict=True):
            if match.warning:
                self.warn(parsed.line_start, match.warning)
            if match.key is not None:
                task = existing[match.key]
                self.counts["matched"] += 1
            else:
                next_order += 1
                task = Task(plan=plan, serial=parsed.serial, text=parsed.text, order=next_order)
                new_tasks.append(task)
            row_tasks.append(task)
        Task.objects.bulk_create(new_tasks)
        self.counts["new_tasks"] = len(new_tasks)
        for task in new_tasks:
            self.created_tasks[task.pk] = self._change(
                "task", task.pk, Change.Action.CREATE, {"serial": task.serial, "text": task.text})
        self._units(row_tasks, resolver, {t.pk for t in new_tasks})
        return self._sub_items(plan, row_tasks)

    def _units(self, tasks: list[Task], resolver: UnitResolver, new_ids: set[int]) -> None:
        linked: dict[int, list[str]] = {}
        for link in TaskUnit.objects.filter(task__in=[t for t in tasks if t.pk not in new_ids]) \
                .select_related("unit").order_by("task_id", "order"):
            linked.setdefault(link.task_id, []).append(link.unit.name)
        links: list[TaskUnit] = []
        seen_units: set[int] = set()
        for task, parsed in zip(tasks, self.doc.tasks, strict=True):
            names = [n for n in (normalize_unit(u) for u in parsed.units) if n.name]
            units, roles = [], []
            for name, lead in zip(names, unit_roles(names), strict=True):
                unit = resolver.resolve(name)
                if unit.pk in {u.pk for u in units}:
                    continue
                units.append(unit)
                roles.append(lead)
            seen_units.update(u.pk for u in units)
            before = linked.get(task.pk, [])
            if units and before and before != [u.name for u in units]:
                self.warn(parsed.line_start, (
                    f"task {parsed.serial}: units differ from those already recorded "
                    f"({'、'.join(before)}); kept the recorded ones"
                ))
                continue
            if not units or before:
                continue
            for order, (unit, lead) in enumerate(zip(units, roles, strict=True), start=1):
                role = UnitRole.LEAD if lead else UnitRole.CO
                links.append(TaskUnit(task=task, unit=unit, role=role, order=order))
            names = [u.name for u in units]
            if task.pk in new_ids:
                self.created_tasks[task.pk].fields["units"] = names
            else:
                self._change("task", task.pk, Change.Action.UPDATE, {"units": [[], names]})
        TaskUnit.objects.bulk_create(links)
        self.counts["units"] = len(seen_units)

    def _sub_items(self, plan: Plan, tasks: list[Task]) -> list[_Row]:
        pairs = [
            (task, parsed, items) for task, parsed in zip(tasks, self.doc.tasks, strict=True)
            if (items := _item_targets(parsed)) is not None
        ]
        parents_with_items = [(task, items) for task, _parsed, items in pairs]
        parsed_with_items = [parsed for _task, parsed, _items in pairs]
        children: dict[int, list[Task]] = {}
        for child in Task.objects.filter(parent__in=[t for t, _ in parents_with_items]):
            children.setdefault(child.parent_id, []).append(child)
        rows: dict[int, list[_Row]] = {}
        new_children: list[Task] = []
        for (parent, items), parsed in zip(parents_with_items, parsed_with_items, strict=True):
            known = sorted(children.get(parent.pk, []), key=lambda c: c.order)
            matches = match_tasks(
                [Known(c.pk, f"{parent.serial}.{c.order}", c.text) for c in known],
                [(f"{parent.serial}.{i}", item.heading or "") for i, item in enumerate(items, 1)],
                label="sub-item",
            )
            by_id = {c.pk: c for c in known}
            next_order = max((c.order for c in known), default=0)
            for item, match in zip(items, matches, strict=True):
                if match.warning:
                    self.warn(None, match.warning)
                if match.key is not None:
                    child = by_id[match.key]
                else:
                    next_order += 1
                    child = Task(plan=plan, parent=parent, serial="", text=item.heading or "",
                                 order=next_order)
                    new_children.append(child)
                rows.setdefault(parent.pk, []).append(_Row(child, item, _extra(parsed)))
            self.counts["sub_items"] += len(items)
        Task.objects.bulk_create(new_children)
        for child in new_children:
            self._change("task", child.pk, Change.Action.CREATE,
                         {"parent": child.parent_id, "text": child.text, "order": child.order})
        out: list[_Row] = []
        for task, parsed in zip(tasks, self.doc.tasks, strict=True):
            if task.pk in rows:
                out.extend(rows[task.pk])
            else:
                out.append(_Row(task, parsed.items[0] if parsed.items else Item(), _extra(parsed)))
        return out

    def _progress(self, report: Report, rows: list[_Row]) -> None:
        existing = {p.task_id: p for p in Progress.objects.filter(report=report)}
        creates: list[Progress] = []
        updates: list[Progress] = []
        moved: list[Progress] = []
        wanted: set[int] = set()
        for position, (task, item, extra) in enumerate(rows, start=1):
            if task.pk in wanted:
                # Two rows of this table landed on one task (e.g. two identical sub-headings).
                self.warn(None, f"task {task.serial or task.text[:20]}: two rows of the table "
                                f"match it; the second is ignored")
                continue
            wanted.add(task.pk)
            values = {f: getattr(item, f) for f in PROGRESS_FIELDS} | {"extra": extra}
            current = existing.get(task.pk)
            if current is None:
                creates.append(Progress(report=report, task=task, position=position,
                                        updated_by=self.user, **values))
                continue
            if current.position != position:
                current.position = position
                moved.append(current)
            diff = {f: [getattr(current, f), v] for f, v in values.items() if getattr(current, f) != v}
            if diff:
                for f, v in values.items():
                    setattr(current, f, v)
                current.version += 1
                current.updated_by = self.user
                updates.append(current)
                if moved and moved[-1] is current:
                    moved.pop()
                self._change("progress", current.pk, Change.Action.UPDATE, diff)
        Progress.objects.bulk_create(creates)
        for p in creates:
            self._change("progress", p.pk, Change.Action.CREATE,
                         {"report": report.pk, "task": p.task_id,
                          **{f: getattr(p, f) for f in PROGRESS_FIELDS}})
        if updates:
            Progress.objects.bulk_update(
                updates, [*PROGRESS_FIELDS, "extra", "position", "version", "updated_by"]
            )
        if moved:
            Progress.objects.bulk_update(moved, ["position"])
        gone = [p for task_id, p in existing.items() if task_id not in wanted]
        for p in gone:
            self._change("progress", p.pk, Change.Action.DELETE,
                         {f: getattr(p, f) for f in PROGRESS_FIELDS} | {"task": p.task_id})
        if gone:
            Progress.objects.filter(pk__in=[p.pk for p in gone]).delete()
        self.counts["progress"] = len(wanted)
        self.counts["progress_updated"] = len(updates)
        self.counts["progress_removed"] = len(gone)

    def _change(self, model: str, object_id: int, action: str, fields: dict[str, Any]) -> Change:
        change = Change(model=model, object_id=object_id, action=action, fields=fields)
        if not (action == Change.Action.UPDATE and not fields):
            self.changes.append(change)
        return change


def _jsonable(value: Any) -> Any:
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value
