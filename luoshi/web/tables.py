"""A report laid out as its published table: the source's columns in the source's order, one
row group per task, one row per sub-item, task-level cells merged down the group.

Built from the ORM in a fixed number of queries, and free of HTML, so the report page, the
public disclosure page and the exporters can all render the same structure.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Prefetch, QuerySet

from luoshi.core.models import Progress, Report, Task, TaskUnit
from luoshi.export.table import DEFAULT_COLUMNS as EXPORT_DEFAULT_COLUMNS
from luoshi.rounds.permissions import filed_q
from luoshi.vocab import ITEM_FIELD_BY_ROLE, ColumnRole, UnitRole

# Cells of these roles hold one sub-item's entry; every other column describes the task
# itself (serial, text, units, leader, target …) and is merged over its sub-item rows.
PROGRESS_FIELDS = ITEM_FIELD_BY_ROLE
# The layout shown when a report carries no published layout of its own.
DEFAULT_COLUMNS = [c.to_dict() for c in EXPORT_DEFAULT_COLUMNS]
UNIT_SEPARATOR = "、"


@dataclass(frozen=True)
class Column:
    header: str
    role: str


@dataclass
class Cell:
    role: str
    text: str = ""
    rowspan: int = 1
    heading: str | None = None  # the sub-item's heading, shown at the start of the cell
    header: str = ""  # the column's header: the cell's label when rows are shown as cards


@dataclass
class Row:
    cells: list[Cell]


@dataclass
class TaskGroup:
    """One task of the table and its rows (one per sub-item, at least one)."""

    task: Task
    rows: list[Row] = field(default_factory=list)


@dataclass
class ReportTable:
    columns: list[Column]
    groups: list[TaskGroup]
    notes: list[str]

    @property
    def task_count(self) -> int:
        return len(self.groups)


def report_columns(report: Report) -> list[Column]:
    """The report's published columns, in source order (a default layout when it has none)."""
    raw = report.columns or DEFAULT_COLUMNS
    return [Column(header=str(c.get("header", "")), role=str(c.get("role", ""))) for c in raw]


def _unit_names(task: Task, role: str) -> str:
    # task_units is prefetched in order; filtering in Python keeps it to one query.
    links = [link for link in task.task_units.all() if role == "" or link.role == role]
    return UNIT_SEPARATOR.join(link.unit.name for link in links)


def _task_cell(task: Task, column: Column, extra: dict) -> str:
    """A task-level cell: as published when the import kept it, else from the task's data."""
    if column.header in extra:
        return str(extra[column.header])
    role = column.role
    if role == ColumnRole.SERIAL:
        return task.serial
    if role == ColumnRole.TASK:
        return task.text
    if role == ColumnRole.UNITS:
        return _unit_names(task, "")
    if role == ColumnRole.LEAD_UNIT:
        return _unit_names(task, UnitRole.LEAD)
    if role == ColumnRole.CO_UNITS:
        return _unit_names(task, UnitRole.CO)
    return ""


def _position(entry: Progress | None) -> float:
    """Where the entry stood in the published table; unknown (0 or none) sorts last."""
    return entry.position if entry is not None and entry.position > 0 else float("inf")


def _rows_of(task: Task, children: list[Task], progress: dict[int, Progress]) -> list[tuple]:
    """(heading, progress) per row: the task's own entry, then one per sub-item."""
    present = [c for c in children if c.pk in progress or not progress]
    present.sort(key=lambda c: (_position(progress.get(c.pk)), c.order, c.pk))
    subs = [(c.text, progress.get(c.pk)) for c in present]
    own = progress.get(task.pk)
    # An empty entry of the task itself is noise above its sub-items, not a row of the table.
    if not subs or (own is not None and not own.is_empty):
        return [(None, own), *subs]
    return subs


def build_report_table(report: Report, entries: QuerySet[Progress] | None = None) -> ReportTable:
    """Lay ``report`` out as its published table, with ``entries`` (the viewer's share, from
    luoshi.rounds.permissions.shown_entries; default: the filed ones — a draft is 未填报)."""
    columns = report_columns(report)
    if entries is None:
        entries = Progress.objects.filter(report=report).filter(filed_q())
    progress = {p.task_id: p for p in entries.filter(report=report)}
    units = Prefetch(
        "task_units", queryset=TaskUnit.objects.select_related("unit").order_by("order", "pk")
    )
    tasks = list(
        Task.objects.filter(plan_id=report.plan_id).prefetch_related(units).order_by("order", "pk")
    )
    children: dict[int, list[Task]] = {}
    top: list[Task] = []
    for task in tasks:
        if task.parent_id is None:
            top.append(task)
        else:
            children.setdefault(task.parent_id, []).append(task)

    # A report shows the tasks it has entries for (a round with no entries yet shows all), in
    # the order of its own published rows, falling back on the plan's order.
    shown = []
    for task in top:
        subs = children.get(task.pk, [])
        if progress and task.pk not in progress and not any(c.pk in progress for c in subs):
            continue
        first = min(_position(progress.get(t.pk)) for t in (task, *subs))
        shown.append((first, task.order, task.pk, task, subs))
    shown.sort(key=lambda entry: entry[:3])

    groups = []
    for _first, _order, _pk, task, subs in shown:
        group = TaskGroup(task=task)
        entries = _rows_of(task, subs, progress)
        # Other published columns are kept per task row, the same on each of its entries.
        extra = next((e.extra for _h, e in entries if e is not None and e.extra), {})
        for index, (heading, entry) in enumerate(entries):
            cells = []
            heading_placed = False
            for column in columns:
                name = PROGRESS_FIELDS.get(column.role)
                if name is None:
                    if index == 0:
                        text = _task_cell(task, column, extra)
                        cells.append(Cell(column.role, text, rowspan=len(entries),
                                          header=column.header))
                    continue
                text = getattr(entry, name) if entry is not None else ""
                cell = Cell(column.role, text, header=column.header)
                if heading and not heading_placed:
                    cell.heading = heading
                    heading_placed = True
                cells.append(cell)
            group.rows.append(Row(cells))
        groups.append(group)
    notes = [str(n) for n in (report.notes or [])]
    return ReportTable(columns=columns, groups=groups, notes=notes)
