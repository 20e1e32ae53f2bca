"""Pages without a dated title (tune12; text/headline.py, docs/formats.md "Pages without a
dated title"), on made-up pages: a headline without a year names the place it opens with, the
lead's 截至 date gives the period and the page's date line its year; the WORD BOUNDARY of
placenames: no place is cut across a word (完成城市 is no 成城市); and a tag opening the title
that names a place (【某某市人民政府】) names the government."""

import pytest

from luoshi.ingest import read_document
from luoshi.ingest.government import infer_government
from luoshi.ingest.model import Meta
from luoshi.ingest.placenames import places_named, starts_a_word
from luoshi.ingest.text.headline import find_headline, headline_place, period_as_of

TABLE = [
    "序号 | 项目名称 | 进展情况 | 责任单位 |",
    "1 | 新建幼儿园5所 | 已开工4所,完成投资1.2亿元。 | 市教育局 |",
    "2 | 改造老旧小区30个 | 已完工12个,其余正在施工。 | 市住建局 |",
    "3 | 新增公共停车位2000个 | 已建成1500个。 | 市城管局 |",
]
PLAN = [
    "序号 | 项目名称 | 责任单位 |",
    "1 | 新建幼儿园5所 | 市教育局 |",
    "2 | 改造老旧小区30个 | 市住建局 |",
    "3 | 新增公共停车位2000个 | 市城管局 |",
]


def _page(*lead: str, table: list[str] = TABLE) -> bytes:
    return "\n".join([*lead, "", *table]).encode()


@pytest.mark.parametrize(
    ("lead", "expected"),
    [
        # the first short line holding a report's words, after broken phrases and a date line
        (["本", "文", "扬州民生实事项目最新进展来了!", "2030-08-21 来源:某报"], "扬州民生实事项目最新进展来了!"),
        (["【民生】江北区十件实事进展情况"], "江北区十件实事进展情况"),
        # a sentence, a label, an item, a publication key, a row of cells: no headline
        (["民生为大,十件实事进展顺利推进。"], ""),
        (["进展情况:"], ""),
        (["1.新建幼儿园进展情况"], ""),
        (["信息来源:某某区实事进展办公室"], ""),
        (["序号 | 项目名称 | 进展情况 |"], ""),
        # no report's words
        (["扬州今日天气晴朗多云转阴"], ""),
    ],
)
def test_the_headline_is_the_first_short_line_naming_a_report(lead, expected):
    assert find_headline(lead) == expected


@pytest.mark.parametrize(
    ("headline", "place"),
    [
        ("扬州民生实事项目最新进展来了", "扬州市"),  # a bare stem listed with 市 only
        ("高港十项重点民生实事进展如何", "高港区"),  # a stem the dictionary lists as 高港区
        ("杭州市民生实事进展", "杭州市"),  # the full name
        ("【民生】常德民生实事进展", "常德市"),  # a column tag opening the headline
        ("吉林民生实事进展", ""),  # 吉林省 or 吉林市: two suffixes, no place
        ("民生实事最新进展", ""),  # a common word opens it
        ("全市重点项目进展", ""),
    ],
)
def test_a_headline_names_the_place_it_opens_with(headline, place):
    assert headline_place(headline) == place


def test_an_untitled_page_takes_place_period_and_year_from_headline_lead_and_date():
    doc = read_document(
        _page(
            "扬州民生实事项目最新进展来了",
            "2030-08-21 19:28 来源:某某报 记者 张三",
            "民生为大。截至7月底,20件为民办实事项目累计完成投资70亿元。",
        ),
        name="news.txt",
    )
    assert len(doc.tasks) == 3
    assert doc.meta.government == "扬州市"
    assert doc.meta.year == 2030
    assert doc.meta.period is not None and doc.meta.period.end_date.isoformat() == "2030-07-31"
    said = [w.message for w in doc.warnings]
    assert any(m.startswith("government 扬州市 taken from the headline") for m in said)
    assert not any(m.startswith(("no title found", "government not named")) for m in said)


def test_a_period_ending_after_the_page_date_is_of_the_year_before():
    meta = Meta()
    lead = ["2031-01-10 来源:某报", "截至12月底,十件实事全部完成。"]
    assert period_as_of(meta, lead) is not None
    assert (meta.year, meta.period.end_date.isoformat()) == (2030, "2030-12-31")


def test_without_a_date_the_period_is_kept_without_a_year():
    meta = Meta()
    assert period_as_of(meta, ["据了解,截至10月底", "十件实事正全面推进"]) is not None
    assert meta.year is None and meta.period.month == 10 and meta.period.end_date is None


def test_a_plan_states_its_background_as_of_a_date_and_gets_no_period_from_it():
    doc = read_document(
        _page("扬州民生实事项目清单", "截至2029年底,全市已建成幼儿园300所。", table=PLAN),
        name="plan.txt",
    )
    assert doc.meta.period is None or doc.meta.period.label != "截至2029年底"


def test_a_government_read_from_a_government_phrase_is_kept():
    doc = read_document(
        _page(
            "扬州民生实事项目最新进展来了",
            "江都区人民政府办公室",
            "截至7月底,各项目进展顺利。",
        ),
        name="gov.txt",
    )
    assert doc.meta.government != "扬州市"


@pytest.mark.parametrize(
    ("text", "at", "starts"),
    [
        ("完成城市更新", 1, False),  # 完成/城市更新: no word starts at 成
        ("新建成都市第一", 2, True),  # 新建/成都市
        ("推进杭州市建设", 2, True),
        ("(成都市)", 1, True),  # nothing Chinese before it
    ],
)
def test_a_stem_counts_only_where_a_word_starts(text, at, starts):
    assert starts_a_word(text, at) is starts


def test_no_place_is_cut_across_a_word():
    counted = places_named(["今年完成城市更新项目5个", "完成城市道路改造"], "市", set(), set())
    assert "成城市" not in counted
    assert places_named(["新建成都市第一中学"], "市", set(), set())["成都市"] == 1


@pytest.mark.parametrize(
    ("lead", "end"),
    [
        # a dated title naming no period: the 截至 date later in the lead gives it
        (["民生为大。全市上下齐心协力,截至9月底,累计完成投资50亿元。"], "2030-09-30"),
        # a date of another year is another year's figure, not the report's period
        (["民生为大。截至2029年底,全市已累计建成幼儿园300所。"], None),
    ],
)
def test_a_title_naming_no_period_takes_the_lead_date_of_its_year(lead, end):
    doc = read_document(_page("2030年扬州市民生实事项目推进情况", *lead), name="t.txt")
    got = doc.meta.period.end_date.isoformat() if doc.meta.period else None
    assert got == end
    if end:
        assert not any("no reporting period" in w.message for w in doc.warnings)


@pytest.mark.parametrize(
    ("title", "government"),
    [
        # a tag opening the title that names a place is the page's publisher
        ("【杭州市人民政府】2030年民生实事项目进展情况", "杭州市"),
        ("【扬州市】2030年民生实事项目进展情况", "扬州市"),
        # a column tag naming no place is no part of the title
        ("【落实情况】2030年扬州市民生实事项目进展情况", "扬州市"),
        ("【民生】2030年市政府民生实事项目进展情况", ""),
    ],
)
def test_a_tag_naming_a_place_names_the_government(title, government):
    assert infer_government(title, [], [])[0] == government
