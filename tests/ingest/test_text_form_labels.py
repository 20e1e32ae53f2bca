"""Form labels as pages write them (luoshi.ingest.text.prose.formlabels), on made-up pages:
bare-number serials kept as written, a label left without its colon, a name field over a
content field, a task label opening every item, a unit heading above the items."""

import pytest

from luoshi.ingest import IngestError, read_document
from luoshi.vocab import ColumnRole as R


def _read(page: str):
    return read_document(page.encode(), name="forms.txt")


# (page, serials, task texts, units per task, target column's cells or None)
CASES = [
    pytest.param(
        "某县民生项目进展情况汇报\n"
        "01 项目名称:新建口袋公园\n项目内容:\n新建口袋公园4个,配套座椅和照明。\n"
        "责任单位:\n住建局、城管局\n进展与成效:\n已完成选址,2个已开工。\n"
        "02 项目名称:改善就医条件\n项目内容:\n新建卫生室3个。\n"
        "责任单位\n卫健局\n进展与成效:\n卫生室均已建成。\n"
        "03\n项目名称:\n提升文化服务\n项目内容:\n开展送戏下乡",
        ["01", "02", "03"],
        ["新建口袋公园", "改善就医条件", "提升文化服务"],
        [["住建局", "城管局"], ["卫健局"], []],
        ["新建口袋公园4个,配套座椅和照明。", "新建卫生室3个。", "开展送戏下乡"],
        id="bare-number-serials-name-over-content-bare-label",
    ),
    pytest.param(
        "某区领办项目进展公布\n"
        "区政务服务局(3项)\n"
        "1.领办项目:东街路灯修复项目。工作进展:已更换灯泡40个。\n"
        "2.领办项目:北苑停车位规划项目。工作进展:已完成划线。\n"
        "3.领办项目:南湖步道修缮项目。工作进展:施工中。\n"
        "区文旅局(2项)\n"
        "1.领办项目:社区书屋建设项目。工作进展:已建成开放。\n"
        "2.领办项目:广场舞场地改造项目。工作进展:正在招标。\n",
        ["1", "2", "3", "1", "2"],
        ["东街路灯修复项目", "北苑停车位规划项目", "南湖步道修缮项目", "社区书屋建设项目",
         "广场舞场地改造项目"],
        [["区政务服务局"]] * 3 + [["区文旅局"]] * 2,
        None,
        id="task-label-and-unit-headings",
    ),
]


@pytest.mark.parametrize(("page", "serials", "texts", "units", "targets"), CASES)
def test_form_labels(page, serials, texts, units, targets):
    doc = _read(page)
    assert doc.layout == "forms"
    assert [t.serial for t in doc.tasks] == serials
    assert [t.text for t in doc.tasks] == texts
    assert [t.units for t in doc.tasks] == units
    target_cols = [c.header for c in doc.columns if c.role is R.TARGET]
    if targets is None:
        assert target_cols == []
    else:
        assert len(target_cols) == 1
        assert [t.extra[target_cols[0]] for t in doc.tasks] == targets
        assert any("content field (项目内容)" in w.message for w in doc.warnings)


def test_unit_heading_is_a_column_after_the_task_and_is_warned():
    doc = _read(CASES[1].values[0])
    assert [c.role for c in doc.columns] == [R.SERIAL, R.TASK, R.UNITS, R.DONE]
    assert doc.tasks[4].items[0].done == "正在招标。"
    assert any("unit heading '区文旅局'" in w.message for w in doc.warnings)
    assert any("label '领办项目'" in w.message for w in doc.warnings)


def test_a_lone_unit_line_without_a_count_is_no_heading():
    # the line above item 2 is the value of item 1's unit field, not a heading over item 2
    page = (
        "1.新建公园3个。进展情况:已建成2个。\n责任单位:\n市园林局\n"
        "2.新增公交线路5条。进展情况:已开通。\n责任单位:\n市交通局\n"
    )
    doc = _read(page)
    assert [t.units for t in doc.tasks] == [["市园林局"], ["市交通局"]]


def test_items_naming_their_own_units_keep_them_under_a_unit_heading():
    page = (
        "区住建局(2项)\n"
        "1.领办项目:老旧小区改造。责任单位:区房管中心。工作进展:已开工。\n"
        "2.领办项目:雨污分流改造。工作进展:已完成设计。\n"
    )
    doc = _read(page)
    assert [t.units for t in doc.tasks] == [["区房管中心"], ["区住建局"]]


_NOTICE = (
    "关于印发某区重点工作分工方案的通知\n"
    "各单位:现将分工方案印发给你们,请认真落实。\n"
    "某区重点工作分工方案(共计{count}项)\n"
    "一、主要预期目标\n"
    "1.地区生产总值增长5%左右。\n"
    "牵头领导:常务副区长\n"
    "主要责任单位:区发展改革委\n"
    "完成时"
)


