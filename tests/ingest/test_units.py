import pytest

from luoshi.ingest.units import split_units

CASES = [
    ("市发改委、市经信局、市府办(市大数据局)", ["市发改委", "市经信局", "市府办(市大数据局)"], []),
    (
        "市疫情防控办,各县(区)政府、各功能区管委会(列第一位者为工作牵头或汇总单位,下同)",
        ["市疫情防控办", "各县(区)政府", "各功能区管委会"],
        ["(列第一位者为工作牵头或汇总单位,下同)"],
    ),
    ("区府办(外事办、大数据发展管理局)", ["区府办(外事办、大数据发展管理局)"], []),
    ("*区发改局、*新区财政局，区住建局", ["区发改局", "新区财政局", "区住建局"], []),
    ("市财政局\n(市国资委)", ["市财政局", "(市国资委)"], []),
    ("市委组织部（市人才办）；市科技局", ["市委组织部（市人才办）", "市科技局"], []),
    ("", [], []),
    # names separated by spaces only: the spaces separate them (the starred one leads)
    ("区科技局 *区投促局 各镇街", ["区投促局", "区科技局", "各镇街"], []),
    # spacing inside one name, or a bracket after a name, is not a separator
    ("市 发 改 委", ["市 发 改 委"], []),
    ("市商务局 (市招商局)", ["市商务局 (市招商局)"], []),
    # spaced words none of which ends like an organisation are not unit names
    ("全力推进 重点项目", ["全力推进 重点项目"], []),
    # a list closing with a full stop, or with how its units share the work: order kept
    ("市住建局、市财政局。", ["市住建局", "市财政局"], []),
    ("市人力社保局、市农业农村局分别牵头", ["市人力社保局", "市农业农村局"], []),
    # a bracket inside a space-separated name is part of it
    ("县民政局 县财政局 各乡(镇、街道)政府", ["县民政局", "县财政局", "各乡(镇、街道)政府"], []),
    # spaces and 、 mixed: a part whose every piece ends like an organisation is several names
    ("县水利局、县林业局 县农业局、县财政局", ["县水利局", "县林业局", "县农业局", "县财政局"], []),
    # ... but a part with a piece ending like none stays one name
    ("县水利局、县林业局 牵头", ["县水利局", "县林业局 牵头"], []),
]


@pytest.mark.parametrize(("cell", "units", "notes"), CASES)
def test_split_units(cell, units, notes):
    assert split_units(cell) == (units, notes)


INLINE_LABEL_CASES = [
    # a 责任单位 label closing the task cell after its last sentence
    ("建成公园3个。责任单位:市住建局、市财政局", "建成公园3个。", ["市住建局、市财政局"]),
    ("建成公园3个。\n牵头单位:市住建局", "建成公园3个。", ["市住建局"]),
    # a label inside a sentence is not a unit note
    ("明确责任单位:市住建局牵头建成公园", None, None),
    # the part word alone as a label; a note before the full stop
    ("建成公园3个。(牵头:市住建局;配合:市财政局)", "建成公园3个。", ["市住建局"]),
    ("建成公园3个(主责部门:市住建局)。", "建成公园3个。", ["市住建局"]),
    ("完善牵头:机制", None, None),
    # the official-document bracket 〔〕, labels parted by a comma, a bracket inside a unit
    (
        "修缮村道2条。〔牵头单位:县交通局,责任单位:各乡镇(街道)〕",
        "修缮村道2条。",
        ["县交通局", "各乡镇(街道)"],
    ),
    ("修缮村道2条〔牵头单位:县交通局〕。", "修缮村道2条。", ["县交通局"]),
    # a 〔〕 holding no label is no unit note (a document number)
    ("按县政办发〔2031〕5号执行", None, None),
]


@pytest.mark.parametrize(("text", "rest", "lead"), INLINE_LABEL_CASES)
def test_units_label_closing_the_task_cell(text, rest, lead):
    from luoshi.ingest.units import units_in_text

    found = units_in_text(text)
    if rest is None:
        assert found is None
    else:
        assert found is not None and found[0] == rest and found[1] == lead


def test_angle_brackets_keep_a_name_whole():
    from luoshi.ingest.units import split_units

    assert split_units("市财政局、各区县政府<甲区、乙区管委会>")[0] == [
        "市财政局",
        "各区县政府<甲区、乙区管委会>",
    ]


