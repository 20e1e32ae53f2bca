"""A title naming a year but no period: the latest period labelling the progress lines
(untitled.latest_labelled_period). Made-up text."""

from __future__ import annotations

from datetime import date

import pytest

from luoshi.ingest.metadata import latest_labelled_period, read_meta

CASES = [
    # labels in one cell, on lines of their own: the last period reported is the report's
    (["第一季度:青石小学已完工。\n第三季度:十所学校均已交付使用。"], "q3", date(2030, 9, 30)),
    # labels in separate cells, out of order: the latest end, not the last line
    (["上半年:完成选址。", "1-9月:开工建设。", "第一季度:完成设计。"], "q3", date(2030, 9, 30)),
    (["1-5月:完成招标。"], "month", date(2030, 5, 31)),
    # 二季度 reported cumulatively is the first half
    (["二季度:已完成。"], "h1", date(2030, 6, 30)),
    # a label that is more than a period (一季度进展:) or a plan is none
    (["一季度进展:完成设计。", "2030年计划:新建学校2所。"], None, None),
    # a period inside a line, not labelling it
    (["完成投资5亿元,第三季度:开工。"], None, None),
    (["项目名称:新建青石小学", "进展情况:主体完工"], None, None),
]


@pytest.mark.parametrize(("cells", "kind", "end"), CASES)
def test_latest_labelled_period(cells: list[str], kind: str | None, end: date | None):
    period = latest_labelled_period(cells, 2030)
    if kind is None:
        assert period is None
    else:
        assert period is not None
        assert period.kind.value == kind
        assert period.end_date == end


def test_title_without_period_takes_the_labels():
    meta, warnings = read_meta(
        ["安澜区2030年民生实事:教育行动(4项)"],
        ["新建学校3所", "第一季度:完成设计。\n第三季度:三所学校已交付使用。"],
    )
    assert meta.year == 2030
    assert meta.period is not None and meta.period.kind.value == "q3"
    assert meta.period.end_date == date(2030, 9, 30)
    assert any("latest period labelling" in w for w in warnings)


def test_title_period_wins_over_labels():
    meta, _ = read_meta(
        ["安澜区2030年上半年民生实事进展情况"], ["第三季度:三所学校已交付使用。"]
    )
    assert meta.period is not None and meta.period.kind.value == "h1"
