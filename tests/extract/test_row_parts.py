"""Indicator rows joined column by column (luoshi/extract/rowparts.py, ROW PARTS RULE) and the
unit-of-measure column (rules.MEASURE_UNIT_HEADER). Self-written rows."""

from __future__ import annotations

import pytest

from luoshi.extract import analyze_task
from luoshi.extract.rowparts import column_rows
from luoshi.extract.table import column_targets, measure_unit
from luoshi.ingest.model import Item, Task
from luoshi.vocab import Status

from .conftest import Q3


def row(text: str, done: str = "", **extra: str) -> Task:
    return Task(serial="1", text=text, items=[Item(done=done)], extra=extra)


JOINED = row(
    "孕期免费筛查\n新生儿听力筛查\n困难家庭适老改造",
    类别="妇幼健康", 单位="人次\n人次\n——", 工作目标="3000\n3000\n50",
    已完成数="2400\n2700\n45", 占比="80%\n90%\n90%", 备注="——\n——\n已完成45户改造",
)


@pytest.mark.parametrize(
    ("task", "rows"),
    [
        (JOINED, 3),
        # one line: a task of its own, not joined rows
        (row("孕期免费筛查", 单位="人次", 工作目标="3000", 已完成数="2400"), None),
        # a figure column of another line count: not side by side
        (row("甲\n乙\n丙", 工作目标="3000\n3000", 已完成数="1\n2\n3"), None),
        # progress text: the lines are read with it (subrows.py), not as indicator rows
        (row("甲\n乙", done="完成甲。", 工作目标="30\n40"), None),
        # no figure column among the joined cells (a wrapped task and a wrapped remark)
        (row("建设甲\n乙工程", 备注="正在\n推进"), None),
    ],
)
def test_column_rows(task, rows) -> None:
    found = column_rows(task)
    assert (None if found is None else len(found.rows)) == rows


def test_rows_each_their_own_cells() -> None:
    found = column_rows(JOINED)
    assert [(r.text, r.extra["单位"], r.extra["工作目标"], r.extra["类别"]) for r in found.rows] == [
        ("孕期免费筛查", "人次", "3000", "妇幼健康"),
        ("新生儿听力筛查", "人次", "3000", "妇幼健康"),
        ("困难家庭适老改造", "", "50", "妇幼健康"),  # —— is an empty cell
    ]


@pytest.mark.parametrize(
    ("extra", "unit"),
    [
        ({"单位": "人次"}, "人次"),
        ({"计量单位": "万方"}, "万方"),
        ({"单位": "元/月/人"}, "元/月/人"),
        ({"单位": "区教育局"}, ""),  # a responsible unit, no unit of measurement
        ({"责任单位": "个"}, ""),  # not a unit-of-measure column
        ({"单位": ""}, ""),
    ],
)
def test_measure_unit(extra, unit) -> None:
    assert measure_unit(row("新增蓄水能力", **extra)) == unit


def test_a_bare_target_takes_the_rows_unit() -> None:
    t = column_targets(row("新增蓄水能力", 单位="万方", 工作目标="8"))
    assert [(x.value, x.unit, x.kind) for x in t] == [(8, "万方", "cumulative")]


def test_joined_rows_targets_with_their_places() -> None:
    ts = column_targets(JOINED)
    # the third row's 50 takes the unit its remark writes it in (已完成45户 is not 50: none)
    assert [(t.value, t.unit) for t in ts] == [(3000, "人次"), (3000, "人次")]
    cell = JOINED.extra["工作目标"]
    assert [cell[t.span.start : t.span.end] for t in ts] == ["3000", "3000"]
    assert [t.span.start for t in ts] == [0, 5]


@pytest.mark.parametrize(
    ("done", "status"),
    [
        # every row on course at three quarters: on track
        (("2400", "2700"), Status.ON_TRACK),
        # one row of two well behind the time share: amber, not red (a part lags)
        (("2400", "900"), Status.AT_RISK),
        # every row behind: red
        (("600", "900"), Status.BEHIND),
        # every row complete: done
        (("3000", "3100"), Status.DONE),
    ],
)
def test_rows_judged_each_then_the_task(done, status) -> None:
    task = row("孕期免费筛查\n新生儿听力筛查", 单位="人次\n人次", 工作目标="3000\n3000",
               已完成数="\n".join(done))
    a = analyze_task(task, Q3)
    assert [(t.value, t.unit) for t in a.targets] == [(3000, "人次"), (3000, "人次")]
    # each achieved figure measures its own row's target
    assert sorted((m.target, m.value) for m in a.measurements) == [
        (0, float(done[0])), (1, float(done[1]))]
    assert a.status.value is status
    assert len(a.parts) == 2


def test_stored_targets_reach_their_rows() -> None:
    """The targets a caller passes (luoshi.core's stored ones, from column_targets) are owned by
    the rows their spans lie in: the same verdict as the analysis reading them itself."""
    task = row("孕期免费筛查\n新生儿听力筛查", 单位="人次\n人次", 工作目标="3000\n3000",
               已完成数="2400\n900")
    own = analyze_task(task, Q3)
    given = analyze_task(task, Q3, targets=column_targets(task))
    assert given.status.value is own.status.value is Status.AT_RISK
