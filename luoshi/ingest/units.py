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
# Lead markers (*, ★) before or after a name. Stripped with str methods, not a pattern: the
# former "\s*[*★]+$" retried at every position of a long run of marks (quadratic).
_LEAD_MARKS = "*＊★☆"


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
        name = _strip_lead_marks(raw.strip())
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
_LINE = re.compile(r"(?:^|\n)\s*(?:责任单位|牵头单位)\s*[:：]\s*([^\n]+)\s*$")
_PART = re.compile(r"(牵头单位|责任单位|牵头部门|配合单位)\s*[:：]\s*")


def units_in_text(text: str) -> tuple[str, list[str], list[str]] | None:
    """(text without the note, lead-side units text, co units text) when the task text ends
    with a unit note: "…。(牵头单位:市住建局)", "[牵头单位:市府办;配合单位:…]", or a line
    "责任单位:…"; None otherwise."""
    start = _inline_start(text)
    m = (_INLINE.match(text, start) if start is not None else None) or _LINE.search(text)
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


def _strip_lead_marks(name: str) -> str:
    """``name`` without lead markers at its start or end (and the spaces next to them)."""
    if name[:1] in _LEAD_MARKS:
        name = name.lstrip(_LEAD_MARKS).lstrip()
    if name[-1:] in _LEAD_MARKS:
        name = name.rstrip(_LEAD_MARKS).rstrip()
    return name


_NOTE_LABEL = ("牵头单位", "责任单位", "牵头部门", "配合单位")


def _inline_start(text: str) -> int | None:
    """Where ``_INLINE`` matches, found in linear time (searching with the pattern retried its
    lazy tail from every opening bracket: quadratic on a line of many "(牵头单位:").

    The note closes the text: the text (trailing spaces aside) ends with a closing bracket, and
    the note's label, colon and content lie on that last line, after an opening bracket with
    only spaces between. The leftmost such bracket is where the pattern matches."""
    t = text.rstrip()
    if not t or t[-1] not in ")）]】":
        return None
    line_start = t.rfind("\n") + 1
    for q in range(line_start, len(t) - 1):
        if t[q] not in ":：":
            continue
        k = q
        while k > 0 and t[k - 1].isspace():
            k -= 1
        if t[k - 4 : k] not in _NOTE_LABEL:
            continue
        p = k - 4
        while p > 0 and t[p - 1].isspace():
            p -= 1
        if p > 0 and t[p - 1] in "(（[【" and _INLINE.match(text, p - 1):
            return p - 1
    return None
