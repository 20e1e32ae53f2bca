from datetime import date

import pytest

from luoshi.ingest.metadata import infer_government, parse_date, read_meta
from luoshi.vocab import PeriodKind

BULLETS = [
    "2020年度区政府工作报告重点工作清单落实情况表(三季度)",
    "发布日期:2021-01-15 11:46:41 浏览次数: 来源: 字体:[ ]",
    "• 索引号:",
    "• 001008003006001/2020-51324",
    "• 组配分类:",
    "• 政府绩效工作",
    "• 发布机构:",
    "• 区府办(外事办、大数据发展管理局)",
    "• 成文日期:",
    "• 2021- 01- 15",
    "• 公开方式:",
    "• 主动公开",
]
INLINE = [
    "当前位置:",
    "舟山市人民政府> 法定主动公开内容> 市政府工作报告>",
    "索引号 001008009005001/2020-179780",
    "组配分类 市政府工作报告 发布机构 市政府办公室",
    "生成日期 2020-10-29 公开方式 主动公开",
    "2020年度市政府重点工作任务前三季度完成情况",
    "发布日期:2020-10-29 来源:市政府办公室 访问次数: 字号:[ ]",
]


def test_bullet_style_value_on_next_line():
    meta, _ = read_meta(BULLETS, ["洞头区"] * 6)
    assert meta.index_no == "001008003006001/2020-51324"
    assert meta.category == "政府绩效工作"
    assert meta.publisher == "区府办(外事办、大数据发展管理局)"
    assert meta.written_date == date(2021, 1, 15)
    assert meta.published_date == date(2021, 1, 15)
    assert meta.disclosure == "主动公开"
    assert meta.year == 2020 and meta.period.kind is PeriodKind.Q3


def test_inline_style_several_keys_per_line():
    meta, warnings = read_meta(INLINE)
    assert meta.index_no == "001008009005001/2020-179780"
    assert meta.category == "市政府工作报告"
    assert meta.publisher == "市政府办公室"
    assert meta.written_date == date(2020, 10, 29)
    assert meta.disclosure == "主动公开"
    assert meta.title == "2020年度市政府重点工作任务前三季度完成情况"
    assert meta.government == "舟山市"  # from the breadcrumb "舟山市人民政府>"
    assert warnings == []


@pytest.mark.parametrize("level", ["州", "旗", "镇"])
def test_a_level_word_named_often_is_not_a_place(level: str) -> None:
    # "全州新增…" six times says "the whole prefecture", not a place called 全州
    body = [f"全{level}新增企业10家,我{level}完成投资5亿元。"] * 6
    government, why = infer_government(f"2030年{level}政府工作报告目标任务推进情况", [], body)
    assert government == "" and why is not None and f"{level}政府" in why


def test_government_inferred_from_the_text_is_said_in_a_warning():
    meta, warnings = read_meta(BULLETS, ["洞头区招商", "洞头区旅游", "示范区"] * 5)
    assert meta.government == "洞头区"
    assert any("inferred" in w and "洞头区" in w for w in warnings)


def test_government_left_empty_when_unknown():
    meta, warnings = read_meta(BULLETS, ["没有地名"])
    assert meta.government == ""
    assert any("government not named" in w for w in warnings)


def test_government_from_the_title():
    assert infer_government("温州市洞头区人民政府2020年重点工作", [], []) == ("洞头区", None)
    assert infer_government("2020年度市政府重点工作", [], [])[0] == ""


def test_dates_with_spaces_and_characters():
    assert parse_date("2021- 01- 15") == date(2021, 1, 15)
    assert parse_date("2020年10月29日") == date(2020, 10, 29)
    assert parse_date("2020-13-40") is None


def test_no_title_is_a_warning():
    meta, warnings = read_meta(["• 索引号:", "• 1"])
    assert meta.title == "" and meta.period is None
    assert any("no title" in w for w in warnings)


PLACE_CASES = [
    ("安澜市平川区人民政府关于印发", "平川区"),
    ("某某省人民政府关于", "某某省"),
    ("2030年平川区涉及市政府工作报告任务", "平川区"),  # 涉及市 is words, not a place
    ("青石镇人民政府", "青石镇"),
    ("东门街道办事处", "东门街道"),
    ("关于印发安澜市人民政府", "安澜市"),
    ("2030年度区政府工作报告", ""),  # the level only: no place named
    # every division of the table in luoshi.ingest.government.DIVISIONS (made-up names)
    ("青岚自治州人民政府关于", "青岚自治州"),
    ("青岚州人民政府", "青岚州"),
    ("白石盟人民政府", "白石盟"),
    ("白石盟乌兰旗人民政府", "乌兰旗"),
    ("青岚州平川市人民政府", "平川市"),  # a 市 inside a 州 is a county-level city
    ("安澜市临溪新区管委会和临溪新区人民政府", "临溪新区"),
    ("青岚自治县人民政府", "青岚自治县"),
    ("青岚苏木人民政府", "青岚苏木"),
    ("安澜州市人民政府", "安澜州市"),  # 州 followed by 市: one place, not 安澜州 + 市
    ("安澜市委、市人民政府确定", "安澜市"),  # the committee and the government together
    ("青石县委县政府", "青石县"),
]


