"""From cells with known column roles to Tasks: the part of layout handling every reader shares.

A reader finds the header row and the cells of each row (the text reader by segmenting
paragraphs, structured readers from a :class:`~luoshi.ingest.grid.Grid`); this module turns
cells into ``Task`` objects the same way for all of them: units split lead first with notes set
aside, progress columns into ``Item`` fields, empty-cell marks to "".
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from luoshi.ingest.cells import LONGEST_MARK, cell_text, is_empty_mark
from luoshi.ingest.headers import is_merged_progress, main_done_column
from luoshi.ingest.model import Column, Item, ParsedDocument, Period, Task
from luoshi.ingest.periods import as_of_header, header_period
from luoshi.ingest.script import to_simplified
from luoshi.ingest.units import labelled_unit_fields, split_units, split_units_heads, units_in_text
from luoshi.vocab import ITEM_FIELD_BY_ROLE, ITEM_ROLES, ColumnRole, PeriodKind

# Task.extra key of the group row (一、…, a leader's name, a table's title) a task stands
# under; extra is not in the JSON contract (docs/parse-json.md).
GROUP_KEY = "分组"

# Task.extra key of the heads' names a unit cell carries after its units (市民政局 伍泽国:
# units.HEAD_RULE), unless the table has a 责任人 column of that name already.
HEAD_KEY = "责任人"

# Columns split into sub-rows (one per item), as docs/formats.md says. The other columns
# (task, units, leader, target, declared status, unknown) are the task's own.


@dataclass
class RowCells:
    """One task row as cells: column index -> lines; ``items`` for the sub-row columns."""

    serial: str
    fixed: dict[int, list[str]] = field(default_factory=dict)
    items: list[tuple[str | None, dict[int, list[str]]]] = field(default_factory=list)
    line_start: int | None = None
    line_end: int | None = None


def item_columns(columns: Sequence[Column], also: frozenset[ColumnRole] = frozenset()) -> list[int]:
    """Indexes of the contiguous run of sub-row columns (done/problems/next), widened by the
    roles in ``also`` (the text reader segments a multi-paragraph target cell with them)."""
    roles = ITEM_ROLES | also
    idx = [i for i, c in enumerate(columns) if c.role in roles]
    if not idx:
        return []
    # Only one contiguous run: a trailing 'other' after units is a fixed column. The run is
    # the first holding a progress column; a widening role alone (年度目标 / 责任单位 /
    # 完成情况: the target apart from the progress) is no run of its own.
    runs: list[list[int]] = [[idx[0]]]
    for i in idx[1:]:
        if i == runs[-1][-1] + 1:
            runs[-1].append(i)
        else:
            runs.append([i])
    return next((r for r in runs if any(columns[i].role in ITEM_ROLES for i in r)), runs[0])


# (Python 3.11 finds an enum member on its class at some 0.1 µs, the metaclass having a
# __getattr__: the roles build_task compares every cell with, read once.)
_TASK, _SERIAL = ColumnRole.TASK, ColumnRole.SERIAL
_UNITS, _LEAD_UNIT = ColumnRole.UNITS, ColumnRole.LEAD_UNIT
_UNIT_ROLES = (_UNITS, _LEAD_UNIT, ColumnRole.CO_UNITS)


def build_task(
    row: RowCells, columns: Sequence[Column], notes: list[str], main_done: int | None = None
) -> Task:
    """A Task from a row's cells; notes found in unit cells are appended to ``notes``.
    ``main_done``: ``main_done_column(columns)`` when the caller has it (the same for every
    row of a table)."""
    text_parts: list[str] = []
    lead: list[str] = []
    units: list[str] = []
    co: list[str] = []
    extra: dict[str, str] = {}
    heads: list[str] = []
    # (cell_text's one-paragraph case written out in both loops below: most cells are one
    # paragraph, longer than any empty-cell mark and without a space, and every row has
    # several; the same text as cell_text gives)
    for col, lines in sorted(row.fixed.items()):
        role = columns[col].role
        if type(lines) is list and len(lines) == 1:
            one = True
            text = lines[0].strip()
            if (len(text) <= LONGEST_MARK or " " in text) and is_empty_mark(text):
                text = ""
        else:
            one = False
            text = cell_text(lines)
        if role is _TASK:
            if text:
                text_parts.append(text)
        elif role in _UNIT_ROLES:
            # (one line: _join_unit_lines gives it stripped, or nothing when blank)
            joined = lines[0].strip() if one else "\n".join(_join_unit_lines(lines))
            names, cell_heads, found = split_units_heads(joined)
            if cell_heads:
                heads.extend(h for h in cell_heads if h not in heads)
            names = labelled_unit_fields(names, extra)
            for note in found:
                if note not in notes:
                    notes.append(note)
            (units if role is _UNITS else lead if role is _LEAD_UNIT else co).extend(names)
        elif role is not _SERIAL:
            extra[columns[col].header] = text
    if heads and not extra.get(HEAD_KEY):
        extra[HEAD_KEY] = "、".join(heads)
    if text_parts:
        # A unit note at the end of the task text ("(牵头单位:市住建局)") names the units.
        inline = units_in_text(text_parts[-1])
        if inline is not None:
            text_parts[-1] = inline[0]
            for value, target in ((inline[1], lead), (inline[2], co)):
                for cell in value:
                    names, found = split_units(cell)
                    target.extend(names)
                    notes.extend(n for n in found if n not in notes)
    ordered: list[str] = []
    for name in [*lead, *units, *co]:
        if name not in ordered:
            ordered.append(name)
    items = []
    if main_done is None:
        main_done = main_done_column(columns)
    # (Item and Task are made with positional arguments, in their fields' order: a class
    # called with keywords gathers them into a dict for its __init__, some 1,000 instructions
    # a Task; one Task and one or more Items for every row)
    for heading, cells in row.items or [(None, {})]:
        item = Item(heading)
        for col, lines in cells.items():
            if type(lines) is list and len(lines) == 1:
                text = lines[0].strip()
                if (len(text) <= LONGEST_MARK or " " in text) and is_empty_mark(text):
                    text = ""
            else:
                text = cell_text(lines)
            name = ITEM_FIELD_BY_ROLE.get(columns[col].role)
            if name == "done" and col != main_done:
                name = None  # an earlier period's progress column: kept by header in extra
            if name is not None:
                old = getattr(item, name)
                setattr(item, name, f"{old}\n{text}" if old and text else old or text)
            elif text:  # e.g. a target cell segmented with the progress cells: the task's own
                header = columns[col].header
                extra[header] = f"{extra[header]}\n{text}" if extra.get(header) else text
        items.append(item)
    # (serial, text, units, items, line_start, line_end, extra)
    return Task(
        row.serial, "\n".join(text_parts), ordered, items, row.line_start, row.line_end, extra
    )


def _join_unit_lines(lines: Sequence[str]) -> list[str]:
    """A unit list wrapped over lines: "市财政局" / "(市国资委)" is one name, and a line
    ending in 、 continues on the next."""
    out: list[str] = []
    for line in (s.strip() for s in lines):
        if not line:
            continue
        if out and (line[0] in "(（" or out[-1][-1] in "、,，"):
            out[-1] += line
        else:
            out.append(line)
    return out


# Labels a merged progress cell uses for its parts (进展情况: … 存在问题: … 下步打算: …), as
# (Item field, pattern); a label opens a line or follows a full stop, after an optional
# numbering (一、 1.), and ends with a colon.
_PART_LABELS: list[tuple[str, str]] = [
    ("done", r"进展情况|完成情况|工作进展|推进情况|落实情况|进度情况|工作成效"),
    ("problems", r"存在的?问题(?:及困难|和困难|与困难)?|困难和问题|问题和困难|存在困难|困难问题"),
    (
        "next_steps",
        r"下一?步(?:工作)?(?:打算|计划|措施|安排|思路)?|下阶段(?:工作)?(?:打算|计划)?|工作打算",
    ),
]
_LABEL = re.compile(
    r"(?:^|(?<=[\n。;；!！\s]))(?:[一二三四][、.]|\d[.、．]|[(（][一二三四\d][)）])?\s*(?:"
    + "|".join(f"(?P<{name}>{pattern})" for name, pattern in _PART_LABELS)
    + r")\s*[:：]"
)


def split_labelled_progress(text: str) -> dict[str, str] | None:
    """A merged progress cell split by its own labels into done / problems / next_steps
    (labels removed; text before the first label is done), or None when it has none of the
    problems / next-steps labels."""
    found = list(_LABEL.finditer(text))
    if not any(m.lastgroup in ("problems", "next_steps") for m in found):
        return None
    parts: dict[str, str] = {"done": text[: found[0].start()].strip()}
    for k, m in enumerate(found):
        end = found[k + 1].start() if k + 1 < len(found) else len(text)
        field = m.lastgroup or "done"
        value = text[m.end() : end].strip()
        parts[field] = f"{parts[field]}\n{value}".strip() if parts.get(field) else value
    return parts


def split_merged_progress(doc: ParsedDocument) -> None:
    """Where the progress column is one merged column (进展情况、存在问题及下一步打算) and the
    table has no separate problems / next-steps column, each item's cell is split by its own
    labels; cells that carry none stay in done, with one warning naming the column."""
    roles = {c.role for c in doc.columns}
    merged = [
        c.header for c in doc.columns if c.role is ColumnRole.DONE and is_merged_progress(c.header)
    ]
    if not merged or ColumnRole.PROBLEMS in roles or ColumnRole.NEXT_STEPS in roles:
        return
    kept: list[str] = []
    for task in doc.tasks:
        for item in task.items:
            if not item.done:
                continue
            parts = split_labelled_progress(item.done)
            if parts is None:
                kept.append(task.serial)
                continue
            item.done = parts.get("done", "")
            item.problems = parts.get("problems", "")
            item.next_steps = parts.get("next_steps", "")
    if kept:
        doc.warn(
            None,
            f"column {merged[0]} holds progress, problems and next steps in one cell; "
            f"{len(kept)} cell(s) (rows {', '.join(kept[:5])}{'…' if len(kept) > 5 else ''}) "
            "carry no 存在问题:/下步打算: labels to split them by: kept whole as progress",
        )


# Columns whose cell a table often gives only on the first of several rows (a merged cell
# flattened, or written once per group): the rows below without one share it.
_CARRIED = frozenset({ColumnRole.CATEGORY, ColumnRole.LEADER})
# Layouts whose rows are aligned by content, where a cell the page left out (merged over
# several rows when the table was flattened) cannot be told from an empty one; in the other
# formats a merged cell is seen as such, and an empty cell is empty.
CARRY_DOWN_LAYOUTS = frozenset({"space-rows", "pipe-cells"})


def carry_column(tasks: Sequence[Task], header: str) -> list[str]:
    """Carry the cell of column ``header`` down to the rows below it that have none, until the
    next group row; the serials of the rows that got it."""
    value, group = "", None
    filled: list[str] = []
    for task in tasks:
        own = task.extra.get(header, "")
        here = task.extra.get(GROUP_KEY)
        if here != group:
            value, group = "", here
        if own:
            value = own
        elif value:
            task.extra[header] = value
            filled.append(task.serial)
    return filled


def carried_note(header: str, filled: Sequence[str], what: str = "the cell") -> str:
    """The one warning of a column whose cell was carried down to ``filled``."""
    return (
        f"column {header}: {len(filled)} row(s) ({', '.join(filled[:6])}"
        f"{'…' if len(filled) > 6 else ''}) have no cell of their own; {what} above is "
        "carried down (a merged cell)"
    )


def carry_down(doc: ParsedDocument) -> None:
    """A category or leader cell given only on the first of several rows is carried down to
    the rows below it that have none (until the next group row), with one warning per column
    naming the rows."""
    for col in doc.columns:
        if col.role in _CARRIED:
            filled = carry_column(doc.tasks, col.header)
            if filled:
                doc.warn(None, carried_note(col.header, filled))


_PROGRESS_ROLES = frozenset(
    {
        ColumnRole.DONE,
        ColumnRole.PROBLEMS,
        ColumnRole.NEXT_STEPS,
        ColumnRole.DECLARED_STATUS,
        ColumnRole.ACTUAL,
    }
)


def period_from_columns(doc: ParsedDocument) -> None:
    """A page whose title and opening name no period, but whose progress column's header does
    (本月进展情况, 上半年完成情况, 1-9月进展): that period, with a warning saying where it came
    from. The column read as the progress (the latest period's, ``main_done_column``) decides;
    when no column is read as progress, a column of another role whose header names progress
    and the one day it stands at (最新进度(8月24日), a header the vocabulary does not know) does
    (HEADER AS-OF DAY, :func:`luoshi.ingest.periods.header_period`)."""
    if doc.meta.period is not None:
        return
    at = main_done_column(doc.columns)
    if at < 0:
        dated = (i for i, c in enumerate(doc.columns) if as_of_header(to_simplified(c.header)))
        at = next(dated, -1)
    if at < 0:
        return
    header = doc.columns[at].header
    period = header_period(to_simplified(header), doc.meta.year)
    if period is None or period.kind is PeriodKind.PLAN:
        return
    doc.meta.period = period
    doc.warnings = [w for w in doc.warnings if "no reporting period" not in w.message]
    doc.warn(
        None,
        f"period {period.label!r} taken from the progress column's header {header!r}: the "
        "title names none; check it",
    )


def plan_without_progress(doc: ParsedDocument) -> None:
    """A table naming no period and having no progress column (nor status, nor actual
    figures) is the task list itself: period kind plan, with a warning saying why."""
    if doc.meta.period is not None or not doc.tasks:
        return
    if any(c.role in _PROGRESS_ROLES for c in doc.columns):
        return
    doc.meta.period = Period(kind=PeriodKind.PLAN, label="")
    doc.warn(
        None,
        "no period named, and the table has no progress column: read as the plan (the task "
        "list itself)",
    )


def warn_unit_heads(doc: ParsedDocument) -> None:
    """Say, once, which rows' unit cells carried a person after the unit (units.HEAD_RULE):
    the likeliest reading, the alternative named (a second unit) so a user can check it."""
    if any(c.header == HEAD_KEY for c in doc.columns):
        return  # a 责任人 column of the table's own: its cells, not heads split off units
    rows = [t.serial or str(n) for n, t in enumerate(doc.tasks, 1) if t.extra.get(HEAD_KEY)]
    if not rows:
        return
    example = next(t for t in doc.tasks if t.extra.get(HEAD_KEY)).extra[HEAD_KEY]
    shown = ", ".join(rows[:8]) + (" …" if len(rows) > 8 else "")
    doc.warn(
        None,
        f"unit cells of {len(rows)} row(s) ({shown}) name a person after the unit "
        f"({example}): read as the unit's {HEAD_KEY}, not as another unit",
    )
