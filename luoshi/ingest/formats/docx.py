"""DOCX reader: every table of the body, in order, as expanded Grids.

Merged cells are expanded to one GridCell (w:gridSpan across, w:vMerge restart/continue down).
A table that continues the previous one (same width, only empty paragraphs between them —
Word users split a long table at page breaks and repeat the header) is concatenated to it, its
repeated header row kept as a row so the layout step skips it like any repeated header.
Paragraphs before the first table are the preamble (title, metadata block).
"""

from __future__ import annotations

import io
import zipfile

from lxml import etree

from luoshi.ingest.errors import IngestError
from luoshi.ingest.formats.cells import GridBuilder, clean_lines
from luoshi.ingest.formats.choose import progress_tables
from luoshi.ingest.formats.sniff import CFB_SIGNATURE
from luoshi.ingest.grid import Grid
from luoshi.ingest.safezip import xml_parser

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_P, _TBL, _TR, _TC = f"{{{W}}}p", f"{{{W}}}tbl", f"{{{W}}}tr", f"{{{W}}}tc"
_T, _BR, _CR, _TAB = f"{{{W}}}t", f"{{{W}}}br", f"{{{W}}}cr", f"{{{W}}}tab"
_VAL = f"{{{W}}}val"
_SDT_CONTENT = f"{{{W}}}sdtContent"


def _para_text(p) -> str:
    out = []
    for el in p.iter(_T, _BR, _CR, _TAB):  # deleted revisions are w:delText: not read
        if el.tag == _T:
            out.append(el.text or "")
        elif el.tag in (_BR, _CR):
            out.append("\n")
        elif el.tag == _TAB:
            out.append("\t")
    return "".join(out)


def _cell_text(tc) -> str:
    lines: list[str] = []
    for p in tc.iter(_P):
        lines.extend(_para_text(p).split("\n"))
    return clean_lines(lines)


def _int_attr(el, default: int = 1) -> int:
    if el is None:
        return default
    try:
        return max(1, int(el.get(_VAL, default)))
    except ValueError:
        return default


def _rows(tbl) -> list:
    return [tr for tr in tbl if tr.tag == _TR]


def _table_grid(tbl, index: int) -> Grid:
    b = GridBuilder()
    for r, tr in enumerate(_rows(tbl)):
        b._ensure(r, 0)
        col = 0
        trpr = tr.find(f"{{{W}}}trPr")
        if trpr is not None:
            col = _int_attr(trpr.find(f"{{{W}}}gridBefore"), 0)
        for tc in tr.iter(_TC):
            if tc.getparent() is not tr and tc.getparent().tag != _SDT_CONTENT:
                continue  # a nested table's cell
            tcpr = tc.find(f"{{{W}}}tcPr")
            span = 1
            vmerge = None
            if tcpr is not None:
                span = _int_attr(tcpr.find(f"{{{W}}}gridSpan"))
                vm = tcpr.find(f"{{{W}}}vMerge")
                if vm is not None:
                    vmerge = vm.get(_VAL, "continue")
            if vmerge == "continue" and b.extend_down(r, col) is not None:
                col += span
                continue
            b.place(r, col, _cell_text(tc), 1, span)
            col += span
    return b.grid(where=f"table {index}")


def _body_blocks(body):
    """(kind, element) for the body's paragraphs and tables in order, looking into w:sdt."""
    for el in body:
        if el.tag == _P:
            yield "p", el
        elif el.tag == _TBL:
            yield "tbl", el
        elif el.tag == f"{{{W}}}sdt":
            content = el.find(_SDT_CONTENT)
            if content is not None:
                yield from _body_blocks(content)


def _continues(prev: Grid, grid: Grid) -> bool:
    return bool(prev.rows and grid.rows) and prev.width == grid.width


def read_docx_grids(data: bytes, *, name: str = "") -> list[Grid]:
    """The progress tables of a Word .docx file. Raises IngestError for an encrypted or old
    .doc file, a corrupt archive, or a document without a table."""
    if data.startswith(CFB_SIGNATURE):
        raise IngestError(
            name,
            "not a .docx archive: an OLE2 file (encrypted .docx or old .doc); "
            "save it as an unprotected .docx",
        )
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            xml = zf.read("word/document.xml")
    except KeyError as exc:
        raise IngestError(
            name, "not a Word document: the archive has no word/document.xml"
        ) from exc
    except (zipfile.BadZipFile, OSError, EOFError, ValueError) as exc:
        raise IngestError(name, f"corrupt .docx (damaged or truncated archive): {exc}") from exc
    try:
        root = etree.fromstring(xml, parser=xml_parser())
    except etree.XMLSyntaxError as exc:
        raise IngestError(
            name, f"corrupt .docx: word/document.xml is not well-formed: {exc}"
        ) from exc
    body = root.find(f"{{{W}}}body")
    if body is None:
        raise IngestError(name, "corrupt .docx: no document body")

    grids: list[Grid] = []
    preamble: list[str] = []
    gap_text = False  # non-empty paragraph since the last table
    index = 0
    for kind, el in _body_blocks(body):
        if kind == "p":
            text = clean_lines(_para_text(el).split("\n"))
            if text:
                gap_text = True
                preamble.extend(text.split("\n"))
            continue
        index += 1
        grid = _table_grid(el, index)
        if not grid.rows:
            continue
        if grids and not gap_text and _continues(grids[-1], grid):
            _append(grids[-1], grid)
        else:
            grid.preamble = preamble
            grids.append(grid)
        preamble = []
        gap_text = False
    if not grids:
        raise IngestError(
            name, "no table in the Word document (the progress table must be a Word table)"
        )
    return progress_tables(grids)


def _append(into: Grid, more: Grid) -> None:
    """Concatenate ``more`` under ``into``, moving its cells' rows."""
    offset = len(into.rows)
    seen: set[int] = set()
    for row in more.rows:
        for cell in row:
            if cell is not None and id(cell) not in seen:
                seen.add(id(cell))
                cell.row += offset
        into.rows.append(row)
    into.where = f"{into.where}+{more.where.removeprefix('table ')}"
