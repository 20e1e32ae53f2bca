"""A whole table run onto one line: cells and rows separated by single spaces::

    …统计表 序号 承担的重点工作 完成状态 工作进展情况 牵头单位 一、主要目标 1 地区生产总值增长6%。
    序时推进 一季度增长5%。 市发展改革委 2 社会消费品零售总额增长8%。 序时推进 … 市商务局

The rule, true of such pages whatever the place: inside a long line, a run of three or more
space-separated pieces opening with 序号, every piece a known column header and one of them
the task or progress column, is the header when the piece after it opens the first row (the
serial 1, or a group heading 一、…). After it, each piece that is the next serial in order
(1, 2, 3 …, or 1 again after a group heading) opens a row — alone or glued to the row's
first cell by a list mark (3.新建公园) — and a group heading piece is a row of its own; later
lines holding more rows run together are cut the same way. The line is unfolded into one line per row and read as space-rows
(:mod:`luoshi.ingest.text.spacerows`), whose cells are aligned by content; what stood before
the header on the line is the preamble (the title). A serial met inside a cell's text would
open a row early: the space-rows reader's cut-row warnings then say so.
"""

from __future__ import annotations

import re

from luoshi.ingest.headers import (
    header_role,
    header_roles,
    may_be_serial,
    may_be_serial_pattern,
    normalise_header,
)
from luoshi.ingest.text.shapes import ROW_SERIAL, is_group
from luoshi.vocab import ColumnRole

# A header and one row at least: shorter lines hold no table run together.
_MIN_LINE = 80
_MAX_HEADER_WORDS = 12
_MAX_HEADER_WORD = 16
_SERIAL = re.compile(rf"^({ROW_SERIAL})[.、．]?$")
# A serial glued to the first cell by a list mark: 3.新建公园 (not 3月, 30%: a mark is needed)
_GLUED_SERIAL = re.compile(rf"^({ROW_SERIAL})[.、．](?=[^\d])")
_TEXT_ROLES = (ColumnRole.TASK, ColumnRole.DONE)
_SERIAL_ROLE = ColumnRole.SERIAL
_GROUP_OPEN = re.compile(
    r"^(?:[一二三四五六七八九十]{1,3}、|[(（][一二三四五六七八九十]{1,3}[)）])"
)


def _header_run(tokens: list[str], j: int) -> int:
    """End (exclusive) of the header run opening at tokens[j] (序号), or -1 when there is
    none: the longest run of known header words whose next piece opens a row."""
    best = -1
    for k in range(j + 3, min(len(tokens), j + _MAX_HEADER_WORDS) + 1):
        words = tokens[j:k]
        if len(normalise_header(words[-1])) > _MAX_HEADER_WORD or _is_group_piece(words[-1]):
            break
        roles = header_roles(words)
        if ColumnRole.OTHER in roles:
            break
        if k < len(tokens) and _opens_rows(tokens[k]) and any(r in _TEXT_ROLES for r in roles):
            best = k
    return best


def _opens_rows(piece: str) -> bool:
    m = _SERIAL.match(piece) or _GLUED_SERIAL.match(piece)
    return (m is not None and m.group(1) == "1") or _is_group_piece(piece)


def _is_group_piece(piece: str) -> bool:
    """A group heading standing as one piece: 一、…, (二)… (not 一是…, which is text)."""
    return _GROUP_OPEN.match(piece) is not None and is_group(piece)


def _split_serial(piece: str, glued: bool) -> tuple[int, str] | None:
    """(serial, rest) of a piece that is a serial: alone (3, 3.), or — in a table whose first
    row's serial is glued — glued to its row's first cell by a list mark (3.新建公园);
    None otherwise."""
    m = _GLUED_SERIAL.match(piece) if glued else _SERIAL.match(piece)
    if m is None:
        return None
    return int(m.group(1)), piece[m.end() :]


def _rows_of(
    tokens: list[str], prev: int, rows: list[list[str]], current: list[str], glued: bool
) -> int:
    """Cut ``tokens`` into rows: each next serial in order (1 again after a group heading)
    and each group heading piece opens one. ``rows`` gets the rows completed, ``current``
    holds the row still open; returns the last serial."""
    for piece in tokens:
        cut = _split_serial(piece, glued)
        value = cut[0] if cut else None
        opens = value is not None and (value == prev + 1 or (value == 1 and prev != 0))
        if opens or _is_group_piece(piece):
            if current:
                rows.append(list(current))
            current[:] = [str(value), cut[1]] if opens and cut and cut[1] else [piece]
            prev = value if opens and value is not None else prev
            continue
        current.append(piece)
    return prev


def _pieces(line: str, pipes: bool) -> list[str]:
    if not pipes:
        return line.split()
    cells = [c.strip() for c in line.split("|")]
    return cells[1:] if cells and not cells[0] else cells  # an opening bar starts no cell


def unfold_one_line_table(lines: list[str], pipes: bool = False) -> list[str] | None:
    """The lines with a table run onto one line unfolded, one line per row; None when no line
    holds such a table. Later lines holding more rows run together are unfolded too. With
    ``pipes`` the cells are those between bars (``a | b | c``, empty ones kept) and the rows
    are written back with bars; otherwise pieces between spaces."""
    # (a piece is part of its line: a line none of whose characters may_be_serial examines
    # as a serial's has no piece that can be 序号 — most long lines, ruled out by one search
    # before they are split)
    may_be = may_be_serial_pattern().search
    for i, line in enumerate(lines):
        if len(line) < _MIN_LINE or may_be(line) is None:
            continue
        tokens = _pieces(line, pipes)
        for j, tok in enumerate(tokens):
            # (header_roles of one cell is its header_role: asked of every piece of every long
            # line, most ruled out by may_be_serial's one search)
            if not may_be_serial(tok) or header_role(tok, False) is not _SERIAL_ROLE:
                continue
            end = _header_run(tokens, j)
            if end < 0:
                continue
            rows: list[list[str]] = [tokens[j:end]]
            current: list[str] = []
            # the first row says how serials stand: alone, or glued to the first cell (a
            # numbered point inside a cell, 1.…, would otherwise open rows)
            first = next((t for t in tokens[end:] if not _is_group_piece(t)), "")
            glued = _SERIAL.match(first) is None
            prev = _rows_of(tokens[end:], 0, rows, current, glued)
            for later in lines[i + 1 :]:
                prev = _rows_of(_pieces(later, pipes), prev, rows, current, glued)
            if current:
                rows.append(current)
            before = " ".join(t for t in tokens[:j] if t)
            if pipes:
                out = [" | ".join(r).rstrip(" |") + " |" for r in rows]
            else:
                out = [" ".join(r) for r in rows]
            return [*lines[:i], *([before] if before else []), *out]
    return None
