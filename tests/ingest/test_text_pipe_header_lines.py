"""A pipe header continued on the lines under it (luoshi.ingest.text.pipeheader, HEADER OVER
LINES), and a one-cell-per-line row with every bordered cell filled read by position; made-up
pages."""

import pytest

from luoshi.ingest import read_document

_TITLE = "某区2031年重点任务进展情况\n"
_PIPE_ROWS = (
    "1 | 新建城北公园一座 | 6月底前 | 区建设局 | 已完成主体绿化。 |\n"
    "2 | 改造老旧小区10个 | 年底前 | 区住建局 | 已开工8个。 |\n"
)
_CELL_ROWS = (
    "5 |\n新建城北公园一座,完善周边道路。 |\n"
    "园区道路9月底前具备通车条件;公园主体12月底前建成。 |\n"
    "张三 李四 |\n区建设局 |\n1、道路已通车。 2、公园绿化完成60%。 |\n"
)


@pytest.mark.parametrize(
    ("header", "rows", "layout"),
    [
        # a pipe header broken where its line ran out, rows of whole pipe lines
        ("序号 | 重点任务 |\n完成时间 | 责任单位 | 进展情况 |\n", _PIPE_ROWS, "pipe"),
        # the same header over three lines
        ("序号 | 重点任务 |\n完成时间 |\n责任单位 | 进展情况 |\n", _PIPE_ROWS, "pipe"),
    ],
)
def test_a_header_continued_on_lines_of_column_names_is_one_header(header, rows, layout):
    doc = read_document((_TITLE + header + rows).encode(), name="t.txt")
    assert doc.layout == layout
    assert [t.text for t in doc.tasks] == ["新建城北公园一座", "改造老旧小区10个"]
    assert [t.units for t in doc.tasks] == [["区建设局"], ["区住建局"]]
    assert [t.items[0].done for t in doc.tasks] == ["已完成主体绿化。", "已开工8个。"]
    assert any("header goes on" in w.message for w in doc.warnings)


def test_a_split_header_over_one_cell_per_line_rows_reads_every_bordered_cell_in_place():
    # the header over two lines, then one cell per line: a long deadline and two names in
    # one cell stay in their columns, since every one of the row's six cells is bordered
    header = "序号 | 重点任务 |\n完成时间 | 责任人 | 责任部门 | 进展情况 |\n"
    doc = read_document((_TITLE + header + _CELL_ROWS).encode(), name="t.txt")
    assert doc.layout == "pipe-cells"
    [task] = doc.tasks
    assert (task.serial, task.text) == ("5", "新建城北公园一座,完善周边道路。")
    assert task.units == ["区建设局"]
    assert task.items[0].done == "1、道路已通车。 2、公园绿化完成60%。"
    assert task.extra == {
        "完成时间": "园区道路9月底前具备通车条件;公园主体12月底前建成。",
        "责任人": "张三 李四",
    }


def test_a_data_line_under_the_header_is_a_row_not_more_header():
    # the line under a two-cell header holds a serial and text: a row, not column names
    page = _TITLE + "序号 | 重点任务 | 进展情况 |\n1 | 新建公园 | 已完成 |\n2 | 改造小区 | 已开工 |\n"
    doc = read_document(page.encode(), name="t.txt")
    assert [t.text for t in doc.tasks] == ["新建公园", "改造小区"]
    assert not any("header goes on" in w.message for w in doc.warnings)


def test_a_bordered_row_one_cell_short_leaves_out_its_category():
    # the category is given on a group's first row only; the next row, every cell bordered,
    # has one cell fewer: its name is the task and its sentence the target, not shifted left
    page = _TITLE + (
        "序号 |\n类别 |\n项目名称 |\n目标任务 |\n牵头单位 |\n累计完成 |\n累计进度 |\n"
        "1 |\n一、教育(2项) |\n新建城北小学 |\n新增学位900个 |\n区教育局 |\n900 |\n100% |\n"
        "2 |\n校园安全提升 |\n改造中小学安防设施,完善监控系统 |\n区教育局 |\n12 |\n持续推进 |\n"
    )
    doc = read_document(page.encode(), name="t.txt")
    assert [c.role.value for c in doc.columns] == [
        "serial", "category", "task", "target", "lead_unit", "actual", "declared_status"
    ]
    assert [t.text for t in doc.tasks] == ["新建城北小学", "校园安全提升"]
    assert [t.extra.get("累计进度") for t in doc.tasks] == ["100%", "持续推进"]
