"""The **pipe-cells** layout: a pipe table flattened one cell per line, each cell closed by
``|``::

    序号 |
    项目内容 |
    责任单位 |
    进展情况 |
    1 |
    新建公园3个。 |
    市建设局 |
    已建成2个,         (a cell running over lines: closed by the line ending in |)
    第3个在建。 |
    2 |
    …

Rules, true of any such page: the header is the first run of three or more closed cells that
are header words, most of them known columns (or of two, the task column then another known
one) (a header word split over two cells, 责任 |
单位 |, is joined when the join is a known column), opening with 序号, a category or the task
column; after it, a row opens at a cell holding the next serial (or 1 after a group row;
or, right after the header, any serial the later ones count on from: a page or an excerpt
may start mid-table at 24, 25, …, while 145, 249 is a selection of rows) — or, in a table
without serials, every header-width cells, since each cell is marked by its
bar; the cells up to the next row are the row's pieces (rows wider than the header cut a header cell
holding two glued names, :func:`~luoshi.ingest.headerwords.unglue_header`),
aligned to the columns by content (:mod:`luoshi.ingest.text.align`), so an empty or merged
cell the page left out does not shift the rest — except a row of exactly as many filled
cells as columns, every cell bordered, which is read by position (no cell was left out); a lone cell between rows that reads as a
group (一、…) is a group row. Lines holding only bars (``|``, ``||||||``) that cut the cells
after the header into runs as wide as the header are the rows' borders, not empty cells
(ROW BORDERS, :func:`_row_borders`; text no bar closes after the last row is the page's text
after the table). A 序号 column holding Chinese numerals (一, 二) over
projects numbered (一), (二) in their task cells numbers groups, not rows (GROUP SERIALS,
:mod:`luoshi.ingest.text.pipegroupserial`). The result is a Grid, read like any table.
"""

from __future__ import annotations

import re

from luoshi.ingest.grid import Grid
from luoshi.ingest.headers import header_roles, normalise_header
from luoshi.ingest.headerwords import unglue_header, ungroup_header
from luoshi.ingest.text.cellheader import NOT_A_HEADER, join_split_headers
from luoshi.ingest.text.pipegroups import numbered_grid_rows
from luoshi.ingest.text.pipegroupserial import group_serial_rows
from luoshi.ingest.text.shapes import ROW_SERIAL, is_group, joined_serials
from luoshi.ingest.text.spacerows import rows_from_pieces
from luoshi.vocab import ColumnRole

PIPE_CELLS_LAYOUT = "pipe-cells"
_SERIAL = re.compile(r"^(\d{1,3})[.、．]?$")  # not a header cell, not a category
_ROW_SERIAL = re.compile(rf"^({ROW_SERIAL})[.、．]?$")  # opens a row when it counts on
_MAX_HEADER_LEN = 24
_MAX_FIRST_LEN = 10  # longer, a closed cell is a title naming a column, not the first header
_MAX_HEADER_CELLS = 16
_SENTENCE = "。;；,，!?！？"
_MIN_CLOSED_SHARE = 0.5


def _cells(lines: list[str]) -> list[tuple[int, str, bool]]:
    """(first line, text, closed) of each cell: text up to a closing |; lines without it
    continue the cell. Several | on a line close several cells (empty ones between)."""
    out: list[tuple[int, str, bool]] = []
    buf: list[str] = []
    start = 0
    for i, raw in enumerate(lines):
        s = raw.strip()
        if not s:
            continue
        if not buf:
            start = i + 1
        if s.endswith("|"):
            parts = s.split("|")[:-1]
            buf.append(parts[0].strip())
            out.append((start, "\n".join(b for b in buf if b), True))
            out += [(i + 1, p.strip(), True) for p in parts[1:]]
            buf = []
        else:
            buf.append(s)
    if buf:
        out.append((start, "\n".join(buf), False))
    return out


