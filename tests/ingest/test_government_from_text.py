"""Issue 9: a page whose title gives only a level (区政府, 市府办) names its government in the
text. The rule (luoshi/ingest/placenames.py, metadata.page_level): the level comes from the
title, else the source lines, else the lines above the table, else the table's own units
(区发改局) and text; the government is the place of that level the text names most often, a
place being a name whose stem jieba's dictionary knows as a place. Always warned; two places
named as often give none, and the warning names both."""

from __future__ import annotations

import pytest

from luoshi.ingest.divisions import NOT_IN_PLACE, NOT_PLACES
from luoshi.ingest.government import infer_government
from luoshi.ingest.governmentlevel import page_level
from luoshi.ingest.metadata import read_meta
from luoshi.ingest.placenames import places_named

# (title, context, preamble, body, expected level suffix)
LEVELS = [
    ("2030年区政府民生实事进展情况", [], [], [], "区"),
    ("2030年省政府工作报告涉杭任务和市政府工作报告责任分解", [], [], [], "市"),
    ("2030年政府工作报告重点工作完成情况", ["区府办"], [], [], "区"),
    ("2030年政府工作报告重点工作完成情况", ["市政府办公室"], [], [], "市"),
    ("2030年政府工作报告重点工作完成情况", [], ["县政府办公室对重点工作进行了督查"], [], "县"),
    ("2030年政府工作报告重点工作完成情况", [], [], ["区发改局", "区财政局、区经信局"], "区"),
    # a 市场监管局 is no 市 unit; one unit is not enough
    ("2030年政府工作报告重点工作完成情况", [], [], ["市场监管局", "县教育局"], ""),
    # 各区政府 are the governments below, not the page's own
    ("2030年政府工作报告重点工作完成情况", [], ["请各区政府抓好落实"], [], ""),
]


@pytest.mark.parametrize(("title", "context", "preamble", "body", "suffix"), LEVELS)
def test_page_level(title, context, preamble, body, suffix) -> None:
    assert page_level(title, context, preamble, body)[0] == suffix


# (texts, suffix, the places counted)
NAMED = [
    (["下阶段洞头区招商计划", "洞头区旅游"], "区", {"洞头区": 2}),
    # words before the suffix are no place: 年度区, 其中区, 部署区, 月全区
    (["2020年度区政府", "其中区本级", "研究部署区招商", "1-6月全区增长"], "区", {}),
    # a kind of area ends its own word, not a place (老旧街区, 旅游景区)
    (["改造老旧街区3个", "半屏岛旅游景区"], "区", {}),
    # the longest known stem: 石家庄市, not 家庄市
    (["石家庄市完成改造"], "市", {"石家庄市": 1}),
    # a one-character stem only for a county
    (["沁县完成投资"], "县", {"沁县": 1}),
    # a name the dictionary lacks counts when named five times; a dictionary word never does
    (["安澜县投资"] * 5 + ["科技工业区"] * 6, "县", {"安澜县": 5}),
    (["科技工业区"] * 6, "区", {}),
    # a name the dictionary lacks, named twice, is a place (柯桥区); once is not enough
    (["柯桥区完成投资", "柯桥区新增"], "区", {"柯桥区": 2}),
    (["柯桥区完成投资"], "区", {}),
    # ... unless it ends a generic word: 重点地区, 个乡镇, 市场
    (["重点地区完成", "重点地区新增"], "区", {}),
    (["3个乡镇", "5个乡镇"], "镇", {}),
    (["提振市场", "提振市场"], "市", {}),
    (["全域城镇居民", "全域城镇居民"], "镇", {}),
    (["完善城镇区功能", "提升城镇区品质"], "区", {}),
    (["推进城乡融合", "推进城乡融合"], "乡", {}),
    (["划定重点区域", "划定重点区域"], "区", {}),
    # 各 opens no place's name: 各县市 are the counties and cities
    (["各县市完成", "各县市新增"], "市", {}),
    (["创建全国文明城市", "建设大城市"], "市", {}),
]


@pytest.mark.parametrize(("texts", "suffix", "want"), NAMED)
def test_places_named(texts, suffix, want) -> None:
    assert dict(places_named(texts, suffix, NOT_PLACES, NOT_IN_PLACE)) == want


def test_the_place_named_most_is_taken_with_a_warning_naming_the_runner_up() -> None:
    government, why = infer_government(
        "2030年市政府重点工作完成情况", [], ["温州市民生实事49项", "温州市完成", "乐清市完成"]
    )
    assert government == "温州市"
    assert why is not None and "乐清市" in why and "市政府" in why


def test_two_places_named_as_often_give_none_and_the_warning_names_both() -> None:
    government, why = infer_government(
        "2030年市政府重点工作完成情况", [], ["温州市完成", "乐清市完成"]
    )
    assert government == ""
    assert why is not None and "温州市" in why and "乐清市" in why


def test_no_level_anywhere_names_no_government() -> None:
    government, why = infer_government("2030年重点工作完成情况", [], ["洞头区完成"])
    assert government == "" and why is not None and "not named" in why


def test_read_meta_reads_the_level_from_the_source_line_and_the_place_from_the_body() -> None:
    preamble = ["2030年政府工作报告重点工作完成情况(前三季度)", "信息来源: 市府办"]
    meta, warnings = read_meta(preamble, ["三季度,预计全市GDP增长5%", "平湖市完成投资"])
    assert meta.government == "平湖市"
    assert any("inferred" in w and "平湖市" in w for w in warnings)


def test_a_page_in_traditional_characters_names_its_place_as_written() -> None:
    meta, warnings = read_meta(["2030年區政府重點工作進展情況"], ["臨安區完成投資", "臨安區新增"])
    assert meta.government == "臨安區"
    assert any("inferred" in w for w in warnings)
