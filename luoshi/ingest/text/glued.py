"""The glued layout: a page whose table cells were flattened with no delimiter at all (024)::

    序号内容与要求完成情况责任单位
    1确保地区生产总值增长7%以上。…前三季度,全市GDP增长11.4%…市发改委

Read as far as it can be done honestly: the header is split into known header words
(:func:`~luoshi.ingest.headerwords.split_header_words`; a category column may stand before the
serial, its value then repeated at the start of every row: ``类别序号重点督办内容牵头单位…`` /
``经济发展1地区生产总值…``); a row is a line opening with the next serial (after the category
text); a unit name right after the task's last sentence, followed by more text, is the unit
cell between the task and the progress; a trailing unit name (市发改委, 区财政局、区发改局) is the
unit cell; the task and progress texts are split where, after a full stop, the progress opens
with a period phrase (前三季度, 1-11月, 截至…) or a first list item ("1."). Every split is a guess,
so the document always carries a warning; a row whose parts cannot be told apart keeps its
whole text as the task, with a warning.
"""

from __future__ import annotations

import re

from luoshi.ingest.grid import Grid, GridCell
from luoshi.ingest.gridlayout import document_from_grids
from luoshi.ingest.headers import header_role
from luoshi.ingest.headerwords import opens_with_first_column, split_header_words
from luoshi.ingest.model import ParsedDocument
from luoshi.ingest.text.shapes import ROW_SERIAL
from luoshi.vocab import UNIT_COLUMN_ROLES, ColumnRole

GLUED_LAYOUT = "glued"

_WORDS = (
    r"序号|任务内容|重点工作|工作内容|主要工作任务|主要任务|目标任务|内容与要求|工作事项|实事内容|项目内容"
    r"|责任单位|牵头单位|配合单位|牵头部门|存在问题及困难|存在问题|下一步工作|下步打算"
    r"|[^\s序]{0,6}?(?:完成情况|进展情况)"
)
_HEADER = re.compile(rf"^(?:{_WORDS}){{3,8}}$")
_WORD = re.compile(_WORDS)
_ROW = re.compile(rf"^({ROW_SERIAL})(?=[^\d.．、%])")
_UNIT = r"[\u4e00-\u9fa5()（）]{1,14}?(?:局|委|办|中心|集团|政府|管委会)"
_UNITS = re.compile(rf"(?<=[。;；.!！)）”%\d])((?:{_UNIT})(?:[、,，]{_UNIT})*)$")
_PROGRESS_START = re.compile(
    r"[。;；](?=\s*(?:前三季度|上半年|一季度|全年|今年以来|截至|截止|1[-—~至]\d{1,2}月|\d{1,2}月|"
    r"1\s*[.．、](?!\d)))"
)


_MID_UNITS = re.compile(rf"(?<=[。;；.!！)）”%\d])((?:{_UNIT})(?:[、,，]{_UNIT})*)(?=\S)")
_ROW_AFTER = re.compile(rf"^(\D{{0,40}}?)({ROW_SERIAL})(?=[^\d.．、%])")


def _glued_header(line: str) -> list[str] | None:
    """The header words of a glued header line: split_header_words cuts it wholly into known
    words, a serial among them, with at most a category column before it."""
    s = line.strip()
    if not s or len(s) > 80 or " " in s or "|" in s or not opens_with_first_column(s):
        return None
    if s.startswith("序号") and _HEADER.match(s):
        return _WORD.findall(s)
    words = split_header_words(s)
    if not words or len(words) < 3:
        return None
    roles = [header_role(w, have_task=True) for w in words]
    if ColumnRole.SERIAL not in roles:
        return None
    before = roles[: roles.index(ColumnRole.SERIAL)]
    if any(r is not ColumnRole.CATEGORY for r in before):
        return None
    return words


# A glued header line opens (after its leading whitespace) with a word _FIRST_WORD accepts;
# these are those words' first characters. Found in the whole text at once: most lines open
# otherwise and need no test of their own. (The pattern opens with the newline before a line,
# a literal, so the scan jumps from line to line instead of trying "^" at every character:
# the same lines, in half the time.)
_OPENERS = re.compile(r"\n[^\S\n]*[序编編类類大分领領工项項]")


