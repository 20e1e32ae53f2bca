"""Rows of a cells-per-line table without serials: where a row begins found by its shape
(:mod:`.rows` reads the numbered ones and says what the two share).

- **unnumbered** (a 序号 header but no serials, or no 序号 column at all): a row opens at the
  task paragraph followed by what the next column holds — a unit list, a person's name — or,
  when the progress column follows the task, at a task paragraph ending in its unit note
  ("(牵头单位:市财政局)"). Such rows get serials by position, with a warning, unless the task
  text opens with its own number ("1. 生产总值增长7.5%以上。").
  CUT OPENER: a page cut off inside a task paragraph cannot show that paragraph's unit note.
  When the page ends mid-sentence in a paragraph that is not a numbered point, right after a
  numbered point of the last row's progress, and in every row of the table the progress cell's
  unnumbered paragraphs come before its numbered points (never after them), that last paragraph
  follows the table's own pattern of a row opener: it opens a (cut-off) row.
- **points in the last cell** (:func:`_points_of_one_row`): numbered paragraphs after a first
  row's cells that would each make a row of the task text alone are that row's last cell's
  points (a one-row table whose progress lists 1.… 2.… 3.…), warned with the alternative.
"""

from __future__ import annotations

import re

from luoshi.ingest.cells import is_empty_mark, numbering
from luoshi.ingest.errors import IngestError
from luoshi.ingest.model import Column
from luoshi.ingest.text.rows import Para, Row, _category_shaped, _take_group
from luoshi.ingest.text.shapes import (
    CLOSING,
    ROW_SERIAL,
    is_group,
    looks_like_person,
    looks_like_units,
)
from luoshi.ingest.units import units_in_text
from luoshi.vocab import ColumnRole

_TEXT_SERIAL = re.compile(rf"^({ROW_SERIAL})\s*[.、．]\s*(?!\d)")
_UNIT_ROLES = (ColumnRole.UNITS, ColumnRole.LEAD_UNIT, ColumnRole.CO_UNITS)


def _anchor_test(columns: list[Column]):
    """A test telling whether body[k] opens a row, from the column after the task column."""
    tasks = [i for i, c in enumerate(columns) if c.role is ColumnRole.TASK]
    if not tasks:
        return None
    after = tasks[-1] + 1
    nxt = columns[after].role if after < len(columns) else None

    def task_like(text: str) -> bool:
        return len(text) >= 4 and not is_group(text) and not _unit_cell(text)

    if nxt in _UNIT_ROLES:
        return lambda body, k: (
            k + 1 < len(body) and task_like(body[k].text) and _unit_cell(body[k + 1].text)
        )
    if nxt is ColumnRole.LEADER:
        return lambda body, k: (
            k + 1 < len(body)
            and task_like(body[k].text)
            and not looks_like_person(body[k].text)
            and looks_like_person(body[k + 1].text)
        )
    return lambda body, k: units_in_text(body[k].text) is not None


# A count closing a text ("新建学校2所", "新开工项目40个"): a task's figure, never the end of an
# organisation's name.
_COUNT_END = re.compile(r"\d+(?:\.\d+)?\s*[个所座家条处项名人户套栋台辆亩公里万亿元]+$")


def _unit_cell(text: str) -> bool:
    """A paragraph that can be a row's unit cell: a unit list not closing with a count."""
    return looks_like_units(text) and not _COUNT_END.search(text.strip())


_MAX_FIGURE_CELL = 30


def _figure_cell(text: str) -> bool:
    """A short cell of a figure column (target, actual figure, status, deadline): no longer
    than ``_MAX_FIGURE_CELL`` characters and not a unit list."""
    s = text.strip()
    return 0 < len(s) <= _MAX_FIGURE_CELL and not looks_like_units(s)


_FIGURE_SHAPE = {
    ColumnRole.TARGET: _figure_cell,
    ColumnRole.ACTUAL: _figure_cell,
    ColumnRole.DECLARED_STATUS: _figure_cell,
    ColumnRole.DEADLINE: _figure_cell,
}

_SHORT_SHAPE = {
    ColumnRole.UNITS: looks_like_units,
    ColumnRole.LEAD_UNIT: looks_like_units,
    ColumnRole.CO_UNITS: looks_like_units,
    ColumnRole.LEADER: looks_like_person,
    ColumnRole.PERSON: looks_like_person,
}
_MIN_FIT = 0.8


