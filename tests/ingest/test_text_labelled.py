"""Forms whose labels stand on lines of their own (issue 9, fresh5 cause 1), from
luoshi.ingest.text.prose.labelled. Text made up."""

import pytest

from luoshi.ingest import IngestError, read_document

TITLE = "安澜县民政局2031年重点工作任务落实情况"
TASK = "全面落实城乡低保提标政策,将城市低保标准提高到每人每月800元。"
QUARTERS = [
    "第一季度:已完成低保提标测算,报县政府审定。",
    "第二季度:提标政策于4月起执行,累计发放低保金1200万元。",
]
ONE = [TITLE, "任务安排", TASK, "落实情况", *QUARTERS]
TWO = [*ONE, "任务安排", "建成区域养老服务中心2个。", "落实情况", "主体完工,正在装修。"]


@pytest.mark.parametrize(
    ("lines", "tasks"),
    [(ONE, [TASK]), (TWO, [TASK, "建成区域养老服务中心2个。"]),
     ([TITLE, "任务安排:", TASK, "进展情况:", *QUARTERS], [TASK])],
    ids=["one form", "two forms", "labels with colons"],
)
def test_labels_on_their_own_lines_make_forms(lines, tasks):
    doc = read_document("\n\n".join(lines).encode(), name="form.txt")
    assert doc.layout == "forms"
    assert [t.text for t in doc.tasks] == tasks
    done = "".join(i.done for i in doc.tasks[0].items)
    assert done == "\n".join(QUARTERS)
    assert doc.meta.year == 2031


@pytest.mark.parametrize(
    "lines",
    [
        # no task label: a news story whose section is called 落实情况
        [TITLE, "会议要求,各地要认真抓好低保提标工作。", "落实情况", *QUARTERS],
        # a task label with no progress label under it
        [TITLE, "任务安排", TASK, "第三季度要完成全县低保对象动态复核工作。"],
        # short words under the task label: a flattened table's header cells
        [TITLE, "项目名称", "建设规模", "总投资", "进展情况", *QUARTERS],
    ],
    ids=["no task label", "no progress label", "header cells"],
)
def test_pages_without_both_labels_are_not_forms(lines):
    try:
        doc = read_document("\n\n".join(lines).encode(), name="news.txt")
    except IngestError:
        return
    assert doc.layout != "forms"


def test_a_unit_label_above_the_task_label_is_the_forms_field():
    lines = [TITLE, "责任单位", "县民政局", "任务安排", TASK, "落实情况", *QUARTERS]
    doc = read_document("\n\n".join(lines).encode(), name="form.txt")
    assert doc.layout == "forms"
    assert [t.text for t in doc.tasks] == [TASK]
    assert doc.tasks[0].units == ["县民政局"]
