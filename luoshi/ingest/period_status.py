"""PERIOD STATUS COLUMNS: columns named by periods (第1季 … 第4季, 1月, 上半年) whose filled
cells are all declared grades — a risk grade (高风险 / 中风险 / 低风险, written 高風險 too),
a light (红灯 / 黄灯 / 绿灯) or a status word (正常, 滞后, 已完成) — are the task's declared
status in each period, role declared status, whatever the table's other columns are. A
monitoring table grades each project once a period, so the grade, not a figure or a sentence,
is what such a column holds; a period column holding anything else (amounts, sentences) keeps
its role (a plan under a schedule, or progress). With a warning, since the alternative —
period columns of one timeline of progress — is possible.

Pure Python: used by :func:`luoshi.ingest.gridlayout.status_columns` for every layout.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from luoshi.ingest.headers import PERIOD_WORD, header_key
from luoshi.ingest.model import Column
from luoshi.ingest.script import to_simplified
from luoshi.vocab import ColumnRole

# A grade, compared simplified: a risk level, a light, or a short status word.
_GRADE = re.compile(
    r"^(?:极?高|中|低|无)风险$|^[红黄绿橙蓝]灯$"
    r"|^(?:正常|滞后|落后|超前|提前|已完成|未完成|完成|达序|未达序|序时)$"
)

_MAX_GRADE = 4


def is_grade(text: str) -> bool:
    """``text`` is one declared grade (高风险, 黄灯, 滞后), in either script."""
    s = text.strip()
    # (no grade is longer: asked of every short cell, most are rejected here)
    return 0 < len(s) <= _MAX_GRADE and bool(_GRADE.match(to_simplified(s)))


def period_status_columns(
    columns: list[Column], cells: Callable[[int], list[str]]
) -> list[str]:
    """Change in place the period columns whose filled cells are all grades to declared
    status; returns a warning naming them ([] when none). ``cells(i)`` gives column i's
    cells."""
    found: list[int] = []
    for i, c in enumerate(columns):
        if c.role not in (ColumnRole.OTHER, ColumnRole.DONE):
            continue
        if not PERIOD_WORD.match(header_key(c.header)):
            continue
        filled = [t for t in cells(i) if t.strip()]
        if filled and all(is_grade(t) for t in filled):
            found.append(i)
    for i in found:
        columns[i] = Column(header=columns[i].header, role=ColumnRole.DECLARED_STATUS)
    if not found:
        return []
    names = "/".join(columns[i].header for i in found)
    return [
        f"columns {names} are periods holding only grades (高风险, 黄灯, 滞后 …): read as the "
        "declared status of each period (alternative: period columns of progress)"
    ]
