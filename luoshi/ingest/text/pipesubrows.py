"""Grid rows of a pipe task row and the sub-rows joined to it (:mod:`luoshi.ingest.text.pipe`,
``_sub_row``): each joined target kept with its own progress.

SUB-ROW ITEMS RULE: a numbered pipe row followed by rows without serial or unit whose text
cells fill the task (or target) and progress columns (``3 | 大中修100公里 | 完成50公里 | 交通局 |``
then ``新增公交线路3条 | 新增4条 | |``) is one task of several targets. The task's text is all
its targets, one per line, as before; its progress is one item per row: the row's target (its
text outside the progress columns, on one line) is the item's heading and the row's progress
cells are the item's cells — so each target stays beside what was done for it, and a reader of
the task sees which target lags. The serial, unit and other fixed cells are one merged cell
over the rows (the Grid's rowspan), as a merged cell in HTML or DOCX is. A table without a
progress column keeps the joined cells (there is no item to give each target).
"""

from __future__ import annotations

from luoshi.ingest.grid import GridCell
from luoshi.ingest.layout import item_columns
from luoshi.ingest.model import Column
from luoshi.vocab import ColumnRole

__all__ = ["SubRow", "sub_item_rows"]

SubRow = tuple[int, list[tuple[int, str]]]  # (line, [(column, text)])
_TARGET_ROLES = frozenset({ColumnRole.TASK, ColumnRole.TARGET})


def _one_line(text: str) -> str:
    return " ".join(s.strip() for s in text.split("\n") if s.strip())


def sub_item_rows(
    r: int, line: int, cells: list[str], subs: list[SubRow], roles: list[ColumnRole]
) -> list[list[GridCell | None]] | None:
    """The grid rows (starting at row index ``r``) of a task row ``cells`` and its joined
    sub-rows, or None when the table has no progress column (the caller joins the cells)."""
    width = len(roles)
    run = item_columns([Column(str(c), role) for c, role in enumerate(roles)])
    if not run or not subs:
        return None
    # the texts of each row outside the progress columns name its target
    own = [(line, [(c, cells[c]) for c in range(width) if c < len(cells)])]
    rows_texts: list[tuple[int, dict[int, str]]] = [
        (ln, {c: t for c, t in pairs if t}) for ln, pairs in own + subs
    ]
    n = len(rows_texts)
    shared: dict[int, GridCell] = {}
    for c in range(width):
        if c in run:
            continue
        text = "\n".join(texts[c] for _, texts in rows_texts if texts.get(c))
        shared[c] = GridCell(text=text, row=r, col=c, rowspan=n, line=line)
    out: list[list[GridCell | None]] = []
    target_cols = [c for c in range(width) if roles[c] in _TARGET_ROLES]
    for k, (ln, texts) in enumerate(rows_texts):
        heading = _one_line(" ".join(texts[c] for c in target_cols if c in texts))
        row: list[GridCell | None] = []
        for c in range(width):
            if c in shared:
                row.append(shared[c])
                continue
            text = texts.get(c, "")
            if c == run[0] and heading:
                text = f"{heading}\n{text}" if text else heading
            row.append(GridCell(text=text, row=r + k, col=c, line=ln))
        out.append(row)
    return out