def _fixed_width_rows(
    body: list[Para], columns: list[Column], first_group: str, exact: bool = False
) -> list[Row]:
    """Rows as runs of as many paragraphs as the table has cells (no serial column counted),
    group rows (一、…) set aside, when every run's unit/leader cells look like units/names
    (at least 80% of runs, at least two runs, at least one such column) — or, in a table
    without unit or leader columns, with ``exact``, when every run's figure cells (target,
    actual, status, deadline) are short; [] otherwise. For a
    table with neither serials nor any other mark of where a row starts. ``exact``: only when
    the paragraphs divide into full runs that all fit (then it is read before the anchors,
    which can mistake a task cell for a unit list)."""
    cols = [c for c in columns if c.role is not ColumnRole.SERIAL]
    checks = [(k, _SHORT_SHAPE[c.role]) for k, c in enumerate(cols) if c.role in _SHORT_SHAPE]
    if not checks and exact:
        # no unit or leader column: a table of short figure cells (任务 / 年度目标 / 完成数)
        # is read by its run length when every run's figure cells are short
        checks = [(k, _FIGURE_SHAPE[c.role]) for k, c in enumerate(cols) if c.role in _FIGURE_SHAPE]
    width = len(cols)
    if not checks or width < 2:
        return []
    rows: list[Row] = []
    group = first_group
    run: list[Para] = []
    for p in body:
        if not run and is_group(p.text):
            group = p.text
            continue
        run.append(p)
        if len(run) == width:
            rows.append(Row("", run[0].line, run, group))
            run = []
    if run:
        rows.append(Row("", run[0].line, run, group))  # a last row cut off
    full = [r for r in rows if len(r.paras) == width]
    # ONE ROW: a single full run, then the page's signature where a task cell would be (a unit
    # alone: 某某局 / its date), is a table of one row (a 公示 of one indicator)
    signed = exact and len(rows) == 2 and len(full) == 1 and looks_like_units(rows[1].paras[0].text)
    if signed:
        rows = rows[:1]
    elif len(full) < 2:
        return []
    # a cell marked empty (——) fits any column
    fits = sum(
        1
        for r in full
        if all(test(r.paras[k].text) or is_empty_mark(r.paras[k].text) for k, test in checks)
    )
    if exact:  # every run full and fitting: no other reading is needed
        return rows if fits == len(full) == len(rows) else []
    return rows if fits >= _MIN_FIT * len(full) else []


_MIN_TEXT_SERIALS = 3


def _serials_in_task_cells(rows: list[Row], columns: list[Column]) -> bool:
    """When every row's task cell opens with its own number and the numbers count 1, 2, 3 …
    (a 序号 merged into the task cell), those numbers become the serials and leave the task
    text; True when they did."""
    cols = [c for c in columns if c.role is not ColumnRole.SERIAL]
    at = next((k for k, c in enumerate(cols) if c.role is ColumnRole.TASK), None)
    if at is None:
        return False
    found = []
    for n, r in enumerate(rows, 1):
        m = _TEXT_SERIAL.match(r.paras[at].text) if at < len(r.paras) else None
        if m is None or int(m.group(1)) != n or len(r.paras[at].text) <= m.end():
            return False
        found.append(m)
    for r, m in zip(rows, found, strict=True):
        p = r.paras[at]
        r.paras[at] = Para(p.line, p.text[m.end() :], p.gap)
        r.serial = m.group(1)
    return True


