"""Word writer: A4 landscape, repeated header row, East Asian fonts, vertical merges."""

from __future__ import annotations

import io

import docx
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn

from luoshi.export.docx import write_docx
from tests.formats.docgen import seed004_like


def test_page_fonts_header_and_merges() -> None:
    doc = seed004_like(6)
    d = docx.Document(io.BytesIO(write_docx(doc)))
    s = d.sections[0]
    assert s.orientation == WD_ORIENT.LANDSCAPE and s.page_width > s.page_height
    assert abs(s.page_width.mm - 297) < 1 and abs(s.page_height.mm - 210) < 1
    assert d.styles["Normal"].element.rPr.rFonts.get(qn("w:eastAsia")) == "仿宋"
    assert d.paragraphs[0].text == doc.meta.title
    [table] = d.tables
    first = table.rows[0]._tr
    assert first.trPr.find(qn("w:tblHeader")) is not None  # repeated on every page
    assert [c.text for c in table.rows[0].cells] == [c.header for c in doc.columns]
    vmerges = [v.get(qn("w:val"), "continue") for v in table._tbl.iter(qn("w:vMerge"))]
    n_items = sum(len(t.items) for t in doc.tasks if len(t.items) > 1)
    n_multi = sum(1 for t in doc.tasks if len(t.items) > 1)
    assert vmerges.count("restart") == 3 * n_multi  # serial, task, units of each split task
    assert vmerges.count("continue") == 3 * (n_items - n_multi)
    bold = [r.text for r in table._tbl.iter(qn("w:r")) if r.find(f"{qn('w:rPr')}/{qn('w:b')}") is not None]
    headings = [it.heading for t in doc.tasks for it in t.items if it.heading]
    assert set(headings) <= set(bold)
