"""Building an expanded Grid from cells placed with spans, and the one rule for cell text.

Every structured reader (HTML, DOCX, XLSX, PDF, CSV) places its cells through ``GridBuilder`` so
the Grid contract (a merged cell is the same ``GridCell`` object at every position it covers)
holds the same way for all of them.
"""

from __future__ import annotations

from collections.abc import Iterable

from luoshi.ingest.budgets import charge_cells
from luoshi.ingest.grid import Grid, GridCell


def clean_lines(lines: Iterable[str]) -> str:
    """A cell's text: its lines, each stripped, blank lines dropped, joined with "\\n"."""
    out = []
    for line in lines:
        s = line.strip()
        if s:
            out.append(s)
    return "\n".join(out)


def clean_text(text: str) -> str:
    return clean_lines(text.splitlines())


class GridBuilder:
    """An expanded grid being filled row by row, in HTML table order or at absolute places."""

    def __init__(self) -> None:
        self.rows: list[list[GridCell | None]] = []
        self.html_height: int | None = None  # rows opened by add_html_row

    def _ensure(self, row: int, col: int) -> None:
        while len(self.rows) <= row:
            self.rows.append([])
        r = self.rows[row]
        if len(r) <= col:
            charge_cells(col + 1 - len(r))  # before allocating: a span may claim millions
            r.extend([None] * (col + 1 - len(r)))

    def place(
        self,
        row: int,
        col: int,
        text: str,
        rowspan: int = 1,
        colspan: int = 1,
        line: int | None = None,
    ) -> GridCell:
        """Put a cell with its top-left at (row, col), covering rowspan x colspan positions."""
        cell = GridCell(text=text, row=row, col=col, rowspan=rowspan, colspan=colspan, line=line)
        for r in range(row, row + rowspan):
            self._ensure(r, col + colspan - 1)
            for c in range(col, col + colspan):
                if self.rows[r][c] is None:  # overlapping spans (bad HTML): first one wins
                    self.rows[r][c] = cell
        return cell

    def add_html_row(self, cells: Iterable[tuple[str, int, int, int | None]]) -> None:
        """Append one row of (text, rowspan, colspan, line) the way HTML lays out <td>s:
        each cell goes to the first column not already taken by a rowspan from above."""
        row = self.html_height or 0
        self.html_height = row + 1
        self._ensure(row, 0)
        col = 0
        for text, rowspan, colspan, line in cells:
            cur = self.rows[row]
            while col < len(cur) and cur[col] is not None:
                col += 1
            self.place(row, col, text, max(1, rowspan), max(1, colspan), line)
            col += max(1, colspan)

    def extend_down(self, row: int, col: int) -> GridCell | None:
        """Word's vMerge="continue": the cell above (row-1, col) now also covers (row, col..)."""
        above = self.rows[row - 1][col] if row > 0 and col < len(self.rows[row - 1]) else None
        if above is None:
            return None
        bottom = above.row + above.rowspan - 1
        if bottom == row - 1:
            above.rowspan += 1
        self._ensure(row, above.col + above.colspan - 1)
        for c in range(above.col, above.col + above.colspan):
            if self.rows[row][c] is None:
                self.rows[row][c] = above
        return above

    def grid(self, where: str = "", preamble: list[str] | None = None) -> Grid:
        """The finished grid, rows padded with None to the full width. Rows that exist only
        because an HTML rowspan reached past the last row are dropped and the span clipped."""
        if self.html_height is not None:
            del self.rows[self.html_height :]
        width = max((len(r) for r in self.rows), default=0)
        for r in self.rows:
            if len(r) < width:
                charge_cells(width - len(r))
                r.extend([None] * (width - len(r)))
        height = len(self.rows)
        for r in self.rows:
            for c in r:
                if c is not None and c.row + c.rowspan > height:
                    c.rowspan = height - c.row
        return Grid(rows=self.rows, where=where, preamble=list(preamble or []))
