"""Excel writer: merges for shared cells, print titles, landscape, text cells."""

from __future__ import annotations

import io

import openpyxl

from luoshi.export.xlsx import write_xlsx
from tests.formats.docgen import seed004_like


def test_layout_merges_and_print_setup() -> None:
    doc = seed004_like(6)
    doc.tasks[0].text = "=SUM(A1:A2)"  # never a formula
    wb = openpyxl.load_workbook(io.BytesIO(write_xlsx(doc)))
    ws = wb.active
    assert ws["A1"].value == doc.meta.title and "A1:F1" in {str(r) for r in ws.merged_cells.ranges}
    header_row = next(r for r in range(1, 20) if ws.cell(r, 1).value == "序号")
    assert ws.print_title_rows == f"${header_row}:${header_row}"
    assert ws.page_setup.orientation == "landscape" and int(ws.page_setup.paperSize) == 9  # A4
    assert ws.cell(header_row + 1, 2).value == "=SUM(A1:A2)" and ws.cell(header_row + 1, 2).data_type == "s"
    assert ws.cell(header_row + 1, 1).value == "1"
    multi = [t for t in doc.tasks if len(t.items) > 1]
    vertical = [r for r in ws.merged_cells.ranges if r.max_row > r.min_row]
    assert len(vertical) == 3 * len(multi)
    assert ws.cell(header_row + 1, 2).font.name == "仿宋"
