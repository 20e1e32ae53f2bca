"""Extraction rules stated for the disagreements on the spent blind sets fresh4-fresh7 (issue 10,
verdict11): each rule with made-up, table-driven cases and the counter-cases that keep it from
reaching too far. The rules are in luoshi/extract/rules and docs/analysis.md."""

from __future__ import annotations

from datetime import date

import pytest

from luoshi.extract import analyze_task
from luoshi.ingest import Period
from luoshi.vocab import PeriodKind, Status

from .conftest import Q3, task

ANNUAL = Period(PeriodKind.ANNUAL, "全年", date(2023, 12, 31))


def analyse(text, done, period=ANNUAL):
    return analyze_task(task(text, done), period)


# A share of the year's plan names the plan (占年计划X的Y%): X is the year's target when the task
# text states none; a share of a whole named with 总 (占总投资X的Y%) is of a multi-year total: X is
# no achieved figure, and the figure the share is stated for is that total's running figure,
# reported among the other figures, measuring no target of the year.
@pytest.mark.parametrize(
    ("text", "done", "targets", "measured", "others"),
    [
        ("甲市至乙县公路", "本年累计完成投资8亿元,占年计划10亿元的80%;累计完成投资30亿元,占总投资40亿元的75%。",
         [(10, "亿元")], [(8, "亿元")], [(30, "亿元")]),
        ("丙镇污水厂", "本年完成投资1.5亿元,占全年计划2亿元的75%。", [(2, "亿元")], [(1.5, "亿元")], []),
        # another year's plan is no plan of this year
        ("丁区学校", "完成投资3亿元,占上年计划4亿元的75%。", [], [], [(3, "亿元")]),
        # a share of the whole of something else (占全市的35%) is a level, its figure stays
        ("戊区充电桩", "新建充电桩700个,占全市的35%。", [], [], [(700, "个"), (35, "%")]),
    ],
)
def test_a_share_of_the_year_plan_names_the_target_and_a_share_of_a_total_measures_none(
        text, done, targets, measured, others):
    a = analyse(text, done)
    assert [(t.value, t.unit) for t in a.targets] == targets
    assert [(m.value, m.unit) for m in a.measurements] == measured
    assert [(m.value, m.unit) for m in a.figures] == others


# The unit's stated share and the share computed from its figures may disagree; red needs both
# in the red band (the stated share not red: amber, with both said).
@pytest.mark.parametrize(
    ("done", "expected"),
    [
        ("本年累计完成投资6.85亿元,占年计划10亿元的71%。", Status.AT_RISK),  # 68.5% computed, 71% stated
        ("本年累计完成投资6亿元,占年计划10亿元的60%。", Status.BEHIND),  # both red
        ("本年累计完成投资6亿元,占年计划10亿元的72%。", Status.AT_RISK),
    ],
)
def test_red_from_a_computed_share_needs_the_stated_share_red_too(done, expected):
    s = analyse("某高速公路", done).status
    assert s.value is expected, s.reason
    if expected is Status.AT_RISK:
        assert "所报完成比例" in s.reason


def test_a_plan_share_at_q3_is_paced_by_the_time_share():
    s = analyse("某快速路", "1-9月累计完成投资6亿元,占年计划10亿元的60%。", Q3).status
    assert s.value is Status.AT_RISK, s.reason
