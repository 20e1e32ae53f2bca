"""Which of the tables in a file is the progress table: the one whose header row names
columns we know (序号, 任务内容, 完成情况 …), by the same header rules as everywhere else."""

from __future__ import annotations

from luoshi.ingest.grid import Grid
from luoshi.ingest.headers import is_known_header, normalise_header

HEADER_ROWS_LOOKED_AT = 6
MAX_HEADER_LEN = 24  # a header cell is short; a long cell that mentions 完成情况 is content


def header_score(grid: Grid) -> int:
    """The most known-header cells found in one of the grid's first rows."""
    best = 0
    for row in grid.rows[:HEADER_ROWS_LOOKED_AT]:
        seen: set[int] = set()
        score = 0
        for cell in row:
            if cell is None or id(cell) in seen:
                continue
            seen.add(id(cell))
            h = normalise_header(cell.text)
            if h and len(h) <= MAX_HEADER_LEN and is_known_header(h):
                score += 1
        best = max(best, score)
    return best


def progress_tables(grids: list[Grid]) -> list[Grid]:
    """The grids that look like progress tables (two or more known headers in a row), in
    source order; when none does, every grid of at least two columns and one row."""
    chosen = [g for g in grids if header_score(g) >= 2]
    if chosen:
        return chosen
    return [g for g in grids if g.width >= 2 and g.rows]