@pytest.mark.parametrize(
    ("count", "tail", "read"),
    [
        ("40", "", True),  # a list of 40 cut inside its first item
        ("1", "", False),  # the heading counts one item: no list cut short
        ("40", "限:年底。", False),  # the page ends with the item closed: no cut excerpt
    ],
)
def test_one_item_under_a_heading_counting_many_is_a_list_cut_short(count, tail, read):
    page = _NOTICE.format(count=count) + tail
    if not read:
        with pytest.raises(IngestError):
            _read(page)
        return
    doc = _read(page)
    assert [(t.serial, t.text, t.units) for t in doc.tasks] == [
        ("1", "地区生产总值增长5%左右。", ["区发展改革委"])
    ]
    assert doc.tasks[0].extra["牵头领导"] == "常务副区长"
    assert any("cut after the first item" in w.message for w in doc.warnings)


def test_a_number_alone_over_running_text_is_a_page_number_not_a_serial():
    page = (
        "任务目标:新建学校2所。\n进展情况:一所已建成,\n1\n另一所主体完工。\n"
        "任务目标:新增床位500张。\n进展情况:新增床位\n2\n520张,全部投用。\n"
    )
    doc = _read(page)
    assert [t.text for t in doc.tasks] == ["新建学校2所。", "新增床位500张。"]
    assert [t.serial for t in doc.tasks] == ["1", "2"]  # numbered by position


# (page, tasks, the 其他 column's cells or None when there is none)
UNLABELLED_CASES = [
    pytest.param(
        "某市2030年1-3月民生实事进展情况\n"
        "一、新建口袋公园4个,配套座椅和照明。\n\n"
        "年度投资目标800万元,1-3月完成投资200万元,占年度投资目标的25%。\n\n"
        "推进情况:1. 已完成选址。\n2. 2个已开工。\n\n"
        "二、新建卫生室3个,改造村卫生站5个。\n\n"
        "年度投资目标300万元,1-3月完成投资30万元,占年度投资目标的10%。\n\n"
        "推进情况:卫生室均已开工。\n",
        ["新建口袋公园4个,配套座椅和照明。", "新建卫生室3个,改造村卫生站5个。"],
        [
            "年度投资目标800万元,1-3月完成投资200万元,占年度投资目标的25%。",
            "年度投资目标300万元,1-3月完成投资30万元,占年度投资目标的10%。",
        ],
        id="a-repeated-line-between-task-and-progress",
    ),
    pytest.param(  # the second paragraphs open differently: no template, no column 其他
        "某市2030年1-3月民生实事进展情况\n"
        "一、新建口袋公园4个。\n\n配套座椅和照明。\n\n"
        "推进情况:已完成选址。\n\n"
        "二、新建卫生室3个。\n\n改造村卫生站5个。\n\n"
        "推进情况:卫生室均已开工。\n",
        None,
        None,
        id="different-second-paragraphs-stay-in-the-task",
    ),
]


@pytest.mark.parametrize(("page", "tasks", "other"), UNLABELLED_CASES)
def test_an_unlabelled_repeated_line_is_a_column_of_its_own(page, tasks, other):
    doc = _read(page)
    if tasks is not None:
        assert [t.text.replace("\n", "") for t in doc.tasks] == tasks
    if other is None:
        assert not any("其他" in t.extra for t in doc.tasks)
    else:
        assert [t.extra["其他"] for t in doc.tasks] == other
        assert any("read as a column of its own" in w.message for w in doc.warnings)


# 实事一:task。(牵头单位:X) / 完成情况:… then 实事二:… cut before its fields (fresh8 cause 4)
COUNTED_NAME_PAGE = (
    "安澜市2030年度十件民生实事1-11月推进情况通报\n"
    "一、总体情况\n全市十件民生实事共涉及20项,其中15项已完成。\n"
    "二、任务推进情况\n"
    "实事一:新建城市公园5个,改造口袋公园12个。(牵头单位:市住建局)\n"
    "完成情况:已建成公园4个,口袋公园改造完成10个。\n"
    "实事二:开工建设城市快速路,实施县乡道改造100公里"
)


@pytest.mark.parametrize(
    ("tail", "read"),
    [
        ("", True),  # the page ends inside item 二: a list cut short
        ("。", False),  # item 二 closed with no field: no cut excerpt, one form is no list
    ],
)
def test_a_counted_name_opens_an_item_and_a_second_item_cut_before_its_fields(tail, read):
    page = COUNTED_NAME_PAGE + tail
    if not read:
        with pytest.raises(IngestError):
            _read(page)
        return
    doc = _read(page)
    assert doc.layout == "forms"
    assert [t.serial for t in doc.tasks] == ["一", "二"]
    assert doc.tasks[0].text == "新建城市公园5个,改造口袋公园12个。"
    assert doc.tasks[0].units == ["市住建局"]
    assert doc.tasks[0].items[0].done == "已建成公园4个,口袋公园改造完成10个。"
    assert any("cut before its fields" in w.message for w in doc.warnings)
