"""A whole table run onto one line: cells and rows separated by single spaces::

    …统计表 序号 承担的重点工作 完成状态 工作进展情况 牵头单位 一、主要目标 1 地区生产总值增长6%。
    序时推进 一季度增长5%。 市发展改革委 2 社会消费品零售总额增长8%。 序时推进 … 市商务局

The rule, true of such pages whatever the place: inside a long line, a run of three or more
space-separated pieces opening with 序号, every piece a known column header and one of them
the task or progress column, is the header when the piece after it opens the first row (the
serial 1, or a group heading 一、…). After it, each piece that is the next serial in order
(1, 2, 3 …, or 1 again after a group heading) opens a row, and a group heading piece is a row
of its own. The line is unfolded into one line per row and read as space-rows
(:mod:`luoshi.ingest.text.spacerows`), whose cells are aligned by content; what stood before
the header on the line is the preamble (the title). A serial met inside a cell's text would
open a row early: the space-rows reader's cut-row warnings then say so.
"""

from __future__ import annotations

import re

from luoshi.ingest.headers import header_roles, normalise_header
from luoshi.ingest.text.shapes import is_group
from luoshi.vocab import ColumnRole

# A header and one row at least: shorter lines hold no table run together.
_MIN_LINE = 80
_MAX_HEADER_WORDS = 12
_MAX_HEADER_WORD = 16
_SERIAL = re.compile(r"^(\d{1,3})[.、．]?$")
_TEXT_ROLES = (ColumnRole.TASK, ColumnRole.DONE)
_GROUP_OPEN = re.compile(r"^(?:[一二三四五六七八九十]{1,3}、|[(（][一二三四五六七八九十]{1,3}[)）])")


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
    m = _SERIAL.match(piece)
    return (m is not None and m.group(1) == "1") or _is_group_piece(piece)


def _is_group_piece(piece: str) -> bool:
    """A group heading standing as one piece: 一、…, (二)… (not 一是…, which is text)."""
    return _GROUP_OPEN.match(piece) is not None and is_group(piece)


def unfold_one_line_table(lines: list[str]) -> list[str] | None:
    """The lines with a table run onto one line unfolded, one line per row; None when no line
    holds such a table."""
    for i, line in enumerate(lines):
        if len(line) < _MIN_LINE:
            continue
        tokens = line.split()
        for j, tok in enumerate(tokens):
            if header_roles([tok]) != [ColumnRole.SERIAL]:
                continue
            end = _header_run(tokens, j)
            if end < 0:
                continue
            rows: list[str] = [" ".join(tokens[j:end])]
            current: list[str] = []
            prev = 0
            for piece in tokens[end:]:
                m = _SERIAL.match(piece)
                value = int(m.group(1)) if m else None
                opens = value is not None and (value == prev + 1 or (value == 1 and prev != 0))
                if opens or _is_group_piece(piece):
                    if current:
                        rows.append(" ".join(current))
                    current = [piece]
                    prev = value if opens and value is not None else prev
                    continue
                current.append(piece)
            if current:
                rows.append(" ".join(current))
            before = " ".join(tokens[:j])
            return [*lines[:i], *([before] if before else []), *rows, *lines[i + 1 :]]
    return None
