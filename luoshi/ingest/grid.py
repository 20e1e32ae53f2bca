"""A table as a grid of cells, the common form every structured reader (HTML, DOCX, XLSX, PDF,
pipe text) produces before layout detection turns it into a ParsedDocument.

The grid is *expanded*: a merged cell (rowspan/colspan, Word vMerge/gridSpan, Excel merged
range) appears at every position it covers, as the same ``GridCell`` object, so a consumer
can both read each row whole and tell that cells are shared (e.g. a task's serial, text and
units spanning the sub-rows of its sub-items).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from luoshi.ingest.budgets import charge_cells


@dataclass(eq=False)  # identity matters: one object per merged cell
class GridCell:
    text: str  # lines each stripped, blank lines dropped, joined with "\n"
    row: int  # top-left position in the expanded grid, 0-based
    col: int
    rowspan: int = 1
    colspan: int = 1
    line: int | None = None  # 1-based source line where the cell starts, when the format has lines

    def __post_init__(self) -> None:
        charge_cells(1)  # the document's cell budget (luoshi.ingest.budgets)


@dataclass
class Grid:
    rows: list[list[GridCell | None]]  # None where a ragged row has no cell
    where: str = ""  # which table of the source: "table 2", "sheet 'Sheet1'", "page 3" …
    # Paragraphs before the table (title, metadata block), for the metadata reader.
    preamble: list[str] = field(default_factory=list)

    @property
    def width(self) -> int:
        return max((len(r) for r in self.rows), default=0)

    def texts(self, row: int) -> list[str]:
        return [c.text if c is not None else "" for c in self.rows[row]]
