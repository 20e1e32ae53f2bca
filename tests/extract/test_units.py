"""Units: families, scales and which units compare."""

from __future__ import annotations

import pytest

from luoshi.extract.numbers import find_quantities
from luoshi.extract.units import base_of, comparable, family_of


@pytest.mark.parametrize(
    ("unit", "family"),
    [
        ("亿元", "money"), ("万元", "money"), ("元", "money"), ("万美元", "usd"), ("亩", "area"),
        ("家", "count"), ("个", "count"), ("万人", "person"), ("公里", "length"),
        ("万标箱", "teu"), ("吨", "weight"), ("平方米", "area"), ("套", "count"), ("户", "count"),
        ("%", "percent"), ("个百分点", "pp"), ("人次", "person_time"), ("天", "duration"),
        ("千伏", None), ("批次", "occasion"), ("万家次", "occasion"), ("车次", "occasion"),
        ("盏", "count"), ("面", "count"),  # lamps; boards and walls
    ],
)
def test_family(unit, family):
    assert family_of(unit) == family


@pytest.mark.parametrize(
    ("text", "base_amount"),
    [
        ("6987.6万元", 69_876_000),
        ("1.5亿元", 150_000_000),
        ("3公里", 3000),
        ("2万吨", 20000),
        ("500万美元", 5_000_000),
    ],
)
def test_conversion_to_base(text, base_amount):
    (q,) = [q for q in find_quantities(text) if q.is_amount]
    assert q.base_amount == pytest.approx(base_amount)


def test_wan_yuan_against_yi_yuan():
    (a,) = [q for q in find_quantities("累计入库税收6987.6万元") if q.is_amount]
    (b,) = [q for q in find_quantities("新增地方综合贡献1.5亿元") if q.is_amount]
    assert a.base_amount / b.base_amount == pytest.approx(0.46584)


@pytest.mark.parametrize(
    ("a", "fa", "b", "fb", "ok"),
    [
        ("个", "count", "项", "count", True),
        ("家", "count", "个", "count", True),
        ("幢", "count", "家", "count", False),
        ("艘", "count", "个", "count", False),
        ("万元", "money", "亿元", "money", True),
        ("万美元", "usd", "亿元", "money", False),
        ("%", "percent", "个百分点", "pp", False),
        ("万名", "person", "人", "person", True),
    ],
)
def test_comparable(a, fa, b, fb, ok):
    assert comparable(a, fa, b, fb) is ok


def test_base_of():
    assert base_of("万标箱") == "标箱"
    assert base_of("亿元") == "元"
    assert base_of("个") == "个"


@pytest.mark.parametrize("text", ["项目", "个人", "家庭", "条件", "户籍", "处置", "台风", "面积", "面向"])
def test_words_starting_with_unit_chars_are_not_units(text):
    assert [q for q in find_quantities("3" + text) if q.is_amount] == []


@pytest.mark.parametrize(("text", "amount"), [
    ("新建12个人工智能实验室", (12, "个")),  # 个 + 人工智能: the unit counts the laboratories
    ("培育8个人才项目", (8, "个")),
    ("排查5个人员密集场所", (5, "个")),
    ("资助3个人", None),  # 个人 alone: the word, no unit
    ("评选4个人物", None),  # 人物 opens no word of UNIT_BEFORE_WORD: 个人 stays the word
    ("新增托儿机构3所以上", (3, "所")),  # 以上 is the bound, not 所以 (therefore)
    ("改造校舍2所以内", (2, "所")),
    ("拓宽道路至7米以上", (7, "米")),
    ("这3所以前是小学", None),  # 所以 before another character stays the word
])
def test_a_unit_before_a_word_opening_with_its_continuation(text, amount):
    got = [(q.value, q.unit) for q in find_quantities(text) if q.is_amount]
    assert got == ([amount] if amount else [])


@pytest.mark.parametrize(("text", "unit"), [("出车7674批次", "批次"), ("走访商户2万余家次", "万家次"),
                                         ("新增企业30家", "家")])
def test_occasions_of_a_thing_are_a_unit_of_their_own(text, unit):
    (q,) = [q for q in find_quantities(text) if q.is_amount]
    assert q.unit == unit  # a visit to a household is no household


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # 平 alone for 平方米 (an office of 2000平), 部 a count of vehicles or laws
        ("甲公司租用2000平,乙公司1500平。", [(2000.0, "平", "area"), (1500.0, "平", "area")]),
        ("更新公交车辆753部。", [(753.0, "部", "count")]),
        ("建成两组雕塑。", [(2.0, "组", "count")]),
        ("形成8组团发展格局。", []),
        # the same characters opening a word are no unit
        ("接入3平台数据。", []),
        ("涉及12部门。", []),
        ("完成3部分内容。", []),
    ],
)
def test_ping_bu_and_zu_as_units(text, found):
    qs = [q for q in find_quantities(text) if q.is_amount]
    assert [(q.value, q.unit, q.family) for q in qs] == found


@pytest.mark.parametrize(("text", "value", "unit"), [("统一采购路灯1249盏", 1249, "盏"),
                                                   ("设置解说牌1面", 1, "面")])
def test_measure_words_of_lamps_and_boards(text, value, unit):
    (q,) = [q for q in find_quantities(text) if q.is_amount]
    assert (q.value, q.unit) == (value, unit)
