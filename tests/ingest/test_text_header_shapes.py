"""Header shapes that recur on pages nobody tuned to (issue 9; the causes seen on the spent
holdouts of fresh6/fresh7), on made-up pages: a name column then a content column (task and
target), forecasts that are no results, headers split over two paragraphs by what they say
(开工 / 时间, 事项 / 类别), a pipe header whose first line is a group row (a top cell followed
by the empty cells it spans), and a units cell listing one unit per paragraph."""

import pytest

from luoshi.ingest import read_document
from luoshi.ingest.headers import header_role, header_roles
from luoshi.ingest.text.cellheader import merge_split_headers
from luoshi.vocab import ColumnRole as R


@pytest.mark.parametrize(
    ("headers", "roles"),
    [
        # NAME THEN CONTENT: the content column after a name column is the target
        (["序号", "项目名称", "项目内容", "责任单位"], [R.SERIAL, R.TASK, R.TARGET, R.UNITS]),
        (["序号", "事项名称", "事项内容", "牵头单位"], [R.SERIAL, R.TASK, R.TARGET, R.LEAD_UNIT]),
        (["实事名称", "工作任务", "进展情况"], [R.TASK, R.TARGET, R.DONE]),
        # without a name column before it a content column is the task
        (["序号", "项目内容", "责任单位"], [R.SERIAL, R.TASK, R.UNITS]),
        (["序号", "工作任务", "完成情况"], [R.SERIAL, R.TASK, R.DONE]),
        # a forecast is no result; the work done is progress
        (
            ["任务名称", "实际已完成工作量", "预计至年底完成工作量", "预计完成率"],
            [R.TASK, R.DONE, R.OTHER, R.OTHER],
        ),
        # a project's planned completion date is its deadline, its start date is not
        (["序号", "项目名称", "开工时间", "竣工时间"], [R.SERIAL, R.TASK, R.OTHER, R.DEADLINE]),
    ],
)
def test_roles_by_what_the_header_says(headers: list[str], roles: list[R]) -> None:
    assert header_roles(headers) == roles


def test_name_then_content_can_be_turned_off_for_group_readings() -> None:
    roles = header_roles(["项目名称", "项目内容", "责任单位"], name_then_content=False)
    assert roles == [R.TASK, R.TASK, R.UNITS]


def test_a_kind_of_matter_is_a_category() -> None:
    assert header_role("事项类别", have_task=False) is R.CATEGORY
    assert header_role("任务类型", have_task=True) is R.CATEGORY


@pytest.mark.parametrize(
    ("cells", "merged"),
    [
        # a generic tail word ends the piece before it, though the join is unknown
        (["序号", "项目名称", "开工", "时间", "完工", "时间"], ["序号", "项目名称", "开工时间", "完工时间"]),
        # 事项 / 类别 before 事项名称: read apart, the header would have two task columns
        (["序號", "事項", "類別", "事項名稱", "牽頭單位"], ["序號", "事項類別", "事項名稱", "牽頭單位"]),
        # but two columns each named, with no role twice, stay two
        (["序号", "事项", "类别", "责任单位"], ["序号", "事项", "类别", "责任单位"]),
        (["序号", "任务内容", "责任单位", "目标任务"], ["序号", "任务内容", "责任单位", "目标任务"]),
        # a tail word after a known column is not joined by this rule
        (["序号", "任务内容", "时间"], ["序号", "任务内容", "时间"]),
    ],
)
def test_split_words_joined_by_what_they_say(cells: list[str], merged: list[str]) -> None:
    assert merge_split_headers(cells) == merged


GROUP_ROW_PAGE = [
    "安澜县2031年民生项目完成情况",
    "项目名称 | 项目类别 | |||",
    "工作任务 | 实际已完成工作量 | 完成工作进度(%) | 预计至年底完成工作量 | |",
    "新建社区食堂。 | 建成食堂3处 | 已建成3处。 | 100 | |",
    "改造老旧管网。 | 改造管网12公里 | 已改造8公里,其余在施工。 | 70 | |",
    "新增公办学位。 | 新增学位900个 | 已新增900个。 | 100 | |",
]


