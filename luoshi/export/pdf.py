"""PDF writer (reportlab, built-in CID font STSong-Light, so no font file is needed): A4
landscape, title and metadata above the official table, header row repeated on each page,
spans for the cells a task's sub-items share.

reportlab is a test/benchmark dependency, not a runtime one, so this writer is not in the
export registry; tests and benchmarks use it to make PDFs that the PDF reader must read back.
Paragraphs inside a cell are set apart by a small space, which the reader uses to tell a new
paragraph from a wrapped line.
"""

from __future__ import annotations

import io
from xml.sax.saxutils import escape

from luoshi.export.table import official_table, plain_lines
from luoshi.ingest.model import ParsedDocument
from luoshi.vocab import ColumnRole

FONT = "STSong-Light"
WEIGHTS = {ColumnRole.SERIAL: 0.6, ColumnRole.TASK: 3.0, ColumnRole.UNITS: 1.8, ColumnRole.DONE: 4.5,
           ColumnRole.PROBLEMS: 2.6, ColumnRole.NEXT_STEPS: 2.6}


def write_pdf(doc: ParsedDocument) -> bytes:
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

    if FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont(FONT))
    first = ParagraphStyle("cell", fontName=FONT, fontSize=9, leading=12, wordWrap="CJK")
    later = ParagraphStyle("cell2", parent=first, spaceBefore=6)
    title_style = ParagraphStyle("title", fontName=FONT, fontSize=16, leading=22, alignment=1, spaceAfter=6)
    meta_style = ParagraphStyle("meta", fontName=FONT, fontSize=10, leading=14)

    table = official_table(doc)

    def paras(text: str) -> list:
        return [Paragraph(escape(p), first if i == 0 else later) for i, p in enumerate(plain_lines(text))]

    data = [[paras(h) for h in table.header]]
    spans = []
    for r, row in enumerate(table.rows, start=1):
        data.append([paras(c.text) if c is not None else "" for c in row])
        for j, c in enumerate(row):
            if c is not None and c.rowspan > 1:
                spans.append(("SPAN", (j, r), (j, r + c.rowspan - 1)))
    page = landscape(A4)
    usable = page[0] - 30 * mm
    weights = [WEIGHTS.get(role, 1.5) for role in table.roles]
    widths = [usable * w / sum(weights) for w in weights]
    t = Table(data, colWidths=widths, repeatRows=1)
    t.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                           ("VALIGN", (0, 0), (-1, -1), "TOP"), *spans]))
    story = []
    if table.title:
        story.append(Paragraph(escape(table.title), title_style))
    story.extend(Paragraph(escape(x), meta_style) for x in table.meta_lines)
    story.append(t)
    buf = io.BytesIO()
    SimpleDocTemplate(buf, pagesize=page, leftMargin=15 * mm, rightMargin=15 * mm,
                      topMargin=15 * mm, bottomMargin=15 * mm, title=table.title).build(story)
    return buf.getvalue()