def looks_like_pipe_cells(lines: list[str]) -> bool:
    filled = [s.strip() for s in lines if s.strip()]
    closed = sum(1 for s in filled if s.endswith("|") and s.count("|") == 1 and len(s) > 1)
    return len(filled) >= 6 and closed >= _MIN_CLOSED_SHARE * len(filled)


def _is_header_cell(text: str) -> bool:
    h = normalise_header(text)
    return (
        0 < len(h) <= _MAX_HEADER_LEN
        and not any(c in h for c in _SENTENCE)
        and not _SERIAL.match(h)
        and not is_group(text)
        and not NOT_A_HEADER.search(h)
    )


def _header(cells: list[tuple[int, str, bool]]) -> tuple[int, int, list[str]] | None:
    """(start, end, words as written) of the header run of cells: the first run of short header-like
    cells (no sentence punctuation, not a serial or a group row), their split words joined
    where the join names a column (:func:`join_split_headers`), unknown words at the run's
    end left out (the first row's short cells), that names three or more columns, most of
    them known, the first of them 序号 or among them a task column."""
    for a in range(len(cells)):
        # text above the table runs into the first cell (it has no closing |): its last line
        first = cells[a][1].split("\n")[-1]
        if len(normalise_header(first)) > _MAX_FIRST_LEN or not _is_header_cell(first):
            continue
        texts = [first]
        b = a + 1
        while b < len(cells) and len(texts) < _MAX_HEADER_CELLS and _is_header_cell(cells[b][1]):
            texts.append(cells[b][1])
            b += 1
        joined = join_split_headers(texts)
        roles = header_roles(w for w, _ in joined)
        if roles[0] is ColumnRole.OTHER:
            continue
        while joined and roles[-1] is ColumnRole.OTHER:
            joined.pop()
            roles.pop()
        known = sum(1 for r in roles if r is not ColumnRole.OTHER)
        first_ok = roles[0] in (ColumnRole.SERIAL, ColumnRole.CATEGORY, ColumnRole.TASK)
        if (
            (len(joined) >= 3 or _two_column_header(roles))
            and known * 2 > len(joined)
            and first_ok
            and (roles[0] is ColumnRole.SERIAL or ColumnRole.TASK in roles)
        ):
            used = sum(n for _, n in joined)
            return a, a + used, [w for w, _ in joined]  # as written: lines kept
    return None


def _two_column_header(roles: list[ColumnRole]) -> bool:
    """Two header cells name a table only when both are known, the task column first (项目
    名称 | 进展情况 |, 重点任务 | 责任单位 |): two words alone are a weak sign."""
    return (
        len(roles) == 2
        and roles[0] is ColumnRole.TASK
        and roles[1] not in (ColumnRole.OTHER, ColumnRole.TASK, ColumnRole.SERIAL)
    )


_BORDER_NOTE = (
    "lines of bars only stand between the rows, each run between them as wide as the header: "
    "read as the rows' borders, not empty cells (the alternative: empty cells)"
)


def _row_borders(
    lines: list[str], cells: list[tuple[int, str, bool]], b: int, width: int
) -> list[list[tuple[int, str, bool]]] | None:
    """ROW BORDERS, true of any one-cell-per-line table: a line holding only bars (``|``,
    ``||||||``) closes empty cells, or draws the line between two rows. When such lines cut
    the cells after the header (``cells[b:]``) into runs all as wide as the header — two or
    more — but for lone cells (a group or title row) and the last run (which may be cut off),
    they are the rows' borders: the runs of cells between them (a lone cell is a row of one
    cell, a group or title). Else None (a lone ``|`` inside a row is that row's empty
    cell)."""
    bars = {i + 1 for i, t in enumerate(lines) if t.strip() and not t.replace("|", "").strip()}
    if not bars:
        return None
    runs: list[list[tuple[int, str, bool]]] = [[]]
    for cell in cells[b:]:
        if cell[0] in bars and not cell[1]:
            runs.append([])
        else:
            runs[-1].append(cell)
    runs = [r for r in runs if r]
    if runs and len(runs[-1]) == width + 1 and not runs[-1][-1][2]:
        # the last row's cells all closed by their bars, then text no bar closes: the
        # page's text after the table, not a cell (a row cut off is shorter, never longer)
        runs[-1].pop()
    full = sum(1 for r in runs if len(r) == width)
    if full < 2 or any(len(r) not in (1, width) for r in runs[:-1]) or len(runs[-1]) > width:
        return None
    return runs