@pytest.mark.parametrize(("text", "place"), PLACE_CASES)
def test_place_from_a_government_phrase(text, place):
    from luoshi.ingest.government import _place_from

    assert _place_from(text) == place


PERIOD_CASES = [
    # (title, kind, end date)
    ("2030年民生实事项目进展情况(截至5月15日)", "month", "2030-05-15"),
    ("2030年6月民生实事进展情况", "month", "2030-06-30"),
    ("2030年11月份重点工作推进情况", "month", "2030-11-30"),
    ("2030年政府工作报告重点工作责任分解", "plan", None),
    ("关于印发2030年政府工作报告目标任务的通知", "plan", None),
    ("2030年重点工作任务分解落实情况", None, None),  # a report on the plan, not the plan
    ("安澜市临溪区2030年度重点工作计划", "plan", None),
    ("安澜市2030年工作要点", "plan", None),
    ("安澜市白鹭街道2030年上半年工作总结", "h1", "2030-06-30"),
]


@pytest.mark.parametrize(("title", "kind", "end"), PERIOD_CASES)
def test_period_from_title(title, kind, end):
    from luoshi.ingest.metadata import read_meta

    meta, _ = read_meta([title])
    if kind is None:
        assert meta.period is None or str(meta.period.kind) != "plan"
        return
    assert meta.period is not None and str(meta.period.kind) == kind
    got = meta.period.end_date.isoformat() if meta.period.end_date else None
    assert got == end


def test_as_of_day_near_the_table_refines_the_title_month():
    from luoshi.ingest.metadata import read_meta

    meta, _ = read_meta(["2030年6月民生实事进展情况", "民生实事推进表(截至6月20日)"])
    assert meta.period is not None and meta.period.end_date.isoformat() == "2030-06-20"


GOVERNMENT_CASES = [
    (["2030年重点工作三季度完成情况", "来源:青石镇"], "青石镇"),
    (["市机关事务管理局2030年重点工作任务清单"], "市机关事务管理局"),
    (
        ["2030年县政府办公室重点工作完成情况"],
        "",
    ),  # the government's own office: not a department list
    (["2030年度区政府工作报告重点工作清单落实情况表", "发布机构:区府办"], ""),
    # a place opening the title, right before its year (our own place names)
    (["安澜市2030年政府工作报告重点工作推进情况表(截至10月31日)"], "安澜市"),
    (["青石镇2030年重点工作责任分解"], "青石镇"),
    (["安澜市临溪区2030年度重点工作计划"], "临溪区"),
    (["安澜市白鹭街道2030年上半年工作总结"], "白鹭街道"),
    # DEPARTMENT OF A NAMED PLACE: the place, as for a department in the source line
    (["安澜市机关事务管理局2030年重点工作任务分解"], "安澜市"),
    # the year and period before the place are not part of it
    (["2030年上半年安澜市政府工作报告目标任务落实情况"], "安澜市"),
    # other divisions opening the title before or after the year (DIVISIONS)
    (["青岚州2030年度十件民生实事1-3月推进情况"], "青岚州"),
    (["2030年青岚自治州民生实事完成情况"], "青岚自治州"),
    (["白石盟2030年重点工作任务清单"], "白石盟"),
    (["乌兰旗2030年重点工作任务清单"], "乌兰旗"),
    (["临溪新区2030年民生实事进展情况"], "临溪新区"),
    # in traditional characters: matched simplified, kept as written
    (["青嵐州2030年度十件民生實事推進情況"], "青嵐州"),
    # the government as the subject of the opening sentence, when the title names none
    (["截至2030年12月31日,安澜市委、市人民政府十件实事全面完成。具体如下:"], "安澜市"),
    (["2030年重点工作完成情况", "截至12月底,青石县人民政府确定的任务全部完成。"], "青石县"),
    # a place inside a clause is what the sentence talks about, not who speaks
    (["2030年重点工作完成情况", "截至12月底,区政府在青石镇人民政府驻地开展工作。"], ""),
]


def test_keys_in_traditional_characters_are_keys() -> None:
    meta, warnings = read_meta(["?", "來源:青石縣", "發布時間:2030-07-01", "  2030年民生實事進展情況"])
    assert meta.title == "2030年民生實事進展情況"  # the source line is not the title
    assert meta.government == "青石縣"  # named alone as the source, kept as written
    assert meta.published_date == date(2030, 7, 1)
    assert not any("government not named" in w for w in warnings)


