"""SHORT ROW RULE (:mod:`luoshi.ingest.text.align`) for the structured formats whose rows give
their cells in order, not in place (HTML, DOCX: ``gridlayout.PLACED_BY_ORDER``).

A body row with no cell at all under the header's last columns (fewer ``<td>``/``<w:tc>``
than the header, and no cell merged down from above there) gave its cells in order: they are
aligned by content to the positions not taken by a cell merged from above; a spanned column
(序号, 类别, 牵头单位, 责任领导) left empty gets the cell above — a copy, so the row stays a
task of its own — with one warning naming the rows. Formats that place every cell (XLSX, and
the text layouts, which align their own rows) have no such rows.
"""

from __future__ import annotations

from collections.abc import Callable

from luoshi.ingest.grid import Grid, GridCell
from luoshi.ingest.text.align import align, carry_spanned
from luoshi.vocab import ColumnRole


def align_short_rows(
    grid: Grid,
    h: int,
    roles: list[ColumnRole],
    warn: list[tuple[int | None, str]],
    is_total: Callable[[list[str]], bool],
) -> None:
    """The body rows under header row ``h`` short of cells, aligned and carried (module
    docstring); ``grid`` is changed in place. ``is_total``: a total row (合计 …), whose short
    width says nothing of merged cells."""
    width = len(roles)
    short: list[int] = []
    for r in range(h + 1, len(grid.rows)):
        row = grid.rows[r]
        if len(row) < width:
            row.extend([None] * (width - len(row)))
        if row[width - 1] is not None:
            continue
        free = [c for c in range(width) if row[c] is None or row[c].row == r]
        own = list({id(cell): cell for c in free if (cell := row[c]) is not None}.values())
        if len(own) < 2 or len(own) >= len(free) or is_total(grid.texts(r)):
            continue  # a group row (one cell), a row whose cells fill it, a total row
        taken = align([c.text for c in own], [roles[c] for c in free], bordered=True)
        if any(len(idx) > 1 for idx in taken):
            continue  # two cells in one column: the alignment cannot stand for the row
        for c, idx in zip(free, taken, strict=True):
            row[c] = own[idx[0]] if idx else None
        short.append(r)
    if not short:
        return
    carried = carry_spanned(grid.rows, short, roles, grid.texts(h), header=h)
    first = grid.rows[short[0]]
    line = next((c.line for c in first if isinstance(c, GridCell) and c.line), None)
    where = f"{grid.where}, row {short[0] + 1}".lstrip(", ")
    warn.append(
        (
            line,
            f"{where}: {len(short)} row(s) have fewer cells than the header: aligned by "
            "content, not by position" + (f"; {carried}" if carried else ""),
        )
    )
