"""Rows of a one-cell-per-line pipe table whose **序号 column numbers groups, not rows**
(:mod:`luoshi.ingest.text.pipecells`)::

    序号 |  牵头单位 |  项目数量 |  项目名称 |  业主单位 |  本月进展情况 |
    前期手续 |  在建形象进度 |                            (a second header level)
    一 |  县住建局 |  民生实事项目(2个) |                 (a group: its serial, its shared cells)
    (一)新建道路 |                                     (a row: its own number in the task cell)
    1.东环路 |  县城投 |  已完工 |                        (its sub-items, each with own cells)
    2.西环路 |  县交投 |  在建 |
    (二)改造小区 |  县住建局 |  已完工 |
    二 |  县教体局 |  …                                   (the next group; (一) again)

GROUP SERIALS RULE, true of any such page (projects grouped by their lead unit, the group
numbered in the 序号 column and each project numbered inside its name):

- It holds when the 序号 cells are Chinese numerals standing alone (一, 二 … counting on from
  一, two groups or more, no row serial 1, 2 … among the cells) and every group's cells reach a
  cell opening with a bracketed Chinese number ((一)) — the projects' own numbers, restarting
  in each group. Else None: the caller reads the rows as before.
- The cells before the first group, short and holding no number (no more of them than the
  header has), are a second header level (sub-columns of the last column, 前期手续 /
  在建形象进度): they are not a row; other text there breaks the rule (None); the last column keeps its
  name and takes the progress, with a warning naming the sub-columns.
- A group's cells between its serial and its first project are the cells its projects share,
  one per column between the 序号 and task columns (the group's 牵头单位, its count): each
  project's row gets them, with one warning naming the groups. A project's serial is its
  group's and its own (二(一)), so serials stay unique; its task text keeps its number. A group whose shared cells do
  not number those columns (more, or fewer than one) breaks the rule: None.
- A project's row is its numbered cell and the cells up to the next project or group. When
  those cells open with a list number (1., 2. …), they are its sub-items, each opening at its
  number: the sub-item's name heads its progress cell (the item's heading), its other cells
  go to the columns after the task column in order, one grid row per sub-item with the
  project's cells merged over them. Otherwise the cells go in order to the columns after the
  task column. A row with fewer cells than columns (the page cut off) leaves the rest empty.
- Empty cells (lines of bars) are dropped: in such pages they are borders and the empty places
  of merged cells, not data, and their count varies from row to row.
"""

from __future__ import annotations

import re

from luoshi.ingest.grid import GridCell
from luoshi.vocab import ColumnRole

_NUMERALS = "一二三四五六七八九十"
_GROUP_SERIAL = re.compile(rf"^([{_NUMERALS}]{{1,3}})[、.．]?$")
_PROJECT = re.compile(rf"^[(（]([{_NUMERALS}]{{1,3}})[)）]")
_SUB_ITEM = re.compile(r"^(\d{1,2})[.、．](?!\d)")
_ROW_SERIAL = re.compile(r"^\d{1,3}[.、．]?$")
_MAX_HEADER_LEN = 24  # a header cell is short


def chinese_number(text: str) -> int | None:
    """The value of a Chinese numeral from 一 to 九十九 (十二, 二十, 二十一), else None."""
    if not text or any(c not in _NUMERALS for c in text):
        return None
    digits = {c: i + 1 for i, c in enumerate(_NUMERALS[:9])}
    if "十" not in text:
        return digits[text] if len(text) == 1 else None
    tens, _, ones = text.partition("十")
    if len(tens) > 1 or len(ones) > 1 or "十" in ones:
        return None
    return digits.get(tens, 1 if not tens else 0) * 10 + (digits.get(ones, 0) if ones else 0)


def _groups(cells: list[tuple[int, str]]) -> list[int] | None:
    """Indexes of the group serial cells (一, 二 … counting on), or None."""
    at: list[int] = []
    for k, (_, text) in enumerate(cells):
        m = _GROUP_SERIAL.match(text)
        if m and chinese_number(m.group(1)) == len(at) + 1:
            at.append(k)
    return at if len(at) >= 2 else None


def _sub_items(pieces: list[tuple[int, str]]) -> list[list[tuple[int, str]]] | None:
    """The pieces cut at list numbers counting on from 1, when they open with 1 and hold 2."""
    first = _SUB_ITEM.match(pieces[0][1]) if pieces else None
    if first is None or first.group(1) != "1":
        return None
    out: list[list[tuple[int, str]]] = []
    for p in pieces:
        m = _SUB_ITEM.match(p[1])
        if m and int(m.group(1)) == len(out) + 1:
            out.append([p])
        else:
            out[-1].append(p)
    return out if len(out) >= 2 else None


