"""Sub-rows of a bordered row (pipe cells, space rows) whose unit cell is merged over them:
the MERGED CELL AFTER THE RUN RULE of :mod:`luoshi.ingest.text.rowcells`, for rows whose
cells are marked one by one.

A task with one sub-row per unit (each unit its own progress), its serial, task and unit cells
merged over the sub-rows, flattens with the merged cells once, in the first sub-row, and the
later sub-rows' progress after them::

    1 | 建设科技孵化园区。 | 区科技局:已完成园区规划。 | 区科技局、城东街道办事处 | 城东街道办事处:… |

A row holding more cells than the header, whose cells up to the end of the columns after the
progress are exactly one row (its last cells fit those columns: a unit list, a name, a short
cell) and whose further cells fill the progress columns again, each time opening with a
sentence of progress, is read that way: the further cells are sub-rows whose progress cells
join the row's own, in page order (each unit's paragraph as written, usually labelled with its
unit), with a warning.
"""

from __future__ import annotations

import re

from luoshi.ingest.grid import GridCell
from luoshi.ingest.layout import item_columns
from luoshi.ingest.model import Column
from luoshi.ingest.text.shapes import CLOSING, looks_like_person, looks_like_units
from luoshi.vocab import ColumnRole

__all__ = ["joined_row", "merged_cut"]

_UNIT_ROLES = frozenset({ColumnRole.UNITS, ColumnRole.LEAD_UNIT, ColumnRole.CO_UNITS})
_SENTENCE_CLOSE = re.compile(r"[。;；!！?？]$")


def _is_progress(text: str) -> bool:
    return len(text) > 30 or (len(text) > 4 and _SENTENCE_CLOSE.search(text) is not None)


def _fits(role: ColumnRole, text: str) -> bool:
    one = text.replace("\n", "")
    if role in _UNIT_ROLES:
        return looks_like_units(one) and not CLOSING.search(one)
    if role in (ColumnRole.LEADER, ColumnRole.PERSON):
        return looks_like_person(one)
    return len(one) <= 12 and not CLOSING.search(one)


def merged_cut(texts: list[str], roles: list[ColumnRole]) -> tuple[int, int] | None:
    """Where a row's own cells end when its further cells are sub-rows of the progress
    columns (the module's rule), and how many cells a sub-row holds; or None."""
    width = len(roles)
    run = item_columns([Column(str(c), r) for c, r in enumerate(roles)])
    if not run or run[-1] == width - 1 or len(texts) <= width:
        return None
    extra = len(texts) - width
    if extra % len(run) or not all(_fits(roles[c], texts[c]) for c in range(run[-1] + 1, width)):
        return None
    if not all(_is_progress(texts[k]) for k in range(width, len(texts), len(run))):
        return None
    return width, len(run)


def joined_row(
    row: list[GridCell | None], subs: list[tuple[int, list[str]]], roles: list[ColumnRole]
) -> list[GridCell | None]:
    """``row`` with its sub-rows' progress cells (line, cells) joined to its own, in page
    order: one item, as the grid convention reads a later row's first paragraph as a sub-item
    heading, which a unit's progress is not."""
    run = item_columns([Column(str(c), r) for c, r in enumerate(roles)])
    out = list(row)
    for c in run:
        cell = out[c]
        parts = [cell.text] if cell is not None and cell.text else []
        parts += [cells[run.index(c)] for _, cells in subs if cells[run.index(c)]]
        base = cell if cell is not None else GridCell("", 0, c)
        out[c] = GridCell("\n".join(parts), base.row, c, line=base.line)
    return out
