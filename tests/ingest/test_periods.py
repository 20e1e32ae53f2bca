from datetime import date

import pytest

from luoshi.ingest.periods import parse_period, parse_year
from luoshi.vocab import PeriodKind

CASES = [
    # (text, year, kind, label, end_date)
    (
        "2020年度区政府工作报告重点工作清单落实情况表(三季度)",
        2020,
        PeriodKind.Q3,
        "三季度",
        date(2020, 9, 30),
    ),
    (
        "2020年度市政府重点工作任务前三季度完成情况",
        2020,
        PeriodKind.Q3,
        "前三季度",
        date(2020, 9, 30),
    ),
    ("2021年1-9月重点工作进展", 2021, PeriodKind.Q3, "1-9月", date(2021, 9, 30)),
    (
        "2023年市政府工作报告重点工作半年度完成情况",
        2023,
        PeriodKind.H1,
        "半年度",
        date(2023, 6, 30),
    ),
    ("2022年上半年重点工作推进情况", 2022, PeriodKind.H1, "上半年", date(2022, 6, 30)),
    ("2020年重点工作清单落实情况表(二季度)", 2020, PeriodKind.H1, "二季度", date(2020, 6, 30)),
    ("2021年一季度重点工作完成情况", 2021, PeriodKind.Q1, "一季度", date(2021, 3, 31)),
    ("2020年重点工作全年完成情况", 2020, PeriodKind.ANNUAL, "全年", date(2020, 12, 31)),
    (
        "2020年度重点工作清单落实情况表(四季度)",
        2020,
        PeriodKind.ANNUAL,
        "四季度",
        date(2020, 12, 31),
    ),
    ("2020年度市政府重点工作完成情况", 2020, PeriodKind.ANNUAL, "年度", date(2020, 12, 31)),
    ("2021年1-11月重点工作完成情况", 2021, PeriodKind.MONTH, "1-11月", date(2021, 11, 30)),
    ("截至11月底重点工作进展情况", 2024, PeriodKind.MONTH, "截至11月底", date(2024, 11, 30)),
    ("截至2024年11月30日", 2024, PeriodKind.MONTH, "截至2024年11月30日", date(2024, 11, 30)),
    ("1—6月数据", 2023, PeriodKind.H1, "1—6月", date(2023, 6, 30)),
    ("2020年2月 1-2月进展", 2020, PeriodKind.MONTH, "1-2月", date(2020, 2, 29)),
    ("前三季度", None, PeriodKind.Q3, "前三季度", None),
]


@pytest.mark.parametrize(("text", "year", "kind", "label", "end"), CASES)
def test_parse_period(text, year, kind, label, end):
    p = parse_period(text, year)
    assert p is not None
    assert (p.kind, p.label, p.end_date) == (kind, label, end)


def test_month_period_knows_its_month_and_share():
    p = parse_period("1-11月", 2021)
    assert p.month == 11
    assert p.share_elapsed == pytest.approx(11 / 12)


@pytest.mark.parametrize("text", ["2020年重点工作计划", "关于印发重点工作任务分解的通知", ""])
def test_no_period(text):
    assert parse_period(text, 2020) is None


def test_parse_year():
    assert parse_year("2020年度市政府") == 2020
    assert parse_year("2020 年重点") == 2020
    assert parse_year("无年份") is None
