"""Hostile and damaged input files, built by code (nothing binary is committed).

Each builder returns the file's bytes. ``HOSTILE`` files must end in ``IngestError`` (a
declared limit or a clear reason) quickly and in little memory; ``ODD`` files are strange but
legitimate and must still be read. ``tests/ingest/test_hostile.py`` runs each in a child
process with an address-space limit and a timeout.

Run as a script to write them all into a directory, e.g. to try them by hand::

    python tests/ingest/hostile_files.py /tmp/hostile
    luoshi import /tmp/hostile/*
"""

from __future__ import annotations

import io
import re
import sys
import zipfile
import zlib
from collections.abc import Callable
from functools import cache
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # run as a script from anywhere

from luoshi.export import write_document
from luoshi.export.pdf import write_pdf
from tests.formats.docgen import seed004_like

MB = 1 << 20
BOMB = 128 * MB  # four times the default member limit: the size a bomb inflates to
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
HEADER = "序号|任务内容|责任单位|完成情况|存在问题|下一步工作"
CELLS_HEADER = "\n\n".join(HEADER.split("|")) + "\n\n"
LAUGHS = (
    '<!DOCTYPE lolz [<!ENTITY lol "lol">'
    + "".join(
        f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">'
        for i in range(1, 10)
    )
    + "]>"
)


def _doc(fmt: str, n: int = 4) -> bytes:
    doc = seed004_like(n)
    return write_pdf(doc) if fmt == "pdf" else write_document(doc, fmt)


