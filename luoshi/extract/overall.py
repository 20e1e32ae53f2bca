"""The task's overall progress stated in its progress text (总完成进度为100%, 工程总体进度达60%):
the unit's own share of the whole task, the same evidence as a declared 形象进度 column
(table.declared_status) written into the text instead of a column of its own.

OVERALL SHARE (rules.OVERALL_SHARE): a share of 100% or more is the task done, unless the text
says building is still under way (rules.DECLARED_FULL_UNDER_WAY: then this year's plan done, on
course, the other reading said). A smaller share is not judged by pace: the whole of a project
may run over several years (工程总体进度为60% of a two-year build is no lag), so red or amber
from it alone would not be red; the rest of the text decides. It meets the status read from the
rest of the text by table.combine (a done wins over a green or grey reading, never over red).
Only when the table declares nothing itself.
"""

from __future__ import annotations

import re

from luoshi.extract import rules
from luoshi.extract.model import FIELD_DONE, Span
from luoshi.extract.numbers import normalise
from luoshi.extract.table import Declared, DeclaredShare
from luoshi.ingest.model import Task
from luoshi.vocab import Status

_OVERALL = re.compile(rules.OVERALL_SHARE)
_UNDER_WAY = re.compile(rules.DECLARED_FULL_UNDER_WAY)


def stated_overall(task: Task) -> Declared | None:
    """The status the task's overall share, stated in a progress text, declares, or None."""
    for i, item in enumerate(task.items):
        norm = normalise(item.done or "")
        m = _OVERALL.search(norm)
        if m is None:
            continue
        value = float(m.group("v"))
        if value < rules.PERCENT:
            return None  # perhaps of a project of several years: not paced
        span = Span(FIELD_DONE, i, m.start(), m.end(), (item.done or "")[m.start() : m.end()])
        sh = DeclaredShare(value, span)
        said = f"称{span.text}"
        if _UNDER_WAY.search(norm):
            return Declared(Status.ON_TRACK, said + rules.DECLARED_FULL_NOTE, span, sh)
        return Declared(Status.DONE, said, span, sh)
    return None