def _candidates(lines: list[str]) -> list[int]:
    """Indexes of the lines that can be a glued header (a superset), in order."""
    text = "\n" + "\n".join(lines)  # a newline before every line, the first one too
    out: list[int] = []
    at, line = 0, -1
    for m in _OPENERS.finditer(text):
        line += text.count("\n", at, m.start() + 1)
        at = m.start() + 1
        out.append(line)
    return out


def read_glued(lines: list[str], name: str) -> ParsedDocument | None:
    """The document, or None when no glued header line is found."""
    found = next(((i, w) for i in _candidates(lines) if (w := _glued_header(lines[i]))), None)
    if found is None:
        return None
    h, headers = found
    warnings: list[tuple[int | None, str]] = [
        (
            h + 1,
            "cells are glued together with no delimiter: header split by known header words, "
            "rows by their serials, units by trailing unit names, task and progress at the "
            "first period phrase; check the result",
        )
    ]
    roles = [header_role(w, have_task=True) for w in headers]
    serial_col = roles.index(ColumnRole.SERIAL) if ColumnRole.SERIAL in roles else 0
    unit_col = next((k for k, r in enumerate(roles) if r in UNIT_COLUMN_ROLES), None)
    done_col = next((k for k, r in enumerate(roles) if r is ColumnRole.DONE), None)
    task_col = next((k for k, r in enumerate(roles) if r is ColumnRole.TASK), serial_col + 1)
    # a unit cell between the task and the progress, or after the progress
    mid_units = unit_col is not None and done_col is not None and unit_col < done_col
    rows: list[list[GridCell | None]] = [
        [GridCell(w, 0, c, line=h + 1) for c, w in enumerate(headers)]
    ]
    prev = 0
    for i in range(h + 1, len(lines)):
        s = lines[i].strip()
        if not s:
            continue
        m = _ROW.match(s) if serial_col == 0 else _ROW_AFTER.match(s)
        value = m.group(m.lastindex or 1) if m else ""
        if not m or int(value) != prev + 1:
            if len(rows) > 1:  # a wrapped line of the previous row: its last text cell
                last = rows[-1][done_col if done_col is not None and not mid_units else task_col]
                if mid_units and rows[-1][done_col].text:  # type: ignore[index]
                    last = rows[-1][done_col]  # type: ignore[index]
                if last is not None:
                    last.text += "\n" + s
            continue
        prev = int(value)
        rest = s[m.end() :]
        cells = [""] * len(headers)
        cells[serial_col] = value
        if serial_col:
            cells[0] = m.group(1)  # the category cell, repeated on every row
        if mid_units:
            u = _MID_UNITS.search(rest)
            if u:
                cells[task_col] = rest[: u.start()]
                cells[unit_col] = u.group(1)  # type: ignore[index]
                cells[done_col] = rest[u.end() :].strip()  # type: ignore[index]
            else:
                cells[task_col] = rest
                warnings.append(
                    (i + 1, f"row {prev}: no unit name after the task: all kept as task")
                )
            rows.append([GridCell(t, len(rows), c, line=i + 1) for c, t in enumerate(cells)])
            continue
        if unit_col is not None:
            u = _UNITS.search(rest)
            if u:
                cells[unit_col] = u.group(1)
                rest = rest[: u.start()]
            else:
                warnings.append((i + 1, f"row {prev}: no unit name at its end (cut off?)"))
        split = _PROGRESS_START.search(rest) if done_col is not None else None
        if split:
            cells[task_col] = rest[: split.end()]
            cells[done_col] = rest[split.end() :].strip()  # type: ignore[index]
        else:
            cells[task_col] = rest
            warnings.append(
                (i + 1, f"row {prev}: task and progress cannot be told apart: all kept as task")
            )
        rows.append([GridCell(t, len(rows), c, line=i + 1) for c, t in enumerate(cells)])
    if len(rows) == 1:
        return None
    grid = Grid(rows=rows, preamble=[s for s in lines[:h] if s.strip()])
    doc = document_from_grids([grid], name, "text", GLUED_LAYOUT, warnings)
    doc.doubts.append("cells glued together: every border between them is a guess")
    return doc
