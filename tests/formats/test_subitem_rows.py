"""Seed 004 as an office lays it out in HTML, DOCX and XLSX: each sub-item's heading on a row of
its own, one cell spanning the three progress columns, the item's cells on the row below; the
serial, task and units cells merged down over all the task's rows; the header repeated part
way down. Read back, every task must equal what the text reader gives for the seed.

The files are built here from the seed as read (the seed's text stays in ../shared)."""

from __future__ import annotations

import html
import io

import pytest
from shared_docs import shared_path

from luoshi.ingest import ParsedDocument, read_document
from luoshi.vocab import ITEM_ROLES

SEED = "004_fea78dcb383e1fba.txt"
REPEAT_HEADER_AT = 40  # a page break: the header row again before this task


@pytest.fixture(scope="module")
def seed() -> ParsedDocument:
    return read_document(shared_path("seeds", SEED))


def _layout(doc: ParsedDocument) -> list[list[tuple[str, int, int] | None]]:
    """Rows of (text, rowspan, colspan) where a cell starts, None where a span covers."""
    roles = [c.role for c in doc.columns]
    run = [i for i, r in enumerate(roles) if r in ITEM_ROLES]
    fixed = [i for i in range(len(roles)) if i not in run]
    width = len(roles)
    header = [(c.header, 1, 1) for c in doc.columns]
    rows: list[list[tuple[str, int, int] | None]] = [header]
    for n, task in enumerate(doc.tasks):
        if n == REPEAT_HEADER_AT:
            rows.append(list(header))
        sub: list[list[tuple[str, int, int] | None]] = []
        for item in task.items:
            if item.heading is not None:
                row = [None] * width
                row[run[0]] = (item.heading, 1, len(run))
                sub.append(row)
            row = [None] * width
            for c in run:
                field = {
                    "done": item.done,
                    "problems": item.problems,
                    "next_steps": item.next_steps,
                }[str(roles[c])]
                row[c] = (field, 1, 1)
            sub.append(row)
        own = {
            "serial": task.serial,
            "task": task.text,
            "units": "、".join(task.units),
        }
        for c in fixed:
            sub[0][c] = (
                own.get(str(roles[c]), task.extra.get(doc.columns[c].header, "")),
                len(sub),
                1,
            )
        rows += sub
    return rows


def _html(rows) -> bytes:
    out = ["<html><body><p>2020年度市政府重点工作任务前三季度完成情况</p><table>"]
    for row in rows:
        out.append("<tr>")
        for cell in row:
            if cell is None:
                continue
            text, rs, cs = cell
            paras = "".join(f"<p>{html.escape(p)}</p>" for p in text.split("\n"))
            out.append(f'<td rowspan="{rs}" colspan="{cs}">{paras}</td>')
        out.append("</tr>")
    out.append("</table></body></html>")
    return "".join(out).encode()


def _xlsx(rows) -> bytes:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.cell(row=1, column=1, value="2020年度市政府重点工作任务前三季度完成情况")
    for r, row in enumerate(rows, start=2):
        for c, cell in enumerate(row, start=1):
            if cell is None:
                continue
            text, rs, cs = cell
            ws.cell(row=r, column=c, value=text)
            if rs > 1 or cs > 1:
                ws.merge_cells(
                    start_row=r, start_column=c, end_row=r + rs - 1, end_column=c + cs - 1
                )
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _docx(rows) -> bytes:
    """Word's own merging: w:gridSpan across, w:vMerge restart/continue down."""
    import docx
    from docx.oxml import parse_xml

    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    down: dict[int, int] = {}  # column -> rows still covered by a vertical merge
    out = [f"<w:tbl {w}><w:tblGrid>" + "<w:gridCol/>" * len(rows[0]) + "</w:tblGrid>"]
    for row in rows:
        out.append("<w:tr>")
        c = 0
        while c < len(row):
            cell = row[c]
            if cell is None:
                if down.get(c, 0) > 0:
                    down[c] -= 1
                    out.append("<w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc>")
                c += 1
                continue
            text, rs, cs = cell
            props = (f'<w:gridSpan w:val="{cs}"/>' if cs > 1 else "") + (
                '<w:vMerge w:val="restart"/>' if rs > 1 else ""
            )
            if rs > 1:
                down[c] = rs - 1
            paras = "".join(
                f'<w:p><w:r><w:t xml:space="preserve">{html.escape(p)}</w:t></w:r></w:p>'
                for p in text.split("\n")
            )
            out.append(f"<w:tc><w:tcPr>{props}</w:tcPr>{paras}</w:tc>")
            c += cs
        out.append("</w:tr>")
    out.append("</w:tbl>")
    d = docx.Document()
    d.add_paragraph("2020年度市政府重点工作任务前三季度完成情况")
    body = d.element.body
    body.insert(len(body) - 1, parse_xml("".join(out)))  # before the section properties
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


@pytest.mark.parametrize(("fmt", "build"), [("html", _html), ("xlsx", _xlsx), ("docx", _docx)])
def test_seed004_with_subitem_heading_rows_reads_back_exactly(seed, fmt, build):
    rows = _layout(seed)
    assert any(c is not None and c[2] == 3 for row in rows for c in row)  # heading rows exist
    back = read_document(build(rows), name=f"seed004.{fmt}")
    assert [c.role for c in back.columns] == [c.role for c in seed.columns]
    assert len(back.tasks) == len(seed.tasks)
    for got, want in zip(back.tasks, seed.tasks, strict=True):
        assert got.to_dict() == want.to_dict(), want.serial


