"""Indicator rows joined column by column, judged row by row (rules: ROW PARTS below).

A table of figures may give one item several indicator rows, each with its own target, achieved
figure and share, the serial and the item's name merged over them. The reader keeps them one
task (luoshi.ingest.text.spacesubrows; pipe rows of a table without a progress column alike):
the task cell holds one indicator per line and every column filled by some indicator row holds
one line per row (an empty cell written ——), so line k of each is indicator row k::

    task: 孕产妇产前筛查 / 新生儿筛查      单位: 人次 / 人次     工作目标: 2800 / 2800
    已完成数: 2539 / 2647                 占比: 90.7% / 94.5%

ROW PARTS RULE: a task of two or more lines, without progress text, whose columns of two or
more lines all have exactly as many lines as the task, one of them a figure column (a target,
an achieved-figure or a declared-status column), is that many rows: row k is line k of the task
and of each such column, with the one-line cells (the merged ones: the item's name) its own
too. Each row is analysed as a task of its own — its target column's bare number takes the
row's unit (rules.MEASURE_UNIT_HEADER), its achieved figure measures its own target, its share
is its own declared status — and the task's status is made from the rows' (subrows.combine, the
table in docs/analysis.md: one indicator lagging is amber, all lagging red). Read whole, the
figures of one row would measure another's target and the task's cells would hold no bare
number. Targets, figures and evidence keep their places in the whole task: the task text's
offsets, a column cell's offsets in its joined cell.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from luoshi.extract.model import (
    FIELD_TEXT,
    FixKey,
    Measurement,
    MeasurementFix,
    PartVerdict,
    Span,
    Target,
    TaskAnalysis,
)
from luoshi.extract.subrows import Line, combine, nonblank_lines
from luoshi.ingest.cells import is_empty_mark
from luoshi.ingest.headers import header_role
from luoshi.ingest.model import Item, Period, Task
from luoshi.vocab import ColumnRole

__all__ = ["RowParts", "analyze_rows", "column_rows"]

_FIGURE_ROLES = frozenset({ColumnRole.TARGET, ColumnRole.ACTUAL, ColumnRole.DECLARED_STATUS})


@dataclasses.dataclass
class RowParts:
    """The rows of a task of joined indicator rows: each row's task, and where its lines lie
    (the task text's line, and each joined column's line, by header)."""

    task: Task
    rows: list[Task]
    text_lines: list[Line]
    cells: dict[str, list[Line]]  # header -> the line of each row in its joined cell

    def text_offset(self, k: int) -> int:
        """Where row ``k``'s task text starts in the whole task text."""
        a, b = self.text_lines[k]
        line = self.task.text[a:b]
        return a + len(line) - len(line.lstrip())

    def cell_offset(self, k: int, header: str) -> int:
        """Where row ``k``'s cell starts in the joined cell under ``header`` (0: a merged one)."""
        if header not in self.cells:
            return 0
        s, e = self.cells[header][k]
        line = self.task.extra[header][s:e]
        return s + len(line) - len(line.lstrip())

    def owner(self, t: Target) -> tuple[int, int] | None:
        """(row, offset of the row's line in the target's field) of a target, or None."""
        if t.span.field == FIELD_TEXT and not t.origin:
            for k, (a, b) in enumerate(self.text_lines):
                if a <= t.span.start and t.span.end <= b:
                    return k, self.text_offset(k)
            return None
        if t.column in self.cells:
            for k, (s, e) in enumerate(self.cells[t.column]):
                if s <= t.span.start and t.span.end <= e:
                    return k, self.cell_offset(k, t.column)
        return None

    def shift(self, span: Span, k: int, sign: int = 1) -> Span:
        """A span of row ``k``'s analysis where it lies in the whole task (``sign`` -1: back):
        the task text's line, or the joined cell whose row line holds the span's text there."""
        if span.field == FIELD_TEXT:
            off = self.text_offset(k)
        elif span.item is None and span.text:
            row = self.rows[k].extra
            off = next((self.cell_offset(k, h) for h in self.cells
                        if row.get(h, "")[span.start:span.end] == span.text), 0)
        else:
            return span
        return dataclasses.replace(span, start=span.start + sign * off, end=span.end + sign * off)


def column_rows(task: Task) -> RowParts | None:
    """The rows of a task of joined indicator rows (the module's rule), or None."""
    if "\n" not in task.text.strip() or not task.extra:
        return None
    if any(it.done.strip() or it.problems.strip() or it.next_steps.strip() for it in task.items):
        return None
    tl = nonblank_lines(task.text)
    n = len(tl)
    if n < 2:
        return None
    cells: dict[str, list[Line]] = {}
    for header, value in task.extra.items():
        if value and "\n" in value.strip():
            lines = nonblank_lines(value)
            if len(lines) != n:
                return None
            cells[header] = lines
    if not any(header_role(h, have_task=True) in _FIGURE_ROLES for h in cells):
        return None
    rows = []
    for k, (a, b) in enumerate(tl):
        extra = {}
        for header, value in task.extra.items():
            if header in cells:
                s, e = cells[header][k]
                line = value[s:e].strip()
                extra[header] = "" if is_empty_mark(line) else line
            else:
                extra[header] = value  # a merged cell: every row's
        rows.append(Task(serial=task.serial, text=task.text[a:b].strip(), units=task.units,
                         items=[Item()], extra=extra, unit_line=task.unit_line))
    return RowParts(task, rows, tl, cells)


def analyze_rows(
    task: Task, parts: RowParts, period: Period | None, year: int | None, targets: list[Target],
    reported: dict[int, float] | None, fixes: dict[FixKey, MeasurementFix] | None,
    analyze: Callable[..., TaskAnalysis],
) -> TaskAnalysis | None:
    """The task analysed row by row with ``analyze`` (analyze_task) on the given ``targets``
    (each owned by the row its span lies in), put back together; None when a target lies in
    no row (a plan read from elsewhere) or a person's correction is to be kept (read whole)."""
    if fixes:
        return None  # corrections are keyed by where a figure lies in the task read whole
    own = [parts.owner(t) for t in targets]
    if any(o is None for o in own):
        return None
    ms: list[Measurement] = []
    figures: list[Measurement] = []
    verdicts: list[PartVerdict] = []
    for k, row in enumerate(parts.rows):
        index = [i for i, o in enumerate(own) if o is not None and o[0] == k]
        local = []
        for i in index:
            t, off = targets[i], own[i][1]  # type: ignore[index]
            local.append(dataclasses.replace(t, span=dataclasses.replace(
                t.span, start=t.span.start - off, end=t.span.end - off)))
        mine = {j: reported[i] for j, i in enumerate(index) if i in reported} if reported else None
        a = analyze(row, period, year, targets=local, reported=mine)
        for m in a.measurements:
            ms.append(dataclasses.replace(m, span=parts.shift(m.span, k),
                                          target=None if m.target is None else index[m.target]))
        figures += [dataclasses.replace(m, span=parts.shift(m.span, k)) for m in a.figures]
        st = a.status
        verdicts.append(PartVerdict(k, row.text, dataclasses.replace(
            st, evidence=[parts.shift(s, k) for s in st.evidence])))
    return TaskAnalysis(task.serial, targets, ms, combine(verdicts), figures=figures,
                        parts=verdicts)
