"""Numerals and quantities: table-driven."""

from __future__ import annotations

import pytest

from luoshi.extract.numbers import find_quantities, normalise, parse_chinese, parse_numeral


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("一百二十", 120),
        ("两", 2),
        ("十五", 15),
        ("十", 10),
        ("二十", 20),
        ("一百零五", 105),
        ("三千五百", 3500),
        ("两万三千", 23000),
        ("三点五", 3.5),
        ("二〇二〇", 2020),
        ("五", 5),
    ],
)
def test_chinese_numerals(text, value):
    assert parse_chinese(text) == value


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("40", 40),
        ("1.5", 1.5),
        ("１２", 12),  # full-width digits
        ("３．５", 3.5),
        ("1.5万", 15000),
        ("3,200", 3200),
        ("2亿", 2e8),
        ("十五", 15),
    ],
)
def test_parse_numeral(text, value):
    assert parse_numeral(text) == value


@pytest.mark.parametrize("bad", ["", "abc", "点"])
def test_parse_numeral_rejects(bad):
    with pytest.raises(ValueError):
        parse_numeral(bad)


def test_normalise_keeps_length():
    s = "完成１２３．５万元，占比６５％"
    assert len(normalise(s)) == len(s)
    assert normalise(s) == "完成123.5万元,占比65%"


def amounts(text):
    return [(q.value, q.unit, q.family) for q in find_quantities(text) if q.is_amount]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("确保全年招商到位资金18亿元", [(18, "亿元", "money")]),
        ("实际利用外资500万美元以上", [(500, "万美元", "usd")]),
        ("新增规上企业8家", [(8, "家", "count")]),
        ("集装箱吞吐量突破30万标箱", [(30, "万标箱", "teu")]),
        ("消化土地300亩", [(300, "亩", "area")]),
        ("引进大学生1.2万人", [(1.2, "万人", "person")]),
        ("建设42公里绿道", [(42, "公里", "length")]),
        ("改造50平方米", [(50, "平方米", "area")]),
        ("处置危废3万吨", [(3, "万吨", "weight")]),
        ("占比65%以上", [(65, "%", "percent")]),
        ("占比６５％", [(65, "%", "percent")]),
        ("降幅收窄3个百分点", [(3, "个百分点", "pp")]),
        ("完善五个基础平台", [(5, "个", "count")]),
        ("新建两家", [(2, "家", "count")]),
        ("建成一百二十套", [(120, "套", "count")]),
        ("帮扶十五户", [(15, "户", "count")]),
        ("新建3-5个", [(3, "个", "count")]),
        ("30个亿元项目重点盯引", [(30, "个", "count")]),  # 亿元 describes the projects
        ("已完成上级压减2个亿的任务", [(2, "亿元", "money")]),  # colloquial 2个亿
        ("压减资金2900多万", [(2900, "万元", "money")]),  # money inferred from 资金
        ("非居民气价4.77元/方", [(4.77, "元/方", "price")]),
    ],
)
def test_quantities(text, expected):
    assert amounts(text) == expected


def test_range_upper_bound():
    (q,) = [q for q in find_quantities("力争落地3-5个项目") if q.is_amount]
    assert (q.value, q.value_max) == (3, 5)


def test_approx():
    (q,) = [q for q in find_quantities("累计投资约3786万元") if q.is_amount]
    assert q.approx and q.value == 3786


@pytest.mark.parametrize(
    "text",
    [
        "完善“1+3+N”招商工作机制",
        "实施“4321”招商推进计划",
        "争取项目列入省“152”工程",
        "推进5G基础设施建设",
        "加快4A级景区城创建",
        "深化“最多跑一次”改革",
        "2020年重大项目",
        "9月29日完成答复",
        "洞政办发明电〔2020〕8号",
        "第三批省科技型中小企业",
        "做好第七次全国人口普查",
        "211省道开展施工图编制",
        "投用220千伏输变电工程",
        "推广3岁以下婴幼儿照护",
        "强化金岙101项目运营管理",
        "完成2#桥桥面铺装",
        "K4+350处上空高压线",
        "一个一个抓落实",
        "千家万户",
        "百亿级项目",
        "新城02-01安置房",
        "直播时间为21:00----01:00",
    ],
)
def test_labels_are_not_amounts(text):
    assert amounts(text) == []


def test_list_markers_are_not_decimals():
    text = "1.完成方案\n2.6个省级示范村基本建成\n3.其他"
    assert amounts(text) == [(6, "个", "count")]


def test_decimal_at_line_start_without_list_stays_decimal():
    assert amounts("1.5亿元已下达") == [(1.5, "亿元", "money")]


@pytest.mark.parametrize(
    ("text", "amounts"),
    [
        # a rating between a count and its noun: the size of each, a label (rules.SIZE_OF_EACH)
        ("新建4台8吨燃气锅炉", [(4, "台")]),
        ("建成1座300吨/日污水处理厂", [(1, "座")]),
        # an area or a sum after a count is as often the whole's: read as written
        ("另建20处2万平方米仓库", [(20, "处"), (2, "万平方米")]),
        # the rating after 的, or ending its phrase: read as written
        ("建成2台10吨的锅炉", [(2, "台"), (10, "吨")]),
        ("锅炉3台,10吨", [(3, "台"), (10, "吨")]),
    ],
)
def test_a_rating_between_a_count_and_its_noun_is_a_label(text, amounts):
    assert [(q.value, q.unit) for q in find_quantities(text) if q.is_amount] == amounts
