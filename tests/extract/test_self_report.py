"""SELF-REPORTED RESULT (luoshi/extract/selfreport.py): an indicator item that compares its own
figure with its target reports its result; its figures are achievements, never targets.
Sentences are made up."""

from __future__ import annotations

from datetime import date

import pytest

from luoshi.extract import analyze_task
from luoshi.ingest.model import Item, Period, Task
from luoshi.vocab import PeriodKind, Status

Q3 = Period(PeriodKind.Q3, "前三季度", date(2031, 9, 30))
YEAR = Period(PeriodKind.ANNUAL, "全年", date(2031, 12, 31))


@pytest.mark.parametrize(
    ("text", "period", "status", "measured"),
    [
        (
            "全县实现工业增加值320.5亿元,同比增长9.4%,增幅高于年度目标0.4个百分点。",
            Q3, Status.ON_TRACK, {(320.5, "亿元"), (9.4, "%")},
        ),
        (
            "全县社会消费品零售总额完成88.2亿元,增长11.5%,增幅低于年度目标1.5个百分点。",
            Q3, Status.AT_RISK, {(88.2, "亿元"), (11.5, "%")},
        ),
        # the year is over: below the target is red
        ("全县一般公共预算收入增长6.1%,低于全年目标0.9个百分点。", YEAR, Status.BEHIND, {(6.1, "%")}),
    ],
)
def test_indicator_item_reports_its_result(text, period, status, measured):
    a = analyze_task(Task(serial="1", text=text, items=[Item()]), period, 2031)
    assert a.targets == []  # no figure of the sentence is a target
    got = {(m.value, m.unit) for m in [*a.measurements, *a.figures]}
    assert got == measured  # the gap (个百分点) is no achievement
    assert a.status.value is status


def test_a_task_with_its_own_progress_keeps_its_targets():
    # a comparison in the task text, but progress of its own: the task is read as before
    task = Task(
        serial="1",
        text="新建公园5个,增幅高于年度目标2个百分点的区域优先。",
        items=[Item(done="已建成公园3个。")],
    )
    a = analyze_task(task, Q3, 2031)
    assert (5, "个") in [(t.value, t.unit) for t in a.targets]