def test_a_group_row_over_the_labels_is_read_as_a_spanned_header() -> None:
    doc = read_document("\n".join(GROUP_ROW_PAGE).encode(), name="group.txt")
    roles = [c.role for c in doc.columns]
    assert roles == [R.TASK, R.TARGET, R.DONE, R.DECLARED_STATUS, R.OTHER]
    assert len(doc.tasks) == 3
    t = doc.tasks[1]
    assert t.text == "改造老旧管网。"
    assert t.items[0].done == "已改造8公里,其余在施工。"
    assert dict(t.extra)["工作任务"] == "改造管网12公里"
    assert any("spans" in w.message for w in doc.warnings)


UNITS_PAGE = [
    "安澜市2031年民生实事进展情况表(截至6月30日)",
    "序号",
    "项目名称",
    "项目内容",
    "责任单位",
    "开工",
    "时间",
    "竣工",
    "时间",
    "项目进展情况",
    "1",
    "老旧小区改造",
    "改造小区12个,惠及居民3000户。",
    "市住建局",
    "东城区政府",
    "西城区政府",
    "2031年3月",
    "2031年11月",
    "已开工10个,完工4个。",
    "2",
    "城市道路贯通",
    "打通道路3条,全长2公里。",
    "市城管局",
    "市城投集团",
    "2031年1月",
    "2031年12月",
    "已贯通1条,其余在施工。",
    "3",
    "公园绿地建设",
    "新建口袋公园5个。",
    "市园林局",
    "2031年2月",
    "2031年10月",
    "已建成2个。",
]


def test_a_units_cell_with_one_unit_per_paragraph_is_one_cell() -> None:
    doc = read_document("\n\n".join(UNITS_PAGE).encode(), name="units.txt")
    roles = [c.role for c in doc.columns]
    assert roles == [R.SERIAL, R.TASK, R.TARGET, R.UNITS, R.OTHER, R.DEADLINE, R.DONE]
    assert [t.units for t in doc.tasks] == [
        ["市住建局", "东城区政府", "西城区政府"],
        ["市城管局", "市城投集团"],
        ["市园林局"],
    ]
    assert [t.items[0].done for t in doc.tasks] == [
        "已开工10个,完工4个。",
        "已贯通1条,其余在施工。",
        "已建成2个。",
    ]
    assert dict(doc.tasks[1].extra)["竣工时间"] == "2031年12月"


SCHEDULE_PAGE = [
    "安澜区2031年民生实事落实情况一览表",
    "序号",
    "事项",
    "类别",
    "事项名称",
    "事项内容",
    "进度安排",
    "牵头单位",
    "落实情况",
    "第一季度",
    "第二季度",
    "第三季度",
    "第四季度",
    "1",
    "一、教育",
    "新建学校。",
    "新建小学2所,年内完工。",
    "1.甲小学主体施工,形象进度至40%。",
    "2.乙小学完成招标。",
    "1.甲小学主体封顶,形象进度至60%。",
    "2.乙小学开工。",
    "甲小学形象进度至80%。",
    "两所小学完工。",
    "区教育局",
    "甲小学主体已封顶,乙小学已开工。",
]


def test_period_columns_under_a_schedule_are_the_plan_not_progress() -> None:
    doc = read_document("\n\n".join(SCHEDULE_PAGE).encode(), name="schedule.txt")
    roles = [c.role for c in doc.columns]
    assert roles == [
        R.SERIAL, R.CATEGORY, R.TASK, R.TARGET, R.OTHER, R.OTHER, R.OTHER, R.OTHER,
        R.LEAD_UNIT, R.DONE,
    ]
    t = doc.tasks[0]
    extra = dict(t.extra)
    # the points 1. / 2. of one quarter are one cell
    assert extra["进度安排·第一季度"] == "1.甲小学主体施工,形象进度至40%。\n2.乙小学完成招标。"
    assert extra["进度安排·第三季度"] == "甲小学形象进度至80%。"
    assert t.items[0].done == "甲小学主体已封顶,乙小学已开工。"
    assert any("进度安排 spans" in w.message for w in doc.warnings)


@pytest.mark.parametrize(
    ("header", "role"),
    [
        ("进度安排·第二季度", R.OTHER),
        ("时间安排·3月", R.OTHER),
        # a progress column over quarters stays progress
        ("完成情况·第二季度", R.DONE),
    ],
)
def test_schedule_sub_columns(header: str, role: R) -> None:
    assert header_role(header, have_task=True) is role
