"""XLSX reader: merged ranges, several sheets, numbers as text, preamble, bad workbooks."""

from __future__ import annotations

import io
from datetime import datetime

import openpyxl
import pytest

from luoshi.export.xlsx import write_xlsx
from luoshi.ingest.errors import IngestError
from luoshi.ingest.formats.sniff import CFB_SIGNATURE
from luoshi.ingest.formats.xlsx import read_xlsx_grids, value_text
from tests.formats.docgen import (
    check_grid_identity,
    expected_signature,
    grid_signature,
    seed004_like,
)


def _save(wb) -> bytes:
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _workbook() -> bytes:
    wb = openpyxl.Workbook()
    notes = wb.active
    notes.title = "说明"
    notes["A1"] = "本表由市府办汇总"
    ws = wb.create_sheet("表1")
    ws["A1"] = "2022年重点工作三季度进展情况"
    ws.merge_cells("A1:D1")
    ws["A2"] = "发布日期:2022-10-10"
    rows = [["序号", "工作内容", "牵头单位", "三季度进展情况"],
            [1, "新建海塘", "市水利局", "完成投资12.0亿元"],
            [None, None, None, "第二个子项"],
            [2.0, "新增床位", "市卫健委", 0.75]]
    for r, row in enumerate(rows, start=4):
        for c, v in enumerate(row, start=1):
            ws.cell(r, c, v)
    for col in "ABC":
        ws.merge_cells(f"{col}5:{col}6")
    ws["A9"] = "注:数据截至9月底"
    other = wb.create_sheet("图表数据")
    other.append(["月份", "数值"])
    other.append([1, 2])
    return _save(wb)


def test_merged_ranges_sheet_choice_and_numbers() -> None:
    grids = read_xlsx_grids(_workbook(), name="t.xlsx")
    assert [g.where for g in grids] == ["sheet '表1'"]  # the sheets without a progress table are left
    g = grids[0]
    check_grid_identity(g)
    assert g.texts(0) == ["序号", "工作内容", "牵头单位", "三季度进展情况"]
    assert g.texts(1) == ["1", "新建海塘", "市水利局", "完成投资12.0亿元"]
    assert g.texts(2) == ["1", "新建海塘", "市水利局", "第二个子项"]
    assert g.rows[1][0] is g.rows[2][0] and g.rows[1][0].rowspan == 2
    assert g.texts(3) == ["2", "新增床位", "市卫健委", "0.75"]
    assert len(g.rows) == 4  # the note below the table is not a row


def test_rows_above_the_table_are_the_preamble() -> None:
    [g] = read_xlsx_grids(_workbook(), name="t.xlsx")
    assert g.preamble == ["2022年重点工作三季度进展情况", "发布日期:2022-10-10"]


@pytest.mark.parametrize(
    ("value", "text"),
    [(12.0, "12"), (12, "12"), (0.5, "0.5"), (-3.0, "-3"), (None, ""), (" a \n\n b ", "a\nb"),
     (datetime(2020, 10, 29), "2020-10-29"), (datetime(2020, 10, 29, 8, 30), "2020-10-29 08:30:00")],
)
def test_value_text(value: object, text: str) -> None:
    assert value_text(value) == text


def test_seed004_shape_reads_back_cell_for_cell() -> None:
    doc = seed004_like(20)
    [g] = read_xlsx_grids(write_xlsx(doc, header_every=5), name="gen.xlsx")
    check_grid_identity(g)
    assert grid_signature(g) == expected_signature(doc)
    assert sum(g.texts(r) == g.texts(0) for r in range(len(g.rows))) == 4


def test_truncated_workbook() -> None:
    data = _workbook()
    with pytest.raises(IngestError) as exc:
        read_xlsx_grids(data[: len(data) - 300], name="cut.xlsx")
    assert str(exc.value).startswith("cut.xlsx: corrupt .xlsx (damaged or truncated archive)")


def test_password_protected_workbook_is_an_ole2_container() -> None:
    # Excel saves a password-protected .xlsx inside an OLE2 compound file (MS-OFFCRYPTO).
    data = CFB_SIGNATURE + b"\x00" * 504 + "EncryptionInfo".encode("utf-16-le")
    with pytest.raises(IngestError) as exc:
        read_xlsx_grids(data, name="locked.xlsx")
    assert "encrypted (password-protected) or old .xls" in str(exc.value)
    assert str(exc.value).startswith("locked.xlsx: ")


def test_workbook_without_a_table() -> None:
    wb = openpyxl.Workbook()
    wb.active["A1"] = "只有一个标题"
    with pytest.raises(IngestError, match="no table in the workbook"):
        read_xlsx_grids(_save(wb), name="empty.xlsx")