def _rows_by_count(cells: list[tuple[int, str, bool]], start: int, width: int) -> list:
    """Rows of a table without serials: every row has all its cells marked, so a row is the
    next ``width`` cells; a lone cell reading as a group row (一、…) at a row's start is one."""
    raw: list = []
    k = start
    while k < len(cells):
        line, text, _ = cells[k]
        if is_group(text):
            raw.append(("group", line, text))
            k += 1
            continue
        raw.append(("row", line, [(ln, t) for ln, t, _ in cells[k : k + width]]))
        k += width
    return raw


def _category_before(raw: list, pending: list, width: int, line: int) -> tuple[int, str]:
    """The category cell of a row opening now: the cell just before its serial when the row
    above already has all its own cells (or before the first row), else "" (merged from above,
    carried down by the grid layout)."""
    before = raw[-1][2] if raw and raw[-1][0] == "row" else pending
    own = width if raw and raw[-1][0] == "row" else 0
    if before and len(before) > own and not _SERIAL.match(before[-1][1]):
        last = before[-1][1]
        if len(last) <= 24 and not any(c in last for c in _SENTENCE):
            return before.pop()
    return (line, "")


def _counts_on(cells: list[tuple[int, str, bool]], k: int) -> bool:
    """Whether a later cell holds the serial after the one in cell ``k`` (24 → 25): rows
    numbered from there on, not a selection of rows (145, 249) to be cut by width."""
    m = _ROW_SERIAL.match(cells[k][1])
    if m is None:
        return False
    nxt = str(int(m.group(1)) + 1)
    return any((n := _ROW_SERIAL.match(c[1])) and n.group(1) == nxt for c in cells[k + 1 :])


def _increasing_serials(raw: list) -> bool:
    """Whether every row's first cell is a serial (or two joined: 36,37) above the row
    before's: a numbered table whose numbers skip, not a table without serials."""
    last = 0
    for kind, _, cells in raw:
        if kind != "row":
            continue
        text = cells[0][1] if cells else ""
        m = _ROW_SERIAL.match(text)
        pair = joined_serials(text)
        first = int(m.group(1)) if m else pair[0] if pair else None
        if first is None or first <= last:
            return False
        last = pair[1] if pair else first
    return last > 0


