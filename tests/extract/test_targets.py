"""Targets and their comparators: table-driven."""

from __future__ import annotations

import pytest

from luoshi.extract.targets import extract_targets


def one(text):
    ts = extract_targets(text)
    assert len(ts) == 1, [t.to_dict() for t in ts]
    return ts[0]


@pytest.mark.parametrize(
    ("text", "comparator", "value", "unit"),
    [
        ("实际利用外资500万美元以上", ">=", 500, "万美元"),
        ("创成省科技型中小企业7家以上", ">=", 7, "家"),
        ("引进人才不少于100人", ">=", 100, "人"),
        ("至少落地1个百亿级项目", ">=", 1, "个"),
        ("集装箱吞吐量突破30万标箱", ">=", 30, "万标箱"),
        ("直接融资超100亿元", ">=", 100, "亿元"),
        ("城镇登记失业率控制在3%以内", "<=", 3, "%"),
        ("审批时间不超过20个工作日", "<=", 20, "个工作日"),
        ("游客过夜占比达30%", "reach", 30, "%"),
        ("研发机构覆盖率达到40%", "reach", 40, "%"),
        ("数字经济核心产业增加值增长15%", "increase_by", 15, "%"),
        ("社会消费品零售总额增长8.5%以上", "increase_by", 8.5, "%"),
        ("压减一般公用经费支出5%", "decrease_by", 5, "%"),
        ("事故起数下降20%", "decrease_by", 20, "%"),
        ("新增规上企业8家", "=", 8, "家"),
        ("确保全年招商到位资金18亿元", "=", 18, "亿元"),
        ("完成出口500万美元", "=", 500, "万美元"),
        ("建设提升42公里绿道系统", "=", 42, "公里"),  # 提升 here means upgrade, not +42
        ("确保海洋产业增加值80亿元以上", ">=", 80, "亿元"),  # 增加值 is not a verb
        ("新建17个省新时代美丽乡村", "=", 17, "个"),
        ("完善“视频一张网”“全域一张图”等五个基础平台", "=", 5, "个"),
        ("力争落地3-5个项目", ">=", 3, "个"),
        # a verb of change followed by 至/到 sets a level; 达 too, except after a growth rate
        ("新兴产业增加值占比提升至44%", "reach", 44, "%"),
        ("新兴产业占比提升达44%以上", ">=", 44, "%"),
        ("研发投入占比提高到3%", "reach", 3, "%"),
        ("出口增长达10%", "increase_by", 10, "%"),
        ("工业投资实现20%以上增长", "increase_by", 20, "%"),  # the verb after the figure
        ("单位能耗下降至0.5吨", "<=", 0.5, "吨"),
    ],
)
def test_comparator(text, comparator, value, unit):
    t = one(text)
    assert (t.comparator, t.value, t.unit) == (comparator, value, unit)
    assert t.span.text in text and text[t.span.start : t.span.end] == t.span.text


def test_several_targets_each_with_its_own_span():
    text = "深入实施专项行动,消化“批而未供”土地300亩,处置“供而未用”土地1400亩,新增工业用地(用海)800亩。"
    ts = extract_targets(text)
    assert [(t.value, t.unit) for t in ts] == [(300, "亩"), (1400, "亩"), (800, "亩")]
    assert ts[1].span.text == "处置“供而未用”土地1400亩"


def test_list_joined_by_dun_splits_spans_and_inherits_verb():
    ts = extract_targets("压减一般公用经费和“三公”经费支出5%、非刚性非重点项目支出10%,强化绩效评价")
    assert [(t.comparator, t.value) for t in ts] == [("decrease_by", 5), ("decrease_by", 10)]
    assert ts[1].span.text == "非刚性非重点项目支出10%"
    assert ts[0].span.text == "压减一般公用经费和“三公”经费支出5%"


def test_respectively_gives_one_target_per_metric():
    ts = extract_targets("坚决遏制事故,确保事故起数、死亡人数分别下降20%。")
    assert [(t.metric, t.comparator, t.value, t.unit) for t in ts] == [
        ("事故起数", "decrease_by", 20, "%"), ("死亡人数", "decrease_by", 20, "%")]
    assert ts[0].span == ts[1].span and ts[0].span.text == "确保事故起数、死亡人数分别下降20%"
    # a count before 均/分别 names the set whose members each have the later target
    ts = extract_targets("确保4个结构性指标均实现10%以上增长,两项指标分别增长5%")
    assert [(t.comparator, t.value, t.unit) for t in ts] == [("increase_by", 10, "%"), ("increase_by", 5, "%")]


def test_number_before_its_noun_gives_metric_after():
    t = one("实施计划,确保40个亿元以下“专精特新”项目入库")
    assert (t.value, t.unit) == (40, "个")
    assert "专精特新" in t.metric


@pytest.mark.parametrize(
    "text",
    [
        "完善“1+3+N”招商工作机制,实施“双评估+尽职调查”管理。",
        "实施“4321”招商推进计划",
        "争取更多项目纳入省“2+6”清单",
        "推进5G基础设施和通信网络建设",
        "加快景区村、4A级景区城创建",
        "深化机关内部“最多跑一次”改革",
        "到2022年基本建成",
        "开工建设小门环岛公路二标段",
        "投用220千伏输变电工程",
        "做好第七次全国人口普查工作",
        "实施“六个一”工程",
        "推广3岁以下婴幼儿照护工作",
        "成熟一个开工一个",
        "开展三年行动",
        "开展帆船、海上铁人三项等系列赛事",  # a numeral inside a fixed word
    ],
)
def test_labels_are_not_targets(text):
    assert extract_targets(text) == []


@pytest.mark.parametrize(
    ("text", "targets"),
    [
        # an amount with 以上 before the things it sizes and their count is a size class
        ("招引投资10亿元以上项目8个、亿元以上项目60个。", [(8, "个"), (60, "个")]),
        ("新引进5000万元以上工业项目20个。", [(20, "个")]),
        # an amount with no count of things after it stays an amount
        ("完成固定资产投资10亿元以上。", [(10, "亿元")]),
    ],
)
def test_an_amount_sizing_the_things_counted_is_no_target(text, targets):
    assert [(t.value, t.unit) for t in extract_targets(text)] == targets


def test_a_size_class_is_no_measurement():
    from luoshi.extract import analyze_task

    from .conftest import Q3, task

    a = analyze_task(task("引进亿元以上项目100个。", "引进亿元及以上项目107个,其中10亿元以上项目25个。"), Q3)
    assert all(m.unit != "亿元" for m in a.measurements + a.figures)


@pytest.mark.parametrize(
    ("text", "targets"),
    [
        # a plant's capacity before its product names the plant: no target (OBJECT_CAPACITY_BEFORE)
        ("推进某某年产30万吨有机肥加工项目建设", []),
        ("建成日处理能力80吨的餐厨垃圾处理中心1座", [(1, "座")]),
        # a capacity closing its clause may be the promise itself
        ("饲料厂实现年产12万吨。", [(12, "万吨")]),
        # a class by its grade in Chinese numerals before a noun: no count (CLASS_UNITS)
        ("完成三类危房改造6座、开工改造四类危桥2座", [(6, "座"), (2, "座")]),
        ("将全部项目分为三类,", [(3, "类")]),  # a count of kinds ending its clause stays
    ],
)
def test_a_figure_naming_the_object_is_no_target(text, targets):
    assert [(t.value, t.unit) for t in extract_targets(text)] == targets
