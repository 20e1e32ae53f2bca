"""Indicator sub-rows of a space-rows table (:mod:`luoshi.ingest.text.spacerows`).

A table of figures (a target, an achieved-figure or a declared-status column) often gives one
item several indicators, each a row of its own with its own figures, the serial and the item's
name merged over them; flattened to spaces, only the first indicator row carries the serial::

    2 特殊群体健康保障 孕产妇产前筛查 人次 2800 2539 90.7%     (serial, item name, indicator …)
    新生儿筛查 人次 2800 2647 94.5%                            (the next indicator: no serial)
    困难家庭无障碍改造 70 70 100%                              (its unit cell left out)

INDICATOR SUB-ROW RULE, true of such tables whatever the place: in a numbered table with figure
columns, a line that does not open with the next serial, whose first piece is words (not a
figure) and whose pieces, aligned by content to the columns from the task column on, put a
figure (a number, a percentage) in a figure column, is a row of its own under the merged cells
of the row above (the serial and the columns before the task: the item's name). A wrapped cell
goes on with words; it brings no figure of its own for the figure columns.

The sub-rows stay one task (a serial is never repeated): their cells join the row's column by
column, one line per indicator row, so that line k of every column from the task column on is
indicator row k; an empty cell in a column some indicator row fills is written ``——`` (the
usual empty-cell mark) to keep the lines side by side. A column no indicator row fills keeps the
row's own cell. One warning per table names the rows. The analysis reads such a task line by
line (luoshi/extract/rowparts.py, ``column_rows``).

SHARE, NOT AMOUNT (``share_not_amount``, every row of such a table): a row whose achieved cell is
left out puts its share right after the target, and a percentage fits the achieved column as
well as the share column beside it; an achieved-figure column holds an amount, so a lone
percentage there, the share column empty and the row's target no percentage, is the share.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from luoshi.ingest.cells import is_empty_mark
from luoshi.ingest.grid import GridCell
from luoshi.ingest.text.align import align
from luoshi.vocab import ColumnRole

__all__ = ["EMPTY_LINE", "FIGURE_ROLES", "is_sub_row", "join_sub_rows", "share_not_amount"]

# The mark standing for an indicator row's empty cell among the lines of a joined cell.
EMPTY_LINE = "——"
FIGURE_ROLES = frozenset({ColumnRole.TARGET, ColumnRole.ACTUAL, ColumnRole.DECLARED_STATUS})
# A figure cell: a number, a percentage, a number and a short unit (2800, 90.7%, 600人).
_FIGURE = re.compile(r"^[-+]?\d[\d.,，]*\s*(?:%|％|[\u4e00-\u9fa5]{1,3})?$")
_STARTS_FIGURE = re.compile(r"^[-+]?\d")
_PERCENT = re.compile(r"^\d+(?:\.\d+)?[%％]$")

Pieces = list[tuple[int, str]]  # (line number, piece)


def _task_column(roles: Sequence[ColumnRole]) -> int | None:
    return roles.index(ColumnRole.TASK) if ColumnRole.TASK in roles else None


def _shifted(measures: frozenset[int], t: int) -> frozenset[int]:
    return frozenset(c - t for c in measures if c >= t)


def is_sub_row(
    pieces: Sequence[str], roles: Sequence[ColumnRole], measures: frozenset[int] = frozenset()
) -> bool:
    """Is a line of a numbered table, not opening with the next serial, an indicator row of
    its own (the module's rule)? ``roles`` are the header's, ``measures`` its unit-of-measure
    columns."""
    t = _task_column(roles)
    if t is None or len(pieces) < 2 or not FIGURE_ROLES & set(roles[t:]):
        return False
    if _STARTS_FIGURE.match(pieces[0]) or is_empty_mark(pieces[0]):
        return False
    own = roles[t:]
    taken = align(list(pieces), own, _shifted(measures, t))
    if not taken[0]:
        return False
    return any(
        own[c] in FIGURE_ROLES and any(_FIGURE.match(pieces[i]) for i in idx)
        for c, idx in enumerate(taken)
    )


def share_not_amount(
    pieces: Sequence[str], roles: Sequence[ColumnRole], taken: list[list[int]]
) -> list[list[int]]:
    """SHARE, NOT AMOUNT: an achieved-figure column (已完成数) holds an amount, the share column
    right after it (占比, 完成率) a share. A row whose achieved cell is left out puts its share
    next, and a percentage fits both: a lone percentage aligned to the achieved column, the
    share column beside it empty and the row's target no percentage, is the share."""
    out = [list(idx) for idx in taken]
    for a in range(len(roles) - 1):
        if roles[a] is not ColumnRole.ACTUAL or roles[a + 1] is not ColumnRole.DECLARED_STATUS:
            continue
        if len(out[a]) != 1 or out[a + 1] or not _PERCENT.match(pieces[out[a][0]].strip()):
            continue
        targets = [pieces[i] for c, idx in enumerate(out) if roles[c] is ColumnRole.TARGET
                   for i in idx]
        if any(_PERCENT.match(p.strip()) for p in targets):
            continue
        out[a + 1], out[a] = out[a], []
    return out


def _cell(pieces: Pieces, idx: list[int]) -> str:
    return " ".join(pieces[j][1] for j in idx)


def join_sub_rows(
    row: list[GridCell | None],
    subs: list[Pieces],
    roles: Sequence[ColumnRole],
    measures: frozenset[int] = frozenset(),
) -> list[GridCell | None]:
    """``row`` with its indicator rows ``subs`` joined column by column (the module's rule):
    from the task column on, a column some indicator row fills holds one line per row, the
    row's own first, an empty cell written EMPTY_LINE."""
    t = _task_column(roles)
    if t is None or not subs:
        return row
    own = roles[t:]
    shifted = _shifted(measures, t)
    cells: list[list[str]] = [[] for _ in own]
    for pieces in subs:
        texts = [p for _, p in pieces]
        taken = share_not_amount(texts, own, align(texts, own, shifted))
        for c, idx in enumerate(taken):
            cells[c].append(_cell(pieces, idx))
    out = list(row)
    for c, lines in enumerate(cells):
        if not any(lines):
            continue  # no indicator row fills it: the row's own cell (or a merged one)
        cell = out[t + c]
        first = " ".join(cell.text.split("\n")) if cell is not None else ""
        text = "\n".join(x if x else EMPTY_LINE for x in [first, *lines])
        r, line = (cell.row, cell.line) if cell is not None else (row[0].row if row[0] else 0, None)
        out[t + c] = GridCell(text, r, t + c, line=line)
    return out
