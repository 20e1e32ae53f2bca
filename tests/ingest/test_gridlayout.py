"""Grid -> ParsedDocument, the layout step structured readers share (docs/formats.md)."""

import pytest

from luoshi.ingest import IngestError
from luoshi.ingest.grid import Grid, GridCell
from luoshi.ingest.gridlayout import document_from_grids


def grid(rows, merged=(), preamble=()):
    """rows of strings; ``merged`` lists (row, col, rowspan) cells spanning down."""
    out = [[GridCell(t, r, c) for c, t in enumerate(row)] for r, row in enumerate(rows)]
    for r, c, span in merged:
        cell = out[r][c]
        cell.rowspan = span
        for k in range(1, span):
            out[r + k][c] = cell
    return Grid(rows=out, where="table 1", preamble=list(preamble))


HEADER = ["序号", "任务内容", "责任单位", "完成情况", "存在问题及困难", "下一步工作"]


def test_rows_sharing_a_serial_cell_are_items_with_headings():
    rows = [
        HEADER,
        [
            "1",
            "建设东区公园和西区广场。",
            "市建设局、市财政局",
            "建设东区公园。\n已完成设计。",
            "",
            "加快施工。",
        ],
        ["", "", "", "建设西区广场。\n完成招标。", "资金不足。", "争取资金。"],
        HEADER,  # repeated at a page break
        ["2", "新增就业。", "市人社局", "新增1万个。", "", "继续。"],
    ]
    g = grid(
        rows,
        merged=[(1, 0, 2), (1, 1, 2), (1, 2, 2)],
        preamble=["2021年度市政府重点工作任务半年度完成情况"],
    )
    doc = document_from_grids([g], "t.html", "html")
    assert [t.serial for t in doc.tasks] == ["1", "2"]
    t1 = doc.tasks[0]
    assert t1.units == ["市建设局", "市财政局"]
    assert [(i.heading, i.done, i.problems) for i in t1.items] == [
        ("建设东区公园。", "已完成设计。", ""),
        ("建设西区广场。", "完成招标。", "资金不足。"),
    ]
    assert doc.tasks[1].items[0].heading is None
    assert doc.meta.period.label == "半年度"


def test_progress_cell_merged_over_sub_rows_is_given_once():
    rows = [
        HEADER,
        ["1", "两项。", "甲局", "甲。\n做了。", "问题。", "计划。"],
        ["", "", "", "乙。\n也做了。", "", ""],
    ]
    g = grid(rows, merged=[(1, 0, 2), (1, 1, 2), (1, 2, 2), (1, 4, 2), (1, 5, 2)])
    items = document_from_grids([g], "t", "html").tasks[0].items
    assert [(i.problems, i.next_steps) for i in items] == [("问题。", "计划。"), ("", "")]


def test_group_row_is_not_a_task():
    rows = [HEADER, ["一、经济发展"] * 6, ["1", "任务。", "甲局", "做了。", "", "计划。"]]
    g = grid(rows)
    for c in range(1, 6):
        g.rows[1][c] = g.rows[1][0]
    doc = document_from_grids([g], "t", "html")
    assert [t.serial for t in doc.tasks] == ["1"]
    assert any("group row" in w.message for w in doc.warnings)


def test_no_header_is_an_error():
    with pytest.raises(IngestError, match="no table with a recognisable header"):
        document_from_grids([grid([["a", "b"], ["c", "d"]])], "t.docx", "docx")