def test_a_heading_row_spanning_only_part_of_the_progress_columns_is_not_a_heading():
    """Two cells in the progress columns (a done cell spanning two, and the next steps cell):
    an ordinary row, not a sub-item heading."""
    page = (
        "<table><tr><td>序号</td><td>任务内容</td><td>完成情况</td><td>存在问题</td>"
        "<td>下一步工作</td></tr>"
        "<tr><td>1</td><td>建设公园。</td><td colspan='2'>已完工。</td><td>验收。</td></tr>"
        "</table>"
    )
    doc = read_document(page.encode(), name="x.html")
    assert doc.tasks[0].items[0].heading is None
    assert doc.tasks[0].items[0].done == "已完工。"


def test_total_rows_and_rows_without_serials_each_get_one_warning():
    page = (
        "<table><tr><td>项目名称</td><td>责任单位</td><td>完成情况</td></tr>"
        "<tr><td>建设公园。</td><td>市建设局</td><td>已完工。</td></tr>"
        "<tr><td>新建学校。</td><td>市教育局</td><td>在建。</td></tr>"
        "<tr><td>合计</td><td></td><td>2项</td></tr>"
        "</table>"
    )
    doc = read_document(page.encode(), name="t.html")
    assert [t.text for t in doc.tasks] == ["建设公园。", "新建学校。"]  # 合计 is no task
    messages = [w.message for w in doc.warnings]
    assert sum("total/subtotal" in m for m in messages) == 1
    positional = [m for m in messages if "by position" in m]
    assert len(positional) == 1 and "no 序号 column" in positional[0]


def test_two_row_header_and_its_repeat():
    page = (
        "<p>2030年安澜市民生实事三季度进展情况</p><table>"
        "<tr><td rowspan='2'>序号</td><td rowspan='2'>项目名称</td><td rowspan='2'>责任单位</td>"
        "<td colspan='2'>2030年目标</td><td colspan='2'>进展</td></tr>"
        "<tr><td>数量</td><td>单位</td><td>已完成数</td><td>完成率</td></tr>"
        "<tr><td>1</td><td>新建公园</td><td>市建设局</td><td>3</td><td>个</td><td>2</td>"
        "<td>67%</td></tr>"
        "<tr><td rowspan='2'>序号</td><td rowspan='2'>项目名称</td><td rowspan='2'>责任单位</td>"
        "<td colspan='2'>2030年目标</td><td colspan='2'>进展</td></tr>"
        "<tr><td>数量</td><td>单位</td><td>已完成数</td><td>完成率</td></tr>"
        "<tr><td>2</td><td>新增床位</td><td>市卫健委</td><td>500</td><td>张</td><td>520</td>"
        "<td>104%</td></tr></table>"
    )
    doc = read_document(page.encode(), name="two.html")
    assert [c.header for c in doc.columns] == [
        "序号",
        "项目名称",
        "责任单位",
        "2030年目标·数量",
        "2030年目标·单位",
        "已完成数",
        "完成率",
    ]
    assert [str(c.role) for c in doc.columns][3:] == [
        "target",
        "target",
        "actual",
        "declared_status",
    ]
    assert [t.serial for t in doc.tasks] == ["1", "2"]  # the repeated two rows are no tasks
    assert doc.tasks[1].extra["已完成数"] == "520" and doc.tasks[1].extra["完成率"] == "104%"


def _pdf(rows) -> bytes:
    """The same rows as a ruled PDF table (reportlab, the built-in CJK font), spans as SPAN."""
    from xml.sax.saxutils import escape

    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

    if "STSong-Light" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    first = ParagraphStyle("c", fontName="STSong-Light", fontSize=9, leading=12, wordWrap="CJK")
    later = ParagraphStyle("c2", parent=first, spaceBefore=6)
    data, spans = [], []
    for r, row in enumerate(rows):
        out = []
        for c, cell in enumerate(row):
            if cell is None:
                out.append("")
                continue
            text, rs, cs = cell
            out.append(
                [
                    Paragraph(escape(p), first if i == 0 else later)
                    for i, p in enumerate(text.split("\n"))
                    if p
                ]
            )
            if rs > 1 or cs > 1:
                spans.append(("SPAN", (c, r), (c + cs - 1, r + rs - 1)))
        data.append(out)
    table = Table(data, colWidths=[30, 150, 80, 170, 130, 130], repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                *spans,
            ]
        )
    )
    title = ParagraphStyle("t", fontName="STSong-Light", fontSize=14, leading=20)
    buf = io.BytesIO()
    SimpleDocTemplate(buf, pagesize=landscape(A4)).build(
        [Paragraph("2020年度市政府重点工作任务前三季度完成情况", title), table]
    )
    return buf.getvalue()


def test_pdf_with_subitem_heading_rows_reads_back_exactly():
    from tests.formats.docgen import seed004_like

    doc = seed004_like(8, seed=7)
    assert any(i.heading for t in doc.tasks for i in t.items)
    back = read_document(_pdf(_layout(doc)), name="subitems.pdf")
    assert [c.role for c in back.columns] == [c.role for c in doc.columns]
    assert [t.to_dict() for t in back.tasks] == [t.to_dict() for t in doc.tasks]
