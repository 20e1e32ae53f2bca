"""Pipe rows of a table the reader had not seen (issue 9): the serial inside the task cell, a
category given on the first of its rows only, an extra bar at a row's end, leader and phone
columns, and the page's publication block under the table. Made-up pages."""

import pytest

from luoshi.ingest import read_document
from luoshi.ingest.headers import header_roles, main_done_column
from luoshi.ingest.metadata import opens_with_metadata_key
from luoshi.ingest.model import Column
from luoshi.ingest.text.align import align
from luoshi.vocab import ColumnRole as R

HEADER = "类别 | 民生事项名称 | 2031年度任务目标 | 责任单位 | 分管市领导 | 1-6月份完成情况 | 1-6月份取得成效 | 监督电话 |"
ROWS = [
    "一、社会保障 | 7.新建养老院 | 建成床位200张。 | 民政局 | 王明 | 主体完工。 | 已入住30人。 | 电话1234567 |",
    # the category merged from the row above; one bar too many at the end
    "8.改造老旧小区 | 改造小区12个。 | 住建局 | 李强 | 完成5个。 | 惠及居民900户。 | 电话2345678 | |",
    "9.扩建社区食堂 | 新增食堂3处。 | 民政局 | 王明 | 已开工2处。 | 日供餐400份。 | 电话1234567 |",
]
FOOTER = ["索引号: | 0001/2031-00001 | 成文日期: | 2031-07-08 |", "发布机构: | 某市人民政府办公室"]


def _page(rows=ROWS, footer=FOOTER) -> bytes:
    return "\n".join(["2031年安澜市民生实事进展情况", HEADER, *rows, *footer]).encode()


def test_a_table_with_its_serials_in_the_task_cells_and_a_category_given_once():
    doc = read_document(_page(), name="k.txt")
    assert [c.role for c in doc.columns] == [
        R.CATEGORY, R.TASK, R.TARGET, R.UNITS, R.LEADER, R.DONE, R.DONE, R.OTHER,
    ]
    assert [(t.serial, t.text) for t in doc.tasks] == [
        ("7", "新建养老院"), ("8", "改造老旧小区"), ("9", "扩建社区食堂"),
    ]
    assert [t.extra["类别"] for t in doc.tasks] == ["一、社会保障"] * 3
    assert [t.units for t in doc.tasks] == [["民政局"], ["住建局"], ["民政局"]]
    assert [t.extra["分管市领导"] for t in doc.tasks] == ["王明", "李强", "王明"]
    assert [t.extra["2031年度任务目标"] for t in doc.tasks][1] == "改造小区12个。"
    # of two progress columns of one period, the work is the progress, its results extra
    assert [t.items[0].done for t in doc.tasks] == ["主体完工。", "完成5个。", "已开工2处。"]
    assert doc.tasks[1].extra["1-6月份取得成效"] == "惠及居民900户。"
    assert doc.tasks[1].extra["监督电话"] == "电话2345678"
    messages = [w.message for w in doc.warnings]
    assert any("task cells open with their numbers (7, 8, 9)" in m for m in messages), messages
    assert any("publication block (索引号:" in m for m in messages), messages
    assert any("类别 left empty" in m for m in messages), messages


@pytest.mark.parametrize(
    "footer",
    [
        ["| 索引号: | 0001/2031-00001 | 成文日期: | 2031-07-08 |"],  # Markdown-style bars
        ["發布機構:某市人民政府辦公室"],  # a line of its own, traditional characters
        ["来源:某市政府网站 |", "打印本页 | 关闭窗口 |"],
    ],
)
def test_the_publication_block_ends_the_table(footer):
    doc = read_document(_page(footer=footer), name="k.txt")
    assert [t.serial for t in doc.tasks] == ["7", "8", "9"]
    assert any("publication block" in w.message for w in doc.warnings)


def test_without_the_publication_block_the_short_last_row_is_still_read():
    doc = read_document(_page(footer=[]), name="k.txt")
    assert [t.serial for t in doc.tasks] == ["7", "8", "9"]


