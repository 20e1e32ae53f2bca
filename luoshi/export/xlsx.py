"""Excel writer: title and metadata rows above the official table, merged cells for the cells a
task's sub-items share, wrapped text, 仿宋 body font, A4 landscape with the header row printed
on every page. Sub-headings are the first line of the first progress cell (docs/formats.md)."""

from __future__ import annotations

import io

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter

from luoshi.export.table import official_table
from luoshi.ingest.model import ParsedDocument
from luoshi.vocab import ColumnRole

BODY_FONT = Font(name="仿宋", size=11)
HEADER_FONT = Font(name="黑体", size=11, bold=True)
TITLE_FONT = Font(name="宋体", size=16, bold=True)
COLUMN_CHARS = {
    ColumnRole.SERIAL: 6, ColumnRole.TASK: 40, ColumnRole.UNITS: 22, ColumnRole.LEAD_UNIT: 18,
    ColumnRole.CO_UNITS: 18, ColumnRole.DONE: 60, ColumnRole.PROBLEMS: 36, ColumnRole.NEXT_STEPS: 36,
}
_THIN = Side(style="thin", color="000000")
BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
WRAP = Alignment(wrap_text=True, vertical="top")
CENTER = Alignment(wrap_text=True, vertical="center", horizontal="center")


def write_xlsx(doc: ParsedDocument, *, header_every: int = 0) -> bytes:
    """The workbook as bytes. ``header_every`` > 0 repeats the header row before every that
    many tasks (as tables pasted from paged documents do)."""
    table = official_table(doc)
    wb = Workbook()
    ws = wb.active
    ws.title = "落实情况"
    width = max(table.width, 1)
    r = 1
    if table.title:
        ws.cell(r, 1, table.title).font = TITLE_FONT
        ws.cell(r, 1).alignment = CENTER
        if width > 1:
            ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=width)
        r += 1
    for line in table.meta_lines:
        ws.cell(r, 1, line).font = BODY_FONT
        r += 1
    if r > 1:
        r += 1  # a blank row between the metadata and the table

    def header(at: int) -> None:
        for j, h in enumerate(table.header, start=1):
            c = ws.cell(at, j, h)
            c.font, c.alignment, c.border = HEADER_FONT, CENTER, BORDER

    header_row = r
    header(r)
    r += 1
    prev_task = -1
    for row, t_index in zip(table.rows, table.task_of_row, strict=True):
        if header_every and t_index != prev_task and t_index and t_index % header_every == 0:
            header(r)
            r += 1
        prev_task = t_index
        for j, cell in enumerate(row, start=1):
            c = ws.cell(r, j)
            c.border = BORDER
            if cell is None:
                continue
            if cell.text:
                c.value = ILLEGAL_CHARACTERS_RE.sub("", cell.text)
                c.data_type = "s"  # never a formula or a number: "=…", "1" stay text
            c.font, c.alignment = BODY_FONT, WRAP
            if cell.rowspan > 1:
                ws.merge_cells(start_row=r, start_column=j, end_row=r + cell.rowspan - 1, end_column=j)
        r += 1
    for j, role in enumerate(table.roles, start=1):
        ws.column_dimensions[get_column_letter(j)].width = COLUMN_CHARS.get(role, 16)
    ws.print_title_rows = f"{header_row}:{header_row}"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.freeze_panes = ws.cell(header_row + 1, 1)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()
