"""PDF reader: ruled tables across pages, spans, wrapped lines, scans and damaged files."""

from __future__ import annotations

import io

import pytest

from luoshi.export.pdf import write_pdf
from luoshi.ingest.errors import IngestError
from luoshi.ingest.formats.pdf import _join, _Line, read_pdf_grids
from tests.formats.docgen import (
    check_grid_identity,
    expected_signature,
    grid_signature,
    seed004_like,
)


@pytest.fixture(scope="module")
def generated():
    doc = seed004_like(9, seed=7)
    return doc, read_pdf_grids(write_pdf(doc), name="gen.pdf")


def test_seed004_shape_reads_back_cell_for_cell(generated) -> None:
    doc, grids = generated
    assert len(grids) == 1
    check_grid_identity(grids[0])
    assert grid_signature(grids[0]) == expected_signature(doc)
    assert "pages 1-" in grids[0].where  # one table over several pages, header repeated


def test_text_above_the_table_is_the_preamble(generated) -> None:
    _, grids = generated
    assert grids[0].preamble[0] == "2020年度市政府重点工作任务前三季度完成情况"
    assert "索引号:001008009005001/2020-179780" in grids[0].preamble


def _line(text: str, top: float, x1: float) -> _Line:
    chars = [{"text": ch, "x0": i * 10.0, "x1": i * 10.0 + 10, "top": top, "bottom": top + 10}
             for i, ch in enumerate(text)]
    chars[-1]["x1"] = x1
    return _Line(chars)


def test_wrapped_lines_join_and_short_lines_end_paragraphs_without_spacing() -> None:
    bbox = (0, 0, 100, 100)
    lines = [_line("一二三四五六七八九", 0, 95), _line("十。", 12, 20), _line("新段落", 24, 30)]
    assert _join(lines, bbox, gap_mode=False) == "一二三四五六七八九十。\n新段落"
    spaced = [_line("一二三", 0, 30), _line("四五", 12, 20), _line("新段落", 30, 30)]
    assert _join(spaced, bbox, gap_mode=True) == "一二三四五\n新段落"


def _canvas_pdf(draw) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    draw(c)
    c.showPage()
    c.save()
    return buf.getvalue()


def test_scanned_pdf_without_text_layer() -> None:
    def scan(c) -> None:  # a "scanned page": only shapes, a grid of lines and a filled box
        for i in range(6):
            c.line(50, 100 + 40 * i, 500, 100 + 40 * i)
        c.rect(60, 120, 200, 20, fill=1)

    with pytest.raises(IngestError) as exc:
        read_pdf_grids(_canvas_pdf(scan), name="scan.pdf")
    assert str(exc.value).startswith("scan.pdf: no text layer: scanned PDF?")


def test_pdf_with_text_but_no_ruled_table() -> None:
    with pytest.raises(IngestError, match="no ruled table"):
        read_pdf_grids(_canvas_pdf(lambda c: c.drawString(72, 720, "Report")), name="prose.pdf")


def test_damaged_pdf() -> None:
    with pytest.raises(IngestError, match=r"^bad\.pdf: corrupt PDF"):
        read_pdf_grids(b"%PDF-1.4\n1 0 obj << /Type /Catalog >>\ngarbage", name="bad.pdf")