@pytest.mark.parametrize(
    ("cells", "serials", "first"),
    [
        (["1.新建公园", "2.修建道路", "3.改造水厂"], ["1", "2", "3"], "新建公园"),
        (["12、新建公园", "13、修建道路"], ["12", "13"], "新建公园"),  # an excerpt mid-table
        (["1.新建公园", "2.修建道路", "1.改造水厂"], ["1", "2", "1"], "新建公园"),  # per group
        (["(1)新建公园", "(2)修建道路"], ["1", "2"], "新建公园"),
        # not counting on, one cell without a number, a decimal: numbered by position
        (["1.新建公园", "3.修建道路"], ["1", "2"], "1.新建公园"),
        (["1.新建公园", "修建道路"], ["1", "2"], "1.新建公园"),
        (["1.5万亩高标准农田", "2.6公里道路"], ["1", "2"], "1.5万亩高标准农田"),
        # every cell a list of its own (1. … 2. …), or all numbered 1: lists, not serials
        (["1.新建公园;2.新建绿道", "1.修建道路;2.修建桥梁"], ["1", "2"], "1.新建公园;2.新建绿道"),
        (["1.新建公园", "1.修建道路"], ["1", "2"], "1.新建公园"),
    ],
)
def test_the_serial_in_the_task_cell(cells, serials, first):
    rows = [f"{c} | 县建设局 | 已完工。 |" for c in cells]
    page = "\n".join(["2031年安澜县重点项目进展情况", "项目名称 | 责任单位 | 进展情况 |", *rows])
    doc = read_document(page.encode(), name="s.txt")
    assert [t.serial for t in doc.tasks] == serials
    assert doc.tasks[0].text == first


@pytest.mark.parametrize(
    ("header", "row", "unit", "remark"),
    [
        # an empty 备注 at the row's end is the empty remark, read by position, not warned
        ("序号 | 任务 | 责任单位 | 备注 |", "1 | 新建公园 | 县建设局 | |", "县建设局", ""),
        # a header padded with empty cells: its rows are padded too, read by position
        ("序号 | 任务 | 责任单位 | 备注 | ||", "1 | 新建公园 | 县建设局 | 无 | ||", "县建设局", "无"),
        # a cell misfitting its column by position (a person as the unit), but no reading by
        # content fitting every cell: position kept
        ("序号 | 任务 | 责任单位 | 进展情况 | 备注 |", "1 | 新建公园 | 张三 | 已完工。 | |", "张三", ""),
    ],
)
def test_an_empty_cell_at_a_row_end_that_changes_nothing(header, row, unit, remark):
    page = "\n".join(["2031年安澜县重点任务进展情况", header, row, row.replace("1 |", "2 |", 1)])
    doc = read_document(page.encode(), name="e.txt")
    assert [t.units for t in doc.tasks] == [[unit], [unit]]
    assert [t.extra.get("备注", "") for t in doc.tasks] == [remark, remark]
    assert not any("aligned by content" in w.message for w in doc.warnings)


@pytest.mark.parametrize(
    ("headers", "roles"),
    [
        (["民生事项名称", "责任单位"], [R.TASK, R.UNITS]),
        (["序号", "重点事项名称", "2031年度任务目标"], [R.SERIAL, R.TASK, R.TARGET]),
        (["事项名称", "分管市领导", "监督电话"], [R.TASK, R.LEADER, R.OTHER]),
    ],
)
def test_header_roles(headers, roles):
    assert header_roles(headers) == roles


@pytest.mark.parametrize(
    ("headers", "main"),
    [
        (["1-9月份工作完成情况", "1-9月份工作取得成效"], 0),
        (["1-9月份工作取得成效", "1-9月份工作完成情况"], 1),
        (["1-6月完成情况", "1-9月完成情况"], 1),  # the latest period first of all
        (["1-9月完成情况", "1-6月取得成效"], 0),
        (["工作成效"], 0),  # alone it is the progress
    ],
)
def test_the_main_progress_column(headers, main):
    assert main_done_column([Column(header=h, role=R.DONE) for h in headers]) == main


@pytest.mark.parametrize(
    ("text", "is_key"),
    [
        ("索引号:", True),
        ("成文日期:2031-07-08", True),
        ("發布機構:", True),
        ("发布机构", True),
        ("来源 :某市政府", True),
        ("来源于群众的建议", False),
        ("7.新建养老院", False),
        ("一、社会保障", False),
    ],
)
def test_publication_keys(text, is_key):
    assert opens_with_metadata_key(text) is is_key


@pytest.mark.parametrize(
    ("piece", "fits"),
    [("四、教育文化", True), ("社会保障", True), ("15.推进学校建设", False), ("完成施工。已验收", False)],
)
def test_a_category_cell_is_a_name(piece, fits):
    roles = [R.CATEGORY, R.TASK, R.UNITS]
    taken = align([piece, "新建学校", "教育局"], roles) if fits else align(
        [piece, "教育局"], roles
    )
    assert (taken[0] == [0]) is fits


