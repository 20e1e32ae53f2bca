"""Periods named in progress text become as-of labels and months."""

from __future__ import annotations

from datetime import date

import pytest

from luoshi.extract.periods import find_periods


@pytest.mark.parametrize(
    ("text", "label", "month"),
    [
        ("1-9月,累计到位资金15.98亿元", "1-9月", 9),
        ("1-8月份核心制造业增加值同比增长5.2%", "1-8月份", 8),
        ("截至9月底,累计", "截至9月底", 9),
        ("截至9月,我区", "截至9月", 9),
        ("截至今年8月降低成本", "截至今年8月", 8),
        ("一季度累计完成6万标箱", "一季度", 3),
        ("二季度累计完成", "二季度", 6),
        ("前三季度,引进数达到27个", "前三季度", 9),
        ("第三季度目标任务", "第三季度", 9),
        ("上半年增长85.2%", "上半年", 6),
        ("6月底已完成全部项目清理工作", "6月底", 6),
        ("至9月末,存贷款余额", "至9月末", 9),
        ("1至9月,完成", "1至9月", 9),
        ("目前累计落地开工10个", "目前", None),
        ("截至目前,全市", "截至目前", None),
    ],
)
def test_period(text, label, month):
    p = find_periods(text)[0]
    assert (p.label, p.month) == (label, month)
    assert text[p.start : p.end] == label


@pytest.mark.parametrize("text", ["9月29日完成答复", "8月17日开工建设", "于11月上旬举办", "2016-2019年"])
def test_dates_are_not_periods(text):
    assert find_periods(text) == []


def test_iso_end_date():
    (p,) = find_periods("1-9月,累计")
    assert p.end_date(2020) == date(2020, 9, 30)
    (q,) = find_periods("上半年")
    assert q.end_date(2020) == date(2020, 6, 30)
    assert find_periods("目前")[0].end_date(2020) is None


def test_several_periods_in_order():
    ps = find_periods("一季度累计完成6万标箱,二季度累计完成13.2万标箱,三季度累计完成25.1万标箱")
    assert [p.month for p in ps] == [3, 6, 9]