def _text_serial_rows(
    body: list[Para], columns: list[Column], first_group: str
) -> tuple[list[Row], list[Para]]:
    """Rows of a table whose serials are written into the task cell ("1、地区生产总值…"):
    a paragraph opening with a number opens a row when the numbers so opening paragraphs count
    1, 2, 3 … in order (at least three rows), each row running to the next. A number opening a
    paragraph inside a cell (a point of a progress cell) does not count on from the row's own
    and is left in the row. When the table's first column is a category (类别 before the task),
    a short category-shaped paragraph right before a row's number, not a unit list, is that
    row's category (given on a group's first row only; carried down later). ([], []) when the
    shape is absent."""
    starts: list[tuple[int, int]] = []  # (paragraph index, value)
    for k, p in enumerate(body):
        m = _TEXT_SERIAL.match(p.text)
        if m is None or len(p.text) <= m.end():
            continue
        value = int(m.group(1))
        if (not starts and value == 1) or (starts and value == starts[-1][1] + 1):
            starts.append((k, value))
    if len(starts) < _MIN_TEXT_SERIALS:
        return [], []
    category_first = bool(columns) and columns[0].role is ColumnRole.CATEGORY
    rows: list[Row] = []
    bounds = [k for k, _ in starts] + [len(body)]
    lead = list(body[: bounds[0]])
    for n, (k, value) in enumerate(starts):
        p = body[k]
        text = p.text[_TEXT_SERIAL.match(p.text).end() :]  # type: ignore[union-attr]
        paras = [Para(p.line, text, p.gap), *body[k + 1 : bounds[n + 1]]]
        category = None
        before = rows[-1].paras if rows else lead
        if category_first and before and _category_shaped(before[-1].text):
            if not rows or len(before) > 1:
                category = before.pop().text
        rows.append(Row(str(value), p.line, paras, first_group, category=category))
    return rows, lead


def split_unnumbered(
    body: list[Para],
    columns: list[Column],
    name: str,
    header_line: int,
    warnings: list,
    first_group: str,
) -> tuple[list[Row], list[Para]]:
    """Rows found by their shape (see the module docstring)."""
    even = _fixed_width_rows(body, columns, first_group, exact=True)
    if even:
        own = _serials_in_task_cells(even, columns)
        warnings.append(
            (
                even[0].line,
                f"rows have no serial numbers: read as runs of {len(even[0].paras)} cells (every "
                "row's unit/leader cells fit their columns); "
                + (
                    "serials taken from the numbers opening the task text"
                    if own
                    else "numbered by position"
                ),
            )
        )
        for n, r in enumerate(even, 1):
            r.serial = r.serial or str(n)
        if (after := [p for p in body if p.line > even[-1].paras[-1].line]) and len(even) == 1:
            signed = " / ".join(p.text[:20] for p in after)
            warnings.append((after[0].line, f"after the one row, the signature ({signed}): no row"))
        return even, []
    test = _anchor_test(columns)
    if test is None:
        raise IngestError(name, "the header names no task column", line=header_line)
    tasks = [i for i, c in enumerate(columns) if c.role is ColumnRole.TASK]
    skip = set(tasks[:-1])  # earlier task columns are merged over the rows (group cells)
    rows: list[Row] = []
    lead: list[Para] = []
    group = first_group
    for k, p in enumerate(body):
        if test(body, k):
            before = rows[-1].paras if rows else lead
            new_group, back = _take_group(before, 1 if rows else 0)
            if back:
                group = new_group
                del before[-back:]
            m = _TEXT_SERIAL.match(p.text)
            serial = m.group(1) if m else ""
            text = p.text[m.end() :] if m else p.text
            rows.append(Row(serial, p.line, [Para(p.line, text, p.gap)], group, set(skip)))
            continue
        (rows[-1].paras if rows else lead).append(p)
    if not rows:
        rows, lead = _text_serial_rows(body, columns, first_group)
        if (one := _points_of_one_row(rows, lead, body, columns, first_group)) is not None:
            warnings.append(
                (
                    one.line,
                    f"no 序号 column: the {len(rows)} numbered paragraphs after the first "
                    f"{len(lead)} cells are points of that row's last cell (every row they "
                    "would make holds its task text alone); read as one row, numbered by "
                    "position (the alternative: each point a row without its other cells)",
                )
            )
            return [one], []
        if rows:
            warnings.append(
                (
                    rows[0].line,
                    "no 序号 column: rows found where the task text opens with the next number "
                    f"(1、… 2、…); serials {rows[0].serial}–{rows[-1].serial} taken from the "
                    "numbers opening the task text",
                )
            )
            return rows, lead
        rows = _fixed_width_rows(body, columns, first_group)
        if rows:
            warnings.append(
                (
                    rows[0].line,
                    f"rows have no serial numbers and no cell marks where a row starts: rows "
                    f"read as runs of {len(rows[0].paras)} cells (every row's short cells fit "
                    "their columns); numbered by position",
                )
            )
            for n, r in enumerate(rows, 1):
                r.serial = str(n)
            return rows, []
    if not rows:
        raise IngestError(
            name,
            "no row starts with a serial number (a paragraph holding only 1, 2, 3 …), and no "
            "task paragraph is followed by its unit or leader cell (or ends in a unit note "
            "such as (牵头单位:…)): the rows cannot be told apart",
            line=header_line,
        )
    if _cut_off_last_row(rows, body, columns):
        warnings.append(
            (
                rows[-1].line,
                f"the page ends with a task text after the last row's unit cell "
                f"({rows[-1].paras[0].text[:20]!r}…), cut off mid-sentence: read as a last row "
                "cut off before its other cells",
            )
        )
    _cut_opener(rows)
    positional = [r for r in rows if not r.serial]
    for n, r in enumerate(rows, 1):
        if not r.serial:
            r.serial = str(n)
    if positional:
        warnings.append(
            (
                rows[0].line,
                f"rows have no serial numbers: {len(positional)} row(s) numbered by position "
                "(rows found by the cell after the task text)",
            )
        )
    elif ColumnRole.SERIAL not in {c.role for c in columns}:
        warnings.append(
            (rows[0].line, "no 序号 column: serials taken from the numbers opening the task text")
        )
    return rows, lead


