"""Rows of a cells-per-line table found by their shape when there is no 序号 column
(luoshi/ingest/text/unnumbered.py, cellheader.py); made-up pages, not corpus text."""

from __future__ import annotations

import pytest

from luoshi.ingest import read_document
from luoshi.vocab import ColumnRole as R


def page(header: list[str], rows: list[list[str]]) -> bytes:
    cells = header + [c for r in rows for c in r]
    return ("安澜市2030年上半年主要指标完成情况\n\n" + "\n\n".join(cells) + "\n").encode()


ROWS = [
    ["1、生产总值增长率", "6%以上", "6.5%", "市发改委"],
    ["2、新增城镇就业", "1万人", "6200人", "市人社局"],
    ["3、新建学校", "5所", "年度指标", "市教育局"],
]

CASES = [
    (
        "task column first",
        ["工作任务", "年度目标", "完成情况", "责任单位"],
        ROWS,
        [R.TASK, R.TARGET, R.DONE, R.UNITS],
    ),
    (
        "an indicator column is the task when a unit column is named",
        ["指标名称", "年度目标", "完成情况", "责任部门"],
        ROWS,
        [R.TASK, R.TARGET, R.DONE, R.UNITS],
    ),
]


@pytest.mark.parametrize("header,rows,roles", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_serials_written_into_the_task_cell_open_rows(header, rows, roles) -> None:
    doc = read_document(page(header, rows), name="t.txt")
    assert [c.role for c in doc.columns] == roles
    assert [t.serial for t in doc.tasks] == ["1", "2", "3"]
    assert [t.text for t in doc.tasks] == ["生产总值增长率", "新增城镇就业", "新建学校"]
    assert [t.units for t in doc.tasks] == [["市发改委"], ["市人社局"], ["市教育局"]]
    assert [t.items[0].done for t in doc.tasks] == ["6.5%", "6200人", "年度指标"]
    assert any("numbers opening the task text" in w.message for w in doc.warnings)


def test_a_category_before_the_task_column_is_carried_down() -> None:
    header = ["类别", "指标名称", "年度目标", "完成情况", "责任部门"]
    rows = [["经济发展", *ROWS[0]], ROWS[1], ["民生改善", *ROWS[2]]]
    doc = read_document(page(header, rows), name="t.txt")
    assert [c.role for c in doc.columns] == [R.CATEGORY, R.TASK, R.TARGET, R.DONE, R.UNITS]
    assert [t.extra["类别"] for t in doc.tasks] == ["经济发展", "经济发展", "民生改善"]
    assert [t.text for t in doc.tasks] == ["生产总值增长率", "新增城镇就业", "新建学校"]


def test_numbers_that_do_not_count_on_open_no_rows() -> None:
    # a point numbered 1、 inside a progress cell does not count on from the rows' numbers
    rows = [
        ["1、生产总值增长率", "6%以上", "1、一季度增长6%", "市发改委"],
        ["2、新增城镇就业", "1万人", "6200人", "市人社局"],
        ["3、新建学校", "5所", "年度指标", "市教育局"],
    ]
    doc = read_document(page(["工作任务", "年度目标", "完成情况", "责任单位"], rows), name="t.txt")
    assert [t.serial for t in doc.tasks] == ["1", "2", "3"]
    assert doc.tasks[0].items[0].done == "1、一季度增长6%"


@pytest.mark.parametrize(
    "header,first",
    [
        (["指标名称", "年度目标", "完成情况", "责任部门"], R.TASK),
        (["主要指标", "目标", "牵头单位"], R.TASK),
        # without a unit column, 指标名称 heads an indicator matrix: no task column
        (["指标名称", "单位", "东区", "西区"], R.OTHER),
        (["指标名称", "年度目标", "完成情况"], R.OTHER),
    ],
)
def test_an_indicator_column_is_the_task_only_beside_a_unit_column(header, first) -> None:
    from luoshi.ingest.headers import header_roles

    assert header_roles(header)[0] is first


def test_a_table_of_short_figure_cells_without_units_is_read_by_run_length() -> None:
    header = ["工作任务", "年度目标", "完成情况"]
    rows = [
        ["新开工项目", "40个", "25个"],
        ["新增就业", "1万人", "6200人"],
        ["新建学校", "2所", "1所"],
    ]
    doc = read_document(page(header, rows), name="t.txt")
    assert [c.role for c in doc.columns] == [R.TASK, R.TARGET, R.DONE]
    got = [(t.serial, t.text, t.extra["年度目标"], t.items[0].done) for t in doc.tasks]
    assert got == [
        ("1", "新开工项目", "40个", "25个"),
        ("2", "新增就业", "1万人", "6200人"),
        ("3", "新建学校", "2所", "1所"),
    ]


def test_a_task_closing_with_a_count_is_no_unit_cell() -> None:
    # "新建学校2所" ends like 派出所 but closes with a count: a task, whose unit cell follows
    header = ["工作任务", "责任单位", "完成情况"]
    rows = [
        ["新开工项目40个", "市发改委", "已开工25个。", "另有10个完成前期。"],
        ["新增就业1万人", "市人社局", "新增6200人。"],
        ["新建学校2所", "市教育局", "1所已开工。", "1所完成设计。"],
    ]
    doc = read_document(page(header, rows), name="t.txt")
    assert [(t.text, t.units) for t in doc.tasks] == [
        ("新开工项目40个", ["市发改委"]),
        ("新增就业1万人", ["市人社局"]),
        ("新建学校2所", ["市教育局"]),
    ]
    assert doc.tasks[2].items[0].done == "1所已开工。\n1所完成设计。"


def test_wrapped_figure_and_task_cells_are_joined() -> None:
    header = ["序号", "指标名称", "年度目标", "完成情况", "责任部门"]
    rows = [
        ["1", "服务业增加值占生产总值", "比重", "提升2个", "百分点", "提升1.5个百分点", "市发改委"],
        ["2", "城镇调查失业率", "控制在", "5.5%以内", "4.8%", "市人社局"],
        ["3", "新增城镇就业", "1万人", "6200人", "市人社局"],
        ["4", "新建学校", "5所", "年度指标", "市教育局"],
    ]
    doc = read_document(page(header, [r for r in rows]), name="t.txt")
    got = [(t.text, t.extra["年度目标"], t.items[0].done) for t in doc.tasks]
    assert got == [
        ("服务业增加值占生产总值比重", "提升2个百分点", "提升1.5个百分点"),
        ("城镇调查失业率", "控制在5.5%以内", "4.8%"),
        ("新增城镇就业", "1万人", "6200人"),
        ("新建学校", "5所", "年度指标"),
    ]


def test_a_category_column_without_serials_found_by_anchors_is_read_in_place() -> None:
    # rows found by the task-then-units anchor: each row's category cell is its first cell
    header = ["类别", "工作任务", "责任单位", "完成情况"]
    rows = [
        ["经济发展", "新开工重大项目40个以上", "市发改委", "已开工25个。"],
        ["经济发展", "完成固定资产投资100亿元", "市发改委", "完成52亿元。"],
        ["民生改善", "新增城镇就业1万人以上", "市人社局", "新增6200人。"],
    ]
    doc = read_document(page(header, rows), name="t.txt")
    got = [(t.extra.get("类别"), t.text, t.units) for t in doc.tasks]
    assert got == [
        ("经济发展", "新开工重大项目40个以上", ["市发改委"]),
        ("经济发展", "完成固定资产投资100亿元", ["市发改委"]),
        ("民生改善", "新增城镇就业1万人以上", ["市人社局"]),
    ]
