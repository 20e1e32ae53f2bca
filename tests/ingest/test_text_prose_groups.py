"""Headings that are groups or sections of a page, never tasks (issue 9, fresh5 cause 7).

Rule (luoshi.ingest.text.prose.items.names_group): a heading that counts its items (…指标有7项,
…共12项) or stands between section marks (§市重点项目§) names a group or a section. A bulletin
made only of such headings over running text has no task list and is refused; such a heading
over numbered tasks groups them. All text below is made up."""

import pytest

from luoshi.ingest import IngestError, read_document
from luoshi.ingest.text.prose.items import names_group

OPENING = "各乡镇、县直各部门:现将2031年1-6月全县主要指标完成情况通报如下。"

STATUS_GROUPED = [
    "安澜县2031年1-6月主要经济指标完成情况通报",
    OPENING,
    "(一)提前完成任务指标有7项。",
    "地区生产总值完成52.3亿元,同比增长6.1%,完成年度任务的55%;社会消费品零售总额完成18.2亿元。",
    "(二)超时间进度完成指标有5项。",
    "固定资产投资完成30.1亿元,增长8.2%,完成年度任务的52%;规模以上工业增加值增长6.9%。",
    "(三)未达到时间进度指标有3项。",
    "一般公共预算收入完成3.2亿元,完成年度任务的45%,滞后时间进度5个百分点。",
]
SECTIONS = [
    "安澜县2031年1-6月重点项目投资完成情况",
    "今年以来,全县上下紧盯年度目标任务,强力推进重点项目建设,现将1-6月重点项目推进情况通报如下。",
    "§省重点项目§",
    "全县8个省重点项目1-6月完成投资12.5亿元,占年度计划的58.2%,超序时进度8.2个百分点。",
    "§市重点项目§",
    "全县35个市重点项目1-6月完成投资30.4亿元,占年度计划的60.9%,超序时进度10.9个百分点。",
    "§县重点项目§",
    "全县476个县重点项目1-6月完成投资65.1亿元,占年度计划的52.9%。平川污水厂等13个项目进度滞后。",
]
GROUPS_OVER_TASKS = [
    "安澜县2031年民生实事完成情况",
    OPENING,
    "(一)已完成的实事有2项。",
    "1.新建青石小学。已建成投用,新增学位900个。",
    "责任单位:县教育局",
    "2.改造老旧小区5个。已全部完工。",
    "责任单位:县住建局",
    "(二)正在推进的实事有1项。",
    "3.建设城北污水厂。主体完成80%。",
    "责任单位:县水务局",
]


@pytest.mark.parametrize(
    ("name", "group"),
    [
        ("提前完成任务指标有7项。", True),
        ("超时间进度完成指标有5项", True),
        ("2031年民生实事共12项", True),
        ("§县重点项目§", True),
        ("新建幼儿园3所", False),
        ("改造老旧小区5个", False),
        ("完成12项重点改革任务", False),
        ("改造老旧小区共5个", False),
        ("完成项目设计3项", False),
        ("20件民生实事共有35个子项", True),
        ("农村交通建设", False),
    ],
)
def test_names_group(name, group):
    assert names_group(name) is group


@pytest.mark.parametrize("lines", [STATUS_GROUPED, SECTIONS], ids=["status groups", "§ sections"])
def test_a_bulletin_of_group_headings_is_refused(lines):
    with pytest.raises(IngestError, match="no task list"):
        read_document("\n\n".join(lines).encode(), name="bulletin.txt")


def test_a_counting_heading_over_numbered_tasks_groups_them():
    doc = read_document("\n\n".join(GROUPS_OVER_TASKS).encode(), name="groups.txt")
    assert [t.serial for t in doc.tasks] == ["1", "2", "3"]
    assert doc.tasks[0].text.startswith("新建青石小学")
    assert not any("有2项" in t.text for t in doc.tasks)


def test_numbered_lines_that_are_only_figures_are_no_tasks():
    # a matrix flattened to numbered lines, each with a unit line: each "task" is a figure
    lines = ["2031年安居工程进度表"]
    for n, v in enumerate(["241", "20034", "86.3", "17282", "13.7"], 1):
        lines += [f"{n}、{v}", "责任单位:县住建局"]
    with pytest.raises(IngestError):
        read_document("\n\n".join(lines).encode(), name="m.txt")


# Items with unit notes under §-marked sections: a bulletin's parts, not a task list.
SECTIONS_WITH_ITEMS = [
    SECTIONS[0],
    SECTIONS[1],
    "§省重点项目§",
    "1.青石大道改造工程。完成投资2.1亿元,进度滞后。(责任单位:县交通局)",
    "2.平川污水处理厂。完成投资0.8亿元。(责任单位:县住建局)",
    "§市重点项目§",
    "1.城北安置小区。完成投资1.5亿元。(责任单位:县住建局)",
    "2.东河堤防加固。完成投资0.6亿元,进度滞后。(责任单位:县水利局)",
]


def test_items_under_section_marks_are_a_bulletin_not_tasks():
    with pytest.raises(IngestError, match="no task list"):
        read_document("\n\n".join(SECTIONS_WITH_ITEMS).encode(), name="bulletin.txt")
