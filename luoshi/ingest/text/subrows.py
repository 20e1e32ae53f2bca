"""Sub-numbered rows in the cells-per-line layout: a serial and a title (merged cells) over
several sub-numbered lines ("(1)…", "(2)…" or "1." "2." running on across the serial groups),
each line opening one table row (059: 序号 | 目标名称 | 工作标准 | 分管领导 | 牵头单位 | 配合单位)::

    1 / 全区经济社会发展的主要预期目标          (serial + title: the group, merged over rows)
    (1)地区生产总值增长6%左右。 / 王旭锋 / 发改局 / 经开区 / 高新园 / (邹区镇) / …
    (2)一般公共预算收入增长3%以上。 / 财政局      (leader, co-units merged from the row above)

The paragraphs after a sub-numbered line are that row's later cells, told apart by shape: a
person's name is the leader, unit names are units (the first unit, with a "(…)" line
continuing it, is the lead unit, the others co-units). Flattening a merged cell leaves it only
at the first row it spans, so a cell missing from a row is copied from the row above in the
same group, and one warning per table names the rows where that was assumed.
"""

from __future__ import annotations

import re

from luoshi.ingest.cells import numbering
from luoshi.ingest.layout import RowCells
from luoshi.ingest.model import Column
from luoshi.ingest.text.rows import Para, Row
from luoshi.ingest.text.shapes import CLOSING, looks_like_person, looks_like_units
from luoshi.vocab import ITEM_ROLES, ColumnRole

_MARK = re.compile(r"^(?:[(（]\s*(\d{1,2})\s*[)）]|(\d{1,2})\s*[.、．])\s*")
_SCHEMES = ("paren", "arabic")
_UNIT_ROLES = (ColumnRole.UNITS, ColumnRole.LEAD_UNIT, ColumnRole.CO_UNITS)
# A group row is its serial and a title of a few paragraphs, not a whole row of cells.
_MAX_TITLE_PARAS = 3


def _sub_number(p: Para) -> tuple[str, int] | None:
    n = numbering(p.text)
    if n is None or n.scheme not in _SCHEMES or not _MARK.match(p.text):
        return None
    return n.scheme, n.value


def _text_column(columns: list[Column]) -> int | None:
    """The column the sub-numbered lines fill: the first text column after the task column."""
    tasks = [i for i, c in enumerate(columns) if c.role is ColumnRole.TASK]
    if not tasks:
        return None
    for i in range(tasks[0] + 1, len(columns)):
        role = columns[i].role
        if role in (ColumnRole.TARGET, ColumnRole.TASK, ColumnRole.OTHER):
            return i
        if role in _UNIT_ROLES or role is ColumnRole.LEADER:
            return None
    return None


def _starts(row: Row, scheme: str | None, expect: int) -> tuple[list[int], str | None, int]:
    """Indexes of the sub-numbered paragraphs opening rows in ``row`` (numbers running on
    from ``expect``, or restarting at 1 in a new group)."""
    found: list[int] = []
    for k, p in enumerate(row.paras):
        sub = _sub_number(p)
        if sub is None or (scheme is not None and sub[0] != scheme):
            continue
        if sub[1] == expect or (not found and sub[1] == 1):
            found.append(k)
            scheme, expect = sub[0], sub[1] + 1
    return found, scheme, expect


