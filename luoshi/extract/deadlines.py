"""A result promised by a date within the year (6月底前建成, 上半年出台, 一季度内开工): once the
report's period ends after that date and the entry does not say it is done, the task as a
whole has missed its date.

Rule (rules.DEADLINE_*, docs/analysis.md): the task's text gives the deadline right before a
verb of a result (rules.MILESTONE_VERBS or a finishing verb); the earliest such deadline
counts. Only tasks without figures (milestones: a task with targets is judged by its
figures). A task the other rules found done, not begun (already red) or without an entry is left
as it is; otherwise, after the deadline's month, it is behind (red), its reason naming the date
and the period, with the entry's first words as evidence. Year-end deadlines (年底前) fall due
with the year, when the pace rules already judge what is left.
"""

from __future__ import annotations

import re

from luoshi.extract import rules
from luoshi.extract.model import Span, StatusResult
from luoshi.extract.numbers import normalise
from luoshi.ingest.model import Period
from luoshi.vocab import PeriodKind, Status

_DEADLINE = re.compile(rules.DEADLINE_BEFORE)
_VERBS = tuple(sorted({*rules.MILESTONE_VERBS, *rules.FINISH_VERBS}, key=len, reverse=True))


def deadline(task_text: str) -> tuple[int, str] | None:
    """(month, the deadline as written) of the earliest result the task promises by a date
    within the year, else None."""
    norm = normalise(task_text)
    found: list[tuple[int, str]] = []
    for m in _DEADLINE.finditer(norm):
        rest = norm[m.end() : m.end() + rules.DEADLINE_VERB_WINDOW]
        if not any(v in rest for v in _VERBS):
            continue
        month = int(m.group("m")) if m.group("m") else rules.DEADLINE_PERIODS[m.group("p")]
        if 1 <= month < 12:
            found.append((month, m.group(0)))
    return min(found) if found else None


def overdue(task_text: str, period: Period | None, status: StatusResult,
            evidence: Span | None) -> StatusResult | None:
    """Behind when the task's deadline has passed by the end of ``period`` and ``status`` is
    neither done nor already red nor empty; else None."""
    if period is None or period.kind is PeriodKind.PLAN:
        return None
    if status.value in (Status.DONE, Status.BEHIND, Status.NOT_STARTED, Status.NO_DATA):
        return None
    due = deadline(task_text)
    if due is None or period.end_month <= due[0]:
        return None
    written = due[1]
    reason = f"任务要求“{written}”完成,截至{period.label}未见完成"
    return StatusResult(Status.BEHIND, reason, [evidence] if evidence else [], "deadline")
