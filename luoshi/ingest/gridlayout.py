"""From expanded Grids (HTML, DOCX, XLSX, PDF readers) to a ParsedDocument.

The conventions are those of docs/formats.md, shared with the writers:

- the header row is the row, among the first few, naming the most known columns; a row
  repeating it later (page breaks) is skipped;
- rows sharing one merged serial cell are one task, one item per row; when a task has several
  rows, the first paragraph of each row's first progress cell is that item's heading;
- a progress cell merged down over several sub-rows is written once, in its first sub-row
  (later sub-rows get "" there, as the text reader does);
- a row whose cells are all one merged cell (a group row such as "一、…") is not a task: it is
  reported in a warning.

Readers register e.g. ``register("html", sniff, lambda data, name: document_from_grids(
read_html_grids(data, name=name), name, "html"))``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from luoshi.ingest.cells import ROW_NUMBER
from luoshi.ingest.contentroles import grid_content_roles
from luoshi.ingest.errors import IngestError
from luoshi.ingest.grid import Grid, GridCell
from luoshi.ingest.headers import (
    columns_from_headers,
    header_key,
    header_role,
    indicator_header_cells,
    is_known_header,
    normalise_header,
    vote_table_reason,
)
from luoshi.ingest.layout import (
    GROUP_KEY,
    RowCells,
    build_task,
    carried_note,
    carry_column,
    item_columns,
)
from luoshi.ingest.metadata import read_meta
from luoshi.ingest.model import Column, Meta, ParsedDocument, Task
from luoshi.ingest.period_status import period_status_columns
from luoshi.ingest.periods import parse_period, parse_year
from luoshi.ingest.ratedrows import rated_rows
from luoshi.vocab import ColumnRole

HEADER_ROWS_LOOKED_AT = 6
# Formats whose rows give their cells in order, not in place: a row may be short of cells
# (SHORT ROW RULE, luoshi.ingest.shortrows).
PLACED_BY_ORDER = frozenset({"html", "docx", "doc"})
MAX_HEADER_LEN = 24


def _header_row(grid: Grid) -> int | None:
    best, at = 0, None
    for r, row in enumerate(grid.rows[:HEADER_ROWS_LOOKED_AT]):
        score = sum(
            1
            for c in _distinct(row)
            if 0 < len(normalise_header(c.text)) <= MAX_HEADER_LEN and is_known_header(c.text)
        )
        if score < 2:  # INDICATOR TABLE (headers.py): its figure columns by their own words
            score = indicator_header_cells([c.text for c in _distinct(row)])
        if score > best:
            best, at = score, r
    return at if best >= 2 else None


def _distinct(row: Sequence[GridCell | None]) -> list[GridCell]:
    seen: set[int] = set()
    out = []
    for c in row:
        if c is not None and id(c) not in seen:
            seen.add(id(c))
            out.append(c)
    return out


def _lines(cell: GridCell | None) -> list[str]:
    return cell.text.split("\n") if cell is not None and cell.text else []


def _place(grid: Grid, r: int) -> str:
    return f"{grid.where}, row {r + 1}".lstrip(", ")


def _tasks_of(
    grid: Grid,
    name: str,
    columns: list[Column],
    h: int,
    warn: list[tuple[int | None, str]],
    repeats: Sequence[list[str]] = (),
    short_rows: bool = False,
) -> tuple[list[Task], list[str]]:
    header = [normalise_header(t) for t in grid.texts(h)]
    skip_like = [header, *repeats]
    roles = [c.role for c in columns]
    serial_col = roles.index(ColumnRole.SERIAL) if ColumnRole.SERIAL in roles else None
    task_col = roles.index(ColumnRole.TASK) if ColumnRole.TASK in roles else None
    key_col = serial_col if serial_col is not None else task_col
    run = item_columns(columns)
    groups: list[list[int]] = []
    group_of: dict[int, str] = {}  # first row of a task -> the group row above it
    group = ""
    subtotals: list[int] = []
    # A subtotal row filling the category column (一、社保惠民 | 社保惠民5个项目合计 | …) names
    # the category of the rows under it: given to the next task when its own cell is empty.
    category_col = roles.index(ColumnRole.CATEGORY) if ColumnRole.CATEGORY in roles else None
    opening = ""
    opened: dict[int, str] = {}
    if short_rows:
        from luoshi.ingest.shortrows import align_short_rows  # text/ imports this module

        align_short_rows(grid, h, roles, warn, lambda texts: _is_subtotal(texts, None))
    for r in range(h + 1, len(grid.rows)):
        row = grid.rows[r]
        texts = [normalise_header(t) for t in grid.texts(r)]
        if texts in skip_like or not any(texts):
            continue
        cells = _distinct(row)
        if len(cells) == 1 and len(row) > 1:
            warn.append(
                (
                    cells[0].line,
                    f"{_place(grid, r)}: group row {cells[0].text[:30]!r} is not a task",
                )
            )
            group = cells[0].text.replace("\n", " ")
            continue
        if _is_subtotal(texts, task_col):
            subtotals.append(r)
            if category_col is not None and category_col < len(texts) and texts[category_col]:
                opening = grid.texts(r)[category_col]  # a category's subtotal heads it
            continue
        key = row[key_col] if key_col is not None and key_col < len(row) else None
        prev = grid.rows[groups[-1][-1]] if groups else None
        if prev is not None and key is not None and key_col < len(prev) and prev[key_col] is key:
            groups[-1].append(r)
        else:
            groups.append([r])
            if group:
                group_of[r] = group
            if opening:
                opened[r], opening = opening, ""
    if subtotals:
        warn.append(
            (
                _line(grid.rows[subtotals[0]]),
                f"{_place(grid, subtotals[0])}: {len(subtotals)} total/subtotal row(s) "
                f"({grid.texts(subtotals[0])[0] or grid.texts(subtotals[0])[task_col or 0]}…): "
                "figures over other rows, not tasks",
            )
        )
    notes: list[str] = []
    tasks: list[Task] = []
    positional: list[int] = []
    numbered: list[str] = []
    listed = _listed_serials(grid, groups, task_col) if serial_col is None else None
    if listed:
        warn.append(
            (
                _line(grid.rows[groups[0][0]]),
                f"{_place(grid, groups[0][0])}: no 序号 column; the task cells open with their "
                f"numbers ({', '.join(n for n, _ in listed[:8])}{'…' if len(listed) > 8 else ''}"
                "): read as the rows' serials and taken out of the task text",
            )
        )
    for n, rows in enumerate(groups, 1):
        first = grid.rows[rows[0]]
        serial = first[serial_col].text if serial_col is not None and first[serial_col] else ""
        if listed:
            serial = listed[n - 1][0]
        if not serial:
            serial = str(n)
            positional.append(rows[0])
            numbered.append(serial)
        rc = RowCells(serial=serial, line_start=_line(first), line_end=_line(grid.rows[rows[-1]]))
        for c, col in enumerate(columns):
            if c in run or col.role is ColumnRole.SERIAL:
                continue
            rc.fixed[c] = _lines(first[c] if c < len(first) else None)
        if listed and task_col is not None and rc.fixed.get(task_col):
            rc.fixed[task_col][0] = listed[n - 1][1]
        rc.items = _items_of(grid, rows, run)
        task = build_task(rc, columns, notes)
        if rows[0] in opened and category_col is not None:
            header = columns[category_col].header
            if not task.extra.get(header):
                task.extra[header] = opened[rows[0]]
        if rows[0] in group_of:
            task.extra[GROUP_KEY] = group_of[rows[0]]
        tasks.append(task)
    if positional:
        why = "the table has no 序号 column" if serial_col is None else "their 序号 cells are empty"
        warn.append(
            (
                _line(grid.rows[positional[0]]),
                f"{_place(grid, positional[0])}: {len(positional)} row(s) have no serial "
                f"({why}): numbered {', '.join(numbered[:8])}{'…' if len(numbered) > 8 else ''} "
                "by position",
            )
        )
    _carry_categories(tasks, columns, grid, warn)
    return tasks, notes


# A list number opening a task cell: 14.改扩建…, 3、…, (2)…; not a decimal (1.5万亩…).
_LIST_NUMBER = re.compile(rf"^\s*(?:{ROW_NUMBER}|[(（](\d{{1,4}})[)）])\s*")


def _listed_serials(
    grid: Grid, groups: list[list[int]], task_col: int | None
) -> list[tuple[str, str]] | None:
    """SERIAL IN THE TASK CELL, true of any table without a 序号 column: when the task cell of
    every row (two or more) opens with a list number and each number counts on from the row
    above (or restarts at 1: numbering per group; an excerpt may start anywhere), the numbers
    are the rows' serials — (serial, the cell's first line without it) per row. A cell
    holding its own next point (``1.新建A;2.新建B``) numbers a list inside the cell, and rows
    all numbered 1 are such lists too: then None (the rows are numbered by position)."""
    if task_col is None or len(groups) < 2:
        return None
    out: list[tuple[str, str]] = []
    for rows in groups:
        row = grid.rows[rows[0]]
        cell = row[task_col] if task_col < len(row) else None
        first = _lines(cell)[0] if cell is not None and cell.text else ""
        m = _LIST_NUMBER.match(first)
        if m is None or not first[m.end() :].strip():
            return None
        number = int(m.group(1) or m.group(2))
        if out and number not in (int(out[-1][0]) + 1, 1):
            return None
        if re.search(rf"(?:\n|[;；。,，])\s*[(（]?{number + 1}[.、．)）](?!\d)", cell.text):
            return None  # the cell's own next point: a list inside the cell
        out.append((str(number), first[m.end() :]))
    return out if any(n != "1" for n, _ in out) else None


def _carry_categories(
    tasks: list[Task], columns: list[Column], grid: Grid, warn: list[tuple[int | None, str]]
) -> None:
    """A category cell given on the first of a group's rows only (a merged cell flattened, in
    text, to one cell and empties) is carried down to the rows below it, with one warning per
    column naming them; a group row ends the run. Formats that keep merges (HTML, DOCX, XLSX)
    already repeat the cell, so nothing is carried there."""
    for col in columns:
        if col.role is ColumnRole.CATEGORY:
            carried = carry_column(tasks, col.header)
            if carried:
                where = grid.where + ": " if grid.where else ""
                warn.append((None, where + carried_note(col.header, carried, "the category")))


def _two_level_header(
    grid: Grid, h: int, warn: list[tuple[int | None, str]]
) -> tuple[int, list[list[str]]]:
    """A header of two rows: a top cell spanning several columns (完成情况 over 完成数 / 完成率)
    with the names of those columns on the row below, the other top cells spanning both rows.
    The row below becomes the header, each column named by its own header when that names a
    known column, else by the top name joined to it (2030年目标·数量, whose role is the top
    name's: :data:`~luoshi.ingest.headers.TWO_LEVEL_JOIN`); the top row is skipped
    wherever it repeats. (h, []) when the header is one row."""
    if h + 1 >= len(grid.rows):
        return h, []
    top, below = grid.rows[h], grid.rows[h + 1]
    if not any(c is not None and c.colspan > 1 for c in top):
        return h, []
    names: list[str] = []
    under_span = False
    for c in range(len(top)):
        t = top[c]
        b = below[c] if c < len(below) else None
        if b is None or b is t:
            names.append(t.text if t is not None else "")
            continue
        text = normalise_header(b.text)
        if not 0 < len(text) <= MAX_HEADER_LEN or text.isdigit():
            return h, []  # a data row, not a second header row
        if t is None or t.colspan == 1:
            return h, []
        under_span = True
        names.append(text if is_known_header(text) else f"{normalise_header(t.text)}·{text}")
    if not under_span:
        return h, []
    r = h + 1
    raw_below = [normalise_header(t) for t in grid.texts(r)]
    for c, cell in enumerate(below):
        if cell is not None:  # a header cell of its own (the row's texts are the names)
            below[c] = GridCell(names[c], r, c, line=cell.line)
    warn.append(
        (
            _line(top),
            f"{_place(grid, h)}: a two-row header: columns {'/'.join(names)}".lstrip(": "),
        )
    )
    return r, [[normalise_header(t) for t in grid.texts(h)], raw_below]


def _heading_cell(row: Sequence[GridCell | None], run: list[int]) -> GridCell | None:
    """The cell of a sub-item heading row: one cell spanning all the progress columns."""
    if len(run) < 2:
        return None
    cells = {id(row[c]): row[c] for c in run if c < len(row) and row[c] is not None}
    if len(cells) != 1 or any(c >= len(row) or row[c] is None for c in run):
        return None
    return next(iter(cells.values()))


def _items_of(
    grid: Grid, rows: list[int], run: list[int]
) -> list[tuple[str | None, dict[int, list[str]]]]:
    """A task's items from its rows. A row whose one cell spans the progress columns opens a
    sub-item (its text is the heading; the rows below it, to the next such row, are the
    item's cells). Without such rows each row is an item, and when the task has several
    rows, the first paragraph of a row's first progress cell is that item's heading."""
    items: list[tuple[str | None, dict[int, list[str]]]] = []
    seen: set[int] = set()
    heads = {r: h for r in rows if (h := _heading_cell(grid.rows[r], run)) is not None}
    heads = {r: h for r, h in heads.items() if h.row == r}  # not a heading merged down
    for r in rows:
        row = grid.rows[r]
        if r in heads:
            seen.add(id(heads[r]))
            items.append((" ".join(_lines(heads[r])), {c: [] for c in run}))
            continue
        cells: dict[int, list[str]] = {}
        for c in run:
            cell = row[c] if c < len(row) else None
            if cell is None or id(cell) in seen:
                cells[c] = []  # merged down from an earlier sub-row: written there
                continue
            seen.add(id(cell))
            cells[c] = _lines(cell)
        if heads:
            if items and not any(items[-1][1].values()) and items[-1][0] is not None:
                items[-1] = (items[-1][0], cells)  # the content row under a heading row
            else:
                items.append((None, cells))
            continue
        heading = None
        if len(rows) > 1 and run and cells[run[0]]:
            heading, cells[run[0]] = cells[run[0]][0], cells[run[0]][1:]
        items.append((heading, cells))
    return items


_TOTAL_WORD = r"(?:合|小|总|總|共)[计計]"
_SUBTOTAL = re.compile(rf"^(?:全[市区县區縣])?{_TOTAL_WORD}")
# 合计:11大类56个项目 / 合计(56个) — the total word then what it counts, no sentence
_TOTAL_COUNTS = re.compile(rf"^{_TOTAL_WORD}[:：(（]?[^。;；,，]{{0,20}}$")
# 社保惠民5个项目合计 — a subtotal named by what it sums
_SUBTOTAL_END = re.compile(rf"^[^。;；,，]{{1,20}}{_TOTAL_WORD}$")


def _is_subtotal(texts: list[str], task_col: int | None) -> bool:
    """A total row: one of its cells up to the task column (its first filled cell, or the
    task cell) opens with 合计/小计/总计 — short, or followed by what it counts
    (合计:11大类56个项目) — or is a short name ending with one (社保惠民5个项目合计).
    Traditional 合計 alike."""
    end = (task_col if task_col is not None else 0) + 1
    first = next((t for t in texts if t), "")
    heads = [first, *(t for t in texts[:end] if t)]
    return any(
        (_SUBTOTAL.match(t) and (len(t) <= 8 or _TOTAL_COUNTS.match(t)))
        or _SUBTOTAL_END.match(t)
        for t in heads
    )


_MIN_PLACE_ROWS = 4
_PERIOD_HEADER_ROLES = frozenset(
    {ColumnRole.DONE, ColumnRole.ACTUAL, ColumnRole.DECLARED_STATUS, ColumnRole.OTHER}
)


def _period_from_header(headers: Sequence[str], meta: Meta) -> str | None:
    """For a page without a title: the period and year a progress column's header names
    (2031年9月进展情况, 1-9月完成投资 with the year in another header). Sets meta.year and
    meta.period; returns the warning to give, or None when no header names both."""
    year = next((y for t in headers if (y := parse_year(t)) is not None), None)
    for text in headers:
        if len(text) > 24 or header_role(text, True) not in _PERIOD_HEADER_ROLES:
            continue
        period = parse_period(header_key(text), year)  # 7月進展情況 read as written in 简体
        if period is None or year is None:
            continue
        meta.year, meta.period = year, period
        return (
            f"no title: period {period.label!r} and year {year} taken from the column header "
            f"{text!r}; check them"
        )
    return None



def _summary_by_place(grid: Grid, h: int, columns: list[Column]) -> str | None:
    """Why the table is a summary by place rather than a task list, or None. The rule: no
    column names tasks, and the first column's cells (after a serial) name places in at least
    four rows and most rows (吉首市, 泸溪县 … 高新区): figures per county, not tasks. A column
    whose header says 任务 but whose filled cells are mostly bare figures (计划任务数: 241, 3,
    2 …) counts tasks, it does not name them: it is not a task column here (issue 9, cause 7);
    nor is one whose cells mostly name places, the whole region among them (全省, 成都 …:
    PLACE COLUMN, :func:`~luoshi.ingest.text.matrix.place_cells`; fresh7 M14)."""
    from luoshi.ingest.text.matrix import (  # text/ imports this module
        figures_only,
        is_place,
        place_cells,
    )

    def names_tasks(k: int) -> bool:
        cells = [t[k] for r in range(h + 1, len(grid.rows)) if k < len(t := grid.texts(r))]
        # places with their whole (全省, 成都 …) under a task header label rows by place
        return not figures_only(cells) and not place_cells(cells, whole=True)

    if any(c.role is ColumnRole.TASK and names_tasks(k) for k, c in enumerate(columns)):
        return None
    first = next((k for k, c in enumerate(columns) if c.role is not ColumnRole.SERIAL), None)
    if first is None:
        return None
    cells = [
        normalise_header(t[first])
        for r in range(h + 1, len(grid.rows))
        if first < len(t := grid.texts(r)) and t[first]
    ]
    places = [c for c in cells if is_place(c)]
    if len(places) * 2 <= len(cells):
        places = place_cells(cells) or places  # bare names the gazetteer knows: 成都, 自贡 …
    if len(places) >= _MIN_PLACE_ROWS and len(places) * 2 > len(cells):
        return (
            f"a summary by place, one row per place ({'/'.join(places[:4])} …) under "
            f"{columns[first].header!r}, with no task column: not a task list; luoshi "
            "imports task lists (序号 / 任务 / 责任单位 / 进展)"
        )
    return None


# A status word is short: 已完成, 顺利推进, 达序推进, 未达序时.
_STATUS_LEN = 12
# A project's stage said in a word (已开工, 未开工, 基本建成) or a share done (85%, 100％).
_STAGE = re.compile(
    r"^(已|未|正在|基本|全面|尚未)?(开工|竣工|完工|建成|投用|投运|运营|开业|验收)$|^\d{1,3}(\.\d+)?[%％]$"
)


def _status_columns(
    grid: Grid, h: int, columns: list[Column], warnings: list[str]
) -> list[str]:
    """:func:`status_columns` for a Grid's body under header row ``h``."""

    def cells(i: int) -> list[str]:
        return [
            t
            for r in range(h + 1, len(grid.rows))
            if i < len(grid.rows[r]) and (t := normalise_header(grid.texts(r)[i]))
        ]

    return status_columns(columns, cells, warnings)


def status_columns(
    columns: list[Column], cells: Callable[[int], list[str]], warnings: list[str]
) -> list[str]:
    """Progress columns that hold only status words become declared status (``columns`` is
    changed in place); returns the warnings without the "several progress columns" one they
    made, with one saying which column was read so. ``cells(i)`` gives column i's filled cells.

    The rule, for every layout: when the header names more than one progress column
    (进展情况 and 完成情况, or 目标完成情况), a column whose filled cells are all short status
    words (已完成, 正在推进, 顺利推进, 达序推进, 已开工, 基本建成) or shares done (85%) is a
    declared status wherever it sits; the
    others keep the progress. Columns named by periods holding only grades are declared
    status too (PERIOD STATUS COLUMNS, :mod:`luoshi.ingest.period_status`). A progress column of sentences is never taken for a status,
    and a lone progress column stays progress whatever it holds."""
    # the text package imports this module; its cell shapes are asked for here only
    from luoshi.ingest.text.shapes import looks_like_status

    # PERIOD STATUS COLUMNS (luoshi.ingest.period_status): periods holding only grades
    warnings = [*warnings, *period_status_columns(columns, cells)]
    done = [i for i, c in enumerate(columns) if c.role is ColumnRole.DONE]
    if len(done) < 2:
        return warnings
    status: list[int] = []
    for i in done:
        filled = [t for t in cells(i) if t]
        if filled and all(
            len(t) <= _STATUS_LEN and (looks_like_status(t) or _STAGE.match(t)) for t in filled
        ):
            status.append(i)
    if not status or len(status) == len(done):
        return warnings
    for i in status:
        columns[i] = Column(header=columns[i].header, role=ColumnRole.DECLARED_STATUS)
    names = "/".join(columns[i].header for i in status)
    out = [w for w in warnings if not w.startswith("several progress columns")]
    out.append(f"column {names} holds only status words (推进, 完成 …): read as declared status")
    return out


def _line(row: Sequence[GridCell | None]) -> int | None:
    return next((c.line for c in row if c is not None and c.line is not None), None)


def document_from_grids(
    grids: Sequence[Grid],
    name: str,
    format: str,
    layout: str = "",
    warnings: Sequence[tuple[int | None, str]] = (),
) -> ParsedDocument:
    """The progress table(s) of a file as one document; tables after the first with the same
    columns continue it, others are reported in warnings."""
    warn: list[tuple[int | None, str]] = list(warnings)
    chosen: list[tuple[Grid, int]] = [(g, h) for g in grids if (h := _header_row(g)) is not None]
    if not chosen:
        where = "; ".join(g.where for g in grids if g.where) or "no table"
        raise IngestError(
            name,
            "no table with a recognisable header row (序号, 任务内容, 完成情况 …)",
            where=where,
        )
    # Summaries by place and vote tables are no task lists: skipped (said), refused when nothing else is left.
    summaries: list[tuple[Grid, str]] = []
    preamble: list[str] = []  # the title may stand above a skipped summary
    for g, gh in chosen:
        why = _summary_by_place(g, gh, columns_from_headers(g.texts(gh))[0])
        why = why or vote_table_reason(g.texts(gh))  # VOTE TABLE (headers.py)
        if why:
            summaries.append((g, why))
    if summaries:
        skipped = {id(g) for g, _ in summaries}
        for g, _ in chosen:
            preamble += g.preamble
            if id(g) not in skipped:
                break
        chosen = [(g, gh) for g, gh in chosen if id(g) not in skipped]
        if not chosen:
            raise IngestError(name, summaries[0][1], where=summaries[0][0].where)
        warn += [(None, f"{g.where}: {why}; not read".lstrip(": ")) for g, why in summaries]
    grid, h = chosen[0]
    # the header and the rows above it in the table (a two-row header's top row)
    header_texts = [t for r in range(h + 1) for t in grid.texts(r)]
    h, repeats = _two_level_header(grid, h, warn)
    columns, header_warnings = columns_from_headers(grid.texts(h))
    header_roles_read = [c.role for c in columns]
    header_warnings = _status_columns(grid, h, columns, header_warnings)
    header_warnings = grid_content_roles(grid, h, columns, header_warnings)
    header_warnings += rated_rows(grid, h, columns)  # RATED ROWS RULE (ratedrows.py)
    warn += [(None, f"{grid.where}: {w}".lstrip(": ")) for w in header_warnings]
    # (text layouts give Grids whose rows they aligned by content already)
    short_rows = format in PLACED_BY_ORDER
    tasks, notes = _tasks_of(grid, name, columns, h, warn, repeats, short_rows)
    for other, oh in chosen[1:]:
        oh, other_repeats = _two_level_header(other, oh, [])
        other_columns, _ = columns_from_headers(other.texts(oh))
        if [c.role for c in other_columns] in (header_roles_read, [c.role for c in columns]):
            more, more_notes = _tasks_of(
                other, name, columns, oh, warn, other_repeats, short_rows
            )
            tasks += more
            notes += [n for n in more_notes if n not in notes]
        else:
            warn.append((None, f"{other.where}: another table with different columns: not read"))
    # a cell merged over rows is one cell of text, counted once (read_meta counts place names)
    body = [c.text for c in _distinct([c for g, _ in chosen for row in g.rows for c in row])]
    meta, meta_warnings = read_meta(preamble or grid.preamble, body)
    if meta.period is None and not meta.title:
        said = _period_from_header([*header_texts, *(c.header for c in columns)], meta)
        if said:
            meta_warnings = [w for w in meta_warnings if not w.startswith("no title found")]
            meta_warnings.append(said)
    meta.notes += notes
    doc = ParsedDocument(
        meta=meta,
        columns=columns,
        tasks=tasks,
        source_name=name,
        format=format,
        layout=layout or "grid",
    )
    for line, message in [(None, w) for w in meta_warnings] + warn:
        doc.warn(line, message)
    # one warning per repeated serial, at its second row (a serial copied to the rows of a
    # merged cell repeats by design: the rule that copied it said so)
    seen: dict[str, list[Task]] = {}
    for t in tasks:
        seen.setdefault(t.serial, []).append(t)
    for serial, same in seen.items():
        if len(same) > 1:
            more = "both rows" if len(same) == 2 else f"all {len(same)} rows"
            doc.warn(same[1].line_start, f"serial {serial} appears more than once; {more} kept")
    return doc
