"""DOCX reader: merged cells, split tables, preamble, bad files."""

from __future__ import annotations

import io

import docx
import pytest

from luoshi.export.docx import write_docx
from luoshi.ingest.errors import IngestError
from luoshi.ingest.formats.docx import read_docx_grids
from luoshi.ingest.formats.sniff import CFB_SIGNATURE
from tests.formats.docgen import (
    check_grid_identity,
    expected_signature,
    grid_signature,
    seed004_like,
)

HEADER = ["序号", "任务内容", "责任单位", "完成情况"]


def _save(d) -> bytes:
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def _table(d, rows: list[list[str]]):
    t = d.add_table(rows=len(rows), cols=len(rows[0]))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            t.cell(r, c).text = text
    return t


def _merged_doc() -> bytes:
    d = docx.Document()
    d.add_paragraph("2021年度重点工作任务半年度完成情况")
    d.add_paragraph("")
    d.add_paragraph("发布日期:2021-07-15")
    t = _table(d, [HEADER, ["1", "建设海岛公园", "市发改委", "子项一\n完成一"],
                   ["", "", "", "子项二\n完成二"], ["2", "跨两列", "", "——"]])
    for c in range(3):  # serial, task and units span the two sub-item rows
        t.cell(1, c).merge(t.cell(2, c))
    t.cell(3, 1).merge(t.cell(3, 2))
    return _save(d)


def test_merged_cells_are_one_grid_cell() -> None:
    [g] = read_docx_grids(_merged_doc(), name="m.docx")
    check_grid_identity(g)
    assert g.texts(0) == HEADER
    assert g.texts(1) == ["1", "建设海岛公园", "市发改委", "子项一\n完成一"]
    assert g.texts(2) == ["1", "建设海岛公园", "市发改委", "子项二\n完成二"]
    assert g.rows[1][1] is g.rows[2][1] and g.rows[1][1].rowspan == 2
    assert g.texts(3) == ["2", "跨两列", "跨两列", "——"] and g.rows[3][1].colspan == 2


def test_paragraphs_before_the_table_are_the_preamble() -> None:
    [g] = read_docx_grids(_merged_doc(), name="m.docx")
    assert g.preamble == ["2021年度重点工作任务半年度完成情况", "发布日期:2021-07-15"]


def test_table_split_across_pages_is_concatenated_and_repeat_header_kept() -> None:
    d = docx.Document()
    _table(d, [HEADER, ["1", "甲", "市发改委", "完成"]])
    d.add_paragraph("")
    _table(d, [HEADER, ["2", "乙", "市财政局", "完成"]])
    d.add_paragraph("附件2")
    _table(d, [["序号", "目标任务", "牵头单位"], ["1", "丙", "市商务局"]])
    grids = read_docx_grids(_save(d), name="s.docx")
    assert [len(g.rows) for g in grids] == [4, 2]
    assert grids[0].where == "table 1+2"
    assert grids[0].texts(2) == HEADER  # the repeated header row, for the layout step to skip
    assert grids[0].rows[3][0].row == 3
    assert grids[1].preamble == ["附件2"]


def test_seed004_shape_reads_back_cell_for_cell() -> None:
    doc = seed004_like(20)
    grids = read_docx_grids(write_docx(doc, header_every=7), name="gen.docx")
    assert len(grids) == 1
    check_grid_identity(grids[0])
    assert grid_signature(grids[0]) == expected_signature(doc)
    assert grids[0].where == "table 1+2+3"


def test_document_without_a_table() -> None:
    d = docx.Document()
    d.add_paragraph("只有文字,没有表格。")
    with pytest.raises(IngestError, match=r"^plain\.docx: no table in the Word document"):
        read_docx_grids(_save(d), name="plain.docx")


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (CFB_SIGNATURE + b"\0" * 512, "OLE2 file (encrypted .docx or old .doc)"),
        (b"PK\x03\x04" + b"\0" * 40, "corrupt .docx"),
    ],
)
def test_unreadable_files(data: bytes, reason: str) -> None:
    with pytest.raises(IngestError) as exc:
        read_docx_grids(data, name="bad.docx")
    assert str(exc.value).startswith("bad.docx: ") and reason in str(exc.value)


def test_truncated_docx() -> None:
    data = _merged_doc()
    with pytest.raises(IngestError, match=r"corrupt \.docx"):
        read_docx_grids(data[: len(data) // 2], name="cut.docx")
