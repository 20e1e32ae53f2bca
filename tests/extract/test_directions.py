"""Which way is better, for every kind of target (issue 10): a rank, a limit and a price to
bring down are met at or below their figure, a cut and everything else at or above it; a rank
is never a percentage of its target. Table-driven; sentences are our own paraphrases."""

from __future__ import annotations

from datetime import date

import pytest

from luoshi.extract import analyze_task
from luoshi.extract.model import Span, Target
from luoshi.ingest import Period
from luoshi.vocab import PeriodKind

from .conftest import Q3, task

ANNUAL = Period(PeriodKind.ANNUAL, "全年", date(2020, 12, 31))


@pytest.mark.parametrize(
    ("comparator", "family", "target", "value", "factor", "met"),
    [
        ("<=", "rank", 3, 10, 1.0, False),  # 10th is not within the first 3
        ("<=", "rank", 3, 3, 1.0, True),
        ("<=", "rank", 3, 2, 1.0, True),
        ("<=", "price", 3.9, 4.2, 1.0, False),  # a price to bring down: lower is better
        ("<=", "price", 3.9, 3.5, 1.0, True),
        ("decrease_by", "percent", 8, 10, 1.0, True),  # a cut: a larger cut is better
        ("decrease_by", "percent", 8, 5, 1.0, False),
        (">=", "money", 1.5, 6987.6, 1e-4, False),  # 6987.6万元 against 1.5亿元
        (">=", "money", 1.5, 16000, 1e-4, True),
        ("<=", "money", 1.5, 16000, 1e-4, False),
        ("<=", "percent", 4.5, 4.8, 1.0, False),  # a cap exceeded
    ],
)
def test_met_by_in_the_targets_direction(comparator, family, target, value, factor, met):
    # the target in its family's base unit (factor 1), the figure scaled by its own factor
    t = Target("x", comparator, target, "", Span("text", None, 0, 1, "x"), family=family)
    assert t.met_by(value, family, factor) is met
    assert t.met_by(value, "other", factor) is None


def test_a_rank_is_never_a_share_of_its_target():
    t = Target("排名", "<=", 3, "位", Span("text", None, 0, 1, "x"), family="rank")
    assert t.ratio_of(10, "rank", 1.0) is None


@pytest.mark.parametrize(
    ("text", "done", "period", "status", "reason_has"),
    [
        # rank: reported 10th against a target of the first 3 is not reached (amber before the
        # year ends, red at its end); 2nd or 3rd is reached
        ("营商环境评价进入全国前3位。", "全国10位(目标3位)。", Q3, "at_risk", "未达目标前3"),
        ("营商环境评价进入全国前3位。", "全国排名第10位。", ANNUAL, "behind", "未达目标前3"),
        ("营商环境评价进入全国前3位。", "全国排名第2位。", Q3, "on_track", "已达目标前3"),
        ("营商环境评价进入全国前3位。", "目前位居全国第3位。", Q3, "on_track", "已达目标前3"),
        # a move up in rank: at least N places; a fall is amber, red at the year's end; never
        # a count of places added up over the year
        ("营商环境评价全省排名提升3位。", "营商环境评价全省排名上升5位。", Q3, "on_track", "已达目标提升3位"),
        ("营商环境评价全省排名提升3位。", "营商环境评价全省排名下降2位。", Q3, "at_risk", "排名下降2位"),
        ("营商环境评价全省排名提升3位。", "营商环境评价全省排名下降2位。", ANNUAL, "behind", "排名下降2位"),
        ("营商环境评价全省排名提升3位。", "营商环境评价全省排名前移2位。", ANNUAL, "at_risk", "未达目标提升3位"),
        # a price to bring down: above it, before the year ends, is no lag; at its end amber;
        # below it reached
        ("居民用水价格降至3.9元/方。", "居民用水价格降至4.2元/方。", Q3, "on_track", ""),
        ("居民用水价格降至3.9元/方。", "居民用水价格为4.2元/方。", ANNUAL, "at_risk", "未降至目标3.9"),
        ("居民用水价格降至3.9元/方。", "居民用水价格降至3.5元/方。", Q3, "on_track", "已降至目标3.9"),
        # a cap kept or broken
        ("城镇登记失业率控制在4.5%以内。", "城镇登记失业率为4.8%。", Q3, "behind", "超出上限4.5"),
        ("城镇登记失业率控制在4.5%以内。", "城镇登记失业率为4%。", Q3, "on_track", ""),
        # a cut: by a share or by an amount (in another unit of money)
        ("单位能耗下降3%。", "单位能耗下降4%。", Q3, "on_track", "达到压减目标3%"),
        ("单位能耗下降3%。", "单位能耗上升1%。", ANNUAL, "at_risk", "未达目标3%"),
        # the verb of the cut before the metric, in the entry as in the task
        ("压减一般性支出8%以上。", "已压减一般性支出10%。", Q3, "done", "达到压减目标8%"),
        ("压减一般性支出8%以上。", "全年已压减一般性支出5%。", ANNUAL, "at_risk", "未达目标8%"),
        ("一般性支出压减5000万元。", "一般性支出已压减0.6亿元。", Q3, "done", "达到压减目标5000万元"),
        ("一般性支出压减5000万元。", "全年一般性支出压减3000万元。", ANNUAL, "at_risk", "未达目标5000万元"),
    ],
)
def test_direction_of_each_kind(text, done, period, status, reason_has):
    a = analyze_task(task(text, done), period, year=2020)
    assert a.status.value.value == status, a.to_dict()
    assert reason_has in a.status.reason
    for m in a.measurements:
        if m.family in ("rank", "rank_step"):
            assert m.ratio is None  # never "333%"
            assert "%" not in a.status.reason
