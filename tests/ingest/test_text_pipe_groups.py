"""One-cell-per-line pipe tables without a 序号 column: rows found by the numbers their task
cells open with, groups whose lead unit is given once, and two-level or glued headers read
against the rows (NUMBERED ROWS RULE, luoshi/ingest/text/pipegroups.py). Made-up pages."""

import pytest

from luoshi.ingest import read_document
from luoshi.ingest.headers import header_role
from luoshi.vocab import ColumnRole as R

TITLE = "2031年安澜县民生实事项目推进情况表"

# The header as a page may flatten it: the top cell 推进情况 over 业主单位 / 本月进展情况.
HEADERS = {
    "two levels, one cell each": ["项目名称 |", "牵头单位 |", "推进情况 |", "业主单位 |", "本月进展情况 |"],
    "second level over lines": ["项目名称 |", "牵头单位 |", "推进情况 |", "业主单位", "本月进展情况 |"],
    "second level glued": ["项目名称 |", "牵头单位 |", "推进情况 |", "业主单位本月进展情况 |"],
    "one level": ["项目名称 |", "牵头单位 |", "业主单位 |", "本月进展情况 |"],
}

GROUPED = [
    "一、教育类项目(2个) |",
    "县教育局 |",
    "1.新建第二小学 |",
    "县城投公司 |",
    "主体结构完工,正在装修。 |",
    "2.改扩建实验幼儿园 |",
    "县教投公司 |",
    "已完成招标,正在进场施工。 |",
    "二、卫生类项目(2个) |",
    "县卫健委 |",
    "1.新建县医院住院楼 |",
    "县医投公司 |",
    "桩基施工完成80%。 |",
    "2.新建乡镇卫生院3所 |",
    "县卫健委 |",
    "已完成2所主体施工。 |",
]


# The same table flattened row by row as HTML is: a merged cell stands in the first row it
# spans, at its column's place (the lead unit after the first row's task cell).
GROUPED_IN_ROW = [
    "一、教育类项目(2个) |",
    "1.新建第二小学 |",
    "县教育局 |",
    "县城投公司 |",
    "主体结构完工,正在装修。 |",
    "2.改扩建实验幼儿园 |",
    "县教投公司 |",
    "已完成招标,正在进场施工。 |",
    "二、卫生类项目(2个) |",
    "1.新建县医院住院楼 |",
    "县卫健委 |",
    "县医投公司 |",
    "桩基施工完成80%。 |",
    "2.新建乡镇卫生院3所 |",
    "县卫健委 |",
    "已完成2所主体施工。 |",
]
BODIES = {"lead unit before the first number": GROUPED, "lead unit in the first row": GROUPED_IN_ROW}


@pytest.mark.parametrize("body", list(BODIES))
@pytest.mark.parametrize("header", list(HEADERS))
def test_grouped_rows_with_a_lead_unit_given_once(header, body):
    page = "\n".join([TITLE, *HEADERS[header], *BODIES[body]])
    doc = read_document(page.encode(), name="g.txt")
    assert [c.header for c in doc.columns] == ["项目名称", "牵头单位", "业主单位", "本月进展情况"]
    assert [c.role for c in doc.columns] == [R.TASK, R.LEAD_UNIT, R.UNITS, R.DONE]
    tasks = doc.tasks
    assert [t.text for t in tasks] == [
        "1.新建第二小学", "2.改扩建实验幼儿园", "1.新建县医院住院楼", "2.新建乡镇卫生院3所",
    ]
    # the group's lead unit carried down to every row of the group, lead first
    assert [t.units for t in tasks] == [
        ["县教育局", "县城投公司"], ["县教育局", "县教投公司"], ["县卫健委", "县医投公司"], ["县卫健委"],
    ]
    assert tasks[1].items[0].done == "已完成招标,正在进场施工。"
    assert tasks[2].extra["分组"] == "二、卫生类项目(2个)"
    messages = [w.message for w in doc.warnings]
    carried = [m for m in messages if "is carried down" in m]
    assert len(carried) == 2 and "'县教育局'" in carried[0], messages
    assert any("rows found by the numbers" in m for m in messages), messages
    if header != "one level":
        # the header's other reading is said, with what was done to it
        assert any("推进情况 spans 业主单位/本月进展情况" in m for m in messages), messages


