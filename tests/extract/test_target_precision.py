"""What in a task is a target (issue 10, verdict10): a target column restating the task text's
target is the same target, not a second one (table.restates); a count in Chinese numerals before
a formula's head is a name, not an amount (rules.FORMULA_HEADS). Made-up rows."""

from __future__ import annotations

import pytest

from luoshi.extract import analyze_task
from luoshi.extract.targets import extract_targets
from luoshi.ingest.model import Item, Task

from .conftest import Q3


def row(text, done="", **extra):
    return Task(serial="1", text=text, items=[Item(done=done)], extra=extra)


@pytest.mark.parametrize(
    ("text", "extra", "expected"),
    [
        # the column says again what the text promises: one target each
        (
            "地区生产总值增长7%左右。固定资产投资增长9%。",
            {"全年目标": "地区生产总值增长7%左右,固定资产投资增长9%。"},
            [(7, "%", ""), (9, "%", "")],
        ),
        # a bare figure in the column, the same amount as the text's
        ("力争招商引资到位资金超20亿元。", {"全年目标": "20亿元"}, [(20, "亿元", "")]),
        # the same amount in another unit of the family is the same amount
        ("完成技改投资2亿元。", {"全年目标": "完成技改投资20000万元"}, [(2, "亿元", "")]),
        # a figure of another metric is another target
        (
            "地区生产总值增长7%。",
            {"全年目标": "服务业增加值增长7%"},
            [(7, "%", ""), (7, "%", "全年目标")],
        ),
        # a growth and a cut of the same size are two targets
        (
            "工业用水量增长5%。",
            {"全年目标": "工业用水量下降5%"},
            [(5, "%", ""), (5, "%", "全年目标")],
        ),
        # a period's own target is another target, due at the period's end
        (
            "新增就业3000人。",
            {"一季度目标": "新增就业3000人"},
            [(3000, "人", ""), (3000, "人", "一季度目标")],
        ),
        # a column stating another figure keeps it
        (
            "新增就业3000人。",
            {"全年目标": "新增就业3500人"},
            [(3000, "人", ""), (3500, "人", "全年目标")],
        ),
    ],
)
def test_a_target_column_restating_the_text_is_one_target(text, extra, expected):
    a = analyze_task(row(text, "已新增就业2000人。", **extra), Q3, 2023)
    assert [(t.value, t.unit, t.column) for t in a.targets] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("坚决做到两个维护,牢固树立四个意识。", []),
        ("认真落实中央八项规定精神。", []),
        ("按时足额发放残疾人两项补贴。", []),
        ("坚定四个自信,践行两个确立。", []),
        # a count to achieve, in Chinese or Arabic figures, stays a target
        ("新建两个社区服务中心。", [(2, "个")]),
        ("建立3项制度。", [(3, "项")]),
        ("新增2个维护站点。", [(2, "个")]),
    ],
)
def test_a_formula_named_by_a_count_is_no_target(text, expected):
    assert [(t.value, t.unit) for t in extract_targets(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("在已建成10个的基础上,再新建5个社区食堂。", [(5, "个")]),
        ("全市现有养老床位3000张,今年新增500张。", [(500, "张")]),
        ("目前累计完成284人,目标培训500人。", [(500, "人")]),
        # a deadline or a sum over years dates the goal; a share of what is already so is a goal
        ("截至年底新增就业5000人。", [(5000, "人")]),
        ("五年累计完成投资100亿元。", [(100, "亿元")]),
        ("确保已开工项目100%竣工。", [(100, "%")]),
    ],
)
def test_a_figure_already_so_is_context_not_a_target(text, expected):
    assert [(t.value, t.unit) for t in extract_targets(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the size of what is built describes the object: no figure to reach
        ("新建某幼儿园,占地面积约12亩,建筑面积约6000平方米,4轨12班。", []),
        ("建设社区服务中心,总建筑面积3200平方米。", []),
        ("新建学生宿舍楼,用地面积1.5公顷。", []),
        # an area to treat or add is a figure to reach
        ("新增绿化面积10万平方米。", [(10, "万平方米")]),
        ("改造老旧小区30个,改造面积50万平方米。", [(30, "个"), (50, "万平方米")]),
    ],
)
def test_the_size_of_what_is_built_is_no_target(text, expected):
    assert [(t.value, t.unit) for t in extract_targets(text)] == expected
