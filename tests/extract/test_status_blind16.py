"""Status rules found on the spent blind sets' tuned part (session 16), each with its general
statement in docs/analysis.md and its made-up cases here. Table-driven."""

from __future__ import annotations

from datetime import date

import pytest

from luoshi.extract import analyze_task
from luoshi.ingest import Period
from luoshi.vocab import PeriodKind, Status

from .conftest import Q3, task

H1 = Period(PeriodKind.H1, "上半年", date(2024, 6, 30))
YEAR = Period(PeriodKind.ANNUAL, "全年", date(2024, 12, 31))


@pytest.mark.parametrize(
    ("text", "done", "period", "expected", "rule", "says"),
    [
        # LONE SHARE OF A RUNNING TOTAL: a per cent alone, every target a running total of the
        # year — graded by the time share: ahead, on course, amber; never red
        ("新增配置公共场所除颤仪120台。", "85%", H1, Status.AHEAD, "lone_share", "超过时间进度50%"),
        ("新增残疾人就业60人以上。", "70%", Q3, Status.ON_TRACK, "progress", "不低于时间进度75%"),
        ("新增残疾人就业60人以上。", "60%", Q3, Status.AT_RISK, "lone_share", "略低于时间进度75%"),
        ("新增残疾人就业60人以上。", "25%", Q3, Status.AT_RISK, "lone_share", "仅凭此比例不判滞后"),
        # no target to pace (a project's whole may run over years), or a per-cent target the
        # figure measures, or the year is over: the rule of a figure alone, as before
        ("建设城市污水处理厂。", "25%", Q3, Status.ON_TRACK, "progress", "未按时间进度判断"),
        ("新增残疾人就业60人以上。", "25%", YEAR, None, None, ""),
    ],
)
def test_lone_share_of_a_running_total(text, done, period, expected, rule, says):
    s = analyze_task(task(text, done), period).status
    if expected is None:
        assert s.rule != "lone_share"
        return
    assert (s.value, s.rule) == (expected, rule)
    assert says in s.reason
