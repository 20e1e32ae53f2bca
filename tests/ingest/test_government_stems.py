"""Issue 9: which words before a division suffix are a place (luoshi/ingest/placenames.py,
government.py). A one-character stem starts no place inside a word (完成县 is 完成 + 县); a
district jieba tags as a person's name (杨浦区) is a place; an action phrase before 市政府
(切实推进市政府) is no place; 由 before a unit (由区商务委牵头) opens it and is no stem; a
site's column tag opening the title (【落实情况】) is no part of it; the title counts among the
texts naming the place of the level it names."""

from __future__ import annotations

import pytest

from luoshi.ingest.divisions import NOT_IN_PLACE, NOT_PLACES
from luoshi.ingest.government import _place_from, infer_government
from luoshi.ingest.governmentlevel import page_level
from luoshi.ingest.placenames import places_named

# (texts, suffix, the places counted)
NAMED = [
    # a one-character stem inside a word: 完成 + 县医院, 形成 + 县域; 沁县 still is one
    (["完成县医院主体工程", "形成县城新格局"], "县", {}),
    (["年内完成县医院改造", "沁县完成投资"], "县", {"沁县": 1}),
    # districts jieba tags as person names are known places, named once
    (["杨浦区新建步道5条"], "区", {"杨浦区": 1}),
    (["徐汇区改建菜场"], "区", {"徐汇区": 1}),
    # a common noun's stem stays no place: 工业区
    (["建设工业区"], "区", {}),
    # a one-character stem that is a word of the text (涉) only where nothing runs into it
    (["(涉县融媒体中心)报道", "会议在涉县召开"], "县", {"涉县": 1}),
    (["省政府工作报告涉县任务完成情况"], "县", {}),
    # 由 says who does it, no stem: 项目由区商务委牵头
    (["上述项目由区商务委牵头", "项目由区文旅局负责"], "区", {}),
]


@pytest.mark.parametrize(("texts", "suffix", "want"), NAMED)
def test_places_named(texts: list[str], suffix: str, want: dict[str, int]) -> None:
    assert dict(places_named(texts, suffix, NOT_PLACES, NOT_IN_PLACE)) == want


# (a 政府 phrase, the place it names)
PHRASES = [
    ("为切实推进市政府决策部署落实", ""),
    ("加快推进市政府重点工作", ""),
    ("督促县政府整改", ""),
    ("安澜县人民政府", "安澜县"),  # a word-stem the dictionary lacks as a place, not an action
    ("进贤县人民政府", "进贤县"),  # a verb-tagged stem the dictionary lists with 县
    ("雄安新区管委会", "雄安新区"),  # characters, not words
    ("温州市洞头区人民政府", "洞头区"),
    # 市委 is the city's party committee: 市委市政府 names no place
    ("2030年市委市政府为民兴办10件实事", ""),
    ("县委县政府", ""),
]


@pytest.mark.parametrize(("text", "place"), PHRASES)
def test_action_phrases_are_no_place(text: str, place: str) -> None:
    assert _place_from(text) == place


def test_a_unit_after_you_names_the_level() -> None:
    body = ["上述项目由区商务委牵头负责。", "新建步道3条。上述项目由区体育局牵头负责。"]
    assert page_level("", [], [], body)[0] == "区"


def test_a_column_tag_opening_the_title_is_no_part_of_it() -> None:
    title = "【落实情况】市统计局2030年《政府工作报告》主要任务上半年落实情况"
    government, why = infer_government(title, [], [])
    assert government == "市统计局"
    assert why is not None and "department" in why


def test_the_title_names_the_place_of_its_level() -> None:
    title = "12月1日,省政府办公厅通报了安徽省2030年重点民生实事前11个月进展情况。"
    government, why = infer_government(title, [], ["新建学校3所"])
    assert government == "安徽省"
    assert why is not None and "省政府" in why


def test_the_title_counts_but_does_not_beat_the_text() -> None:
    # the title names the level's place once, the text another twice: the text's wins, warned
    title = "2030年市政府重点工作完成情况(温州市)"
    government, why = infer_government(title, [], ["乐清市完成", "乐清市新增"])
    assert government == "乐清市" and why is not None and "温州市" in why


@pytest.mark.parametrize(
    ("title", "government"),
    [
        ("市教育体育局2030年为民办实事", "市教育体育局"),
        # DEPARTMENT OF A NAMED PLACE (meta15): its place, the department the alternative
        ("安澜县教育体育局2030年为民办实事", "安澜县"),
        # a department without its level or place is every county's: no government
        ("教育体育局2030年为民办实事", ""),
    ],
)
def test_a_department_names_a_government_with_its_level_or_place(
    title: str, government: str
) -> None:
    assert infer_government(title, [], [])[0] == government
