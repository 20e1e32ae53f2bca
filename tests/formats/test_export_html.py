"""HTML writer: standalone page, rowspans, escaped text, bold headings."""

from __future__ import annotations

import lxml.html

from luoshi.export.html import write_html
from tests.formats.docgen import seed004_like


def test_page_structure() -> None:
    doc = seed004_like(6)
    doc.tasks[0].text = "<script>alert(1)</script>&"
    page = write_html(doc).decode("utf-8")
    root = lxml.html.document_fromstring(page)
    assert root.find(".//h1").text == doc.meta.title
    assert [th.text for th in root.iterfind(".//thead/tr/th")] == [c.header for c in doc.columns]
    assert root.find(".//script") is None and "&lt;script&gt;" in page
    multi = [t for t in doc.tasks if len(t.items) > 1]
    spans = [int(td.get("rowspan")) for td in root.iterfind(".//td[@rowspan]")]
    assert spans == [len(t.items) for t in multi for _ in range(3)]
    headings = [s.text for s in root.iterfind(".//td/strong")]
    assert headings == [it.heading for t in multi for it in t.items]