def group_serial_rows(
    cells: list[tuple[int, str, bool]],
    start: int,
    words: list[str],
    roles: list[ColumnRole],
    header_line: int,
    warnings: list[tuple[int | None, str]],
) -> list[list[GridCell | None]] | None:
    """Grid rows (header first) of the cells after the header by the group serials rule, or
    None when the cells do not have its shape."""
    if not roles or roles[0] is not ColumnRole.SERIAL or ColumnRole.TASK not in roles:
        return None
    task_col = roles.index(ColumnRole.TASK)
    shared_cols = list(range(1, task_col))
    own_cols = list(range(task_col + 1, len(words)))
    if not own_cols:
        return None  # the task column last: no progress to read, not this layout
    body = [(line, text) for line, text, _ in cells[start:] if text]
    if any(_ROW_SERIAL.match(t) for _, t in body):
        return None
    at = _groups(body)
    if at is None:
        return None
    second = body[: at[0]]
    if len(second) > len(words) or any(
        len(t) > _MAX_HEADER_LEN or _PROJECT.match(t) or _SUB_ITEM.match(t) for _, t in second
    ):
        return None  # not a header level: text before the table's first group
    width = len(words)
    rows: list[list[GridCell | None]] = [
        [GridCell(w, 0, c, line=header_line) for c, w in enumerate(words)]
    ]
    carried: list[str] = []
    for g, a in enumerate(at):
        group = body[a : at[g + 1] if g + 1 < len(at) else len(body)]
        starts = [k for k, (_, t) in enumerate(group) if _PROJECT.match(t)]
        if not starts or chinese_number(_PROJECT.match(group[starts[0]][1]).group(1)) != 1:  # type: ignore[union-attr]
            return None
        shared = group[1 : starts[0]]
        if len(shared) != len(shared_cols):
            return None
        carried.append(group[0][1])
        for s, b in enumerate(starts):
            end = starts[s + 1] if s + 1 < len(starts) else len(group)
            task = group[b]
            pieces = group[b + 1 : end]
            subs = _sub_items(pieces) or [pieces]
            r0 = len(rows)
            # the task's serial: the group's and its own, so that serials stay unique
            serial = group[0][1] + _PROJECT.match(task[1]).group(0)  # type: ignore[union-attr]
            merged = [GridCell(serial, r0, 0, rowspan=len(subs), line=group[0][0])]
            merged += [
                GridCell(t, r0, c, rowspan=len(subs), line=ln)
                for c, (ln, t) in zip(shared_cols, shared, strict=True)
            ]
            merged.append(GridCell(task[1], r0, task_col, rowspan=len(subs), line=task[0]))
            for sub in subs:
                row: list[GridCell | None] = [*merged] + [None] * len(own_cols)
                r = len(rows)
                own = list(sub)
                heading = ""
                if len(subs) > 1 and len(own) > len(own_cols):
                    heading = own.pop(0)[1]  # the sub-item's name heads its progress
                if own_cols and len(own) > len(own_cols):
                    warnings.append(
                        (
                            own[len(own_cols)][0],
                            f"row {task[1][:20]!r}: {len(own)} cells for {len(own_cols)} "
                            "columns: the last ones joined to the last column",
                        )
                    )
                    tail = own[len(own_cols) - 1 :]
                    own = [*own[: len(own_cols) - 1], (tail[0][0], "\n".join(t for _, t in tail))]
                texts = [t for _, t in own] + [""] * (len(own_cols) - len(own))
                if heading and own_cols:
                    texts[-1] = f"{heading}\n{texts[-1]}".strip()
                for c, t in zip(own_cols, texts, strict=True):
                    line = own[min(c - own_cols[0], len(own) - 1)][0] if own else task[0]
                    row[c] = GridCell(t, r, c, line=line)
                rows.append(row[:width])
    if second:
        names = "/".join(t for _, t in second)
        warnings.append(
            (second[0][0], f"a second header level ({names}) read as the sub-columns of "
             f"{words[-1]}: its cells are that column's")
        )
    warnings.append(
        (
            body[at[0]][0],
            f"a pipe table flattened one cell per line whose 序号 column numbers groups "
            f"({', '.join(carried[:6])}): rows found by the projects' own numbers ((一), (二) …), "
            f"the group's {'/'.join(words[c] for c in shared_cols)} given to each of its "
            "projects; check the result",
        )
    )
    return rows