def pipe_cells_grid(
    lines: list[str], ends_newline: bool
) -> tuple[Grid, list[tuple[int | None, str]]] | None:
    """The Grid of a one-cell-per-line pipe table, or None when no header is found."""
    cells = _cells(lines)
    found = _header(cells)
    if found is None:
        return None
    a, b, written = found
    words = [normalise_header(w) for w in written]
    header_line = cells[a][0] + cells[a][1].count("\n")
    roles = header_roles(words)
    border_warnings: list[tuple[int | None, str]] = []
    runs = _row_borders(lines, cells, b, len(words))
    if runs is not None:
        cells = cells[:b] + [c for run in runs for c in run]
        border_warnings = [(cells[b][0], _BORDER_NOTE)]
    grouped: list[tuple[int | None, str]] = []
    if (by_groups := group_serial_rows(cells, b, words, roles, header_line, grouped)) is not None:
        # the 序号 column numbers groups; the rows are numbered inside the task cells
        preamble = [s.strip() for s in lines[: header_line - 1] if s.strip()]
        return Grid(rows=by_groups, preamble=preamble), border_warnings + grouped
    if roles[0] is not ColumnRole.SERIAL and roles[:2] != [ColumnRole.CATEGORY, ColumnRole.SERIAL]:
        # no 序号 column: rows by the numbers their task cells open with, when they have them
        warnings_n: list[tuple[int | None, str]] = []
        numbered = numbered_grid_rows(cells, b, written, header_line, warnings_n)
        if numbered is not None and len(numbered[1]) > 2:
            preamble = [s.strip() for s in lines[: header_line - 1] if s.strip()]
            return Grid(rows=numbered[1], preamble=preamble), border_warnings + warnings_n
    raw: list = []
    prev = 0
    k = b
    # a category column before 序号: the category cell, given on a group's first row only,
    # stands before that row's serial (after the row above's own cells)
    category_first = roles[:2] == [ColumnRole.CATEGORY, ColumnRole.SERIAL]
    pending: list[tuple[int, str]] = []  # cells after the header, before the first row
    while k < len(cells) and (roles[0] is ColumnRole.SERIAL or category_first):
        line, text, _ = cells[k]
        if (
            normalise_header(text) == words[0]
            and [normalise_header(c[1]) for c in cells[k : k + len(words)]] == words
        ):
            k += len(words)  # the header repeated at a page break; numbering goes on
            continue
        m = _ROW_SERIAL.match(text)
        # the first row may hold any serial when it opens right after the header and the
        # serials after it count on from it: a page (or an excerpt) starting mid-table
        first = not raw and not pending and k == b and m is not None and _counts_on(cells, k)
        if m and (int(m.group(1)) == prev + 1 or (int(m.group(1)) == 1 and prev != 0) or first):
            prev = int(m.group(1))
            opening = [(line, text)]
            if category_first:
                opening.insert(0, _category_before(raw, pending, len(words), line))
            raw.append(("row", line, opening))
        elif is_group(text) and (not raw or raw[-1][0] == "group" or len(raw[-1][2]) > 1):
            raw.append(("group", line, text))
        elif raw and raw[-1][0] == "row":
            raw[-1][2].append((line, text))
        elif not raw:
            pending.append((line, text))
        k += 1
    how = "by their serials"
    glued = False
    widths = [len(r[2]) for r in raw[:-1] if r[0] == "row"]  # the last may be cut off
    usual = max(set(widths), key=widths.count) if widths else 0  # the rows' usual width
    if widths and (unglued := unglue_header(words, usual)):
        # rows wider than the header: a header cell held two glued names (当前进度牵头单位)
        words, roles = unglued, header_roles(unglued)
        glued = True
    elif widths and (grouped := ungroup_header(words, usual)):
        # rows one cell short of the header: a top word spanning sub-words (GROUPING HEADER)
        words, roles = grouped[0], header_roles(grouped[0])
        border_warnings.append((header_line, grouped[1]))
    if not any(r[0] == "row" for r in raw) and runs is not None:
        # a lone cell between borders is a row of one cell: a group or the table's title
        raw = [
            ("group", run[0][0], run[0][1])
            if len(run) == 1 and run is not runs[-1]
            else ("row", run[0][0], [(ln, t) for ln, t, _ in run])
            for run in runs
        ]
    elif not any(r[0] == "row" for r in raw):
        raw = _rows_by_count(cells, b, len(words))
        how = f"every {len(words)} cells (the table has no serials)"
        if roles[0] is ColumnRole.SERIAL and _increasing_serials(raw):
            # the rows' first cells are serials that do not start at 1 or count on one by
            # one (22, 24, 30): a selection of a report's numbered tasks, cut by width
            how = f"every {len(words)} cells (serials not counting on one by one: a selection)"
    warnings: list[tuple[int | None, str]] = [
        (
            header_line,
            f"a pipe table flattened one cell per line: rows found {how}, cells "
            "aligned to the columns by what they look like; check the result",
        )
    ]
    if glued:
        warnings.append((header_line, f"header cells glued together, cut: {'/'.join(words)}"))
    warnings += border_warnings
    rows = rows_from_pieces(words, roles, raw, header_line, ends_newline, warnings, marked=True)
    if len(rows) < 2:
        return None
    preamble = [s.strip() for s in lines[: header_line - 1] if s.strip()]
    return Grid(rows=rows, preamble=preamble), warnings
