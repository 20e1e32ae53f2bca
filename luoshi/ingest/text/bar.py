"""The bar layout, read as a Grid (then the shared grid layout): each cell followed by a line
holding only ``|``; a cell may hold several paragraphs. The header opens with 序号, or without
serials with the task column followed by another known column. Under a 序号 header rows are
found by their serials and a row short of cells aligned by content (SHORT ROW RULE,
text/align.py); otherwise rows are as wide as the header. A lone cell between rows (a row
whose next cell is a serial) is a group row.
"""

from __future__ import annotations

from luoshi.ingest.grid import Grid, GridCell
from luoshi.ingest.headers import header_roles, is_known_header, normalise_header
from luoshi.ingest.text.pipe import MAX_HEADER_LEN, SERIAL_CELL
from luoshi.ingest.text.shapes import is_group
from luoshi.vocab import ColumnRole

BAR_LAYOUT = "bar"


def is_bar_line(line: str) -> bool:
    return line.strip() == "|"


def looks_like_bar(lines: list[str]) -> bool:
    return sum(1 for line in lines if is_bar_line(line)) >= 3


def bar_cells(lines: list[str]) -> list[tuple[int, str]]:
    """(first line, text) of each cell of the bar layout; text before the first bar is one
    cell per paragraph (it holds the preamble)."""
    cells: list[tuple[int, str]] = []
    buf: list[str] = []
    start = 0
    for i, line in enumerate(lines):
        if is_bar_line(line):
            cells.append((start + 1, "\n".join(buf)))
            buf = []
            continue
        if line.strip():
            if not buf:
                start = i
            buf.append(line.strip())
    if buf:
        cells.append((start + 1, "\n".join(buf)))
    return cells


def _two_column_start(cells: list[tuple[int, str]]) -> int | None:
    """Where a header without 序号 starts in the bar layout: a cell (its last line) naming
    the task column followed by a cell naming another known column (项目名称 / 进展情况)."""
    for k in range(len(cells) - 1):
        first = cells[k][1].split("\n")[-1]
        nxt = cells[k + 1][1]
        if len(normalise_header(first)) > MAX_HEADER_LEN or not is_known_header(nxt):
            continue
        if k and is_known_header(cells[k - 1][1].split("\n")[-1]):
            continue  # not the header's first cell (序號 before it, in any script)
        roles = header_roles([first, nxt])
        if roles[0] is ColumnRole.TASK and roles[1] not in (ColumnRole.OTHER, ColumnRole.TASK):
            return k
    return None


def bar_grid(lines: list[str]) -> tuple[Grid, list[tuple[int | None, str]]] | None:
    """The Grid of the bar layout, or None when no header cell run is found."""
    warnings: list[tuple[int | None, str]] = []
    cells = bar_cells(lines)
    start = None
    for k, (_, text) in enumerate(cells):
        # the preamble cell may end with the 序号 paragraph
        if normalise_header(text.split("\n")[-1]) == "序号":
            start = k
            break
    if start is None:
        start = _two_column_start(cells)
    if start is None:
        return None
    first_line, first_text = cells[start]
    pre_lines, _, head = first_text.rpartition("\n")
    preamble = [s for s in pre_lines.split("\n") if s]
    cells[start] = (first_line + len(preamble), head)
    width = 1
    while start + width < len(cells) and (
        is_known_header(cells[start + width][1])
        and len(normalise_header(cells[start + width][1])) <= MAX_HEADER_LEN
    ):
        width += 1
    by_serials = _rows_by_serials(cells, start, width, warnings)
    if by_serials is not None:
        return Grid(rows=by_serials, preamble=preamble), warnings
    rows: list[list[GridCell | None]] = []
    k = start
    while k < len(cells):
        chunk = cells[k : k + width]
        r = len(rows)
        if r and not SERIAL_CELL.match(chunk[0][1]) and len(chunk) > 1 and SERIAL_CELL.match(chunk[1][1]):
            rows.append([GridCell(chunk[0][1], r, 0, line=chunk[0][0])] + [None] * (width - 1))
            k += 1
            continue
        row: list[GridCell | None] = [GridCell(t, r, c, line=ln) for c, (ln, t) in enumerate(chunk)]
        if r and len(chunk) < width:
            warnings.append(
                (
                    chunk[0][0],
                    f"row {chunk[0][1]} ends before its last {width - len(chunk)} cell(s): "
                    "the table may be cut off here",
                )
            )
        row += [None] * (width - len(row))
        rows.append(row)
        k += width
    return Grid(rows=rows, preamble=preamble), warnings


def _rows_by_serials(
    cells: list[tuple[int, str]], start: int, width: int, warnings: list
) -> list[list[GridCell | None]] | None:
    """SHORT ROW RULE (text/align.py) in the bar layout: under a header opening with 序号, a
    row opens at the cell holding the next serial (or 1 after a group row), so a row short
    of a cell (merged over rows, left out) does not shift the rows after it; its cells are
    aligned by content like pipe cells' (``rows_from_pieces``, every cell bordered), a lone
    cell between rows is a group row. None when the header has no 序号 first or the serials
    do not count on (rows are then as wide as the header)."""
    from luoshi.ingest.text.spacerows import rows_from_pieces  # (spacerows imports pipe)

    words = [normalise_header(t) for _, t in cells[start : start + width]]
    roles = header_roles(words)
    if not roles or roles[0] is not ColumnRole.SERIAL:
        return None
    raw: list = []
    prev = 0
    for line, text in cells[start + width :]:
        number = int(text.rstrip(".、．")) if SERIAL_CELL.match(text) else None
        if number is not None and (number == prev + 1 or (number == 1 and prev)):
            prev = number
            raw.append(("row", line, [(line, text)]))
        elif raw and raw[-1][0] == "row" and len(raw[-1][2]) >= width and is_group(text):
            raw.append(("group", line, text))  # a lone 一、… cell after a full row
        elif raw and raw[-1][0] == "row" and len(raw[-1][2]) < width + width // 2:
            raw[-1][2].append((line, text))
        elif raw and raw[-1][0] == "row":
            return None  # a row far wider than the header: serials that do not count on
        else:
            raw.append(("group", line, text))
    rows = [r for r in raw if r[0] == "row"]
    if len(rows) < 2 or all(len(r[2]) == width for r in rows):
        return None  # every row as wide as the header: read by position as before
    header_line = cells[start][0]
    return rows_from_pieces(words, roles, raw, header_line, True, warnings, marked=True)
