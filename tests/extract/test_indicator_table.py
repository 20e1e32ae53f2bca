"""INDICATOR TABLE rows analysed (rules.BARE_QUALIFIER, GROWTH_HEADER, DECLARED_REMARK_MAX): a
plan's expected growth (预期增长(%): 6左右) is a rate target compared as is, the period's
achieved cell (上半年完成(%): 4.2, -1.5) its measurement, and an achieved cell that is only a
status phrase (序时推进) a declared status. Self-written rows."""

from __future__ import annotations

from datetime import date

import pytest

from luoshi.extract import analyze_task
from luoshi.ingest.model import Item, Period, PeriodKind, Task
from luoshi.vocab import Status

H1 = Period(PeriodKind.H1, "上半年", date(2031, 6, 30))
EXPECTED, DONE = "预期增长(%)", "上半年完成(%)"


def row(text: str, target: str, done: str) -> Task:
    return Task(serial="1", text=text, items=[Item()], extra={EXPECTED: target, DONE: done})


@pytest.mark.parametrize(
    ("text", "target", "done", "expected", "value", "status"),
    [
        # a growth under half of what is expected at mid-year: a rate is not prorated, red
        ("地区生产总值", "6左右", "2.5", (6.0, "rate"), 2.5, Status.BEHIND),
        # a fall against a growth target: red
        ("规上工业增加值", "6.5以上", "-3.6", (6.5, "rate"), -3.6, Status.BEHIND),
        # met as is at mid-year
        ("社会消费品零售总额", "5以上", "6.1", (5.0, "rate"), 6.1, Status.ON_TRACK),
        # a bare figure, no comparator
        ("农村居民人均可支配收入", "7.5", "7.6", (7.5, "rate"), 7.6, Status.ON_TRACK),
    ],
)
def test_growth_rows(text, target, done, expected, value, status):
    a = analyze_task(row(text, target, done), H1, 2031)
    (t,) = a.targets
    assert (t.value, t.unit, t.kind) == (*expected[:1], "%", expected[1])
    assert t.span.field == "target_column"
    (m,) = a.measurements
    assert (m.value, m.target) == (value, 0)
    assert a.status.value is status


def test_a_status_phrase_in_the_achieved_column_is_declared():
    a = analyze_task(row("粮食生产", "完成年度任务", "序时推进"), H1, 2031)
    assert a.status.value is Status.ON_TRACK
    assert "序时推进" in a.status.reason
