"""XLSX reader: each sheet's table as an expanded Grid (merged ranges -> one GridCell).

Rows above the table that hold at most one distinct value (a title merged across, metadata
lines) are the preamble; trailing rows of that kind (notes) are dropped. Numbers are text as a
person reads them (12, not 12.0); dates are ISO. Of several sheets, the ones with a progress
table are kept (see ``choose``).
"""

from __future__ import annotations

import io
import zipfile
from datetime import date, datetime, time

from luoshi.ingest.errors import IngestError
from luoshi.ingest.formats.cells import GridBuilder, clean_text
from luoshi.ingest.formats.choose import progress_tables
from luoshi.ingest.formats.sniff import CFB_SIGNATURE
from luoshi.ingest.grid import Grid
from luoshi.ingest.safezip import used_area


def value_text(value: object) -> str:
    """A cell value as text: 12.0 -> "12", 0.5 -> "0.5", dates ISO, strings cleaned."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, float):
        if value.is_integer() and abs(value) < 1e15:
            return str(int(value))
        return repr(value)
    if isinstance(value, int):
        return str(value)
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time(0) else value.isoformat(sep=" ")
    if isinstance(value, date | time):
        return value.isoformat()
    return clean_text(str(value))


def _sheet_grid(ws, index: int) -> Grid | None:
    # The used area's texts from the cells the sheet holds: ws.iter_rows would first make a
    # cell object for every empty position (half the time of a sheet with one far cell).
    area = used_area(ws)
    rows, cols = area["max_row"], area["max_col"]
    values = [[""] * cols for _ in range(rows)]
    for (r, c), cell in ws._cells.items():
        if r <= rows and c <= cols:
            values[r - 1][c - 1] = value_text(cell.value)
    if not values:
        return None
    merges = [
        (m.min_row - 1, m.min_col - 1, m.max_row - m.min_row + 1, m.max_col - m.min_col + 1)
        for m in ws.merged_cells.ranges
    ]
    # Trim empty trailing columns.
    width = 0
    for row in values:
        for c in range(len(row) - 1, -1, -1):
            if row[c]:
                width = max(width, c + 1)
                break
    spans = [
        c + cs
        for r, c, _, cs in merges
        if r < len(values) and c < len(values[r]) and values[r][c]
    ]
    width = max([width, *spans])
    return _split_preamble(merged_grid(values, merges, width, f"sheet {ws.title!r}"))


def merged_grid(
    values: list[list[str]], merges: list[tuple[int, int, int, int]], width: int, where: str
) -> Grid:
    """A sheet's cell texts as a Grid ``width`` columns wide, each merged range
    (row, col, rowspan, colspan) one GridCell placed at its top-left (shared by .xlsx and .xls)."""
    top_left = {(r, c): (rs, cs) for r, c, rs, cs in merges}
    covered = {
        (rr, cc)
        for r, c, rs, cs in merges
        for rr in range(r, r + rs)
        for cc in range(c, c + cs)
        if (rr, cc) != (r, c)
    }
    b = GridBuilder()
    for r, row in enumerate(values):
        b._ensure(r, max(width - 1, 0))
        for c in range(width):
            if (r, c) in covered:
                continue
            rs, cs = top_left.get((r, c), (1, 1))
            b.place(r, c, row[c] if c < len(row) else "", rs, cs, line=r + 1)
    return b.grid(where=where)


def _distinct_values(row) -> int:
    seen = {id(c) for c in row if c is not None and c.text}
    return len(seen)


def _split_preamble(grid: Grid) -> Grid | None:
    rows = grid.rows
    first = next((i for i, r in enumerate(rows) if _distinct_values(r) >= 2), None)
    if first is None:
        return None
    last = max(i for i, r in enumerate(rows) if _distinct_values(r) >= 2)
    preamble = []
    for r in rows[:first]:
        for cell in dict.fromkeys(c for c in r if c is not None and c.text and c.row < first):
            preamble.extend(cell.text.split("\n"))
    body = rows[first : last + 1]
    seen: set[int] = set()
    for row in body:
        for cell in row:
            if cell is not None and id(cell) not in seen:
                seen.add(id(cell))
                cell.row -= first
                if cell.row < 0:  # a merge reaching up into the preamble
                    cell.rowspan += cell.row
                    cell.row = 0
                cell.rowspan = min(cell.rowspan, len(body) - cell.row)
    return Grid(rows=body, where=grid.where, preamble=preamble)


def read_xlsx_grids(data: bytes, *, name: str = "") -> list[Grid]:
    """The progress tables of an Excel .xlsx workbook. Raises IngestError for an encrypted or
    old .xls file, a corrupt archive, or a workbook without a table."""
    if data.startswith(CFB_SIGNATURE):
        raise IngestError(
            name,
            "not an .xlsx archive: an OLE2 file, so encrypted (password-protected) "
            "or old .xls; remove the password or save as .xlsx",
        )
    import openpyxl  # deferred: importing it costs ~0.3 s

    try:
        zipfile.ZipFile(io.BytesIO(data)).testzip()
        wb = openpyxl.load_workbook(io.BytesIO(data), data_only=True)
    except MemoryError:
        raise
    except Exception as exc:  # openpyxl raises many types on a damaged workbook (Overflow, Index…)
        raise IngestError(name, f"corrupt .xlsx (damaged or truncated archive): {exc}") from exc
    grids = []
    for i, ws in enumerate(wb.worksheets):
        g = _sheet_grid(ws, i + 1)
        if g is not None and g.rows:
            grids.append(g)
    wb.close()
    if not grids:
        raise IngestError(
            name, "no table in the workbook: every sheet is empty or holds single values"
        )
    return progress_tables(grids)
