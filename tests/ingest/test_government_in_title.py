"""The government a title names after its year and span, as a province ending in 州省, or under
two names (a zone with its town in brackets); a breadcrumb line is not the title; a report's
own date line ends its period when nothing else names one."""

import pytest

from luoshi.ingest.metadata import infer_government, read_meta

TITLE_CASES = [
    # (title, government, warned)
    ("2030年度青州省十件民生实事1至4月推进情况", "青州省", False),  # 州 before 省: one place
    ("2030年一季度安澜县重点工作推进情况", "安澜县", False),  # a span between year and place
    ("2030年1-3月青石镇民生实事进展情况", "青石镇", False),
    ("2030年上半年安澜市重点工作完成情况", "安澜市", False),
    ("2030年一季度经开区(青石镇)民生实事项目推进情况", "青石镇", True),  # two names
    ("2030年安澜县高新区(柳塘街道)重点工作", "柳塘街道", True),
    ("2030年一季度经开区民生实事项目推进情况", "", False),  # a zone word alone names none
    # … but a title opening with it before its year is the zone's own page (warned)
    ("高新区2030年第二季度重点任务进展情况", "高新区", True),
    ("经开区2030年度民生实事完成情况", "经开区", True),
    ("安澜市高新区2030年重点任务进展情况", "安澜市高新区", False),  # named with its city
]


@pytest.mark.parametrize(("title", "government", "warned"), TITLE_CASES)
def test_government_in_the_title(title: str, government: str, warned: bool) -> None:
    found, warning = infer_government(title, [], [])
    assert found == government
    if government:
        assert (warning is not None) == warned
    if warned:
        assert "经开区" in warning or "高新区" in warning  # the other name is given


def test_a_breadcrumb_line_is_not_the_title() -> None:
    meta, _ = read_meta(
        [
            "当前位置:首页 文章详情 安澜市2030 年 1—3 月重点工作进展情况",
            "安澜市2030 年 1—3 月重点工作进展情况",
        ]
    )
    assert meta.title == "安澜市2030 年 1—3 月重点工作进展情况"
    assert meta.government == "安澜市"


@pytest.mark.parametrize(
    ("lines", "end"),
    [
        (["关于我县城镇建设工作进展情况的汇报", "县建设局", "(二〇三〇年五月十二日)"], "2030-05-12"),
        (["关于我县重点工程完成情况的汇报", "2030年10月3日"], "2030-10-03"),
        # no progress named: a date line alone says nothing of a period
        (["关于我县城镇建设工作的通知", "(二〇三〇年五月十二日)"], None),
    ],
)
def test_a_reports_own_date_line_ends_its_period(lines: list[str], end: str | None) -> None:
    meta, warnings = read_meta(lines)
    if end is None:
        assert meta.period is None
        return
    assert meta.period is not None and meta.period.end_date.isoformat() == end
    assert str(meta.period.kind) == "month" and meta.year == int(end[:4])
    assert any("date line" in w for w in warnings)


@pytest.mark.parametrize(
    ("preamble", "government"),
    [
        # a line naming the body that takes the page's proposals: its place is the government
        (["各区提案查询", "受理提案單位:青州市安平區公所 | 序號:106030037"], "安平區"),
        (["民生实事进展一览", "承办单位:安澜县青石镇人民政府"], "青石镇"),
        # a unit line naming no place names no government
        (["各区提案查询", "受理提案單位:市民服务中心 | 序號:106030037"], ""),
        # a 公所 governs as a 政府 does, in running text too (warned there)
        (["民生实事进展一览", "青州市安平區公所2031年完成实事10件。"], "安平區"),
    ],
)
def test_the_government_in_a_unit_line_above_the_list(preamble, government):
    meta, _ = read_meta(preamble)
    assert meta.government == government
