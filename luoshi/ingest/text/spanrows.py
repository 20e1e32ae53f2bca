"""Rows found by their serials that hold a second row sharing the serial: SHORT ROW RULE
(:mod:`luoshi.ingest.text.align`) where the row finder cannot see where a row ends
(cells per line, pipe cells, space rows).

CONTINUATION ROW RULE, true of any table flattened cell by cell whose 序号 (and the spanned
cells before the task: 类别, 牵头单位) is merged over two rows: the second row writes no
serial, so its cells run on after the first row's. Rows repeat their shape: when most rows
end with a short closing cell (a share 90%, a figure, a status word, a date, a marked empty
cell 无/——), a row in which such a cell — of the kind the other rows close with (nothing, a
status word, or a figure), no earlier than the shortest of them closes — is followed by a cell
opening a text (no short cell, no unit list) and at least one more holds a second row: the
cells after the closing cell are a row of its own, from the task column on. An empty mark
closes a row only at the rows' usual length (most rows that long): inside a row it is as
likely an empty cell of a sub-item. Its serial and the cells before its task are those of the row
above (carried down), with one warning naming the rows and giving the other reading (the
row's last cells run on; on a page's last row, a row cut off).

THE HEADER STATES THE SHAPE (issue 9, fresh10 Q03): with too few rows to learn their shape
from (fewer than three: an excerpt, a department's two rows), the header states it. A row
holding more cells than the header has columns after the serial holds a second row when its
cell in the header's last closing column (a declared status, actual figure or deadline,
followed only by 备注 columns, the cells rows most often leave empty) is a short closing cell
that fits that column (``90%`` under 完成进度(%)) and the cell after it opens a text: the
second row begins there, as above. A row no longer than the header is never cut so (its
last cells may be a long 备注).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from luoshi.ingest.cells import is_empty_mark
from luoshi.ingest.model import Column
from luoshi.ingest.text.align import piece_fit
from luoshi.ingest.text.rows import Para, Row
from luoshi.ingest.text.shapes import looks_like_status, looks_like_units
from luoshi.vocab import ColumnRole

_CLOSERS = (ColumnRole.DECLARED_STATUS, ColumnRole.ACTUAL, ColumnRole.DEADLINE)
_CLOSER_LEN = 12  # a closing cell is short
_MIN_TEXT = 5  # a task text is longer than a short cell
_NONE = frozenset({"无", "暂无", "無"})  # a 备注 cell saying there is nothing to note


def _closes(text: str) -> bool:
    """A short closing cell: a share, a figure, a status word, a date, a marked empty cell."""
    s = text.strip()
    if not s or len(s) > _CLOSER_LEN:
        return False
    return is_empty_mark(s) or s in _NONE or any(piece_fit(role, s) > 0 for role in _CLOSERS)


def _kind(text: str) -> str:
    """What a closing cell says: nothing (无, ——), a status word, or a figure/share/date."""
    s = text.strip()
    if is_empty_mark(s) or s in _NONE:
        return "none"
    return "status" if looks_like_status(s) else "figure"


def _opens_text(text: str) -> bool:
    return len(text) >= _MIN_TEXT and not _closes(text) and not looks_like_units(text)


def lead_cells(roles: Sequence[ColumnRole]) -> int | None:
    """How many columns stand between the serial and the task (spanned with the serial), or
    None when the table has no serial first or no task column."""
    if not roles or roles[0] is not ColumnRole.SERIAL or ColumnRole.TASK not in roles:
        return None
    return list(roles).index(ColumnRole.TASK) - 1


def _header_cuts(
    rows: Sequence[Sequence[str]], lead: int, roles: Sequence[ColumnRole]
) -> list[int | None]:
    """THE HEADER STATES THE SHAPE: cuts of the rows (cells after the serial) longer than the
    header, at its last closing column (``roles`` are the columns after the serial)."""
    out: list[int | None] = [None] * len(rows)
    at = len(roles)
    while at and roles[at - 1] is ColumnRole.REMARKS:
        at -= 1
    if at <= lead + 1 or roles[at - 1] not in _CLOSERS:
        return out
    for k, cells in enumerate(rows):
        if len(cells) <= len(roles) or len(cells) - at > len(roles) - lead:
            continue
        closer = cells[at - 1].strip()
        if _closes(closer) and piece_fit(roles[at - 1], closer) > 0 and _opens_text(cells[at]):
            out[k] = at
    return out


def continuation_cuts(
    rows: Sequence[Sequence[str]], lead: int, roles: Sequence[ColumnRole] = ()
) -> list[int | None]:
    """For each row (its cells after the serial), where a second row sharing its serial
    begins (CONTINUATION ROW RULE), or None. The rows that close with a short cell must be
    most rows; a first row is at least as long as the shortest of them (every cell up to its
    closing one), and a second row no longer than the longest less the cells it shares.
    With fewer than three rows, ``roles`` (the columns after the serial) give the shape
    (THE HEADER STATES THE SHAPE)."""
    out: list[int | None] = [None] * len(rows)
    if len(rows) < 3 and roles:
        return _header_cuts(rows, lead, roles)
    closing = [r for r in rows if r and _closes(r[-1])]
    if len(rows) < 3 or len(closing) * 2 <= len(rows):
        return out
    kinds = {_kind(r[-1]) for r in closing}  # the row's closing cell is of the others' kind
    shortest = min(len(r) for r in closing)
    longest = max(len(r) for r in closing)
    # An empty mark (无, ——) may as well be an empty cell inside the row (a sub-item without
    # problems): it closes a row only where the rows' usual length puts their last cell.
    usual, count = Counter(len(r) for r in closing).most_common(1)[0]
    usual = usual if count * 2 >= len(rows) else 0
    if shortest <= lead + 1:
        return out
    for k, cells in enumerate(rows):
        for j in range(shortest, len(cells) - 1):
            if len(cells) - j > longest - lead or not _closes(cells[j - 1]):
                continue
            kind = _kind(cells[j - 1])  # (asked of closing cells only: the same answer)
            if kind in kinds and (kind != "none" or j == usual) and _opens_text(cells[j]):
                out[k] = j
                break
    return out


def continuation_note(serials: Sequence[str], spanned: Sequence[str], last: bool) -> str:
    """The one warning of the rows split by the CONTINUATION ROW RULE (``last``: the page's
    last row was split, and may be cut off)."""
    return (
        f"row(s) {', '.join(serials[:6])}{'…' if len(serials) > 6 else ''} run on after "
        f"their closing cell: read as a second row each, its {'/'.join(spanned)} cell(s) "
        "carried down from the row above (merged cells); the other reading: the row's last "
        "cells run on" + ("; the last row may be cut off" if last else "")
    )


def split_continuations(rows: list[Row], columns: list[Column], warn: list) -> list[Row]:
    """Cells-per-line rows with each second row sharing a serial split off."""
    roles = [c.role for c in columns]
    lead = lead_cells(roles)
    if lead is None or any(r.skip for r in rows):
        return rows
    # (continuation_cuts cuts nothing in three rows or more unless most close with a short
    # cell: asked of the rows' last paragraphs first, before the texts of every row are made;
    # fewer rows are cut by the header's shape, asked there)
    if len(rows) >= 3 or len(roles) < 2:
        closing = sum(1 for r in rows if r.paras and _closes(r.paras[-1].text))
        if len(rows) < 3 or closing * 2 <= len(rows):
            return rows
    cuts = continuation_cuts([[p.text for p in r.paras] for r in rows], lead, roles[1:])
    if not any(cuts):
        return rows
    out: list[Row] = []
    split: list[str] = []
    for row, cut in zip(rows, cuts, strict=True):
        if cut is None:
            out.append(row)
            continue
        paras = row.paras
        carried = [Para(p.line, p.text) for p in paras[:lead]]
        out.append(Row(row.serial, row.line, paras[:cut], row.group, set(), row.category))
        out.append(Row(row.serial, paras[cut].line, [*carried, *paras[cut:]], row.group))
        split.append(row.serial)
    spanned = [c.header for c in columns[: lead + 1]]
    warn.append((None, continuation_note(split, spanned, cuts[-1] is not None)))
    return out