def _rezip(data: bytes, replace: dict[str, bytes | Callable[[bytes], bytes]],
           extra: dict[str, bytes] | None = None) -> bytes:
    """The archive with some members' content replaced (bytes, or a function of the old)."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            content = src.read(info)
            new = replace.get(info.filename)
            if new is not None:
                content = new(content) if callable(new) else new
            dst.writestr(info.filename, content)
        for name, content in (extra or {}).items():
            dst.writestr(name, content)
    return out.getvalue()


def _bomb_member(data: bytes, member: str, head: bytes, filler: bytes, size: int,
                 tail: bytes) -> bytes:
    """The archive with ``member`` replaced by ``head + filler * … + tail`` of ``size`` bytes,
    compressed while it is written (never held whole)."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    block = filler * (MB // len(filler))
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            if info.filename != member:
                dst.writestr(info.filename, src.read(info))
                continue
            with dst.open(member, "w", force_zip64=True) as f:
                f.write(head)
                for _ in range(size // len(block)):
                    f.write(block)
                f.write(tail)
    return out.getvalue()


def _damage_member(data: bytes, member: str) -> bytes:
    """Bytes in the middle of one member's deflate stream overwritten (zlib.error or CRC)."""
    zf = zipfile.ZipFile(io.BytesIO(data))
    info = zf.getinfo(member)
    # Local header: 30 bytes + name + extra, then the compressed data.
    name_len = int.from_bytes(data[info.header_offset + 26 : info.header_offset + 28], "little")
    extra_len = int.from_bytes(data[info.header_offset + 28 : info.header_offset + 30], "little")
    start = info.header_offset + 30 + name_len + extra_len
    mid = start + info.compress_size // 2
    b = bytearray(data)
    b[mid : mid + 16] = b"\xff" * 16
    return bytes(b)


def _sheet(edit: Callable[[str], str]) -> Callable[[bytes], bytes]:
    return lambda xml: edit(xml.decode()).encode()


def _before_sheetdata_end(extra: str) -> Callable[[bytes], bytes]:
    return _sheet(lambda x: x.replace("</sheetData>", extra + "</sheetData>"))


def _with_doctype(xml: bytes, doctype: str, entity_use: str, where: bytes) -> bytes:
    """``xml`` with a DOCTYPE after its declaration and an entity used inside ``where``."""
    text = xml.decode()
    decl = re.match(r"<\?xml[^>]*\?>\s*", text)
    pos = decl.end() if decl else 0
    text = text[:pos] + doctype + text[pos:]
    return text.replace(where.decode(), where.decode() + entity_use, 1).encode()


# --- XLSX ---------------------------------------------------------------------------------

def xlsx_far_cell() -> bytes:
    far = '<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row>'
    return _rezip(_doc("xlsx"), {"xl/worksheets/sheet1.xml": _before_sheetdata_end(far)})


def xlsx_huge_merge() -> bytes:
    return _rezip(_doc("xlsx"), {"xl/worksheets/sheet1.xml": _sheet(
        lambda x: x.replace('<mergeCell ref="A1:F1"/>', '<mergeCell ref="A3:XFD1048576"/>'))})


def xlsx_many_cells() -> bytes:
    rows = "".join(f'<row r="{r}">' + "<c><v>1</v></c>" * 110 + "</row>"
                   for r in range(100, 2100))
    return _rezip(_doc("xlsx"), {"xl/worksheets/sheet1.xml": _before_sheetdata_end(rows)})


def xlsx_zip_bomb() -> bytes:
    return _bomb_member(_doc("xlsx"), "xl/worksheets/sheet1.xml",
                        b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/'
                        b'2006/main"><sheetData>', b" ", BOMB, b"</sheetData></worksheet>")


def xlsx_damaged_member() -> bytes:
    return _damage_member(_doc("xlsx", 30), "xl/worksheets/sheet1.xml")


def xlsx_billion_laughs() -> bytes:
    cell = '<row r="200"><c r="A200" t="inlineStr"><is><t>&lol9;</t></is></c></row>'
    return _rezip(_doc("xlsx"), {"xl/worksheets/sheet1.xml": lambda x: _with_doctype(
        x, LAUGHS, "", b"<sheetData>").replace(b"</sheetData>", cell.encode() + b"</sheetData>")})


def xlsx_external_entity() -> bytes:
    doctype = '<!DOCTYPE w [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
    cell = '<row r="200"><c r="A200" t="inlineStr"><is><t>&xxe;</t></is></c></row>'
    return _rezip(_doc("xlsx"), {"xl/worksheets/sheet1.xml": lambda x: _with_doctype(
        x, doctype, "", b"<sheetData>").replace(b"</sheetData>", cell.encode() + b"</sheetData>")})


def xlsx_many_members() -> bytes:
    return _rezip(_doc("xlsx"), {}, {f"xl/media/m{i}.bin": b"" for i in range(6000)})


# --- DOCX ---------------------------------------------------------------------------------

def docx_zip_bomb() -> bytes:
    return _bomb_member(_doc("docx"), "word/document.xml",
                        f'<w:document xmlns:w="{W_NS}"><w:body><w:p><w:r><w:t>'.encode(),
                        "落实".encode(), BOMB, b"</w:t></w:r></w:p></w:body></w:document>")


def docx_billion_laughs() -> bytes:
    return _rezip(_doc("docx"), {"word/document.xml": lambda x: _with_doctype(
        x, LAUGHS, "<w:p><w:r><w:t>&lol9;</w:t></w:r></w:p>", b"<w:body>")})


def docx_deep_nesting() -> bytes:
    n = 100_000
    body = "<w:sdt><w:sdtContent>" * n + "</w:sdtContent></w:sdt>" * n
    return _rezip(_doc("docx"), {"word/document.xml": (
        f'<w:document xmlns:w="{W_NS}"><w:body>{body}</w:body></w:document>').encode()})


def docx_huge_gridspan() -> bytes:
    return _rezip(_doc("docx"), {"word/document.xml": lambda x: x.replace(
        b"<w:tcPr>", b'<w:tcPr><w:gridSpan w:val="1000000000"/>', 1)})


def docx_damaged_member() -> bytes:
    return _damage_member(_doc("docx", 30), "word/document.xml")


def docx_many_rows() -> bytes:
    row = "<w:tr>" + "<w:tc><w:p/></w:tc>" * 12 + "</w:tr>"
    rows = row * 20_000
    return _rezip(_doc("docx"), {"word/document.xml": (
        f'<w:document xmlns:w="{W_NS}"><w:body><w:tbl>{rows}</w:tbl></w:body></w:document>'
    ).encode()})


def docx_truncated() -> bytes:
    data = _doc("docx", 30)
    return data[: len(data) * 2 // 3]


# --- HTML ---------------------------------------------------------------------------------

def html_spans() -> bytes:
    cell = '<td rowspan="1000" colspan="1000">x</td>'
    rows = "".join("<tr>" + cell * 4 + "</tr>" for _ in range(20))
    head = "<tr>" + "".join(f"<th>{h}</th>" for h in HEADER.split("|")) + "</tr>"
    return f"<html><body><table>{head}{rows}</table></body></html>".encode()


def html_many_tags() -> bytes:
    return ("<html><body><table><tr><td>序号</td><td>任务内容</td></tr><tr><td>1</td><td>"
            + "<b>" * 500_000 + "</td></tr></table></body></html>").encode()


def html_billion_laughs() -> bytes:
    return (f'<?xml version="1.0"?>{LAUGHS}<html><body><table><tr><td>序号</td><td>任务内容'
            "</td></tr><tr><td>1</td><td>&lol9;</td></tr></table></body></html>").encode()


# --- JSON ---------------------------------------------------------------------------------

def json_deep() -> bytes:
    return b'{"tasks": ' + b"[" * 100_000 + b"]" * 100_000 + b"}"


def json_many_values() -> bytes:
    return b'{"tasks": [' + b",".join([b"{}"] * 600_000) + b"]}"


def json_huge_number() -> bytes:
    return b'{"tasks": [{"serial": ' + b"9" * 100_000 + b', "text": "x"}]}'


# --- text and CSV -------------------------------------------------------------------------

def text_pipes_in_a_row() -> bytes:
    """The issue's 70 KB of "|\\t|\\t|" lines inside one row: the row split was quadratic."""
    return (CELLS_HEADER + "1\n\n建设城市公园。\n\n市建设局\n\n" + "|\t|\t|\n" * 12_000).encode()


SPACE_HEADER = " ".join(HEADER.split("|")) + " 牵头领导 完成时限\n"


def text_row_never_closes() -> bytes:
    """A space-separated table whose first row never ends (no further serial): 20,000 lines
    of one row, which the content alignment took hours over (quadratic in a row's pieces)."""
    return (SPACE_HEADER + "1 建设城市公园。\n" + "推进建设工作。\n" * 20_000).encode()


def text_many_lines() -> bytes:
    return (CELLS_HEADER + "1\n" * 250_000).encode()


def text_too_big() -> bytes:
    return ("落实" * (3 * MB // 2)).encode() + b"\n"


def csv_wide_row() -> bytes:
    return (",".join(HEADER.split("|")) + "\n" + "1,x,y\n" * 1000 + "x," * 500_000).encode()


def csv_huge_field() -> bytes:
    return (",".join(HEADER.split("|")) + '\n1,"' + "长" * 200_000 + '",x\n').encode()


# --- PDF ----------------------------------------------------------------------------------

def _pdf(objects: list[bytes]) -> bytes:
    """A PDF of the given objects (1 is the catalog), with a correct xref table."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{i} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for off in offsets:
        out += f"{off:010d} 00000 n \n".encode()
    out += (f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n"
            ).encode()
    return bytes(out)


@cache
def _deflate_zeros(size: int) -> bytes:
    c = zlib.compressobj(9)
    block = b" " * MB
    return b"".join(c.compress(block) for _ in range(size // MB)) + c.flush()


def _one_page_pdf(stream: bytes, filters: str) -> bytes:
    return _pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
        f"<< /Length {len(stream)} /Filter {filters} >>\nstream\n".encode() + stream
        + b"\nendstream",
    ])


def pdf_stream_bomb() -> bytes:
    return _one_page_pdf(_deflate_zeros(BOMB), "/FlateDecode")


def pdf_nested_stream_bomb() -> bytes:
    inner = _deflate_zeros(BOMB)
    return _one_page_pdf(zlib.compress(inner, 9), "[/FlateDecode /FlateDecode]")


def pdf_ascii85_flate_bomb() -> bytes:
    """A deflate bomb behind ASCII85, the filter chain reportlab itself writes."""
    import base64

    a85 = base64.a85encode(_deflate_zeros(BOMB)) + b"~>"
    return _one_page_pdf(a85, "[/ASCII85Decode /FlateDecode]")


def _lzw_pack(codes: list[int]) -> bytes:
    """Codes packed the way pdfminer reads them: 9 bits after a clear (256), one more bit as
    its table reaches 511, 1023 and 2047 entries (each code after the first adds one)."""
    out = bytearray()
    acc = bits = 0
    nbits, table, first = 9, 258, True
    for code in codes:
        acc = (acc << nbits) | code
        bits += nbits
        while bits >= 8:
            bits -= 8
            out.append((acc >> bits) & 0xFF)
        acc &= (1 << bits) - 1
        if code == 256:
            nbits, table, first = 9, 258, True
            continue
        if first:
            first = False
            continue
        table += 1
        nbits = 12 if table >= 2047 else 11 if table >= 1023 else 10 if table >= 511 else nbits
    if bits:
        out.append((acc << (8 - bits)) & 0xFF)
    return bytes(out)


def pdf_lzw_bomb() -> bytes:
    """LZW codes each naming the newest, longest table entry: 60 KB decoding to ~300 MB."""
    codes = [256, 32, *range(258, 4096), *[4095] * 36_000]
    return _one_page_pdf(_lzw_pack(codes), "/LZWDecode")


def pdf_lzw_small_bomb() -> bytes:
    """Under the LZW size limit (20 KB) but decoding to ~45 MB."""
    codes = [256, 32, *range(258, 4096), *[4095] * 10_000]
    return _one_page_pdf(_lzw_pack(codes), "/LZWDecode")


def pdf_many_pages() -> bytes:
    n = 1000
    kids = " ".join(f"{i + 3} 0 R" for i in range(n))
    pages = [b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>"] * n
    return _pdf([b"<< /Type /Catalog /Pages 2 0 R >>",
                 f"<< /Type /Pages /Kids [{kids}] /Count {n} >>".encode(), *pages])


def _cid_font_pdf(font_extra: bytes, more: list[bytes]) -> bytes:
    """One page of text in a CID font (STSong-Light, not embedded) with ``font_extra`` in its
    descendant font dictionary and ``more`` objects after the five of the page."""
    content = b"BT /F1 12 Tf 100 700 Td <4E00> Tj ET"
    return _pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        f"<< /Length {len(content)} >>\nstream\n".encode() + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H "
        b"/DescendantFonts [<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light "
        b"/CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >> "
        + font_extra + b" >>] " + (b"/ToUnicode 6 0 R " if more else b"") + b">>",
        *more,
    ])


def pdf_font_width_range() -> bytes:
    """A CID font's width range over a billion codes (pdfminer makes one entry per code)."""
    return _cid_font_pdf(b"/W [1 999999999 500]", [])


def pdf_cmap_range() -> bytes:
    """A ToUnicode CMap mapping a range of four billion codes."""
    cmap = (b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /X def\n"
            b"1 begincodespacerange <00000000> <FFFFFFFF> endcodespacerange\n"
            b"1 beginbfrange <00000000> <FFFFFFFF> <00000041> endbfrange\n"
            b"endcmap CMapName currentdict /CMap defineresource pop end end")
    return _cid_font_pdf(b"", [f"<< /Length {len(cmap)} >>\nstream\n".encode() + cmap
                               + b"\nendstream"])


def pdf_truncated() -> bytes:
    data = _doc("pdf", 8)
    return data[: len(data) // 2]


def any_oversized() -> bytes:
    return b"%PDF-1.4\n" + b"\x00" * (31 * MB)


HOSTILE: dict[str, Callable[[], bytes]] = {
    "xlsx_far_cell.xlsx": xlsx_far_cell,
    "xlsx_huge_merge.xlsx": xlsx_huge_merge,
    "xlsx_many_cells.xlsx": xlsx_many_cells,
    "xlsx_zip_bomb.xlsx": xlsx_zip_bomb,
    "xlsx_damaged_member.xlsx": xlsx_damaged_member,
    "xlsx_billion_laughs.xlsx": xlsx_billion_laughs,
    "xlsx_external_entity.xlsx": xlsx_external_entity,
    "xlsx_many_members.xlsx": xlsx_many_members,
    "docx_zip_bomb.docx": docx_zip_bomb,
    "docx_billion_laughs.docx": docx_billion_laughs,
    "docx_deep_nesting.docx": docx_deep_nesting,
    "docx_huge_gridspan.docx": docx_huge_gridspan,
    "docx_damaged_member.docx": docx_damaged_member,
    "docx_many_rows.docx": docx_many_rows,
    "docx_truncated.docx": docx_truncated,
    "html_spans.html": html_spans,
    "html_many_tags.html": html_many_tags,
    "json_deep.json": json_deep,
    "json_many_values.json": json_many_values,
    "json_huge_number.json": json_huge_number,
    "text_pipes_in_a_row.txt": text_pipes_in_a_row,
    "text_row_never_closes.txt": text_row_never_closes,
    "text_many_lines.txt": text_many_lines,
    "text_too_big.txt": text_too_big,
    "csv_wide_row.csv": csv_wide_row,
    "csv_huge_field.csv": csv_huge_field,
    "pdf_stream_bomb.pdf": pdf_stream_bomb,
    "pdf_nested_stream_bomb.pdf": pdf_nested_stream_bomb,
    "pdf_many_pages.pdf": pdf_many_pages,
    "pdf_ascii85_flate_bomb.pdf": pdf_ascii85_flate_bomb,
    "pdf_lzw_bomb.pdf": pdf_lzw_bomb,
    "pdf_lzw_small_bomb.pdf": pdf_lzw_small_bomb,
    "pdf_font_width_range.pdf": pdf_font_width_range,
    "pdf_cmap_range.pdf": pdf_cmap_range,
    "pdf_truncated.pdf": pdf_truncated,
    "any_oversized.pdf": any_oversized,
}


# --- odd but legitimate: must still be read -----------------------------------------------

def xlsx_far_styled_empty_cell() -> bytes:
    """Formatting far away (Excel keeps it for whole rows/columns) is not part of the table."""
    far = '<row r="1048576"><c r="XFD1048576" s="0"/></row>'
    return _rezip(_doc("xlsx"), {"xl/worksheets/sheet1.xml": _before_sheetdata_end(far)})


def html_oversized_rowspan() -> bytes:
    """A rowspan reaching past the last row (browsers clip it)."""
    head = "<tr>" + "".join(f"<th>{h}</th>" for h in HEADER.split("|")) + "</tr>"
    row = '<tr><td rowspan="900">1</td><td>建设城市公园。</td><td>市建设局</td><td>已完成。</td>' \
          "<td>无</td><td>继续推进。</td></tr>"
    return f"<html><body><table>{head}{row}</table></body></html>".encode()


def html_many_small_tables() -> bytes:
    """Thousands of small tables next to the progress table (pairwise nesting checks were
    quadratic in their number)."""
    head = "<tr>" + "".join(f"<th>{h}</th>" for h in HEADER.split("|")) + "</tr>"
    row = ("<tr><td>1</td><td>建设城市公园。</td><td>市建设局</td><td>已完成。</td><td>无</td>"
           "<td>继续推进。</td></tr>")
    small = "<table><tr><td>a</td><td>b</td></tr></table>" * 5000
    return f"<html><body>{small}<table>{head}{row}</table></body></html>".encode()


def text_long_rows() -> bytes:
    """As many rows of 299 lines each (just under max_row_paragraphs) as max_lines allows:
    the most alignment work a text file can ask for (minutes before the alignment was made
    linear in a row's pieces; a few seconds with its shape tests run once per piece)."""
    return (SPACE_HEADER + "".join(f"{k} 建设城市公园{k}。\n" + "推进建设工作。\n" * 298
                                   for k in range(1, 167))).encode()


def xlsx_far_value_within_limits() -> bytes:
    """One value far down the sheet (row 16,000), so the table grid is about half max_cells:
    read, in a few seconds at most (iterating the area made a cell object per empty position)."""
    far = '<row r="16000"><c r="F16000" t="inlineStr"><is><t>x</t></is></c></row>'
    return _rezip(_doc("xlsx"), {"xl/worksheets/sheet1.xml": _before_sheetdata_end(far)})


ODD: dict[str, Callable[[], bytes]] = {
    "xlsx_far_value_within_limits.xlsx": xlsx_far_value_within_limits,
    "text_long_rows.txt": text_long_rows,
    "xlsx_far_styled_empty_cell.xlsx": xlsx_far_styled_empty_cell,
    "html_oversized_rowspan.html": html_oversized_rowspan,
    "html_many_small_tables.html": html_many_small_tables,
    "html_billion_laughs.html": html_billion_laughs,  # lxml's HTML parser expands no entities
}


def write_all(directory: Path) -> list[Path]:
    directory.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, build in {**HOSTILE, **ODD}.items():
        path = directory / name
        path.write_bytes(build())
        paths.append(path)
    return paths


if __name__ == "__main__":
    for p in write_all(Path(sys.argv[1] if len(sys.argv) > 1 else "hostile")):
        print(p, p.stat().st_size)
