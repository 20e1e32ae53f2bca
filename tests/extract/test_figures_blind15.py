"""Achieved-figure rules stated for the misses on the spent blind sets fresh4-fresh13 (issue 10,
measure15): each rule with made-up, table-driven cases and the counter-cases that keep it from
reaching too far. The rules are in luoshi/extract/rules (and units.py) and docs/analysis.md."""

from __future__ import annotations

import pytest

from luoshi.extract import analyze_task
from luoshi.extract.numbers import find_quantities

from .conftest import Q3, task


def reported(text: str, done: str) -> list[tuple[float, str]]:
    """Every figure the analysis reports for the task: measurements of targets, then others."""
    a = analyze_task(task(text, done), Q3)
    return [(m.value, m.unit) for m in a.measurements + a.figures]


# A 中 that ends a verb of work under way (施工中, 建设中) says where the things counted stand:
# a figure of its own, not the whole a later part is taken from (SET_AMONG, WORK_UNDER_WAY_STEMS).
@pytest.mark.parametrize(
    ("done", "expected"),
    [
        ("甲类站点4座施工中,6座完成建设。", [(4, "座"), (6, "座")]),
        ("2个项目建设中,3个已投用。", [(2, "个"), (3, "个")]),
        ("乙片区5处改造中,7处已完工。", [(5, "处"), (7, "处")]),
        # the whole a part is taken from stays no figure
        ("12个村中5个已完成改造。", [(5, "个")]),
        ("8所学校中,3所已开工。", [(3, "所")]),
    ],
)
def test_a_count_under_way_is_a_figure_not_a_whole(done, expected):
    assert reported("推进站点建设", done) == [(float(v), u) for v, u in expected]


# Units of counts and levels: 例 counts cases (not 例如, 例会); a mass per volume is a
# concentration; 家 before 乡镇 is the measure word, not 家乡 (hometown).
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("开展手术320例", [(320, "例", "count")]),
        ("例如丙镇,召开例会2次", [(2, "次", "times")]),
        ("PM2.5平均浓度36微克/立方米", [(36, "微克/立方米", "concentration")]),
        ("出水化学需氧量18毫克/升", [(18, "毫克/升", "concentration")]),
        ("已完成58家乡镇卫生院改造", [(58, "家", "count")]),
        ("覆盖12家乡村企业", [(12, "家", "count")]),
        # a bare scale before a noun of people counts people
        ("吸纳2.6万农民就业", [(2.6, "万人", "person")]),
        ("惠及1.5万居民,投入资金3亿", [(1.5, "万人", "person"), (3, "亿元", "money")]),
    ],
)
def test_units_of_cases_concentrations_and_people(text, expected):
    got = [(q.value, q.unit, q.family) for q in find_quantities(text) if q.family]
    assert got == [(float(v), u, f) for v, u, f in expected]


# Days right after a noun of days counted are a tally reported; other days (an event's length,
# a requirement) stay out; a concentration reached is reported as a level.
@pytest.mark.parametrize(
    ("done", "expected"),
    [
        ("截至10月底,优良天数241天。", [(241, "天")]),
        ("空气质量达标天数达到265天。", [(265, "天")]),
        ("举办为期5天的培训班。", []),
        ("要求落实3天健康监测。", []),
        ("1-9月,PM10平均浓度61微克/立方米。", [(61, "微克/立方米")]),
    ],
)
def test_days_counted_and_concentrations_are_reported(done, expected):
    assert reported("改善大气环境质量", done) == [(float(v), u) for v, u in expected]


# A plant's capacity right before what it makes names the plant: no achieved figure, as it is no
# target (OBJECT_CAPACITY_BEFORE); a capacity ending its clause is reported.
@pytest.mark.parametrize(
    ("done", "expected"),
    [
        ("丁公司年产8万吨饲料加工项目已投产,2条生产线运行。", [(2, "条")]),
        ("建成日处理150吨污水处理站1座。", [(1, "座")]),
        ("技改完成后实现年产8万吨。", [(8, "万吨")]),
    ],
)
def test_a_capacity_naming_a_plant_is_no_achieved_figure(done, expected):
    assert reported("推进产业项目", done) == [(float(v), u) for v, u in expected]


# UNIT FROM THE TARGET (implied.py): a bare whole number whose clause holds the target's whole
# metric before it, or whose object follows at once, is in the target's unit; a year, a code or
# a serial never is, nor a number with other words after it.
@pytest.mark.parametrize(
    ("text", "done", "measured"),
    [
        ("完成职工技能等级提升300人。", "已完成职工技能等级提升326,完成率108.7%。", [(326, "人")]),
        ("新增社区食堂4家。", "建成甲街、乙街4社区食堂。", [(4, "家")]),
        # a year before the object, a code, a serial: no figure
        ("新增社区食堂4家。", "2024社区食堂运营补贴已拨付。", []),
        ("新增社区食堂4家。", "编号3051社区食堂已验收。", []),
        ("新增社区食堂4家。", "第2社区食堂已开业。", []),
        # the metric before it but more words after: not placed on the target
        ("完成职工技能等级提升300人。", "职工技能等级提升326项目工作完成。", []),
        # a number with its own unit is read as written
        ("完成职工技能等级提升300人。", "已完成职工技能等级提升326人。", [(326, "人")]),
    ],
)
def test_a_bare_number_placed_on_a_target_takes_its_unit(text, done, measured):
    a = analyze_task(task(text, done), Q3)
    assert [(m.value, m.unit) for m in a.measurements] == [(float(v), u) for v, u in measured]
