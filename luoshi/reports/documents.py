"""A stored report as the ParsedDocument it would parse to, so every writer in
``luoshi.export`` can publish it and export → import gives back the same tasks and cells."""

from __future__ import annotations

from luoshi.core.models import Report
from luoshi.ingest.model import Column, Item, Meta, ParsedDocument, Period, Task
from luoshi.vocab import ColumnRole, PeriodKind, UnitRole
from luoshi.web.tables import PROGRESS_FIELDS, build_report_table


def _period(report: Report) -> Period:
    period = report.period
    kind = PeriodKind(period.kind)
    return Period(
        kind=kind,
        label=period.label or kind.label,
        end_date=period.end_date,
        month=period.month if kind is PeriodKind.MONTH else None,
    )


def document_for_report(report: Report) -> ParsedDocument:
    """``report`` with its metadata, its published columns and one Task per row group."""
    table = build_report_table(report)
    plan = report.plan
    meta = Meta(
        title=report.title or str(report),
        index_no=report.index_no,
        category=report.category,
        publisher=report.publisher,
        written_date=report.written_date,
        published_date=report.published_date,
        disclosure=report.disclosure,
        government=plan.government.name,
        year=report.period.year,
        period=_period(report),
        notes=list(table.notes),
    )
    columns = [Column(header=c.header, role=ColumnRole(c.role)) for c in table.columns]
    task_roles = {ColumnRole.SERIAL, ColumnRole.TASK, ColumnRole.UNITS, ColumnRole.LEAD_UNIT,
                  ColumnRole.CO_UNITS}
    tasks = []
    for group in table.groups:
        task = group.task
        links = list(task.task_units.all())  # prefetched in order by build_report_table
        units = [link.unit.name for link in links]
        # Cells of other columns (leader, target, declared status …) as published.
        extra = {}
        for column, cell in zip(table.columns, group.rows[0].cells, strict=False):
            if ColumnRole(column.role) not in task_roles and column.role not in PROGRESS_FIELDS:
                if cell.text:
                    extra[column.header] = cell.text
        items = []
        for row in group.rows:
            item = Item()
            for cell in row.cells:
                name = PROGRESS_FIELDS.get(ColumnRole(cell.role)) if cell.role else None
                if name:
                    setattr(item, name, cell.text)
                    if cell.heading:
                        item.heading = cell.heading
            items.append(item)
        lead_first = sorted(
            range(len(links)), key=lambda i: (links[i].role != UnitRole.LEAD, links[i].order)
        )
        tasks.append(
            Task(
                serial=task.serial,
                text=task.text,
                units=[units[i] for i in lead_first],
                items=items or [Item()],
                extra=extra,
            )
        )
    return ParsedDocument(meta=meta, columns=columns, tasks=tasks, format="luoshi",
                          source_name=str(report))