def test_government_from_the_opening_sentence_is_warned():
    meta, warnings = read_meta(["2030年重点工作完成情况", "截至12月底,青石县人民政府确定的任务全部完成。"])
    assert meta.government == "青石县"
    assert any("opening sentence" in w for w in warnings)


@pytest.mark.parametrize(("preamble", "government"), GOVERNMENT_CASES)
def test_government_from_source_line_or_department_title(preamble, government):
    meta, _ = read_meta(preamble)
    assert meta.government == government


def test_a_sentence_opening_with_a_level_word_names_no_place():
    meta, _ = read_meta(
        ["为了确保省人大会议通过的《政府工作报告》落到实处,现将2030年任务分解如下:"]
    )
    assert meta.government == ""


def test_a_notice_title_names_the_government():
    from luoshi.ingest.text.pagemeta import read_page_meta

    preamble = [
        "安澜省人民政府关于落实重点工作责任分工的意见",
        "按照要求,现将2030年重点工作任务分工如下:",
    ]
    meta, _ = read_page_meta(preamble, "", [])
    assert meta.government == "安澜省"


def test_a_zone_named_often_in_the_text_is_not_taken_for_the_government():
    body = ["高新区新增企业10家。"] * 6
    government, why = infer_government("2030年区政府工作报告目标任务上半年推进情况", [], body)
    assert government == "" and why is not None and "区政府" in why


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (["金额单位:万元"], "金额单位:万元"),
        (["金額單位:萬元 |"], "金额单位:万元"),  # traditional forms, a one-cell pipe row
        (["(单位:亿元)"], "单位:亿元"),
        (["计量单位：个"], "计量单位:个"),
        (["单位:万吨/年"], "单位:万吨/年"),
        (["责任单位:市财政局"], ""),  # a unit of government, not of measure
        (["单位:市发改委"], ""),
        (["全市完成投资5亿元,单位:万元"], ""),  # a sentence, not a line of its own
    ],
)
def test_unit_line(lines, expected):
    from luoshi.ingest.metadata import find_unit_line

    assert find_unit_line(lines) == expected


def test_unit_line_above_or_below_the_table_is_meta():
    above, _ = read_meta(["2023年民生实事项目进展情况", "金额单位:万元"], ["序号", "项目"])
    below, _ = read_meta(["2023年民生实事项目进展情况"], ["序号", "项目", "1", "某项目", "单位:亿元"])
    none, _ = read_meta(["2023年民生实事项目进展情况"], ["序号", "项目"])
    assert (above.unit_line, below.unit_line, none.unit_line) == ("金额单位:万元", "单位:亿元", "")
    assert above.to_dict()["unit_line"] == "金额单位:万元" and "unit_line" not in none.to_dict()


def test_a_long_line_costs_no_unit_line_matching():
    import time

    from luoshi.ingest.metadata import find_unit_line

    hostile = "单位:万元" + " " * 50_000 + "|" + " " * 50_000 + "x"
    start = time.process_time()  # CPU seconds: the work, not the machine's other load
    assert find_unit_line([hostile] * 20) == ""
    assert time.process_time() - start < 0.5
def test_a_traditional_title_is_found_and_kept_as_written() -> None:
    meta, _ = read_meta(["青島市2030年重點工作任務"])
    assert meta.title == "青島市2030年重點工作任務"
    assert meta.year == 2030
    assert meta.period is not None and str(meta.period.kind) == "plan"


def test_a_sentence_is_the_title_only_when_no_line_is_one() -> None:
    cover = "《安澜市2030年重点工作任务》已经市政府同意,现印发给你们,请认真组织实施。"
    meta, _ = read_meta([cover, "安澜市2030年重点工作任务"])
    assert meta.title == "安澜市2030年重点工作任务"
    lead_in = "为完成我市2030年民生工程目标任务,现将1至7月民生工程实施进度通报如下:"
    meta, _ = read_meta([lead_in])
    assert meta.title == lead_in and meta.year == 2030


@pytest.mark.parametrize(
    ("first_line", "government"),
    [("安澜市临溪区人民政府办公室", "临溪区"), ("安瀾市臨溪區人民政府辦公廳", "臨溪區")],
)
def test_the_issuing_office_names_the_government(first_line: str, government: str) -> None:
    from luoshi.ingest.text.pagemeta import read_page_meta

    meta, _ = read_page_meta([first_line, "关于印发2030年重点工作任务的通知"], "", [])
    assert meta.government == government
    assert meta.period is not None and str(meta.period.kind) == "plan"
