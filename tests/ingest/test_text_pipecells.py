"""A pipe table flattened one cell per line ("序号 |" / "项目内容 |" / …), on a made-up page."""

import pytest

from luoshi.ingest import IngestError, read_document
from luoshi.vocab import ColumnRole as R

PAGE = "\n".join(
    [
        "2030年安澜县重点工作三季度推进情况",
        "序号 |",
        "项目内容 |",
        "责任",
        "单位 |",
        "进展情况 |",  # a header word split over lines
        "一、经济发展 |",
        "1 |",
        "新建公园3个。 |",
        "县建设局 |",
        "已建成2个,",
        "第3个在建。 |",
        "2 |",
        "新增就业1000人。 |",
        "县人社局 |",
        "县财政局 |",
        "新增1200人。 |",
        "3 |",
        "改造道路。 |",
        "|",
        "已完工。 |",  # an empty unit cell
        "序号 |",
        "项目内容 |",
        "责任单位 |",
        "进展情况 |",  # the header again at a page break
        "4 |",
        "修建水库 |",
    ]
)


def test_pipe_cells_page():
    doc = read_document(PAGE.encode(), name="pc.txt")
    assert doc.layout == "pipe-cells"
    assert [c.role for c in doc.columns] == [R.SERIAL, R.TASK, R.UNITS, R.DONE]
    assert [t.serial for t in doc.tasks] == ["1", "2", "3", "4"]
    t = doc.tasks
    assert t[0].items[0].done == "已建成2个,\n第3个在建。"
    assert t[1].units == ["县人社局", "县财政局"]  # two unit cells: aligned by content
    assert t[2].units == [] and t[2].items[0].done == "已完工。"
    assert doc.meta.government == "安澜县"
    assert doc.meta.period is not None and str(doc.meta.period.kind) == "q3"
    messages = [w.message for w in doc.warnings]
    assert any("row 4 ends before" in m for m in messages), messages
    assert any("group row '一、经济发展'" in m for m in messages)


def test_a_leader_cell_given_once_is_carried_down_with_one_warning():
    page = "\n".join(
        [
            "序号 |",
            "工作任务 |",
            "牵头领导 |",
            "责任单位 |",
            "1 |",
            "建设公园。 |",
            "张某某 |",
            "县建设局 |",
            "2 |",
            "改造道路。 |",
            "县交通局 |",  # leader cell merged over rows 1-3
            "3 |",
            "新建学校。 |",
            "县教育局 |",
            "4 |",
            "新建医院。 |",
            "李某某 |",
            "县卫健局 |",
        ]
    )
    doc = read_document(page.encode(), name="leaders.txt")
    assert [t.extra["牵头领导"] for t in doc.tasks] == ["张某某", "张某某", "张某某", "李某某"]
    assert [t.units for t in doc.tasks][1] == ["县交通局"]
    messages = [w.message for w in doc.warnings if "carried down" in w.message]
    assert len(messages) == 1 and "(2, 3)" in messages[0]


TWO_COLUMN_PAGES = [
    # pipe-cells: task then progress, no serials
    [
        "2031年青禾县民生实事进展",
        "项目名称 |",
        "进展情况 |",
        "新建公园3个 |",
        "已建成2个,第3个在建。 |",
        "新增学位800个 |",
        "已新增600个。 |",
    ],
    # space-rows: the same table, cells separated by spaces
    [
        "2031年青禾县民生实事进展",
        "项目名称 进展情况",
        "新建公园3个 已建成2个,第3个在建。",
        "新增学位800个 已新增600个。",
    ],
]


@pytest.mark.parametrize("lines", TWO_COLUMN_PAGES, ids=["pipe-cells", "space-rows"])
def test_two_column_table_without_serials_rows_by_shape(lines):
    doc = read_document("\n".join(lines).encode(), name="t.txt")
    assert [(t.text, t.items[0].done) for t in doc.tasks] == [
        ("新建公园3个", "已建成2个,第3个在建。"),
        ("新增学位800个", "已新增600个。"),
    ]
    assert any("by their shape" in r for r in doc.inference.reasons)


@pytest.mark.parametrize(
    "lines",
    [
        # two words, the first no task column: no header
        ["说明 |", "备注 |", "甲 |", "乙 |", "丙 |", "丁 |"],
        ["2031年工作安排", "主要 工作", "一是抓项目。", "二是抓民生。"],
    ],
)
def test_two_words_not_naming_task_and_column_are_no_header(lines):
    with pytest.raises(IngestError):
        read_document("\n".join(lines).encode(), name="t.txt")


def test_a_cell_merged_from_above_is_no_cut_and_a_status_needs_no_full_stop():
    lines = [
        "序号 |",
        "重点任务 |",
        "责任领导 |",
        "责任单位 |",
        "进展状态 |",
        "1 |",
        "新建幼儿园3所 |",
        "张三 |",
        "县教育局 |",
        "顺利推进 |",
        "2 |",
        "改造校舍10所 |",
        "县住建局 |",  # its leader merged from the row above
        "滞后 |",
    ]
    doc = read_document("\n".join(lines).encode(), name="t.txt")  # no final newline
    assert [(t.units, t.extra["责任领导"], t.extra["进展状态"]) for t in doc.tasks] == [
        (["县教育局"], "张三", "顺利推进"),
        (["县住建局"], "张三", "滞后"),
    ]
    said = " ".join(w.message for w in doc.warnings)
    assert "cut off" not in said
    assert "carried down" in said


@pytest.mark.parametrize(
    "lines",
    [
        ["序号 |", "重点任务 |", "当前进度牵头单位 |", "1 |", "新建幼儿园3所 |", "已建成2所。 |",
         "县教育局 |", "2 |", "改造校舍10所 |", "完成6所。 |", "县住建局 |"],
        ["序号 重点任务 当前进度牵头单位", "1 新建幼儿园3所 已建成2所。 县教育局",
         "2 改造校舍10所 完成6所。 县住建局"],
    ],
    ids=["pipe-cells", "space-rows"],
)
def test_glued_header_cell_cut_when_the_rows_are_wider(lines):
    doc = read_document("\n".join([*lines, ""]).encode(), name="t.txt")
    assert [c.header for c in doc.columns] == ["序号", "重点任务", "当前进度", "牵头单位"]
    assert [(t.units, t.items[0].done) for t in doc.tasks] == [
        (["县教育局"], "已建成2所。"),
        (["县住建局"], "完成6所。"),
    ]
