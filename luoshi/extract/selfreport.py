"""SELF-REPORTED RESULT: a task whose own text reports what it reached against its target.

An indicator 通报 writes each item as one sentence — "全市实现地区生产总值X亿元,同比增长13.3%,增幅
高于年度目标0.3个百分点" — with no task text apart from its result and no progress cell. Such a
sentence says what was achieved: its figures are achievements, never targets (a target is not
compared with itself), and the gap to the target (0.3个百分点) is a comparison, neither. The
rule, true of any page: a task with no progress text and no achieved-figure cell whose text
compares a figure with its target by a gap (高于/低于…目标 N个百分点, words in
``rules.SELF_REPORT_*``) is read as its own progress — no targets, its figures measured, the
gap left out — and graded by the comparison: at or above the target on track; below it amber
(the year is not over, the gap may close), red when the report's period is the whole year.
The alternative reading (task = the indicator's name, done = the sentence) gives the same
figures and grade, so it is not warned.
"""

from __future__ import annotations

import dataclasses
import re

from luoshi.extract import rules
from luoshi.extract.model import Span, StatusResult
from luoshi.ingest.model import Item, Period, Task
from luoshi.vocab import PeriodKind, Status

_VERSUS = re.compile(
    rf"(?:增幅|增速|增长)?(?P<dir>{'|'.join(rules.SELF_REPORT_ABOVE + rules.SELF_REPORT_BELOW)})"
    rf"{rules.SELF_REPORT_YARDSTICK}(?:增幅|增速)?\s*(?P<gap>\d+(?:\.\d+)?)\s*个?百分点"
)


def reports_result(task: Task, actual_cells: list[str]) -> bool:
    """Whether the task is read by this rule: no progress text, no achieved-figure cell, and
    its text compares a figure with its target by a gap."""
    if any(item.done.strip() for item in task.items) or any(c.strip() for c in actual_cells):
        return False
    return bool(_VERSUS.search(task.text))


def as_progress(task: Task) -> Task:
    """The task with its own sentence as its progress, the comparisons to the target blanked
    (kept the same length, so offsets into the text still hold)."""
    done = _VERSUS.sub(lambda m: " " * len(m.group(0)), task.text)
    return dataclasses.replace(task, items=[Item(done=done)])


def grade(task: Task, period: Period | None) -> StatusResult:
    """The status the comparisons give: any below the target is amber (red at the year's end),
    else on track."""
    found = list(_VERSUS.finditer(task.text))
    below = [m for m in found if m.group("dir") in rules.SELF_REPORT_BELOW]
    m = below[0] if below else found[0]
    span = Span("text", None, m.start(), m.end(), m.group(0))
    if not below:
        return StatusResult(Status.ON_TRACK, "自述达到或高于目标", [span], "self_report")
    if period is not None and period.kind is PeriodKind.ANNUAL:
        return StatusResult(Status.BEHIND, "全年低于目标", [span], "self_report")
    return StatusResult(Status.AT_RISK, "低于目标,年内仍可追赶", [span], "self_report")
