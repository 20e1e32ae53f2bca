"""Splitting a 责任单位 cell into unit names, lead first.

Names are separated by 、 , ， ; ； or line breaks at the top level only: 市府办(市大数据局、外事办)
is one name. A parenthesised remark about the table itself, such as
"(列第一位者为工作牵头或汇总单位,下同)", is a note for the document, not part of a name.
"""

from __future__ import annotations

import re

_SEPARATORS = set("、,，;；\n")
_OPEN = "(（[【〔"
_CLOSE = ")）]】〕"

# Remarks about how to read the column (the first named leads, "the same below" …).
_NOTE = re.compile(r"列第一位|排在第一位|排名第一|第一位者|为牵头单位|为工作牵头|下同|牵头或汇总")
_LEAD_MARK = re.compile(r"^[*＊★☆]+\s*")


def split_units(cell: str) -> tuple[list[str], list[str]]:
    """(unit names in order, notes found in the cell)."""
    notes: list[str] = []
    names: list[str] = []
    buf: list[str] = []
    depth = 0
    group_start = 0  # index in buf where the current parenthesised group began
    for ch in cell:
        if ch in _OPEN:
            if depth == 0:
                group_start = len(buf)
            depth += 1
            buf.append(ch)
        elif ch in _CLOSE and depth > 0:
            depth -= 1
            buf.append(ch)
            if depth == 0:
                group = "".join(buf[group_start:])
                if _NOTE.search(group):
                    notes.append(group)
                    del buf[group_start:]
        elif ch in _SEPARATORS and depth == 0:
            names.append("".join(buf))
            buf = []
        else:
            buf.append(ch)
    names.append("".join(buf))
    units = []
    for name in names:
        name = _LEAD_MARK.sub("", name.strip())
        if name:
            units.append(name)
    return units, notes
