"""The glued layout: a page whose table cells were flattened with no delimiter at all (024)::

    序号内容与要求完成情况责任单位
    1确保地区生产总值增长7%以上。…前三季度,全市GDP增长11.4%…市发改委

Read as far as it can be done honestly: the header is split into known header words; a row is
a line opening with the next serial; a trailing unit name (市发改委, 区财政局、区发改局) is the
unit cell; the task and progress texts are split where, after a full stop, the progress opens
with a period phrase (前三季度, 1-11月, 截至…) or a first list item ("1."). Every split is a guess,
so the document always carries a warning; a row whose parts cannot be told apart keeps its
whole text as the task, with a warning.
"""

from __future__ import annotations

import re

from luoshi.ingest.grid import Grid, GridCell
from luoshi.ingest.gridlayout import document_from_grids
from luoshi.ingest.model import ParsedDocument

GLUED_LAYOUT = "glued"

_WORDS = (
    r"序号|任务内容|重点工作|工作内容|主要工作任务|主要任务|目标任务|内容与要求|工作事项|实事内容|项目内容"
    r"|责任单位|牵头单位|配合单位|牵头部门|存在问题及困难|存在问题|下一步工作|下步打算"
    r"|[^\s序]{0,6}?(?:完成情况|进展情况)"
)
_HEADER = re.compile(rf"^(?:{_WORDS}){{3,8}}$")
_WORD = re.compile(_WORDS)
_ROW = re.compile(r"^(\d{1,3})(?=[^\d.．、%])")
_UNIT = r"[\u4e00-\u9fa5()（）]{1,14}?(?:局|委|办|中心|集团|政府|管委会)"
_UNITS = re.compile(rf"(?<=[。;；.!！)）”%\d])((?:{_UNIT})(?:[、,，]{_UNIT})*)$")
_PROGRESS_START = re.compile(
    r"[。;；](?=\s*(?:前三季度|上半年|一季度|全年|今年以来|截至|截止|1[-—~至]\d{1,2}月|\d{1,2}月|"
    r"1\s*[.．、](?!\d)))"
)


def read_glued(lines: list[str], name: str) -> ParsedDocument | None:
    """The document, or None when no glued header line is found."""
    h = next(
        (
            i
            for i, s in enumerate(lines)
            if s.strip().startswith("序号") and _HEADER.match(s.strip())
        ),
        None,
    )
    if h is None:
        return None
    headers = _WORD.findall(lines[h].strip())
    warnings: list[tuple[int | None, str]] = [
        (
            h + 1,
            "cells are glued together with no delimiter: header split by known header words, "
            "rows by their serials, units by trailing unit names, task and progress at the "
            "first period phrase; check the result",
        )
    ]
    roles = [w for w in headers]
    unit_col = next((k for k, w in enumerate(roles) if "单位" in w or "部门" in w), None)
    done_col = next((k for k, w in enumerate(roles) if "情况" in w), None)
    rows: list[list[GridCell | None]] = [
        [GridCell(w, 0, c, line=h + 1) for c, w in enumerate(headers)]
    ]
    prev = 0
    for i in range(h + 1, len(lines)):
        s = lines[i].strip()
        m = _ROW.match(s)
        if not s:
            continue
        if not m or int(m.group(1)) != prev + 1:
            if len(rows) > 1:  # a wrapped line of the previous row
                last = rows[-1][1]
                if last is not None:
                    last.text += "\n" + s
            continue
        prev = int(m.group(1))
        rest = s[m.end() :]
        cells = [""] * len(headers)
        cells[0] = m.group(1)
        if unit_col is not None:
            u = _UNITS.search(rest)
            if u:
                cells[unit_col] = u.group(1)
                rest = rest[: u.start()]
            else:
                warnings.append((i + 1, f"row {prev}: no unit name at its end (cut off?)"))
        split = _PROGRESS_START.search(rest) if done_col is not None else None
        task_col = 1
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
    return document_from_grids([grid], name, "text", GLUED_LAYOUT, warnings)