def test_rows_without_groups_are_found_by_their_numbers_not_every_n_cells():
    # a row's empty unit cell is still marked by its bar: widths stay equal
    page = "\n".join(
        [
            TITLE, "项目名称 |", "责任单位 |", "进展情况 |",
            "1.新建公园 |", "县建设局 |", "已完工。 |",
            "2.修建道路 |", "|", "完成60%。 |",
            "3.改造水厂 |", "县水务局 |", "已开工。 |",
            "打印本页 |", "关闭窗口",  # the page's footer: no row of the table
        ]
    )
    doc = read_document(page.encode(), name="n.txt")
    # (the numbers opening the task cells are the serials: gridlayout, SERIAL IN THE TASK CELL)
    assert [(t.serial, t.text) for t in doc.tasks] == [
        ("1", "新建公园"),
        ("2", "修建道路"),
        ("3", "改造水厂"),
    ]
    assert [t.units for t in doc.tasks] == [["县建设局"], [], ["县水务局"]]
    assert any("2 cell(s) after the last row" in w.message for w in doc.warnings)


@pytest.mark.parametrize(
    "rows",
    [
        # a progress cell opening with its own list number: the widths disagree, the rule
        # does not hold, rows are cut every header-width cells as before
        ["1.新建公园 |", "县建设局 |", "1.已完工。 |", "2.修建道路 |", "县交通局 |", "完成60%。 |"],
        # groups opening with different numbers of cells: not the rule's shape
        [
            "一、城建 |", "县建设局 |", "1.新建公园 |", "县城投 |", "已完工。 |",
            "二、交通 |", "1.修建道路 |", "县交通局 |", "完成60%。 |",
        ],
    ],
)
def test_numbers_of_another_shape_fall_back_to_rows_by_count(rows):
    page = "\n".join([TITLE, "项目名称 |", "责任单位 |", "进展情况 |", *rows])
    doc = read_document(page.encode(), name="x.txt")
    messages = [w.message for w in doc.warnings]
    assert not any("rows found by the numbers" in m for m in messages), messages
    assert doc.tasks  # read, by the older rule


def test_a_numbered_table_with_a_serial_column_is_unchanged():
    page = "\n".join(
        [
            TITLE, "序号 |", "项目名称 |", "责任单位 |", "进展情况 |",
            "1 |", "新建公园 |", "县建设局 |", "已完工。 |",
            "2 |", "修建道路 |", "县交通局 |", "完成60%。 |",
        ]
    )
    doc = read_document(page.encode(), name="s.txt")
    assert [t.serial for t in doc.tasks] == ["1", "2"]
    assert [c.role for c in doc.columns] == [R.SERIAL, R.TASK, R.UNITS, R.DONE]


@pytest.mark.parametrize(
    ("header", "role"),
    [("业主单位", R.UNITS), ("业主", R.UNITS), ("业主单位本月进展情况", R.DONE)],
)
def test_the_owner_unit_is_a_unit_column(header, role):
    assert header_role(header, have_task=True) is role


def test_a_category_column_takes_the_group_name_merged_over_its_rows():
    page = "\n".join([TITLE, "类别 |", *HEADERS["two levels, one cell each"], *GROUPED])
    doc = read_document(page.encode(), name="c.txt")
    assert [c.role for c in doc.columns] == [R.CATEGORY, R.TASK, R.LEAD_UNIT, R.UNITS, R.DONE]
    assert [t.extra["类别"] for t in doc.tasks] == ["一、教育类项目(2个)"] * 2 + ["二、卫生类项目(2个)"] * 2
    assert [t.units[0] for t in doc.tasks] == ["县教育局", "县教育局", "县卫健委", "县卫健委"]
    assert not any("group row" in w.message for w in doc.warnings)


@pytest.mark.parametrize(
    "progress",
    [
        ["1.文化中心北路已完工;", "2.建设路完成路基。 |"],  # points on lines of their own
        ["1.文化中心北路已完工;2.建设路完成路基。 |"],  # points on one line
    ],
)
def test_a_cell_numbering_its_own_points_opens_no_row(progress):
    """A cell opening with 1. that holds its own 2. is a list inside a cell (a progress cell
    written as points), not a row restarting the numbers: the rows stay found by the task
    cells' numbers, the group's lead unit carried down."""
    body = [*GROUPED[:13], "2.新建县医院门诊楼 |", "县医投公司 |", *progress]
    page = "\n".join([TITLE, *HEADERS["second level glued"], *body])
    doc = read_document(page.encode(), name="p.txt")
    assert [t.text for t in doc.tasks] == [
        "1.新建第二小学", "2.改扩建实验幼儿园", "1.新建县医院住院楼", "2.新建县医院门诊楼",
    ]
    assert doc.tasks[3].units == ["县卫健委", "县医投公司"]
    assert doc.tasks[3].items[0].done.replace("\n", "") == "1.文化中心北路已完工;2.建设路完成路基。"
