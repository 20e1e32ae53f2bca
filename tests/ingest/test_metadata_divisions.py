"""Issue 9: governments below the county and outside the plain 省/市/县 names, and period words
anywhere in a title. One table each; every row is a title (plus lines) a reader has not seen,
the names invented or generic."""

from __future__ import annotations

import pytest

from luoshi.ingest.metadata import read_meta
from luoshi.ingest.periods import parse_period
from luoshi.vocab import PeriodKind

# (lines above the table, government expected)
GOVERNMENTS = [
    # development zones run by a 管委会 (DIVISIONS: 开发区, 工业园区, 高新区 …)
    (["2030年苏州工业园区重点工作进展情况"], "苏州工业园区"),
    (["青石经济开发区2030年重点工作任务进展情况"], "青石经济开发区"),
    (["青山经济技术开发区管委会2030年工作要点"], "青山经济技术开发区"),
    (["2030年重点工作进展情况", "来源:青石高新区管委会"], "青石高新区"),
    (["安澜市高新区2030年重点工作进展情况"], "安澜市高新区"),
    # a zone word alone is no place
    (["2030年高新区重点工作进展情况"], ""),
    # 县示范区管委会: the county's 示范区, no place (and 立山区 stays a place)
    (["2030年重点工作进展情况", "来源:县示范区管委会"], ""),
    (["立山区人民政府关于印发2030年重点工作任务分解的通知"], "立山区"),
    # autonomous prefectures and counties keep their long names
    (["2030年恩施土家族苗族自治州重点工作进展情况"], "恩施土家族苗族自治州"),
    (["长白朝鲜族自治县人民政府2030年重点工作进展情况"], "长白朝鲜族自治县"),
    # towns, 街道 and their 办事处, in either order with the year
    (["2030年青石街道办事处重点工作进展情况"], "青石街道"),
    (["泗石头镇2030年重点工作完成情况"], "泗石头镇"),
    # a department of a named place as the publisher names the place (warned); the
    # government's own office names none
    (["2030年政府工作报告重点工作进展情况", "发布机构:青石区机关事务管理局"], "青石区"),
    (["2030年政府工作报告重点工作进展情况", "来源:安澜市发展和改革委员会"], "安澜市"),
    (["2030年政府工作报告重点工作进展情况", "来源:市政府办公室"], ""),
    # a title opening with 关于, the place before or after the year; a chain of places names
    # the lowest; a year in Chinese numerals
    (["关于青石镇2030年重点工作完成情况的通报"], "青石镇"),
    (["关于2030年安澜县重点工作进展情况的报告"], "安澜县"),
    (["2030年安澜县青石镇重点工作完成情况"], "青石镇"),
    (["安澜市二〇三〇年政府工作报告重点工作进展情况"], "安澜市"),
    # traditional characters, kept as written
    (["2030年度黔東南州政府工作報告重點工作進展情況"], "黔東南州"),
    (["雄安新區2030年重點工作任務進展情況"], "雄安新區"),
]


@pytest.mark.parametrize(("lines", "government"), GOVERNMENTS)
def test_government(lines: list[str], government: str) -> None:
    meta, warnings = read_meta(lines)
    assert meta.government == government
    if not government:
        assert any("government not named" in w for w in warnings)
    if len(lines) > 1 and government and "管委会" not in lines[1]:
        assert any("department" in w and government in w for w in warnings)


# (title, kind, end month or None for a plan)
PERIODS = [
    ("2030年政府工作报告重点工作8月份进展情况", PeriodKind.MONTH, 8),
    ("2030年政府工作报告重点工作十一月份完成情况", PeriodKind.MONTH, 11),
    ("2030年重点工作1-8月份进展情况", PeriodKind.MONTH, 8),
    ("2030年重点工作进度表(截至10月31日)", PeriodKind.MONTH, 10),
    ("2030年重点工作第三季度进展情况", PeriodKind.Q3, 9),
    ("2030年重点工作二季度进展情况", PeriodKind.H1, 6),
    ("2030年重点工作全年完成情况", PeriodKind.ANNUAL, 12),
    ("2030年政府工作报告重点工作推进情况(第4季度)", PeriodKind.ANNUAL, 12),
    ("2030年政府工作报告重点工作前3季度推进情况", PeriodKind.Q3, 9),
    ("二〇三〇年政府工作报告重点工作1至11月进展情况", PeriodKind.MONTH, 11),
    ("2030年政府工作报告重点工作责任分解", PeriodKind.PLAN, None),
    ("二〇三〇年政府工作报告重点工作任务分解", PeriodKind.PLAN, None),
    # the list itself with period words: the plan for that span (warned), unless a progress
    # word says it is a report
    ("2030年全年重点工作任务分解", PeriodKind.PLAN, None),
    ("2030年第三季度重点工作安排", PeriodKind.PLAN, None),
    ("2030年重点工作任务清单及上半年完成情况", PeriodKind.H1, 6),
    ("2030年政府工作报告重点工作任务分解", PeriodKind.PLAN, None),
]


@pytest.mark.parametrize(("title", "kind", "month"), PERIODS)
def test_period(title: str, kind: PeriodKind, month: int | None) -> None:
    meta, _ = read_meta([title])
    assert meta.period is not None and meta.period.kind is kind
    if month is not None:
        assert meta.period.end_date is not None and meta.period.end_date.month == month
        assert meta.period.end_date.year == 2030


def test_a_month_number_inside_a_longer_number_is_no_month() -> None:
    assert parse_period("按18月份进展") is None
    assert parse_period("13季度") is None


# A page without a title: the opening sentence's first clause, when a date opens it, gives the
# year and period (warned); a clause looking back (与…相比) gives none.
OPENINGS = [
    (["2030年1-6月,各项工作稳步推进。"], 2030, PeriodKind.H1),
    (["二〇三〇年前三季度,全市投资增长5%。"], 2030, PeriodKind.Q3),
    (["各单位:现将有关情况通报如下。"], None, None),
    (["与2029年上半年相比,投资增长5%。"], None, None),
]


@pytest.mark.parametrize(("lines", "year", "kind"), OPENINGS)
def test_no_title_uses_the_opening_sentence(lines, year, kind) -> None:
    meta, warnings = read_meta(lines)
    assert meta.year == year
    assert (meta.period.kind if meta.period else None) is kind
    said = [w for w in warnings if w.startswith("no title found")]
    assert len(said) == 1 and (("taken from the opening" in said[0]) == (year is not None))
