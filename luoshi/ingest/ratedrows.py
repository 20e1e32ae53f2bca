"""RATED ROWS RULE (issue 9, fresh11 tune R03), for every format: a table rates tasks, not the
parts of one.

A table whose header names an item (a name column: 项目名称, 事项名称) then what it is to do (a
content column: 项目内容, read as the target by NAME THEN CONTENT) and a declared status
(进度评价, 完成状态 …) may merge the name (and the serial, the units) over several rows, each
row giving its own content, its own progress and its own rating (``已完成`` / ``正常推进``). A
rating judges one task: rows rated each on their own are tasks of their own. So, when the
name cell is one merged cell over two or more rows each holding a content cell and a status
cell of its own, the name names a group of tasks — it is their category — and the content
column is the task; each row is a task, the merged serial given to each (a copy: the serial
repeats) and the other merged cells (units) shared. Warned, naming the alternative (one task
with sub-items). Without a status of its own in each row the rows stay one task's sub-items.

In text, where a merged cell is flattened to the first row only (pipe rows: ``1 | 名称 |
内容 | 进展 | 已完成 | 单位 |`` then ``内容 | 进展 | 正常推进 | |||``), :func:`rated_placement`
places such a row's cells: its last cell a status word fitting the declared status column,
its first in the task or content column, the cells between in the columns between; the
columns it leaves out are the row above's, merged over it (the pipe reader). The page's last
row, cut off under such rows (no closing bar, its rating lost), is placed where they open
(:func:`cut_rated_row`: a cut row lacks its last cells, not its first) and is a task of the
run all the same.
"""

from __future__ import annotations

from luoshi.ingest.grid import Grid, GridCell
from luoshi.ingest.headervocab import header_key
from luoshi.ingest.model import Column
from luoshi.vocab import ColumnRole

__all__ = ["cut_rated_row", "rated_placement", "rated_rows"]

_OPENING = frozenset({ColumnRole.TASK, ColumnRole.TARGET})
_BETWEEN = frozenset(
    {
        ColumnRole.TASK,
        ColumnRole.TARGET,
        ColumnRole.DONE,
        ColumnRole.ACTUAL,
        ColumnRole.PROBLEMS,
        ColumnRole.NEXT_STEPS,
    }
)


def rated_placement(filled: list[str], roles: list[ColumnRole]) -> list[str] | None:
    """The row's cells placed in the header's columns ('' where the row has none) when its
    filled cells (in order, two or more) end with a status word fitting the declared status
    column and, placed to end there, open in a task or content column with only text columns
    between; else None."""
    from luoshi.ingest.text.align import piece_fit  # the text package imports this module

    if ColumnRole.DECLARED_STATUS not in roles or len(filled) < 2:
        return None
    s = roles.index(ColumnRole.DECLARED_STATUS)
    start = s - len(filled) + 1
    if start < 1 or roles[start] not in _OPENING:
        return None
    if any(roles[c] not in _BETWEEN for c in range(start, s)):
        return None
    if piece_fit(ColumnRole.DECLARED_STATUS, filled[-1]) <= 0:
        return None
    out = [""] * len(roles)
    out[start : s + 1] = filled
    return out


def cut_rated_row(filled: list[str], above: list[str]) -> list[str] | None:
    """The cells of a cut-off last row placed from the column the rated row ``above`` (placed
    cells, '' where merged) opens with; None when they do not fit."""
    start = next((c for c, t in enumerate(above) if t), len(above))
    if start + len(filled) > len(above):
        return None
    return [""] * start + filled + [""] * (len(above) - start - len(filled))


def _name_and_content(columns: list[Column]) -> tuple[int, int] | None:
    roles = [c.role for c in columns]
    if ColumnRole.DECLARED_STATUS not in roles or ColumnRole.TASK not in roles:
        return None
    t = roles.index(ColumnRole.TASK)
    if t + 1 >= len(roles) or roles[t + 1] is not ColumnRole.TARGET:
        return None
    if not header_key(columns[t].header).endswith("名称"):
        return None
    return t, t + 1


def _cell(grid: Grid, r: int, c: int) -> GridCell | None:
    row = grid.rows[r]
    return row[c] if c < len(row) else None


def rated_rows(grid: Grid, h: int, columns: list[Column]) -> list[str]:
    """Apply the RATED ROWS RULE to ``grid`` (body under header row ``h``): ``columns`` and
    the grid's merged serial cells are changed in place; the warning, or none."""
    found = _name_and_content(columns)
    if found is None:
        return []
    name, content = found
    status = [c.role for c in columns].index(ColumnRole.DECLARED_STATUS)
    last = len(grid.rows) - 1  # the page's last row may be cut off before its rating
    runs: list[list[int]] = []
    for r in range(h + 1, len(grid.rows)):
        cell = _cell(grid, r, name)
        if runs and cell is not None and cell is _cell(grid, runs[-1][-1], name):
            runs[-1].append(r)
        else:
            runs.append([r])

    def own(r: int, c: int, before: int | None) -> bool:
        cell = _cell(grid, r, c)
        return cell is not None and bool(cell.text.strip()) and (
            before is None or cell is not _cell(grid, before, c)
        )

    rated = [
        run
        for run in runs
        if sum(1 for p, r in zip([None, *run[:-1]], run, strict=False) if own(r, status, p)) > 1
        and _cell(grid, run[0], name) is not None
        and all(
            own(r, content, p) and (own(r, status, p) or r == last)
            for r, p in zip(run, [None, *run[:-1]], strict=True)
        )
    ]
    if not rated:
        return []
    serial = next((k for k, c in enumerate(columns) if c.role is ColumnRole.SERIAL), None)
    for run in rated:
        for r in run[1:]:
            cell = _cell(grid, r, serial) if serial is not None else None
            if cell is not None and cell is _cell(grid, r - 1, serial):
                line = own_line.line if (own_line := _cell(grid, r, content)) else cell.line
                grid.rows[r][serial] = GridCell(text=cell.text, row=r, col=serial, line=line)
    head, body = columns[name].header, columns[content].header
    columns[name] = Column(header=head, role=ColumnRole.CATEGORY)
    columns[content] = Column(header=body, role=ColumnRole.TASK)
    n = sum(len(run) for run in rated)
    return [
        f"{head} merged over {n} rows each with its own {body} and its own rating "
        f"({columns[status].header}): read as {n} tasks, {head} their category (the "
        "alternative: one task with sub-items)"
    ]
