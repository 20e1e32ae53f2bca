"""Rules from the tune half of fresh12 (issue 9), on made-up pages and cells:

- a works' progress (工程进度) is the progress column, its timetable (工程时间表, 工期) the
  deadline;
- VERDICT IN A UNIT'S PLACE and 1) points (cells per line); 附件下载 is page chrome;
- PHOTO CAPTIONS RULE: a picture column in a table with progress but no task column is the
  task column (warned).
"""

import pytest

from luoshi.ingest import read_document
from luoshi.ingest.headers import columns_from_headers, header_role, header_roles
from luoshi.ingest.text.shapes import is_page_chrome
from luoshi.vocab import ColumnRole as R

HEADER_CASES = [
    ("工程進度", True, R.DONE),
    ("工程进度", True, R.DONE),
    ("工程時間表", True, R.DEADLINE),
    ("工期", True, R.DEADLINE),
    ("施工工期", True, R.DEADLINE),
    ("进度时间表", True, R.OTHER),  # a schedule of steps, not the works' term
    ("工程进度照片", True, R.OTHER),  # alone, a picture column names no role
]


@pytest.mark.parametrize(("header", "have_task", "role"), HEADER_CASES)
def test_header_words(header: str, have_task: bool, role: R) -> None:
    assert header_role(header, have_task) is role


PHOTO_CASES = [
    # no task column, a progress column: the pictures' captions name the works
    (["工程进度照片", "工程时间表", "工程进度"], [R.TASK, R.DEADLINE, R.DONE]),
    (["现场图片", "进展情况"], [R.TASK, R.DONE]),
    # beside a task column a picture column stays a column of its own
    (["项目名称", "现场照片", "进展情况"], [R.TASK, R.OTHER, R.DONE]),
    # without a progress column there is no table of works to read
    (["现场照片", "工程时间表"], [R.OTHER, R.DEADLINE]),
]


@pytest.mark.parametrize(("headers", "roles"), PHOTO_CASES)
def test_photo_captions_rule(headers: list[str], roles: list[R]) -> None:
    assert header_roles(headers) == roles


def test_photo_task_column_is_warned() -> None:
    _, warnings = columns_from_headers(["现场图片", "进展情况"])
    assert any("picture column '现场图片' read as the task column" in w for w in warnings)
    _, warnings = columns_from_headers(["项目名称", "现场照片", "进展情况"])
    assert not any("picture column" in w for w in warnings)


def test_pipe_table_of_works_with_picture_column() -> None:
    lines = [
        "某河道整治工程",
        "工程進度照片 | 工程時間表 | 工程進度 |",
        "---|---|---|",
        "興建臨時泵房 | 2031年初 – 2032年中 | 已於2032年5月投入運作 |",
        "鋪設新排水管 | 2031年中 – 2033年初 | 工程進行中 |",
        "改建舊堤岸 | 2033年中 | 工程進行中 |",
    ]
    doc = read_document("\n".join(lines).encode(), name="works.txt")
    assert [c.role for c in doc.columns] == [R.TASK, R.DEADLINE, R.DONE]
    assert [t.text for t in doc.tasks] == ["興建臨時泵房", "鋪設新排水管", "改建舊堤岸"]
    assert doc.tasks[2].items[0].done == "工程進行中"
    assert any("picture column" in w.message for w in doc.warnings)


def _cells_per_line(verdict_closed: bool) -> bytes:
    verdict = "提前完成年度任务。" if verdict_closed else "提前完成年度任务"
    lines = [
        "2031年9月县民生实事项目进展情况",
        "序号", "项目内容", "牵头单位", "落实情况",
        "1", "新建社区食堂2个。", "县民政局", "基本完成。", "两个食堂已装修完毕,待验收。",
        "2", "新增托育位120个。", verdict, "已新增托育位150个,完成率125%。",
        "3", "1)培训育婴员200人;", "2)培训家政员300人。", "已完成。",
        "培训育婴员236人、家政员310人。",
        "4", "改造公厕8座。", "县综合行政执法局", "进展顺利。", "已完成改造5座。",
    ]
    return "\n\n".join(lines).encode()


@pytest.mark.parametrize("verdict_closed", [False, True])
def test_verdict_in_a_units_place_is_progress_not_a_spanned_unit(verdict_closed: bool) -> None:
    # VERDICT IN A UNIT'S PLACE: rows 2 and 3 have no unit cell of their own (merged over
    # rows 1-3); 提前完成年度任务 opens row 2's progress, with or without its full stop
    doc = read_document(_cells_per_line(verdict_closed), name="verdict.txt")
    assert [c.role for c in doc.columns] == [R.SERIAL, R.TASK, R.LEAD_UNIT, R.DONE]
    assert [t.units for t in doc.tasks] == [
        ["县民政局"], ["县民政局"], ["县民政局"], ["县综合行政执法局"]
    ]
    assert doc.tasks[1].items[0].done.startswith("提前完成年度任务")
    assert "完成率125%" in doc.tasks[1].items[0].done


def test_task_cell_in_points_numbered_with_a_closing_bracket() -> None:
    # NUMBERED CELL: 1) / 2) are one task cell's points, not its progress
    doc = read_document(_cells_per_line(False), name="points.txt")
    assert doc.tasks[2].text == "1)培训育婴员200人;\n2)培训家政员300人。"
    assert doc.tasks[2].items[0].done.startswith("已完成。")


@pytest.mark.parametrize(
    ("line", "chrome"),
    [("附件下载", True), ("相关附件", True), ("附件下载 | 打印本页", True), ("附件:分解表", False)],
)
def test_attachment_widget_is_page_chrome(line: str, chrome: bool) -> None:
    assert is_page_chrome(line) is chrome