# One cell per line in traditional characters, a lone | before each row and a line of bars
# under the header (ROW BORDERS, text/pipecells.py).
_TRAD_HEADER = ["序號 |", "重點工作 |", "牽頭單位 |", "責任領導 |", "進展情況 |"]
_TRAD_ROWS = [
    ["新建城市公園 |", "縣住建局 |", "王明 |", "已建成2個。 |"],
    ["改造老舊小區 |", "縣住建局 |", "李強 |", "完成改造5個。 |"],
    ["擴建社區食堂 |", "縣民政局 |", "王明 |", "已開工2處。 |"],
]


def _bordered(serials: bool, numbered: bool, title: bool) -> bytes:
    lines = ["2031年安瀾縣重點工作進展情況", *(_TRAD_HEADER if serials else _TRAD_HEADER[1:])]
    lines.append("||||" if serials else "|||")
    if title:
        lines += ["安瀾縣重點工作 |"]
    for k, row in enumerate(_TRAD_ROWS, 1):
        task = f"{k}.{row[0]}" if numbered else row[0]
        lines += ["|", *([f"{k} |"] if serials else []), task, *row[1:]]
    return "\n".join(lines).encode()


@pytest.mark.parametrize(
    ("serials", "numbered", "title"),
    [(True, False, False), (False, False, False), (False, True, False), (False, False, True)],
)
def test_lines_of_bars_between_rows_are_borders(serials, numbered, title):
    doc = read_document(_bordered(serials, numbered, title), name="b.txt")
    assert [(t.serial, t.text) for t in doc.tasks] == [
        ("1", "新建城市公園"), ("2", "改造老舊小區"), ("3", "擴建社區食堂"),
    ]
    assert [t.units for t in doc.tasks] == [["縣住建局"], ["縣住建局"], ["縣民政局"]]
    assert [t.items[0].done for t in doc.tasks] == ["已建成2個。", "完成改造5個。", "已開工2處。"]
    assert [t.extra["責任領導"] for t in doc.tasks] == ["王明", "李強", "王明"]
    assert any("read as the rows' borders" in w.message for w in doc.warnings)


def test_a_lone_bar_inside_a_row_stays_an_empty_cell():
    page = "\n".join(
        [
            "2031年安瀾縣重點工作進展情況", *_TRAD_HEADER[1:],
            "新建城市公園 |", "|", "王明 |", "已建成2個。 |",
            "改造老舊小區 |", "縣住建局 |", "李強 |", "完成改造5個。 |",
        ]
    )
    doc = read_document(page.encode(), name="b.txt")
    assert [t.units for t in doc.tasks] == [[], ["縣住建局"]]
    assert not any("borders" in w.message for w in doc.warnings)


_GROUPED_HEADER = ["项目名称 |", "牵头单位 |", "推进情况 |", "业主单位 |", "本月进展情况 |"]


@pytest.mark.parametrize(
    "points",
    [
        ["(1)新建教学楼已封顶; |", "(2)运动场完成30%。 |"],
        ["1.新建教学楼已封顶; |", "2.运动场完成30%。 |"],
        ["1、新建教学楼已封顶; |", "2、运动场完成30%。 |", "3、围墙已完工。 |"],
    ],
)
def test_points_of_a_cell_each_closed_by_a_bar(points):
    """POINTS IN CELLS (text/pipegroups.py): cells numbered 1, 2 … one right after the other
    are one progress cell written as points, not rows (a row holds two cells or more)."""
    page = "\n".join(
        [
            "2031年安澜县重点项目推进情况表", *_GROUPED_HEADER,
            "一、教育类项目(2个) |", "县教育局 |",
            "1.新建第二小学 |", "县城投公司 |", "主体结构完工。 |",
            "2.改扩建实验幼儿园 |", "县教投公司 |", *points,
            "3.新建图书馆 |", "县城投公司 |", "完成选址。 |",
        ]
    )
    doc = read_document(page.encode(), name="p.txt")
    assert [(t.serial, t.text) for t in doc.tasks] == [
        ("1", "新建第二小学"), ("2", "改扩建实验幼儿园"), ("3", "新建图书馆"),
    ]
    assert [t.units for t in doc.tasks] == [
        ["县教育局", "县城投公司"], ["县教育局", "县教投公司"], ["县教育局", "县城投公司"],
    ]
    assert doc.tasks[1].items[0].done == "\n".join(p.rstrip(" |") for p in points)
    assert doc.tasks[2].items[0].done == "完成选址。"
    assert any("the points of one cell, joined" in w.message for w in doc.warnings)
