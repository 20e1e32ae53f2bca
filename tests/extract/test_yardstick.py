"""The yardstick of the period (issue 10, verdict10b; rules.YEAR_PLAN, luoshi/extract/yardstick.py):
when a task names a programme's total and the year's plan of the same thing, the period's
figures are measured against the year's plan. Paraphrased cases, with the counter-cases that
keep the rule from reaching too far (another year's plan, a part smaller than the plan, no
plan named)."""

from __future__ import annotations

from datetime import date

import pytest

from luoshi.extract import analyze_task
from luoshi.extract.targets import extract_targets
from luoshi.extract.yardstick import programme_to_plan
from luoshi.ingest import Period
from luoshi.vocab import PeriodKind, Status

from .conftest import task

ANNUAL = Period(PeriodKind.ANNUAL, "全年", date(2023, 12, 31))
H1 = Period(PeriodKind.H1, "上半年", date(2023, 6, 30))


def measured(text: str, done: str, period: Period):
    a = analyze_task(task(text, done), period)
    ms = [m for m in a.measurements if m.target is not None]
    return a, ms


@pytest.mark.parametrize(
    ("text", "done", "period", "yardstick", "expected"),
    [
        # a programme over several years and this year's part of it: the year's part is met
        ("为1200个村庄、20万户接通天然气,2023年度计划实施8万户。", "至12月底已接通天然气8.1万户。", ANNUAL,
         8, (Status.DONE, Status.AHEAD, Status.ON_TRACK)),
        ("三年完成改造1000户,今年计划改造300户。", "上半年已改造160户。", H1, 300,
         (Status.ON_TRACK, Status.AHEAD)),
        ("全市新建公园50个,年度目标新建公园12个。", "全年已新建公园6个。", ANNUAL, 12,
         (Status.BEHIND,)),
        # the plan named first, the total after it: the same
        ("本年度计划改造管网40公里,到2025年累计改造管网150公里。", "全年已改造管网41公里。", ANNUAL, 40,
         (Status.DONE, Status.AHEAD, Status.ON_TRACK)),
        # counter-case: a plan of another year is no plan of this period; the total stays
        ("为20万户接通天然气,2022年度计划实施8万户。", "至12月底已接通天然气8.1万户。", ANNUAL, 20,
         (Status.BEHIND, Status.AT_RISK)),
        # counter-case: no year's plan named, a part of the total (其中) is no yardstick of it
        ("改造老旧小区20万户,其中城区8万户。", "全年已改造老旧小区19.5万户。", ANNUAL, 20,
         (Status.DONE, Status.AHEAD, Status.ON_TRACK)),
    ],
)
def test_the_year_plan_is_the_yardstick_beside_a_programme_total(text, done, period, yardstick, expected):
    a, ms = measured(text, done, period)
    assert ms, "the figure measures a target"
    assert {a.targets[m.target].value for m in ms} == {yardstick}  # in the target's own unit
    assert a.status.value in expected, a.status.reason


@pytest.mark.parametrize(
    ("text", "year", "moves"),
    [
        # total (index 0) -> plan (index 1)
        ("三年改造1000户,今年计划改造300户。", 2023, {0: 1}),
        ("三年改造1000户,2023年计划改造300户。", 2023, {0: 1}),
        ("三年改造1000户,2023年计划改造300户。", 2024, {}),  # another year's plan
        ("三年改造1000户,2023年计划改造300户。", None, {0: 1}),  # no year known: the plan's own
        # a target smaller than the plan is a part of it, not the programme
        ("年度目标新增就业5000人,高校毕业生就业2000人。", 2023, {}),
        # another unit is another thing: nothing moves
        ("建设村道500公里,年度计划实施120个村。", 2023, {}),
        # a general measure word counts anything: a plan of parks is no part of charging posts
        ("建成充电站150个,年度目标新建公园12个。", 2023, {}),
        ("建成口袋公园150个,年度目标新建公园12个。", 2023, {0: 1}),
        # no year's plan named: nothing moves
        ("建设村道500公里,完成120公里。", 2023, {}),
    ],
)
def test_which_target_is_the_programme_total(text, year, moves):
    assert programme_to_plan(extract_targets(text), year) == moves


@pytest.mark.parametrize(
    ("text", "values"),
    [
        # the standard by which a thing is paid is a means, not a result promised
        ("为8万户接通天然气,市级财政按照2000元/户标准进行补贴。", [8]),
        ("为困难老人发放补贴,按每人每月300元的标准发放。", []),
        ("新建保障住房500套,参照每套2万元标准给予补助。", [500]),
        # counter-case: a standard to raise is the target itself
        ("城乡低保补助标准提高到每人每月650元。", [650]),
    ],
)
def test_a_standard_applied_is_no_target(text, values):
    assert [t.value for t in extract_targets(text)] == values
