"""PERIOD BY THE PAGE'S DATE (luoshi/ingest/metadata.py ``_period_by_date``): a page with no
title whose first lines name a period without a year takes the year from its printed date.
Made-up openings."""

from __future__ import annotations

from datetime import date

import pytest

from luoshi.ingest.metadata import read_meta

CASES = [
    # a news headline naming the half year, the date printed under it
    (["县府召开上半年度政见执行会议 副县长提醒各局处把握期程", "  • 2031-08-08", "县府今日召开会议。"],
     2031, "h1", date(2031, 6, 30)),
    # the same date written with slashes, traditional script
    (["縣府召開第三季度政見執行會議", "2031/10/20", "縣府今日召開會議。"], 2031, "q3", date(2031, 9, 30)),
    # a year-end review published in January: the year before (a fourth quarter is the year)
    (["县府召开第四季度工作推进会议", "2032-01-12", "县府今日召开会议。"], 2031, "annual", date(2031, 12, 31)),
    # the date from the page's 发布时间 field
    (["县府召开上半年度工作会议", "发布时间:2031-07-15", "县府今日召开会议。"], 2031, "h1",
     date(2031, 6, 30)),
    # no printed date: nothing taken
    (["县府召开上半年度政见执行会议", "县府今日召开会议。"], None, None, None),
    # the period word far into the line (a passing mention): nothing taken
    (["县府召开会议研究部署全县重点工作落实情况和今后一个时期的上半年度任务", "2031-08-08"], None, None, None),
]


@pytest.mark.parametrize(("preamble", "year", "kind", "end"), CASES)
def test_period_by_the_pages_date(preamble, year, kind, end):
    meta, warnings = read_meta(preamble)
    assert meta.year == year
    if kind is None:
        assert meta.period is None
        return
    assert str(meta.period.kind) == kind
    assert meta.period.end_date == end
    assert any("from its date" in w for w in warnings)


# REVIEW OF A YEAR (metadata._REVIEW_OF_YEAR): a title naming a year's work reviewed is that
# year's report of the whole year. Expected: (year, period kind or None).
REVIEWS = [
    ("二〇三二年施政报告——二〇三一年施政工作回顾与总结", (2031, "annual")),
    ("青石县2031年度工作总结", (2031, "annual")),
    # a period word between year and review: the period's report
    ("青石县2031年上半年工作总结", (2031, "h1")),
    # a review naming no year's work: no year from it
    ("青石县工作回顾", (None, None)),
]


@pytest.mark.parametrize(("title", "want"), REVIEWS)
def test_review_of_a_year(title, want):
    meta, _ = read_meta([title, "现将有关情况报告如下。"])
    got = (meta.year, str(meta.period.kind) if meta.period else None)
    assert got == want