def _points_of_one_row(
    rows: list[Row], lead: list[Para], body: list[Para], columns: list[Column], first_group: str
) -> Row | None:
    """POINTS IN THE LAST CELL: numbered paragraphs make rows only when those rows hold
    cells besides the task text. When every row the numbers would make is its task text
    alone, and the paragraphs before the first number fill one row's cells up to the last
    column (one paragraph each, the unit columns' cells unit lists), the numbers are points of
    that row's last cell, as a progress cell lists what was done: 1.… 2.… 3.…. The one row,
    or None when the shape is absent."""
    cols = [c for c in columns if c.role is not ColumnRole.SERIAL]
    if not rows or any(len(r.paras) > 1 for r in rows) or len(lead) != len(cols) - 1:
        return None
    if any(
        c.role in _UNIT_ROLES and not _unit_cell(p.text) for c, p in zip(cols, lead, strict=False)
    ):
        return None
    # (every row is one paragraph: the paragraphs after the lead are the points, as written)
    return Row("1", lead[0].line, list(body), first_group)


def _cut_off_last_row(rows: list[Row], body: list[Para], columns: list[Column]) -> bool:
    """CUT-OFF LAST ROW RULE: in a table whose rows are found by the cell after the task text
    and whose last column holds units, the page's last paragraph after the last row's unit
    cell — long text, neither units nor a name, ending mid-sentence — is the next row's task
    text, the page cut off before that row's other cells (an excerpt): it opens a row of its
    own. True when it did."""
    if not rows or not body or not columns or columns[-1].role not in _UNIT_ROLES:
        return False
    last = rows[-1]
    if len(last.paras) < 3 or last.paras[-1] is not body[-1]:
        return False
    tail, before = last.paras[-1].text.strip(), last.paras[-2].text.strip()
    if (
        len(tail) <= 12
        or CLOSING.search(tail)
        or looks_like_units(tail)
        or looks_like_person(tail)
        or not looks_like_units(before)
    ):
        return False
    para = last.paras.pop()
    rows.append(Row("", para.line, [para], last.group, set(last.skip)))
    return True


def _cut_opener(rows: list[Row]) -> None:
    """CUT OPENER (module docstring): the last paragraph of a page cut mid-sentence opens a row
    when the table's rows say an unnumbered paragraph after numbered points opens one."""
    if len(rows) < 2 or len(rows[-1].paras) < 3:
        return
    last = rows[-1].paras[-1]
    if CLOSING.search(last.text) or numbering(last.text) or not numbering(rows[-1].paras[-2].text):
        return
    for r in rows:
        cells = r.paras[1:-1] if r is rows[-1] else r.paras[1:]
        seen_point = False
        for q in cells:
            if numbering(q.text):
                seen_point = True
            elif seen_point:
                return  # an unnumbered paragraph after points inside a cell: no pattern
    rows[-1].paras.pop()
    rows.append(Row("", last.line, [last], rows[-1].group, set(rows[-1].skip)))