def split_subnumbered(
    rows: list[Row], columns: list[Column], warn: list
) -> list[tuple[RowCells, str]] | None:
    """(row cells, group) of each sub-numbered row, or None when the table is not laid out so:
    every serial row must hold a short title then sub-numbered lines, in a table without
    progress columns."""
    if not rows or any(c.role in ITEM_ROLES for c in columns):
        return None
    text_col = _text_column(columns)
    if text_col is None:
        return None
    task_col = next(i for i, c in enumerate(columns) if c.role is ColumnRole.TASK)
    leader = next((i for i, c in enumerate(columns) if c.role is ColumnRole.LEADER), None)
    units = [i for i, c in enumerate(columns) if c.role in _UNIT_ROLES and i > text_col]
    cell_cols = [c for c in [leader, *units] if c is not None]
    scheme: str | None = None
    expect = 1
    plan: list[tuple[Row, list[int]]] = []
    for row in rows:
        starts, scheme, expect = _starts(row, scheme, expect)
        if not starts or not 1 <= starts[0] <= _MAX_TITLE_PARAS:
            return None
        plan.append((row, starts))
    if sum(len(s) for _, s in plan) < 2:
        return None

    out: list[tuple[RowCells, str]] = []
    merged: list[str] = []
    orphans: list[str] = []
    for row, starts in plan:
        title = " ".join(p.text for p in row.paras[: starts[0]])
        group = " ".join(t for t in (row.group, f"{row.serial} {title}") if t)
        above: dict[int, list[str]] = {}
        for n, k in enumerate(starts):
            end = starts[n + 1] if n + 1 < len(starts) else len(row.paras)
            cells, stray = _cells(row.paras[k:end], task_col, leader, units)
            if stray:
                warn.append(
                    (
                        stray[0].line,
                        f"row {cells.serial}: {len(stray)} paragraph(s) after its unit cells "
                        f"({stray[0].text[:20]!r}…) fit no column: ignored",
                    )
                )
            lacking = [c for c in cell_cols if c not in cells.fixed]
            if lacking and above:
                for c in lacking:
                    if c in above:
                        cells.fixed[c] = list(above[c])
                names = "/".join(columns[c].header for c in lacking if c in above)
                merged.append(f"{cells.serial} {names}")
            elif lacking and len(lacking) == len(cell_cols):
                orphans.append(cells.serial)
            above = {c: v for c, v in cells.fixed.items() if c in cell_cols}
            out.append((cells, group))
    if merged:
        warn.append(
            (
                rows[0].line,
                "cells missing from rows in the flattened text were assumed merged from the "
                f"rows above (copied): {'; '.join(merged)}",
            )
        )
    if orphans:
        warn.append(
            (
                rows[0].line,
                f"rows {', '.join(orphans)} have no leader or unit cells and no row above in "
                "their group to take them from: left empty",
            )
        )
    return out


def _cells(
    paras: list[Para], task_col: int, leader: int | None, units: list[int]
) -> tuple[RowCells, list[Para]]:
    """One sub-row's cells: the numbered line (and its wrapped lines), then leader, units."""
    first = paras[0]
    m = _MARK.match(first.text)
    assert m is not None  # only sub-numbered paragraphs open sub-rows
    serial = f"({m.group(1)})" if m.group(1) else m.group(2)
    text = [first.text[m.end() :]]
    k = 1
    while k < len(paras) and not _is_cell(paras[k].text):
        text.append(paras[k].text)
        k += 1
    people: list[str] = []
    while k < len(paras) and looks_like_person(paras[k].text):
        people.append(paras[k].text)
        k += 1
    groups: list[list[str]] = []
    stray: list[Para] = []
    while k < len(paras):
        t = paras[k].text
        if groups and t[0] in "(（" and len(t) <= 20 and numbering(t) is None:
            groups[-1].append(t)  # "(邹区镇)", "(安委办)": continues the unit above
        elif _is_unit(t):
            groups.append([t])
        else:
            stray.extend(paras[k:])
            break
        k += 1
    cells = RowCells(serial=serial, line_start=first.line, line_end=paras[k - 1].line)
    # The task column is merged over the group; the row's own text is its sub-numbered line.
    cells.fixed[task_col] = ["\n".join(text)]
    if people and leader is not None:
        cells.fixed[leader] = people
    if groups and units:
        if len(units) == 1:
            cells.fixed[units[0]] = [line for g in groups for line in g]
        else:
            cells.fixed[units[0]] = groups[0]
            if groups[1:]:
                cells.fixed[units[1]] = [line for g in groups[1:] for line in g]
    return cells, stray


def _is_unit(text: str) -> bool:
    return looks_like_units(text) or (len(text) <= 12 and not CLOSING.search(text))


def _is_cell(text: str) -> bool:
    return looks_like_person(text) or looks_like_units(text)
