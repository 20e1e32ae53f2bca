"""Word writer: A4 landscape, title and metadata block above the official table, the header
row repeated on every page (w:tblHeader), 仿宋 body / 宋体 title East Asian fonts, vertical
merges (w:vMerge) for the cells a task's sub-items share, sub-headings bold.

The table is built as WordprocessingML directly (python-docx's cell API is quadratic in the
number of rows); python-docx provides the package, styles and section.
"""

from __future__ import annotations

import io
import re
from xml.sax.saxutils import escape

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import parse_xml
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from luoshi.export.table import OfficialTable, OutCell, official_table, plain_lines
from luoshi.ingest.model import ParsedDocument
from luoshi.vocab import ColumnRole

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
BODY_FONT = "仿宋"
TITLE_FONT = "宋体"
HEADER_FONT = "黑体"
LATIN_FONT = "Times New Roman"
TEXT_WIDTH_TWIPS = int((297 - 2 * 20) * 56.7)  # A4 landscape less 20 mm margins
COLUMN_WEIGHTS = {
    ColumnRole.SERIAL: 0.6, ColumnRole.TASK: 3.0, ColumnRole.UNITS: 1.8, ColumnRole.LEAD_UNIT: 1.6,
    ColumnRole.CO_UNITS: 1.6, ColumnRole.LEADER: 1.0, ColumnRole.TARGET: 2.5, ColumnRole.DONE: 4.5,
    ColumnRole.PROBLEMS: 2.6, ColumnRole.NEXT_STEPS: 2.6, ColumnRole.DECLARED_STATUS: 1.0,
}
_INVALID_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _x(text: str) -> str:
    return escape(_INVALID_XML.sub("", text))


def _fonts(east_asia: str) -> str:
    return (f'<w:rFonts w:ascii="{LATIN_FONT}" w:hAnsi="{LATIN_FONT}" '
            f'w:eastAsia="{east_asia}" w:hint="eastAsia"/>')


def _para(text: str, *, bold: bool = False, center: bool = False, font: str = BODY_FONT,
          size_half_points: int = 21) -> str:
    ppr = '<w:pPr><w:spacing w:before="0" w:after="0"/>' + ('<w:jc w:val="center"/>' if center else "") + "</w:pPr>"
    rpr = f"<w:rPr>{_fonts(font)}{'<w:b/>' if bold else ''}<w:sz w:val=\"{size_half_points}\"/></w:rPr>"
    run = f'<w:r>{rpr}<w:t xml:space="preserve">{_x(text)}</w:t></w:r>' if text else ""
    return f"<w:p>{ppr}{run}</w:p>"


def _cell(width: int, paras: str, vmerge: str | None) -> str:
    vm = "" if vmerge is None else ('<w:vMerge w:val="restart"/>' if vmerge == "restart" else "<w:vMerge/>")
    return f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{vm}</w:tcPr>{paras or _para("")}</w:tc>'


def _cell_paras(cell: OutCell) -> str:
    out = []
    if cell.heading is not None:
        out.append(_para(cell.heading, bold=True))
    out.extend(_para(p) for p in plain_lines(cell.body))
    return "".join(out)


def _table_xml(table: OfficialTable, widths: list[int], rows: list[int]) -> str:
    border = '<w:{0} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
    borders = "".join(border.format(b) for b in ("top", "left", "bottom", "right", "insideH", "insideV"))
    out = [f'<w:tbl xmlns:w="{W_NS}"><w:tblPr><w:tblW w:w="{sum(widths)}" w:type="dxa"/>'
           f'<w:tblBorders>{borders}</w:tblBorders><w:tblLayout w:type="fixed"/>'
           '<w:tblCellMar><w:left w:w="80" w:type="dxa"/><w:right w:w="80" w:type="dxa"/></w:tblCellMar>'
           "</w:tblPr><w:tblGrid>"]
    out.extend(f'<w:gridCol w:w="{w}"/>' for w in widths)
    out.append("</w:tblGrid>")
    out.append("<w:tr><w:trPr><w:tblHeader/><w:cantSplit/></w:trPr>")
    out.extend(_cell(w, _para(h, bold=True, center=True, font=HEADER_FONT), None)
               for w, h in zip(widths, table.header, strict=True))
    out.append("</w:tr>")
    for r in rows:
        row = table.rows[r]
        out.append("<w:tr>")
        for j, cell in enumerate(row):
            if cell is None:
                out.append(_cell(widths[j], "", "continue"))
            else:
                out.append(_cell(widths[j], _cell_paras(cell), "restart" if cell.rowspan > 1 else None))
        out.append("</w:tr>")
    out.append("</w:tbl>")
    return "".join(out)


def _set_style_fonts(doc) -> None:
    normal = doc.styles["Normal"]
    normal.font.name = LATIN_FONT
    normal.font.size = Pt(10.5)
    normal.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), BODY_FONT)


def write_docx(doc: ParsedDocument, *, header_every: int = 0) -> bytes:
    """The .docx as bytes. ``header_every`` > 0 splits the table into separate tables of that
    many tasks, each opening with the header row, as people do at manual page breaks."""
    table = official_table(doc)
    d = Document()
    _set_style_fonts(d)
    section = d.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Mm(297), Mm(210)
    section.left_margin = section.right_margin = Mm(20)
    section.top_margin = section.bottom_margin = Mm(18)
    body = d.element.body
    sect_pr = body[-1]
    if table.title:
        p = d.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = p.add_run(table.title)
        run.bold = True
        run.font.size = Pt(16)
        run.font.name = LATIN_FONT
        run._element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), TITLE_FONT)
    for line in table.meta_lines:
        d.add_paragraph(line)
    weights = [COLUMN_WEIGHTS.get(r, 1.5) for r in table.roles]
    total = sum(weights) or 1
    widths = [max(400, int(TEXT_WIDTH_TWIPS * w / total)) for w in weights]
    chunks: list[list[int]] = [[]]
    prev_task = -1
    for r, t_index in enumerate(table.task_of_row):
        if header_every and t_index != prev_task and t_index and t_index % header_every == 0:
            chunks.append([])
        prev_task = t_index
        chunks[-1].append(r)
    for k, rows in enumerate(chunks):
        if k:
            body.insert(body.index(sect_pr), parse_xml(
                f'<w:p xmlns:w="{W_NS}"><w:r><w:br w:type="page"/></w:r></w:p>'))
        body.insert(body.index(sect_pr), parse_xml(_table_xml(table, widths, rows)))
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()
