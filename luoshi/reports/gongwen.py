"""Word documents laid out as a 公文 (GB/T 9704-2012, 党政机关公文格式), for the bulletin and the
stocktake pack.

What the standard asks and where it is done:

* A4 paper; margins top 37 mm, bottom 35 mm, left 28 mm, right 26 mm (``MARGINS_MM``);
* title 2号 (22 pt) 方正小标宋简体, centred; body 3号 (16 pt) 仿宋_GB2312, 22 lines a page
  (exact line spacing ``LINE_PT``), first line indented two characters;
* first-level headings (一、) 3号 黑体, second-level ((一)) 3号 楷体_GB2312 — as paragraph
  styles with outline levels 0 and 1, so Word's and WPS's navigation pane shows them;
* page numbers 4号 (14 pt) 宋体 Arabic numerals between em dashes, "— 1 —", odd pages on the
  right and even pages on the left (one character in from the edge);
* fonts named for East Asian text (``w:eastAsia``) with Times New Roman for Latin and digits,
  so Word and WPS use the 公文 fonts where installed; elsewhere (LibreOffice on Linux) the
  system substitutes its own CJK fonts.

Tables (attachments) are written as WordprocessingML directly: python-docx's cell API is
quadratic in rows and a 1,000-task report's lists must stay fast.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field
from xml.sax.saxutils import escape

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import parse_xml
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MARGINS_MM = {"top": 37, "bottom": 35, "left": 28, "right": 26}
LINE_PT = 28.95  # 22 lines in the 225 mm type area
LATIN_FONT = "Times New Roman"
# style name -> (East Asian font, size pt, outline level or None)
STYLES = {
    "GW Title": ("方正小标宋简体", 22, None),
    "GW Heading 1": ("黑体", 16, 0),
    "GW Heading 2": ("楷体_GB2312", 16, 1),
    "GW Body": ("仿宋_GB2312", 16, None),
    "GW Table": ("仿宋_GB2312", 10.5, None),
}
PAGE_NUMBER_FONT = ("宋体", 14)
TEXT_WIDTH_TWIPS = int((210 - MARGINS_MM["left"] - MARGINS_MM["right"]) * 56.7)
_INVALID_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


@dataclass
class Block:
    """One piece of a document: ``h1``, ``h2``, ``p`` (body), ``center``, ``right``
    (signature lines), ``label`` (附件1, flush left in 黑体), ``subtitle`` (a smaller title),
    ``table`` (``header`` + ``rows``, ``widths`` as weights) or ``page`` (page break)."""

    kind: str
    text: str = ""
    header: list[str] = field(default_factory=list)
    rows: list[list[str]] = field(default_factory=list)
    widths: list[float] = field(default_factory=list)
    # (start, end) spans of ``text`` underlined with a dotted line: the evidence inside a
    # quotation. Sorted, not overlapping.
    marks: list[tuple[int, int]] = field(default_factory=list)


def _set_fonts(element, east_asia: str, size: float | None = None) -> None:
    rpr = element.get_or_add_rPr()
    fonts = rpr.get_or_add_rFonts()
    fonts.set(qn("w:ascii"), LATIN_FONT)
    fonts.set(qn("w:hAnsi"), LATIN_FONT)
    fonts.set(qn("w:eastAsia"), east_asia)
    fonts.set(qn("w:hint"), "eastAsia")
    if size is not None:
        for tag in ("w:sz", "w:szCs"):
            el = rpr.find(qn(tag))
            if el is None:
                el = parse_xml(f'<{tag} xmlns:w="{W_NS}"/>')
                rpr.append(el)
            el.set(qn("w:val"), str(round(size * 2)))


def _styles(d) -> None:
    normal = d.styles["Normal"]
    normal.font.name = LATIN_FONT
    _set_fonts(normal.element, STYLES["GW Body"][0], STYLES["GW Body"][1])
    for name, (font, size, level) in STYLES.items():
        style = d.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = normal
        style.font.size = Pt(size)
        style.font.bold = False
        _set_fonts(style.element, font, size)
        pf = style.paragraph_format
        pf.space_before = pf.space_after = Pt(0)
        if name != "GW Table":
            pf.line_spacing_rule = WD_LINE_SPACING.EXACTLY
            pf.line_spacing = Pt(LINE_PT)
        if name in ("GW Body", "GW Heading 1", "GW Heading 2"):
            pf.first_line_indent = Pt(32)  # two characters of 16 pt
        if name == "GW Title":
            pf.alignment = WD_ALIGN_PARAGRAPH.CENTER
            pf.line_spacing = Pt(36)  # a 22 pt title on 28.95 pt lines would clip
        if level is not None:
            ppr = style.element.get_or_add_pPr()
            ppr.append(parse_xml(f'<w:outlineLvl xmlns:w="{W_NS}" w:val="{level}"/>'))


def _page_number(footer, odd: bool) -> None:
    p = footer.paragraphs[0]
    p.alignment = WD_ALIGN_PARAGRAPH.RIGHT if odd else WD_ALIGN_PARAGRAPH.LEFT
    if odd:
        p.paragraph_format.right_indent = Pt(14)
    else:
        p.paragraph_format.left_indent = Pt(14)
    font, size = PAGE_NUMBER_FONT
    rpr = (f'<w:rPr><w:rFonts w:ascii="{font}" w:hAnsi="{font}" w:eastAsia="{font}"/>'
           f'<w:sz w:val="{size * 2}"/><w:szCs w:val="{size * 2}"/></w:rPr>')
    runs = (f'<w:r {_ns()}>{rpr}<w:t xml:space="preserve">— </w:t></w:r>',
            f'<w:r {_ns()}>{rpr}<w:fldChar w:fldCharType="begin"/></w:r>',
            f'<w:r {_ns()}>{rpr}<w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>',
            f'<w:r {_ns()}>{rpr}<w:fldChar w:fldCharType="separate"/></w:r>',
            f'<w:r {_ns()}>{rpr}<w:t>1</w:t></w:r>',
            f'<w:r {_ns()}>{rpr}<w:fldChar w:fldCharType="end"/></w:r>',
            f'<w:r {_ns()}>{rpr}<w:t xml:space="preserve"> —</w:t></w:r>')
    for run in runs:
        p._p.append(parse_xml(run))


def _ns() -> str:
    return f'xmlns:w="{W_NS}"'


def _x(text: str) -> str:
    return escape(_INVALID_XML.sub("", str(text)))


def _para(text: str, style_id: str, *, ppr: str = "", font: str | None = None,
          size: float | None = None, marks: list[tuple[int, int]] | None = None) -> str:
    rpr = ""
    if font or size:
        rpr = "<w:rPr>" + (f'<w:rFonts w:eastAsia="{font}"/>' if font else "") + (
            f'<w:sz w:val="{round(size * 2)}"/><w:szCs w:val="{round(size * 2)}"/>'
            if size else "") + "</w:rPr>"
    pieces, at = [], 0
    for start, end in marks or []:
        if at <= start < end <= len(text):
            pieces += [(text[at:start], False), (text[start:end], True)]
            at = end
    pieces.append((text[at:], False))
    dotted = '<w:u w:val="dotted"/></w:rPr>'
    underline = rpr[: -len("</w:rPr>")] + dotted if rpr else "<w:rPr>" + dotted
    runs = "".join(f'<w:r>{underline if marked else rpr}<w:t xml:space="preserve">{_x(piece)}'
                   "</w:t></w:r>" for piece, marked in pieces if piece)
    return f'<w:p {_ns()}><w:pPr><w:pStyle w:val="{style_id}"/>{ppr}</w:pPr>{runs}</w:p>'


def _table_xml(block: Block, style_id: str) -> str:
    n = len(block.header)
    weights = block.widths or [1.0] * n
    widths = [int(TEXT_WIDTH_TWIPS * w / sum(weights)) for w in weights]
    border = '<w:{0} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
    borders = "".join(border.format(b) for b in
                      ("top", "left", "bottom", "right", "insideH", "insideV"))

    def cell(width: int, text: str, bold: bool) -> str:
        paras = [p for p in str(text).split("\n")] or [""]
        body = "".join(
            f'<w:p><w:pPr><w:pStyle w:val="{style_id}"/></w:pPr>'
            + (f'<w:r><w:rPr>{"<w:b/>" if bold else ""}</w:rPr>'
               f'<w:t xml:space="preserve">{_x(p)}</w:t></w:r>' if p else "")
            + "</w:p>" for p in paras)
        return f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/></w:tcPr>{body}</w:tc>'

    out = [f'<w:tbl {_ns()}><w:tblPr><w:tblW w:w="{sum(widths)}" w:type="dxa"/>'
           f'<w:tblBorders>{borders}</w:tblBorders><w:tblLayout w:type="fixed"/></w:tblPr>'
           "<w:tblGrid>", *[f'<w:gridCol w:w="{w}"/>' for w in widths], "</w:tblGrid>",
           "<w:tr><w:trPr><w:tblHeader/><w:cantSplit/></w:trPr>",
           *[cell(w, h, True) for w, h in zip(widths, block.header, strict=True)], "</w:tr>"]
    for row in block.rows:
        out.append("<w:tr><w:trPr><w:cantSplit/></w:trPr>")
        out.extend(cell(w, c, False) for w, c in zip(widths, row, strict=True))
        out.append("</w:tr>")
    out.append("</w:tbl>")
    return "".join(out)


def write_gongwen(title: str, blocks: list[Block]) -> bytes:
    """The .docx of ``title`` and ``blocks`` as bytes."""
    d = Document()
    _styles(d)
    sec = d.sections[0]
    sec.page_width, sec.page_height = Mm(210), Mm(297)
    sec.top_margin, sec.bottom_margin = Mm(MARGINS_MM["top"]), Mm(MARGINS_MM["bottom"])
    sec.left_margin, sec.right_margin = Mm(MARGINS_MM["left"]), Mm(MARGINS_MM["right"])
    sec.footer_distance = Mm(28) - Mm(7)  # the number sits 7 mm under the type area
    d.settings.odd_and_even_pages_header_footer = True
    _page_number(sec.footer, odd=True)
    _page_number(sec.even_page_footer, odd=False)
    d.core_properties.title = title
    body = d.element.body
    sect_pr = body[-1]
    ids = {name: d.styles[name].style_id for name in STYLES}
    out = [_para(title, ids["GW Title"]), _para("", ids["GW Body"])]
    for b in blocks:
        if b.kind == "table":
            out.append(_table_xml(b, ids["GW Table"]))
        elif b.kind == "page":
            out.append(f'<w:p {_ns()}><w:r><w:br w:type="page"/></w:r></w:p>')
        elif b.kind == "h1":
            out.append(_para(b.text, ids["GW Heading 1"]))
        elif b.kind == "h2":
            out.append(_para(b.text, ids["GW Heading 2"]))
        elif b.kind == "subtitle":
            out.append(_para(b.text, ids["GW Title"], size=18))
        elif b.kind == "label":
            out.append(_para(b.text, ids["GW Body"], ppr='<w:ind w:firstLine="0"/>',
                             font=STYLES["GW Heading 1"][0]))
        elif b.kind == "center":
            out.append(_para(b.text, ids["GW Body"],
                             ppr='<w:ind w:firstLine="0"/><w:jc w:val="center"/>'))
        elif b.kind == "right":
            # 右空四字: four 16 pt characters = 1280 twips.
            out.append(_para(b.text, ids["GW Body"],
                             ppr='<w:ind w:right="1280" w:firstLine="0"/><w:jc w:val="right"/>'))
        else:
            out.append(_para(b.text, ids["GW Body"], marks=b.marks))
    # Paragraphs are built as WordprocessingML and inserted in one go: python-docx's
    # add_paragraph looks its style up by name among all styles on every call (quadratic).
    fragment = parse_xml(f"<w:body {_ns()}>{''.join(out)}</w:body>")
    for child in list(fragment):
        body.insert(body.index(sect_pr), child)
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()
