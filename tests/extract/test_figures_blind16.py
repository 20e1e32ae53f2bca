"""Achieved-figure rules stated for the disagreements on the spent blind sets fresh4-fresh15 and
the seed-004 audit (issue 10, measure16): each rule with made-up, table-driven cases and the
counter-cases that keep it from reaching too far. The rules are in luoshi/extract/rules and
docs/analysis.md."""

from __future__ import annotations

import pytest

from luoshi.extract import analyze_task

from .conftest import Q3, task


def shares(text: str, done: str) -> list[tuple[float, str, float | None]]:
    """Every figure the analysis reports for the task, with the share stated for it."""
    a = analyze_task(task(text, done), Q3)
    return sorted((m.value, m.unit, m.ratio_stated) for m in a.measurements + a.figures)


# SHARE OF THE FIGURE BEFORE: a stated share attaches to the nearest figure before it in its
# sentence (a share is said of a figure already given), to the nearest after only when none
# stands before.
@pytest.mark.parametrize(
    ("done", "expected"),
    [
        # the breakdown after the share is not what the share is of
        ("40个重点项目完成投资120亿元,年度计划完成率75%,其中8个省重点项目完成投资50亿元。",
         [(8, "个", None), (50, "亿元", None), (120, "亿元", 75)]),
        ("完成投资6亿元,完成率80%,新开工项目3个。", [(3, "个", None), (6, "亿元", 80)]),
        # nothing before it: the figure after
        ("完成年度计划的80%,新增就业5000人。", [(5000, "人", 80)]),
        # each share of its own figure
        ("完成投资2亿元,完成率50%;新建道路4公里,完成率40%。",
         [(2, "亿元", 50), (4, "公里", 40)]),
    ],
)
def test_a_share_is_of_the_figure_before_it(done, expected):
    assert shares("推进重点项目建设", done) == [(float(v), u, r) for v, u, r in expected]


def reported(text: str, done: str) -> list[tuple[float, str]]:
    """Every figure the analysis reports for the task: measurements of targets, then others."""
    a = analyze_task(task(text, done), Q3)
    return [(m.value, m.unit) for m in a.measurements + a.figures]


# SET THEN PART DONE: a count alone in its clause with its work, the next clause opening with a
# count of the same unit said done, is X of Y: the set is no achieved figure.
@pytest.mark.parametrize(
    ("done", "expected"),
    [
        ("20个村的污水提标改造工作,9个村完工,其余村正在施工。", [(9, "个")]),
        ("6所学校的食堂改造,4所已完成。", [(4, "所")]),
        # the next count is of another unit: two figures
        ("20个村的污水提标改造工作,铺设管网9公里。", [(20, "个"), (9, "公里")]),
        # the next count is said under way, not done: two figures
        ("20个村的污水提标改造工作,9个村正在施工。", [(20, "个"), (9, "个")]),
        # the first count has its own verb of result: a figure of its own
        ("已建成20个村的污水设施,9个村完成验收。", [(20, "个"), (9, "个")]),
    ],
)
def test_a_set_then_its_part_done_is_x_of_y(done, expected):
    assert reported("推进农村污水治理", done) == [(float(v), u) for v, u in expected]


@pytest.mark.parametrize(
    ("done", "expected"),
    [
        # the first count has a predicate of its own (列为): it reports something itself
        ("30个项目列为市重大前期项目,5个项目提前开工。", [(30, "个"), (5, "个")]),
    ],
)
def test_a_count_with_its_own_predicate_is_no_set(done, expected):
    assert reported("推进重大项目前期工作", done) == [(float(v), u) for v, u in expected]


# SHARE OF ITS OWN THING: a share whose clause names the thing it is of attaches only to a
# figure whose clause shares a word with that thing; with none it is a share figure of its own.
@pytest.mark.parametrize(
    ("done", "expected"),
    [
        ("新建垃圾转运站12处,配备保洁员300人,转运站建设完成率达到100%。",
         [(12, "处", 100), (300, "人", None)]),
        ("配备保洁员300人,转运站建设完成率达到100%。", [(100, "%", 100), (300, "人", None)]),
        # the plan's words name no thing: the figure before
        ("完成投资12亿元,年度计划完成率70%,其中8个省重点项目完成投资5亿元。",
         [(5, "亿元", None), (8, "个", None), (12, "亿元", 70)]),
        ("累计完成投资11亿元,投资完成率为86%。", [(11, "亿元", 86)]),
    ],
)
def test_a_share_of_its_own_thing_attaches_only_to_a_figure_of_it(done, expected):
    assert shares("推进环卫设施建设", done) == sorted((float(v), u, r) for v, u, r in expected)


# RESPECTIVE SHARES: shares listed 分别 after as many figures are theirs in order.
@pytest.mark.parametrize(
    ("done", "expected"),
    [
        ("完成旧路改造6条,开工建设天桥5座,打通卡口4处,分别达到治理计划的50%、40%和80%。",
         [(4, "处", 80), (5, "座", 40), (6, "条", 50)]),
        ("新建公园3个、绿道9公里,分别完成年度计划的60%和90%。",
         [(3, "个", 60), (9, "公里", 90)]),
        # fewer figures than shares: the nearest-figure rule, the rest shares of their own
        ("新建公园3个,分别完成年度计划的60%和90%。", [(3, "个", 60), (90, "%", 90)]),
    ],
)
def test_shares_said_respectively_are_the_figures_in_order(done, expected):
    assert shares("推进城市更新", done) == sorted((float(v), u, r) for v, u, r in expected)
