"""The official layout every writer renders: merges, headings, units, notes, metadata."""

from __future__ import annotations

from datetime import date

from luoshi.export.table import meta_lines, official_table
from luoshi.ingest.model import Column, Item, Meta, ParsedDocument, Task
from luoshi.vocab import ColumnRole


def _doc(columns: list[Column]) -> ParsedDocument:
    tasks = [
        Task("1", "甲任务", ["市发改委", "市财政局", "市商务局"], [Item(None, "完成", "", "继续")],
             extra={"牵头领导": "张三"}),
        Task("2", "乙任务", ["市住建局"], [Item("子项一。", "做了一", "问题一", ""),
                                          Item("子项二。", "", "", "下一步二")]),
    ]
    meta = Meta(title="标题", index_no="X/1", published_date=date(2021, 1, 8),
                notes=["(列第一位者为工作牵头或汇总单位,下同)", "本表数据截至12月底"])
    return ParsedDocument(meta=meta, columns=columns, tasks=tasks)


SIX = [Column("序号", ColumnRole.SERIAL), Column("任务内容", ColumnRole.TASK),
       Column("责任单位", ColumnRole.UNITS), Column("完成情况", ColumnRole.DONE),
       Column("存在问题", ColumnRole.PROBLEMS), Column("下一步", ColumnRole.NEXT_STEPS)]


def test_items_are_rows_and_task_cells_span_them() -> None:
    t = official_table(_doc(SIX))
    assert t.header == ["序号", "任务内容", "责任单位", "完成情况", "存在问题", "下一步"]
    assert [c.text if c else None for c in t.rows[0]] == [
        "1", "甲任务", "市发改委、市财政局、市商务局(列第一位者为工作牵头或汇总单位,下同)", "完成", "", "继续"]
    assert [c.rowspan for c in t.rows[1][:3]] == [2, 2, 2]
    assert t.rows[2][:3] == [None, None, None]
    assert t.rows[1][3].text == "子项一。\n做了一" and t.rows[1][3].heading == "子项一。"
    assert t.rows[2][3].text == "子项二。" and t.rows[2][3].body == ""
    assert t.rows[1][4].heading is None and t.task_of_row == [0, 1, 1]


def test_lead_and_co_columns_and_extra_cells() -> None:
    cols = [Column("序号", ColumnRole.SERIAL), Column("工作任务", ColumnRole.TASK),
            Column("牵头领导", ColumnRole.LEADER), Column("牵头单位", ColumnRole.LEAD_UNIT),
            Column("配合单位", ColumnRole.CO_UNITS)]
    t = official_table(_doc(cols))
    row = [c.text for c in t.rows[0]]
    assert row[2:] == ["张三", "市发改委(列第一位者为工作牵头或汇总单位,下同)", "市财政局、市商务局"]


def test_metadata_lines() -> None:
    assert meta_lines(_doc(SIX).meta) == ["索引号:X/1", "发布日期:2021-01-08", "本表数据截至12月底"]


def test_default_columns_when_the_source_had_none() -> None:
    assert official_table(_doc([])).header[:3] == ["序号", "任务内容", "责任单位"]
