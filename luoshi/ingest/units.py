"""Splitting a 责任单位 cell into unit names, lead first.

Names are separated by 、 , ， ; ； or line breaks at the top level only: 市府办(市大数据局、外事办)
is one name. A parenthesised remark about the table itself, such as
"(列第一位者为工作牵头或汇总单位,下同)", is a note for the document, not part of a name.
"""

from __future__ import annotations

import re

_SEPARATORS = set("、,，;；\n")
_OPEN = "(（[【〔<〈《"
_CLOSE = ")）]】〕>〉》"

# Remarks about how to read the column (the first named leads, "the same below" …).
_NOTE = re.compile(r"列第一位|排在第一位|排名第一|第一位者|为牵头单位|为工作牵头|下同|牵头或汇总")
_LEAD_MARK = re.compile(r"^[*＊★☆]+\s*")
_LEAD_MARK_AFTER = re.compile(r"\s*[*＊★☆]+$")


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
    units: list[str] = []
    marked: list[str] = []
    for raw in names:
        name = _LEAD_MARK_AFTER.sub("", _LEAD_MARK.sub("", raw.strip()))
        if name:
            units.append(name)
            if name != raw.strip():
                marked.append(name)
    # A lead marker (*, ★) names the lead units: they go first, in their order.
    units = marked + [n for n in units if n not in marked]
    return units, notes


# Units written inside the task text.
_INLINE = re.compile(
    r"[(（\[【]\s*((?:牵头单位|责任单位|牵头部门|配合单位)\s*[:：].*?)[)）\]】]\s*$"
)
# A "责任单位:…" label closing the cell, on a line of its own or after the task's last sentence.
_LINE = re.compile(r"(?:^|\n|(?<=[。;；!！]))\s*(?:责任单位|牵头单位)\s*[:：]\s*([^\n]+)\s*$")
_PART = re.compile(r"(牵头单位|责任单位|牵头部门|配合单位)\s*[:：]\s*")


def units_in_text(text: str) -> tuple[str, list[str], list[str]] | None:
    """(text without the note, lead-side units text, co units text) when the task text ends
    with a unit note: "…。(牵头单位:市住建局)", "[牵头单位:市府办;配合单位:…]", or a line
    "责任单位:…"; None otherwise."""
    m = _INLINE.search(text) or _LINE.search(text)
    if not m:
        return None
    note = m.group(1)
    lead: list[str] = []
    co: list[str] = []
    pieces = _PART.split(note)
    if len(pieces) == 1:  # a bare "责任单位:…" line
        lead.append(note)
    for key, value in zip(pieces[1::2], pieces[2::2], strict=False):
        value = value.strip().rstrip(";；")
        (co if key == "配合单位" else lead).append(value)
    return text[: m.start()].rstrip(), lead, co