# HEAD_RULE: one unit, whitespace, then 2–4 Chinese characters that are no unit and no word
# of the table's own: the unit's head (责任人), not a second unit.
HEAD_CASES = [
    ("县住建局 王某明", ["县住建局"], ["王某明"]),
    ("区卫健委\u3000李华", ["区卫健委"], ["李华"]),
    ("县城投公司 赵  敏", ["县城投公司"], ["赵敏"]),  # a name spaced character by character
    ("县住建局 王某明、县财政局 陈立", ["县住建局", "县财政局"], ["王某明", "陈立"]),
    # not a head: places after the unit, a role word, an "all of" list, a second unit
    ("各镇政府 东城 西城", ["各镇政府", "东城", "西城"], []),
    ("县水利局、县林业局 牵头", ["县水利局", "县林业局 牵头"], []),
    ("县教育局 各学校", ["县教育局", "各学校"], []),
    ("县发改局 县统计局", ["县发改局", "县统计局"], []),
    # after several units a short last token is an abbreviated unit, not a person
    ("县发改局 县建设局 县城投", ["县发改局", "县建设局", "县城投"], []),
    # a place ending (区 县 镇) is no organisation suffix: the token after it is no head
    ("东城区 王某明", ["东城区", "王某明"], []),
    # glued without a space: not split (nothing marks where the unit ends)
    ("县住建局王某明", ["县住建局王某明"], []),
    # a line break closing the cell (an office document's cell) is whitespace too
    ("县住建局\n王某明", ["县住建局"], ["王某明"]),
    ("县住建局、县财政局\n陈  立", ["县住建局", "县财政局"], ["陈立"]),
    # a short unit after a unit is no head: a place prefix, a unit's ending, an abbreviation
    ("县民政局 县残联", ["县民政局", "县残联"], []),
    ("县民政局\n团县委", ["县民政局", "团县委"], []),
    ("县发改局\n城投", ["县发改局", "城投"], []),
    ("县委办 政协办", ["县委办", "政协办"], []),
]


@pytest.mark.parametrize(("cell", "units", "heads"), HEAD_CASES)
def test_a_head_after_a_unit_is_a_person_not_a_unit(cell, units, heads):
    from luoshi.ingest.units import HEAD_NOTE, split_units_heads

    assert split_units_heads(cell) == (units, heads, [])
    # split_units keeps the head as a note, never as a unit and never dropped
    assert split_units(cell) == (units, [HEAD_NOTE + h for h in heads])


# LABELLED FIELD: a unit's name never holds a colon; a "label:value" piece of a unit cell is a
# field — this table's unit label gives units, any other label is kept in the task's extra.
FIELD_CASES = [
    (
        ["县农业局", "县商务局", "省牵头单位:省农业厅"],
        ["县农业局", "县商务局"],
        {"省牵头单位": "省农业厅"},
    ),
    (["县农业局", "联系人：王某"], ["县农业局"], {"联系人": "王某"}),
    (
        ["牵头单位:县农业局", "配合单位:县财政局、县林业局"],
        ["县农业局", "县财政局", "县林业局"],
        {},
    ),
    (["县农业局", "县财政局"], ["县农业局", "县财政局"], {}),
]


@pytest.mark.parametrize(("names", "units", "extra"), FIELD_CASES)
def test_a_labelled_field_in_a_unit_cell_is_no_unit_name(names, units, extra):
    from luoshi.ingest.units import labelled_unit_fields

    got: dict[str, str] = {}
    assert labelled_unit_fields(list(names), got) == units
    assert got == extra


def test_a_labelled_line_in_a_unit_cell_goes_to_the_tasks_extra():
    from luoshi.ingest import read_document

    text = "\n\n".join(
        [
            "序号",
            "重点工作任务",
            "责任单位",
            "1",
            "保障粮食生产。",
            "县农业局、县商务局\n省牵头单位:省农业厅",
            "2",
            "促进消费。",
            "县商务局",
        ]
    )
    doc = read_document(("某县2024年重点工作责任分解\n\n" + text).encode(), name="f.txt")
    assert [(t.units, t.extra.get("省牵头单位")) for t in doc.tasks] == [
        (["县农业局", "县商务局"], "省农业厅"),
        (["县商务局"], None),
    ]


def test_an_html_unit_cell_with_the_heads_name_on_its_own_line():
    from luoshi.ingest import read_document

    html = (
        "<html><body><h1>某县2023年重点工作进展情况</h1><table>"
        "<tr><td>序号</td><td>工作任务</td><td>牵头单位及主要负责人</td><td>进展情况</td></tr>"
        "<tr><td>1</td><td>建成城市书房5个。</td><td>县文广旅体局<br>周某文</td><td>已建成3个。</td></tr>"
        "<tr><td>2</td><td>新增停车位800个。</td><td>县住建局、县城管局</td><td>新增500个。</td></tr>"
        "</table></body></html>"
    )
    doc = read_document(html.encode(), name="heads.html")
    assert [(t.units, t.extra.get("责任人")) for t in doc.tasks] == [
        (["县文广旅体局"], "周某文"),
        (["县住建局", "县城管局"], None),
    ]
